import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalizeOptions } from './options.js';

test('a list of values becomes {label: String(value), value}', () => {
  assert.deepEqual(normalizeOptions(['a', 2, true]), [
    { label: 'a', value: 'a' },
    { label: '2', value: 2 },
    { label: 'true', value: true },
  ]);
});

test('option objects pass unchanged', () => {
  const options = [
    { label: 'A', value: 'a', disabled: true, title: 'first' },
    { label: 'B', value: 0 },
  ];
  assert.deepEqual(normalizeOptions(options), options);
});

test('a {value: label} dict becomes options keyed by string values', () => {
  assert.deepEqual(normalizeOptions({ nyc: 'New York', mtl: 'Montréal' }), [
    { label: 'New York', value: 'nyc' },
    { label: 'Montréal', value: 'mtl' },
  ]);
});

test('component labels stay components; nothing becomes []', () => {
  const label = { type: 'Span', namespace: 'dash_html_components', props: { children: 'x' } };
  assert.deepEqual(normalizeOptions({ x: label }), [{ label, value: 'x' }]);
  assert.deepEqual(normalizeOptions(undefined), []);
  assert.deepEqual(normalizeOptions(null), []);
  assert.deepEqual(normalizeOptions([]), []);
});
