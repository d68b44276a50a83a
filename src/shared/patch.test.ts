// The Patch builder (spec/callbacks.md §5.2; Dash tests/unit/test_patch.py, the clientside PatchBuilder).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { isPatchUpdate, Patch } from './patch.js';

describe('Patch builder', () => {
  test('C088: every operation serialises to Dash wire form, in order', () => {
    const p = new Patch()
      .assign(['value'], 'v')
      .delete(['gone'])
      .append(['array'], 1)
      .prepend(['array'], 0)
      .insert(['array'], -1, 9)
      .extend(['array'], [2, 3])
      .merge([], { merged: true })
      .clear(['c'])
      .reverse(['array'])
      .remove(['array'], 2)
      .add(['n'], 1)
      .sub(['n'], 2)
      .mul(['n'], 3)
      .div(['n'], 4);
    assert.deepEqual(JSON.parse(JSON.stringify(p)), {
      __dash_patch_update: '__dash_patch_update',
      operations: [
        { operation: 'Assign', location: ['value'], params: { value: 'v' } },
        { operation: 'Delete', location: ['gone'], params: {} },
        { operation: 'Append', location: ['array'], params: { value: 1 } },
        { operation: 'Prepend', location: ['array'], params: { value: 0 } },
        { operation: 'Insert', location: ['array'], params: { index: -1, value: 9 } },
        { operation: 'Extend', location: ['array'], params: { value: [2, 3] } },
        { operation: 'Merge', location: [], params: { value: { merged: true } } },
        { operation: 'Clear', location: ['c'], params: {} },
        { operation: 'Reverse', location: ['array'], params: {} },
        { operation: 'Remove', location: ['array'], params: { value: 2 } },
        { operation: 'Add', location: ['n'], params: { value: 1 } },
        { operation: 'Sub', location: ['n'], params: { value: 2 } },
        { operation: 'Mul', location: ['n'], params: { value: 3 } },
        { operation: 'Div', location: ['n'], params: { value: 4 } },
      ],
    });
  });

  test('C088: at() locations nest and share one operation list (Python item access)', () => {
    const p = new Patch();
    const trace = p.at('data', 0);
    trace.at('x').append(4);
    trace.at('y').assign([1]);
    p.at('layout').merge({ title: 'T' });
    p.at('layout', 'xaxis').delete();
    p.at().add(1);
    p.at('list').insert(2, 'a').extend(['b']).remove('c').reverse().clear().prepend('z');
    p.at('n').sub(1).mul(2).div(3);
    assert.deepEqual(trace.location, ['data', 0]);
    assert.deepEqual(
      p.operations.map((o) => [o.operation, o.location]),
      [
        ['Append', ['data', 0, 'x']],
        ['Assign', ['data', 0, 'y']],
        ['Merge', ['layout']],
        ['Delete', ['layout', 'xaxis']],
        ['Add', []],
        ['Insert', ['list']],
        ['Extend', ['list']],
        ['Remove', ['list']],
        ['Reverse', ['list']],
        ['Clear', ['list']],
        ['Prepend', ['list']],
        ['Sub', ['n']],
        ['Mul', ['n']],
        ['Div', ['n']],
      ],
    );
    assert.deepEqual(p.operations[5]?.params, { index: 2, value: 'a' });
  });

  test('C088: build() is a copy; a Patch is recognised as its own wire form', () => {
    const p = new Patch().append(['a'], 1);
    const built = p.build();
    p.append(['a'], 2);
    assert.equal(built.operations.length, 1);
    assert.equal(isPatchUpdate(p), true);
    assert.equal(isPatchUpdate(built), true);
    assert.equal(isPatchUpdate({ operations: [] }), false);
    assert.equal(isPatchUpdate(null), false);
  });

  test('C088: bad arguments are refused when written, not when applied', () => {
    const p = new Patch();
    // @ts-expect-error a non-array extend is a TypeError, as in Python
    assert.throws(() => p.extend(['a'], 'abc'), /should be an array/);
    // @ts-expect-error merge takes an object
    assert.throws(() => p.merge(['a'], [1]), /should be an object/);
    assert.throws(() => p.insert(['a'], 1.5, 'x'), /integer/);
    assert.throws(() => p.at('a', 1.5), /not a valid key/);
    // @ts-expect-error a location is an array
    assert.throws(() => p.assign('a', 1), /must be an array/);
    assert.equal(p.operations.length, 0, 'nothing recorded');
  });
});
