import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCallback } from './callback-graph.js';
import { cycleMessage, findDependencyCycle } from './cycles.js';
import type { CallbackSpec } from '../../shared/protocol.js';

function spec(output: string, inputs: string[]): CallbackSpec {
  return {
    output,
    inputs: inputs.map((p) => ({ id: p.slice(0, p.lastIndexOf('.')), property: p.slice(p.lastIndexOf('.') + 1) })),
    state: [],
    clientside_function: null,
    prevent_initial_call: false,
    background: null,
    dynamic_creator: null,
    no_output: false,
    optional: false,
    hidden: null,
    websocket: false,
    persistent: false,
  };
}

const defs = (specs: CallbackSpec[]) => specs.map((s, i) => parseCallback(s, i));

test('test_dvcv012/013: 2- and 3-step cycles are found and worded as Dash does', () => {
  const two = findDependencyCycle(defs([spec('a.children', ['b.children']), spec('b.children', ['a.children'])]));
  assert.match(
    cycleMessage(two ?? []),
    /^Dependency Cycle Found: (a\.children -> b\.children -> a\.children|b\.children -> a\.children -> b\.children)$/,
  );
  const three = findDependencyCycle(
    defs([spec('b.children', ['a.children']), spec('c.children', ['b.children']), spec('a.children', ['c.children'])]),
  );
  assert.deepEqual(three, ['a.children', 'b.children', 'c.children', 'a.children']);
});

test('test_dvcv005/016: an Input that is also its own Output is no cycle; a real loop through it is', () => {
  assert.equal(findDependencyCycle(defs([spec('a.value', ['a.value', 'b.value'])])), undefined);
  const loop = findDependencyCycle(
    defs([spec('..a.value...b.value..', ['a.value']), spec('c.value', ['b.value']), spec('a.value@x', ['c.value'])]),
  );
  assert.ok(loop?.includes('a.value') && loop.includes('c.value'));
});

test('an acyclic chain has no cycle', () => {
  assert.equal(
    findDependencyCycle(defs([spec('b.children', ['a.value']), spec('c.children', ['b.children'])])),
    undefined,
  );
});
