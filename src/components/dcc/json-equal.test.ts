import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jsonEqual } from './json-equal.js';

test('jsonEqual compares structure, not identity or key order', () => {
  assert.ok(jsonEqual({ a: [1, { b: 'x' }], c: null }, { c: null, a: [1, { b: 'x' }] }));
  assert.ok(jsonEqual(null, null));
  assert.ok(!jsonEqual(null, undefined));
  assert.ok(!jsonEqual({ a: 1 }, { a: 1, b: 2 }));
  assert.ok(!jsonEqual({ a: undefined }, { b: undefined }));
  assert.ok(!jsonEqual([1, 2], [2, 1]));
  assert.ok(!jsonEqual([1], { 0: 1 }));
  assert.ok(!jsonEqual('1', 1));
});
