// Triggers, merging, readiness and circular protection (spec/callbacks.md §2.1, §2.3, §2.4, §2.9, §1.7).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { deferred, div, input, ok, prevented, spec, valueOf } from '../testing/fake-server.js';
import { testRuntime } from '../testing/test-runtime.js';

describe('triggers (§2.1)', () => {
  test('cbsc014 several props changed in one setProps trigger a callback once, with all of them', async () => {
    const t = testRuntime(
      div({ children: [input({ id: 'in' }), div({ id: 'out' })] }),
      [spec('out.children', { inputs: ['in.value', 'in.n_submit'], prevent_initial_call: true })],
      { 'out.children': () => ok({ out: { children: 'x' } }) },
    );
    await t.start();
    t.edit('in', { value: 'v', n_submit: 1 });
    await t.settle();
    assert.equal(t.server.calls.length, 1);
    assert.deepEqual(t.server.calls[0]?.changedPropIds, ['in.value', 'in.n_submit']);
  });

  test('a setProps whose value is deep-equal to the current one is not applied and triggers nothing', async () => {
    const t = testRuntime(
      div({ children: [input({ id: 'in', value: { a: [1, 2] } }), div({ id: 'out' })] }),
      [spec('out.children', { inputs: ['in.value'], prevent_initial_call: true })],
      { 'out.children': () => ok({ out: { children: 'x' } }) },
    );
    await t.start();
    t.edit('in', { value: { a: [1, 2] } });
    await t.settle();
    assert.equal(t.server.calls.length, 0);
  });

  test('cbpu003 an output triggers its dependants even when the value is identical', async () => {
    let clicks = 0;
    const t = testRuntime(
      div({ children: [input({ id: 'btn' }), div({ id: 'mid', children: 'same' }), div({ id: 'end' })] }),
      [
        spec('mid.children', { inputs: ['btn.n_clicks'], prevent_initial_call: true }),
        spec('end.children', { inputs: ['mid.children'], prevent_initial_call: true }),
      ],
      {
        'mid.children': () => ok({ mid: { children: 'same' } }),
        'end.children': () => ok({ end: { children: ++clicks } }),
      },
    );
    await t.start();
    t.edit('btn', { n_clicks: 1 });
    await t.settle();
    t.edit('btn', { n_clicks: 2 });
    await t.settle();
    assert.equal(t.server.callsFor('end.children').length, 2);
    assert.equal(t.prop('end', 'children'), 2);
  });
});

describe('readiness (§2.4)', () => {
  test('cbmt009 branched chain waits for all ancestors and runs once with consistent inputs', async () => {
    // c1: a → b; c2: b → c; c3: [a, c] → d (the §2.4 example)
    const t = testRuntime(
      div({ children: [input({ id: 'a', value: 0 }), div({ id: 'b' }), div({ id: 'c' }), div({ id: 'd' })] }),
      [
        spec('b.children', { inputs: ['a.value'], prevent_initial_call: true }),
        spec('c.children', { inputs: ['b.children'], prevent_initial_call: true }),
        spec('d.children', { inputs: ['a.value', 'c.children'], prevent_initial_call: true }),
      ],
      {
        'b.children': (r) => ok({ b: { children: `b${String(valueOf(r.inputs, 0))}` } }),
        'c.children': (r) => ok({ c: { children: `c${String(valueOf(r.inputs, 0))}` } }),
        'd.children': (r) => ok({ d: { children: `${String(valueOf(r.inputs, 0))}|${String(valueOf(r.inputs, 1))}` } }),
      },
    );
    await t.start();
    t.edit('a', { value: 1 });
    await t.settle();
    assert.deepEqual(
      t.server.calls.map((c) => c.output),
      ['b.children', 'c.children', 'd.children'],
    );
    assert.deepEqual(t.server.callsFor('d.children')[0]?.changedPropIds, ['a.value', 'c.children']);
    assert.equal(t.prop('d', 'children'), '1|cb1');
  });

  test('cbcx006 initial chain: the dependant runs after its upstream with the upstream prop in triggered', async () => {
    const t = testRuntime(
      div({ children: [input({ id: 'in', value: 1 }), div({ id: 'a' }), div({ id: 'b' })] }),
      [spec('a.children', { inputs: ['in.value'] }), spec('b.children', { inputs: ['a.children'] })],
      { 'a.children': () => ok({ a: { children: 'A' } }), 'b.children': () => ok({ b: { children: 'B' } }) },
    );
    await t.start();
    assert.deepEqual(t.server.callsFor('a.children')[0]?.changedPropIds, []);
    assert.deepEqual(t.server.callsFor('b.children')[0]?.changedPropIds, ['a.children']);
    assert.equal(t.server.calls.length, 2);
  });

  test('cbmt002 upstream prevented: a directly triggered dependant still runs afterwards', async () => {
    const t = testRuntime(
      div({ children: [input({ id: 'in' }), div({ id: 'mid' }), div({ id: 'out' })] }),
      [
        spec('mid.children', { inputs: ['in.value'], prevent_initial_call: true }),
        spec('out.children', { inputs: ['in.value', 'mid.children'], prevent_initial_call: true }),
      ],
      { 'mid.children': () => prevented, 'out.children': () => ok({ out: { children: 'ran' } }) },
    );
    await t.start();
    t.edit('in', { value: 'x' });
    await t.settle();
    assert.equal(t.prop('out', 'children'), 'ran');
    assert.deepEqual(t.server.callsFor('out.children')[0]?.changedPropIds, ['in.value']);
  });

  test('State is not waited for: a callback reads the State value current at dispatch', async () => {
    const slow = deferred<void>();
    const t = testRuntime(
      div({ children: [input({ id: 'in' }), div({ id: 's', children: 'old' }), div({ id: 'o' })] }),
      [
        spec('s.children', { inputs: ['in.value'], prevent_initial_call: true }),
        spec('o.children', { inputs: ['in.value'], state: ['s.children'], prevent_initial_call: true }),
      ],
      {
        's.children': async () => {
          await slow.promise;
          return ok({ s: { children: 'new' } });
        },
        'o.children': (r) => ok({ o: { children: valueOf(r.state, 0) } }),
      },
    );
    await t.start();
    t.edit('in', { value: 1 });
    await new Promise((r) => setTimeout(r, 5));
    assert.equal(t.prop('o', 'children'), 'old');
    slow.resolve();
    await t.settle();
  });
});

describe('circular protection (§2.9, §1.7)', () => {
  test('rdmo004 a loop through two callbacks terminates after one lap', async () => {
    const t = testRuntime(
      div({ children: [input({ id: 'a', value: 1 }), input({ id: 'b', value: 1 })] }),
      [
        spec('b.value', { inputs: ['a.value'], prevent_initial_call: true }),
        spec('a.value', { inputs: ['b.value'], prevent_initial_call: true }),
      ],
      {
        'b.value': (r) => ok({ b: { value: Number(valueOf(r.inputs, 0)) + 1 } }),
        'a.value': (r) => ok({ a: { value: Number(valueOf(r.inputs, 0)) + 1 } }),
      },
    );
    await t.start();
    t.edit('a', { value: 10 });
    await t.settle();
    assert.deepEqual(
      t.server.calls.map((c) => c.output),
      ['b.value', 'a.value'],
    );
    assert.deepEqual([t.prop('a', 'value'), t.prop('b', 'value')], [12, 11]);
  });

  test('cbsc015 a prop that is input and output: not re-invoked by its own update; other listeners run once', async () => {
    const t = testRuntime(
      div({ children: [input({ id: 'x', value: 'a' }), div({ id: 'echo' })] }),
      [
        spec('..x.value...echo.title..', { inputs: ['x.value'], prevent_initial_call: true }),
        spec('echo.children', { inputs: ['x.value'], prevent_initial_call: true }),
      ],
      {
        '..x.value...echo.title..': (r) =>
          ok({ x: { value: String(valueOf(r.inputs, 0)).toUpperCase() }, echo: { title: 't' } }),
        'echo.children': (r) => ok({ echo: { children: valueOf(r.inputs, 0) } }),
      },
    );
    await t.start();
    t.edit('x', { value: 'b' });
    await t.settle();
    assert.equal(t.server.callsFor('..x.value...echo.title..').length, 1);
    // echo waits for the self-updating callback (its input x.value is that callback's output), then runs once
    assert.equal(t.server.callsFor('echo.children').length, 1);
    assert.equal(t.prop('echo', 'children'), 'B');
  });

  test('deadlock breaker: callbacks that only wait on each other still run', async () => {
    const t = testRuntime(
      div({ children: [div({ id: 'p', children: 1 }), div({ id: 'q', children: 1 })] }),
      [spec('q.children', { inputs: ['p.children'] }), spec('p.children', { inputs: ['q.children'] })],
      {
        'q.children': (r) => ok({ q: { children: Number(valueOf(r.inputs, 0)) + 1 } }),
        'p.children': (r) => ok({ p: { children: Number(valueOf(r.inputs, 0)) + 1 } }),
      },
    );
    await t.start();
    // The wave is in document order, so p's callback is promoted first; its output re-requests q,
    // promoted in turn; q's output would re-enter p, which is in its chain, so the loop stops.
    assert.deepEqual(
      t.server.calls.map((c) => c.output),
      ['p.children', 'q.children'],
    );
    assert.deepEqual([t.prop('p', 'children'), t.prop('q', 'children')], [2, 3]);
    assert.equal(t.runtime.scheduler.pending, 0);
  });
});
