// Patch operations (spec/callbacks.md §5.2; Dash T:test_patch.py::test_pch001_patch_operations, ::test_pch006_base_operators).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { div, input, ok, spec } from '../testing/fake-server.js';
import { testRuntime } from '../testing/test-runtime.js';
import type { PatchOperation, PatchValue } from './patch.js';
import { applyPatch, isPatch } from './patch.js';

function patch(...operations: [string, (string | number)[], Record<string, unknown>?][]): PatchValue {
  return {
    __dash_patch_update: '__dash_patch_update',
    operations: operations.map(([operation, location, params]): PatchOperation => ({
      operation,
      location,
      params: params ?? {},
    })),
  };
}

describe('Patch (§5.2)', () => {
  test('pch001 every operation, negative indices, intermediate objects; the input is not mutated', () => {
    const current = { list: [1, 2, 3], obj: { a: 1 }, n: 10, s: 'ab', nested: [{ y: [1, 2] }] };
    const frozen = structuredClone(current);
    const result = applyPatch(
      current,
      patch(
        ['Assign', ['obj', 'b'], { value: 2 }],
        ['Assign', ['new', 'deep'], { value: true }],
        ['Append', ['list'], { value: 4 }],
        ['Prepend', ['list'], { value: 0 }],
        ['Insert', ['list'], { index: -1, value: 3.5 }],
        ['Extend', ['list'], { value: [5, 6] }],
        ['Remove', ['list'], { value: 2 }],
        ['Delete', ['list', -1], {}],
        ['Merge', ['obj'], { value: { c: 3 } }],
        ['Add', ['n'], { value: 5 }],
        ['Mul', ['n'], { value: 2 }],
        ['Sub', ['n'], { value: 6 }],
        ['Div', ['n'], { value: 4 }],
        ['Add', ['s'], { value: 'c' }],
        ['Assign', ['nested', 0, 'y', -1], { value: 9 }],
        ['Reverse', ['nested', 0, 'y'], {}],
      ),
    );
    assert.deepEqual(result, {
      list: [0, 1, 3, 3.5, 4, 5],
      obj: { a: 1, b: 2, c: 3 },
      new: { deep: true },
      n: 6,
      s: 'abc',
      nested: [{ y: [9, 1] }],
    });
    assert.deepEqual(current, frozen);
    assert.deepEqual(applyPatch([1], patch(['Clear', [], {}])), []);
    assert.throws(() => applyPatch(undefined, patch(['Clear', [], {}])), /Cannot patch undefined/);
    assert.equal(isPatch({ __dash_patch_update: '__dash_patch_update', operations: [] }), true);
    assert.equal(isPatch({ operations: [] }), false);
  });

  test('a Patch that does not fit the value throws a PatchError naming the operation, location and types', () => {
    const current = { s: 'str', n: 1, list: [1], obj: { a: 1 } };
    const cases: [Parameters<typeof patch>[0], RegExp][] = [
      [['Append', ['s'], { value: 1 }], /Append at \["s"\]: needs a list, found a string/],
      [['Extend', ['list'], { value: 'x' }], /needs a list to extend with, found a string/],
      [['Merge', ['list'], { value: { b: 1 } }], /needs an object to merge into, found a list/],
      [['Add', ['obj'], { value: 1 }], /cannot add a number to an object/],
      [['Add', ['n'], { value: 'x' }], /cannot add a string to a number/],
      [['Sub', ['s'], { value: 1 }], /needs a number to change, found a string/],
      [['Clear', ['n'], {}], /needs a list, object or string, found a number/],
      [['Assign', ['s', 'deeper'], { value: 1 }], /cannot go into a string/],
      [['Reverse', ['missing'], {}], /needs a list, found nothing/],
      [['Frobnicate', [], {}], /unknown operation/],
    ];
    for (const [op, message] of cases) assert.throws(() => applyPatch(current, patch(op)), message);
    assert.deepEqual(current, { s: 'str', n: 1, list: [1], obj: { a: 1 } }, 'never mutated');
  });

  test('pch003 a patched children list keeps existing children and makes the new component addressable', async () => {
    const t = testRuntime(
      div({
        children: [input({ id: 'btn' }), div({ id: 'list', children: [div({ id: 'first' })] }), div({ id: 'log' })],
      }),
      [
        spec('list.children', { inputs: ['btn.n_clicks'], prevent_initial_call: true }),
        spec('log.children', { inputs: ['second.n_clicks'] }),
      ],
      {
        'list.children': () => ok({ list: { children: patch(['Append', [], { value: div({ id: 'second' }) }]) } }),
        'log.children': () => ok({ log: { children: 'second exists' } }),
      },
    );
    await t.start();
    t.edit('btn', { n_clicks: 1 });
    await t.settle();
    assert.deepEqual(t.prop('list', 'children'), [div({ id: 'first' }), div({ id: 'second' })]);
    assert.equal(t.prop('log', 'children'), 'second exists');
  });
});
