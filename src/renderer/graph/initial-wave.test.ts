// Initial load (spec/callbacks.md §1.5, §1.6, §1.10) and request bodies (spec/protocol-core.md §5.1).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { div, input, ok, prevented, spec, valueOf } from '../testing/fake-server.js';
import { testRuntime } from '../testing/test-runtime.js';

describe('initial wave', () => {
  test('rdsi001 output and inputs in layout: fires once, triggered empty, State read but never triggers', async () => {
    const t = testRuntime(
      div({ children: [input({ id: 'in', value: 'a' }), input({ id: 'st', value: 's' }), div({ id: 'out' })] }),
      [spec('out.children', { inputs: ['in.value'], state: ['st.value'] })],
      {
        'out.children': (r) =>
          ok({ out: { children: `${String(valueOf(r.inputs, 0))}/${String(valueOf(r.state, 0))}` } }),
      },
    );
    await t.start();
    assert.equal(t.server.calls.length, 1);
    assert.deepEqual(t.server.calls[0], {
      output: 'out.children',
      outputs: { id: 'out', property: 'children' },
      inputs: [{ id: 'in', property: 'value', value: 'a' }],
      changedPropIds: [],
      parsedChangedPropsIds: [],
      state: [{ id: 'st', property: 'value', value: 's' }],
    });
    assert.equal(t.prop('out', 'children'), 'a/s');
    t.edit('st', { value: 'changed' });
    await t.settle();
    assert.equal(t.server.calls.length, 1, 'editing State triggers nothing');
  });

  test('cbsc011 many inputs and outputs: exactly one call; multi-output body is an array', async () => {
    const t = testRuntime(
      div({ children: [input({ id: 'a', value: 1 }), input({ id: 'b' }), div({ id: 'x' }), div({ id: 'y' })] }),
      [spec('..x.children...y.children..', { inputs: ['a.value', 'b.value'] })],
      { '..x.children...y.children..': () => ok({ x: { children: 'X' }, y: { children: 'Y' } }) },
    );
    await t.start();
    assert.equal(t.server.calls.length, 1);
    const call = t.server.calls[0]!;
    assert.deepEqual(call.outputs, [
      { id: 'x', property: 'children' },
      { id: 'y', property: 'children' },
    ]);
    // an unset prop travels without `value` (JSON.stringify drops undefined)
    assert.deepEqual(call.inputs, [
      { id: 'a', property: 'value', value: 1 },
      { id: 'b', property: 'value' },
    ]);
    assert.equal('state' in call, false, 'no State: the key is absent');
    assert.deepEqual([t.prop('x', 'children'), t.prop('y', 'children')], ['X', 'Y']);
  });

  test('cbpi001 prevent_initial_call: skipped, downstream still fires, fires when an initial callback changes its input', async () => {
    const layout = div({
      children: [input({ id: 'a', value: 'a' }), div({ id: 'b', children: 'b0' }), div({ id: 'c' })],
    });
    const specs = [
      spec('b.children', { inputs: ['a.value'], prevent_initial_call: true }), // A: prevented
      spec('c.children', { inputs: ['b.children'] }), // B: fires with b's layout value
    ];
    const t = testRuntime(layout, specs, {
      'b.children': () => ok({ b: { children: 'from A' } }),
      'c.children': (r) => ok({ c: { children: `c:${String(valueOf(r.inputs, 0))}` } }),
    });
    await t.start();
    assert.equal(t.server.callsFor('b.children').length, 0);
    assert.equal(t.prop('c', 'children'), 'c:b0');

    // F: prevented, but its input is written by an initial callback → it runs in the initial wave.
    const t2 = testRuntime(
      div({ children: [input({ id: 'a', value: 1 }), div({ id: 'm' }), div({ id: 'f' })] }),
      [
        spec('m.children', { inputs: ['a.value'] }),
        spec('f.children', { inputs: ['m.children'], prevent_initial_call: true }),
      ],
      { 'm.children': () => ok({ m: { children: 'M' } }), 'f.children': () => ok({ f: { children: 'F' } }) },
    );
    await t2.start();
    assert.deepEqual(t2.server.callsFor('f.children')[0]?.changedPropIds, ['m.children']);
    assert.equal(t2.prop('f', 'children'), 'F');
  });

  test('cbmi001/cbmi002 all inputs absent: not fired, nor dependants fed only by its outputs', async () => {
    const t = testRuntime(
      div({ children: [input({ id: 'st', value: 1 }), div({ id: 'o1' }), div({ id: 'o2' })] }),
      [
        spec('o1.children', { inputs: ['missing.value'], state: ['st.value'] }),
        spec('o2.children', { inputs: ['o1.children'] }),
      ],
      { 'o1.children': () => ok({ o1: { children: 1 } }), 'o2.children': () => ok({ o2: { children: 2 } }) },
    );
    await t.start();
    assert.equal(t.server.calls.length, 0);
    assert.deepEqual(t.errors, []);
  });

  test('cbmi003 some inputs absent: fires and fails with the nonexistent-object error; later triggers work', async () => {
    const t = testRuntime(
      div({ children: [input({ id: 'a', value: 1 }), div({ id: 'o' }), div({ id: 'p' })] }),
      [spec('o.children', { inputs: ['a.value', 'gone.value'] }), spec('p.children', { inputs: ['a.value'] })],
      {
        'o.children': () => ok({ o: { children: 'never' } }),
        'p.children': (r) => ok({ p: { children: valueOf(r.inputs, 0) } }),
      },
    );
    await t.start();
    assert.equal(t.server.callsFor('o.children').length, 0);
    assert.equal(t.errors.length, 1);
    assert.match(
      t.errors[0]!.title,
      /A nonexistent object was used in an `Input` of a Dash callback\. The id of this object is `gone` and the property is `value`/,
    );
    t.edit('a', { value: 2 });
    await t.settle();
    assert.equal(t.prop('p', 'children'), 2);
  });

  test('rddp001 outputs absent: never scheduled; allow_optional input absent → null', async () => {
    const t = testRuntime(
      div({ children: [input({ id: 'a', value: 1 }), div({ id: 'o' })] }),
      [
        spec('nothere.children', { inputs: ['a.value'] }),
        spec('o.children', { inputs: ['a.value', 'opt.value'], optional: ['opt.value'] }),
      ],
      { 'o.children': () => ok({ o: { children: 'ok' } }) },
    );
    await t.start();
    assert.equal(t.server.callsFor('nothere.children').length, 0);
    assert.deepEqual(t.server.callsFor('o.children')[0]?.inputs, [
      { id: 'a', property: 'value', value: 1 },
      { id: 'opt', property: 'value', value: null },
    ]);
  });

  test('cbmt012 overlapping initial chains: each callback runs once', async () => {
    const t = testRuntime(
      div({ children: [input({ id: 'in', value: 1 }), div({ id: 'a' }), div({ id: 'b' }), div({ id: 'c' })] }),
      [
        spec('a.children', { inputs: ['in.value'] }),
        spec('b.children', { inputs: ['in.value', 'a.children'] }),
        spec('c.children', { inputs: ['a.children', 'b.children'] }),
      ],
      {
        'a.children': () => ok({ a: { children: 'A' } }),
        'b.children': () => ok({ b: { children: 'B' } }),
        'c.children': () => ok({ c: { children: 'C' } }),
      },
    );
    await t.start();
    assert.deepEqual(
      t.server.calls.map((c) => c.output),
      ['a.children', 'b.children', 'c.children'],
    );
    assert.deepEqual(t.server.callsFor('c.children')[0]?.changedPropIds, ['a.children', 'b.children']);
  });

  test('cbsc022/cbsc023/cbsc024 no-output and no-input callbacks on load', async () => {
    const t = testRuntime(
      div({ children: [input({ id: 'a', value: 1 }), div({ id: 'o' })] }),
      [
        spec('hash-no-output', { inputs: ['a.value'], no_output: true }),
        spec('o.children', { state: ['a.value'] }),
        spec('hash-nothing', { no_output: true }),
        spec('hash-absent', { inputs: ['missing.value'], no_output: true }),
      ],
      {
        'hash-no-output': () => prevented,
        'o.children': () => ok({ o: { children: 'no input' } }),
        'hash-nothing': () => prevented,
      },
    );
    await t.start();
    assert.equal(t.server.callsFor('hash-no-output').length, 1);
    assert.equal('outputs' in t.server.callsFor('hash-no-output')[0]!, false, 'no `outputs` key');
    assert.equal(t.prop('o', 'children'), 'no input');
    assert.equal(t.server.callsFor('hash-nothing').length, 1);
    assert.equal(t.server.callsFor('hash-absent').length, 0);
    t.edit('a', { value: 2 });
    await t.settle();
    assert.equal(t.server.callsFor('hash-no-output').length, 2, 'no-output callbacks fire on input changes');
  });
});
