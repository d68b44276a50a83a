import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyKept, saveKept, takeKept, UserValues } from './user-values.js';

const input = (id: unknown, value: unknown): object => ({
  type: 'Input',
  namespace: 'dash_core_components',
  props: { id, value },
});
const layoutOf = (...children: object[]): object => ({
  type: 'Div',
  namespace: 'dash_html_components',
  props: { children },
});

class MemoryStorage {
  readonly #items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.#items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.#items.set(key, value);
  }
  removeItem(key: string): void {
    this.#items.delete(key);
  }
}

test('edited props are kept when the component still exists and its layout value is unchanged', () => {
  const first = layoutOf(input('a', 'x'), input('b', 'y'), input({ type: 'f', i: 1 }, 1), input('gone', 'g'));
  const values = new UserValues(first);
  values.record('a', ['value']);
  values.record('b', ['value']);
  values.record('{"i":1,"type":"f"}', ['value']);
  values.record('gone', ['value']);
  values.record('added-later', ['value']);
  const current: Record<string, unknown> = { a: 'typed', b: 'typed b', '{"i":1,"type":"f"}': 5, gone: 'G' };
  const storage = new MemoryStorage();
  saveKept(
    storage,
    values.snapshot((id) => current[id]),
  );

  // The new layout: `b`'s default changed, `gone` was removed.
  const second = layoutOf(input('a', 'x'), input('b', 'new default'), input({ type: 'f', i: 1 }, 1));
  const kept = takeKept(storage);
  assert.equal(kept.length, 4, 'components added by callbacks are not kept');
  const applied = applyKept(second, kept);
  assert.deepEqual(
    applied.map((k) => k.id),
    ['a', '{"i":1,"type":"f"}'],
  );
  assert.deepEqual(second, layoutOf(input('a', 'typed'), input('b', 'new default'), input({ type: 'f', i: 1 }, 5)));
  assert.deepEqual(takeKept(storage), [], 'read once');
});

test('originals stay those of the served layout, after kept values are applied', () => {
  const layout = layoutOf(input('a', 'x'));
  const values = new UserValues(layout);
  applyKept(layout, [{ id: 'a', prop: 'value', original: 'x', value: 'typed' }]);
  values.record('a', ['value']);
  assert.deepEqual(
    values.snapshot(() => 'typed'),
    [{ id: 'a', prop: 'value', original: 'x', value: 'typed' }],
  );
});

test('takeKept ignores what is not a list of kept values', () => {
  const storage = new MemoryStorage();
  storage.setItem('dash-ts:hot-reload:user-values', '{"a":1}');
  assert.deepEqual(takeKept(storage), []);
  storage.setItem('dash-ts:hot-reload:user-values', 'not json');
  assert.deepEqual(takeKept(storage), []);
});
