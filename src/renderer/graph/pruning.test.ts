// Wave pruning, stale responses and concurrency (spec/callbacks.md §2.5, §2.6–§2.8, §1.8 pruning).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Deferred, Reply } from '../testing/fake-server.js';
import { deferred, div, failure, input, ok, prevented, spec, valueOf } from '../testing/fake-server.js';
import { testRuntime } from '../testing/test-runtime.js';

const chainLayout = div({
  children: [
    input({ id: 'in', value: 1 }),
    div({ id: 'mid', children: 'm0' }),
    div({ id: 'other' }),
    div({ id: 'end' }),
  ],
});

describe('wave pruning (§2.5)', () => {
  for (const [name, reply] of [
    ['PreventUpdate (204)', prevented],
    ['no_update (200, empty response)', ok({})],
    ['an error (500)', failure(500, 'boom')],
  ] as const) {
    test(`cbmt004 an initial callback fed only by a wave member that did nothing (${name}) does not run`, async () => {
      const t = testRuntime(
        chainLayout,
        [spec('mid.children', { inputs: ['in.value'] }), spec('end.children', { inputs: ['mid.children'] })],
        { 'mid.children': () => reply, 'end.children': () => ok({ end: { children: 'ran' } }) },
      );
      await t.start();
      assert.equal(t.server.callsFor('end.children').length, 0);
      assert.equal(t.prop('end', 'children'), undefined);
    });
  }

  test('cbmt007 a wave member with an input from outside the prevented callbacks still runs', async () => {
    const t = testRuntime(
      chainLayout,
      [spec('mid.children', { inputs: ['in.value'] }), spec('end.children', { inputs: ['mid.children', 'in.value'] })],
      { 'mid.children': () => prevented, 'end.children': () => ok({ end: { children: 'ran' } }) },
    );
    await t.start();
    assert.equal(t.prop('end', 'children'), 'ran');
  });

  test('cbmt005 converging chain: runs when at least one upstream wave member updated', async () => {
    const t = testRuntime(
      chainLayout,
      [
        spec('mid.children', { inputs: ['in.value'] }),
        spec('other.children', { inputs: ['in.value'] }),
        spec('end.children', { inputs: ['mid.children', 'other.children'] }),
      ],
      {
        'mid.children': () => prevented,
        'other.children': () => ok({ other: { children: 'o' } }),
        'end.children': () => ok({ end: { children: 'ran' } }),
      },
    );
    await t.start();
    assert.equal(t.server.callsFor('end.children').length, 1);
    assert.deepEqual(t.server.callsFor('end.children')[0]?.changedPropIds, ['other.children']);
  });

  test('user-triggered chains are never wave-pruned: a dependant whose upstream prevented is simply not requested', async () => {
    const t = testRuntime(
      chainLayout,
      [
        spec('mid.children', { inputs: ['in.value'], prevent_initial_call: true }),
        spec('end.children', { inputs: ['mid.children'], prevent_initial_call: true }),
      ],
      { 'mid.children': () => prevented, 'end.children': () => ok({ end: { children: 'ran' } }) },
    );
    await t.start();
    t.edit('in', { value: 2 });
    await t.settle();
    assert.equal(t.server.calls.length, 1);
  });
});

describe('stale responses (§2.8)', () => {
  test('cbmt001 called multiple times, answered out of order: only the last response is applied', async () => {
    const pending: Deferred<Reply>[] = [];
    const t = testRuntime(
      div({ children: [input({ id: 'btn' }), div({ id: 'out' })] }),
      [spec('out.children', { inputs: ['btn.n_clicks'], prevent_initial_call: true })],
      {
        'out.children': (r) => {
          const d = deferred<Reply>();
          pending.push(d);
          return d.promise.then(() => ok({ out: { children: `click ${String(valueOf(r.inputs, 0))}` } }));
        },
      },
    );
    await t.start();
    for (let n = 1; n <= 3; n += 1) {
      t.edit('btn', { n_clicks: n });
      await new Promise((r) => setTimeout(r, 2));
    }
    assert.equal(pending.length, 3, 'each click is dispatched at once, without waiting for the older request');
    pending[2]!.resolve(ok({}));
    await new Promise((r) => setTimeout(r, 2));
    pending[0]!.resolve(ok({}));
    pending[1]!.resolve(ok({}));
    await t.settle();
    assert.equal(t.prop('out', 'children'), 'click 3');
    assert.deepEqual(t.runtime.loading.entries(), [], 'loading cleared once every request settled');
  });

  test('cbmo004 a response for a component removed while waiting is discarded', async () => {
    const slow = deferred<void>();
    const t = testRuntime(
      div({ children: [input({ id: 'btn' }), div({ id: 'box', children: div({ id: 'target' }) })] }),
      [
        spec('target.children', { inputs: ['btn.n_clicks'], prevent_initial_call: true }),
        spec('box.children', { inputs: ['btn.n_clicks'], prevent_initial_call: true }),
      ],
      {
        'target.children': async () => {
          await slow.promise;
          return ok({ target: { children: 'late' } });
        },
        'box.children': () => ok({ box: { children: 'replaced' } }),
      },
    );
    await t.start();
    t.edit('btn', { n_clicks: 1 });
    await new Promise((r) => setTimeout(r, 5));
    assert.equal(t.prop('box', 'children'), 'replaced');
    slow.resolve();
    await t.settle();
    assert.equal(t.runtime.store.has('target'), false);
    assert.deepEqual(t.errors, []);
  });
});

describe('concurrency (§2.6, §2.7)', () => {
  test('at most 12 requests in flight; the rest are dispatched in request (FIFO) order as slots free', async () => {
    const gates: Deferred<void>[] = [];
    const ids = Array.from({ length: 15 }, (_, i) => `o${i}`);
    const t = testRuntime(
      div({ children: [input({ id: 'in' }), ...ids.map((id) => div({ id }))] }),
      ids.map((id) => spec(`${id}.children`, { inputs: ['in.value'], prevent_initial_call: true })),
      Object.fromEntries(
        ids.map((id) => [
          `${id}.children`,
          async () => {
            const gate = deferred<void>();
            gates.push(gate);
            await gate.promise;
            return ok({ [id]: { children: 'done' } });
          },
        ]),
      ),
    );
    await t.start();
    t.edit('in', { value: 1 });
    await new Promise((r) => setTimeout(r, 5));
    assert.equal(t.server.calls.length, 12);
    assert.deepEqual(
      t.server.calls.map((c) => c.output),
      ids.slice(0, 12).map((id) => `${id}.children`),
    );
    gates[0]!.resolve();
    await new Promise((r) => setTimeout(r, 5));
    assert.equal(t.server.calls.length, 13);
    assert.equal(t.server.calls[12]?.output, 'o12.children');
    for (let i = 0; i < 15; i += 1) {
      gates[i]?.resolve();
      await new Promise((r) => setTimeout(r, 1));
    }
    await t.settle();
    assert.equal(t.server.calls.length, 15);
    assert.ok(ids.every((id) => t.prop(id, 'children') === 'done'));
  });
});
