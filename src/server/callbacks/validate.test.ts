import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnyArgument, AnyOutput } from '../../shared/dependencies.js';
import { Input, Output, State } from '../../shared/dependencies.js';
import { ALL, ALLSMALLER, MATCH } from '../../shared/wildcards.js';
import { DashError } from '../errors.js';
import { callbackHead, checkDeclaration, checkDependency, OutputIndex } from './validate.js';

function message(fn: () => void): string {
  try {
    fn();
  } catch (error) {
    assert.ok(error instanceof DashError);
    return error.message;
  }
  assert.fail('expected a DashError');
}

describe('checkDependency', () => {
  const head = 'In the callback for output(s) o.children';
  it('accepts string ids, dict ids with allowed wildcards, and the id values Dash allows', () => {
    checkDependency({ id: 'a-b_c', property: 'value' }, 'Input', 0, head);
    checkDependency({ id: { type: 'row', index: 3, on: true, all: ALL }, property: 'value' }, 'Input', 0, head);
    checkDependency({ id: { type: 'row', index: ALLSMALLER }, property: 'value' }, 'State', 0, head);
  });

  it('titles every mistake as Dash does and says what to fix', () => {
    assert.match(
      message(() => checkDependency({ id: '', property: 'v' }, 'Input', 2, head)),
      /^Callback item missing ID: .*Input\[2\]\.id is ""/,
    );
    assert.match(
      message(() => checkDependency({ id: 'a{b', property: 'v' }, 'State', 0, head)),
      /^Callback invalid ID string: .*'\{'/,
    );
    assert.match(
      message(() => checkDependency({ id: 'a', property: '' }, 'Output', 0, head)),
      /^Callback property error: /,
    );
    assert.match(
      message(() => checkDependency({ id: 7, property: 'v' }, 'Input', 0, head)),
      /^Callback ID type error: /,
    );
    assert.match(
      message(() => checkDependency({ id: {}, property: 'v' }, 'Input', 0, head)),
      /^Callback item missing ID: /,
    );
    assert.match(
      message(() => checkDependency({ id: { i: ALLSMALLER }, property: 'v' }, 'Output', 0, head)),
      /^Callback wildcard ID error: .*allowed wildcards for Outputs are ALL and MATCH/,
    );
    assert.match(
      message(() => checkDependency({ id: { i: null }, property: 'v' }, 'Input', 0, head)),
      /^Callback wildcard ID error: .*id\["i"\] is null/,
    );
  });
});

describe('checkDeclaration', () => {
  it('refuses a callback without Inputs only when it also prevents its initial call', () => {
    checkDeclaration([Output('o', 'children')], [], false);
    checkDeclaration([], [State('s', 'value')], false);
    assert.match(
      message(() => checkDeclaration([], [], true)),
      /^A callback is missing Inputs: In the callback without outputs or inputs/,
    );
    checkDeclaration([], [Input('i', 'value')], true);
  });

  it('names the callback by its outputs, or by its inputs when it has none', () => {
    assert.equal(callbackHead([Output('a', 'children')], []), 'In the callback for output(s) a.children');
    assert.equal(callbackHead([], [Input('i', 'value')]), 'In the callback without outputs on input(s) i.value');
  });
});

describe('OutputIndex', () => {
  const inputs: AnyArgument[] = [Input('i', 'value')];
  const register = (index: OutputIndex, outputs: AnyOutput[], key: string): void => {
    index.check(outputs, inputs);
    index.add(outputs, key);
  };

  it('finds repeats within one callback and across callbacks, unless allow_duplicate', () => {
    const index = new OutputIndex();
    assert.match(
      message(() => index.check([Output('a', 'x'), Output('a', 'x')], inputs)),
      /^Duplicate callback Outputs: /,
    );
    register(index, [Output('a', 'x')], 'a.x');
    assert.match(
      message(() => index.check([Output('a', 'x')], inputs)),
      /^Duplicate callback outputs: .*"a\.x"/,
    );
    index.check([Output('a', 'x', { allow_duplicate: true })], inputs);
    index.check([Output('a', 'y')], inputs);
  });

  it('compares wildcard outputs by overlap: same keys, equal values or a wildcard, MATCH never meets ALLSMALLER', () => {
    const index = new OutputIndex();
    register(index, [Output({ t: 'row', i: MATCH }, 'children')], 'k1');
    assert.match(
      message(() => index.check([Output({ t: 'row', i: ALL }, 'children')], inputs)),
      /^Overlapping wildcard callback outputs: .*of the callback "k1"/,
    );
    index.check([Output({ t: 'col', i: ALL }, 'children')], inputs);
    index.check([Output({ t: 'row', i: ALL, extra: 1 }, 'children')], inputs);
    index.check([Output({ t: 'row', i: ALL }, 'style')], inputs);
    assert.match(
      message(() => index.check([Output({ t: 'x', i: ALL }, 'v'), Output({ t: 'x', i: MATCH }, 'v')], inputs)),
      /overlaps another output .* of this callback/,
    );
  });
});
