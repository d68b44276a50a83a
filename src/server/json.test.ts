import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { noUpdate } from '../shared/dependencies.js';
import { DashError } from './errors.js';
import { checkRequestJson, encodeJson } from './json.js';

function nested(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i += 1) value = [value];
  return value;
}

describe('encodeJson', () => {
  it('never emits bare NaN or Infinity', () => {
    const text = encodeJson({ a: NaN, b: [Infinity, -Infinity, 1.5], c: { d: NaN } });
    assert.equal(text, '{"a":null,"b":[null,null,1.5],"c":{"d":null}}');
    assert.doesNotMatch(text, /NaN|Infinity/);
  });
  it('writes a nested noUpdate as Dash marker object, undefined as null', () => {
    assert.equal(encodeJson({ x: [noUpdate] }), '{"x":[{"_dash_no_update":"_dash_no_update"}]}');
    assert.equal(encodeJson(undefined), 'null');
  });
  it('writes BigInts as numbers when exact, else as strings', () => {
    assert.equal(encodeJson({ a: 12n, b: 2n ** 70n }), `{"a":12,"b":"${(2n ** 70n).toString()}"}`);
  });
  it('still throws on cycles', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    assert.throws(() => encodeJson(cyclic), TypeError);
  });
});

describe('checkRequestJson', () => {
  it('accepts values up to the limit', () => {
    checkRequestJson(nested(64), 64);
    checkRequestJson({ a: [{ b: 1 }] }, 3);
    checkRequestJson('text', 1);
    checkRequestJson(null, 1);
  });
  it('refuses deeper values, without recursion even at 100,000 levels', () => {
    for (const value of [nested(65), nested(100_000)]) {
      assert.throws(
        () => checkRequestJson(value, 64),
        (error) => error instanceof DashError && error.code === 'DASH_ERR_TOO_DEEP' && error.statusCode === 400,
      );
    }
    assert.throws(() => checkRequestJson({ a: [{ b: {} }] }, 3), DashError);
  });
  it('refuses prototype keys that a lenient parser let through', () => {
    const proto = JSON.parse('{"a":{"__proto__":{"polluted":1}}}') as unknown;
    assert.throws(
      () => checkRequestJson(proto, 64),
      (error) => error instanceof DashError && error.statusCode === 400,
    );
    const ctor = JSON.parse('{"constructor":{"prototype":{"polluted":1}}}') as unknown;
    assert.throws(() => checkRequestJson(ctor, 64), DashError);
    // `constructor` alone is harmless (spec/security.md §1.7).
    checkRequestJson({ constructor: 1 }, 64);
    assert.equal(({} as Record<string, unknown>)['polluted'], undefined);
  });
});
