import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { noUpdate } from '../../shared/dependencies.js';
import { checkSerialisable, describeReturn, findUnserialisable } from './validate-return.js';

describe('findUnserialisable', () => {
  it('accepts plain JSON data, components, noUpdate, bigints and shared (non-cyclic) references', () => {
    const shared = { a: 1 };
    const value = {
      s: 'x',
      n: 1,
      b: true,
      z: null,
      list: [1, 'two', { three: [3] }],
      component: { type: 'Div', namespace: 'dash_html_components', props: { children: 'hi' } },
      keep: noUpdate,
      big: 10n,
      again: [shared, shared],
      bare: Object.create(null) as object,
    };
    assert.equal(findUnserialisable(value), undefined);
  });

  it('names the first bad value and its path', () => {
    assert.deepEqual(
      findUnserialisable(() => 1),
      ['', 'a function'],
    );
    assert.deepEqual(findUnserialisable({ a: [1, { b: Symbol('s') }] }), ['.a[1].b', 'a symbol']);
    assert.deepEqual(findUnserialisable({ 'odd key': new Set([1]) }), ['["odd key"]', 'a Set']);
    class Point {
      x = 1;
    }
    assert.deepEqual(findUnserialisable([new Point()]), ['[0]', 'a Point']);
  });

  it('finds cycles without overflowing on deep values', () => {
    const loop: Record<string, unknown> = {};
    loop['self'] = { back: loop };
    assert.deepEqual(findUnserialisable(loop), ['.self.back', 'a reference back to one of its own parents (a cycle)']);
    let deep: unknown = 'leaf';
    for (let i = 0; i < 100_000; i += 1) deep = [deep];
    assert.equal(findUnserialisable(deep), undefined);
  });
});

describe('checkSerialisable / describeReturn', () => {
  it('throws DASH_ERR_CALLBACK_RETURN naming the output', () => {
    assert.throws(
      () => checkSerialisable({ m: new Map() }, 'out.children'),
      (e: Error & { code?: string }) =>
        e.code === 'DASH_ERR_CALLBACK_RETURN' && /a Map at \.m for the output out\.children/.test(e.message),
    );
    assert.doesNotThrow(() => checkSerialisable([1, 2], 'out.children'));
  });

  it('describes returned values briefly', () => {
    assert.equal(describeReturn([1, 2]), 'an array of 2');
    assert.equal(describeReturn(undefined), 'undefined');
    assert.equal(describeReturn('x'), 'a string');
    assert.equal(describeReturn({}), 'an Object');
  });
});
