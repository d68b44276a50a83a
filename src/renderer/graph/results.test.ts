// Applying results, errors, loading, running, busy (spec/callbacks.md §2.10, §5.3, §5.4, §7, §12.2).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { UpdateRequest } from '../../shared/protocol.js';
import type { Reply } from '../testing/fake-server.js';
import { deferred, div, failure, input, ok, prevented, spec } from '../testing/fake-server.js';
import { testRuntime } from '../testing/test-runtime.js';

describe('applying results (§2.10, §5.3)', () => {
  test('arb001 sideUpdate is applied before the outputs and triggers the dependants of the updated props', async () => {
    const order: string[] = [];
    const t = testRuntime(
      div({ children: [input({ id: 'btn' }), div({ id: 'out' }), div({ id: 'toast' }), div({ id: 'log' })] }),
      [
        spec('out.children', { inputs: ['btn.n_clicks'], prevent_initial_call: true }),
        spec('log.children', { inputs: ['toast.children', 'out.children'], prevent_initial_call: true }),
      ],
      {
        'out.children': () => ok({ out: { children: 'o' } }, { toast: { children: 'side' } }),
        'log.children': (r) => {
          order.push(...r.changedPropIds);
          return ok({ log: { children: 'logged' } });
        },
      },
    );
    const key = t.runtime.store.keyOf('toast')!;
    const seen: unknown[] = [];
    t.runtime.store.subscribe(key, () => seen.push(t.prop('out', 'children')));
    await t.start();
    t.edit('btn', { n_clicks: 1 });
    await t.settle();
    assert.deepEqual(seen, [undefined], 'toast updated while out was not yet');
    assert.equal(t.prop('toast', 'children'), 'side');
    assert.deepEqual(order, ['toast.children', 'out.children'], 'one merged call, side update first');
  });

  test('pch004 an allow_duplicate output key is applied to the clean prop', async () => {
    const t = testRuntime(
      div({ children: [input({ id: 'btn' }), div({ id: 'out' })] }),
      [spec('out.children@abc123', { inputs: ['btn.n_clicks'], prevent_initial_call: true })],
      { 'out.children@abc123': () => ok({ out: { children: 'dup' } }) },
    );
    await t.start();
    t.edit('btn', { n_clicks: 1 });
    await t.settle();
    assert.deepEqual(t.server.calls[0]?.outputs, { id: 'out', property: 'children@abc123' });
    assert.equal(t.prop('out', 'children'), 'dup');
  });

  test('dict ids: stringified for lookup, sent as objects', async () => {
    const id = { index: 1, type: 'cell' };
    const key = '{"index":1,"type":"cell"}';
    const t = testRuntime(
      div({ children: [input({ id, value: 5 }), div({ id: 'out' })] }),
      [spec('out.children', { inputs: [`${key}.value`] })],
      { 'out.children': () => ok({ out: { children: 'ok' } }) },
    );
    await t.start();
    assert.deepEqual(t.server.calls[0]?.inputs, [{ id, property: 'value', value: 5 }]);
    t.edit(key, { value: 6 });
    await t.settle();
    assert.deepEqual(t.server.calls[1]?.changedPropIds, [`${key}.value`]);
    assert.deepEqual(t.server.calls[1]?.parsedChangedPropsIds, [id]);
  });
});

describe('errors (§12.2)', () => {
  test('a non-2xx answer is a "Callback error updating …" with the body as detail; outputs untouched', async () => {
    const t = testRuntime(
      div({ children: [input({ id: 'btn' }), div({ id: 'a', children: 'keep' }), div({ id: 'b' })] }),
      [spec('..a.children...b.children..', { inputs: ['btn.n_clicks'], prevent_initial_call: true })],
      { '..a.children...b.children..': () => failure(500, 'Traceback: boom') },
    );
    await t.start();
    t.edit('btn', { n_clicks: 1 });
    await t.settle();
    assert.equal(t.errors.length, 1);
    assert.equal(t.errors[0]?.title, 'Callback error updating a.children, b.children');
    assert.equal(t.errors[0]?.detail, 'Traceback: boom');
    assert.equal(t.prop('a', 'children'), 'keep');
    assert.deepEqual(t.runtime.app.getState().errors, t.errors);
  });

  test('a network failure is "Callback failed: the server did not respond."; no-output errors name the inputs', async () => {
    const t = testRuntime(
      div({ children: [input({ id: 'btn' }), div({ id: 'a' })] }),
      [
        spec('a.children', { inputs: ['btn.n_clicks'], prevent_initial_call: true }),
        spec('cafe01', { inputs: ['btn.n_clicks'], no_output: true, prevent_initial_call: true }),
      ],
      {},
      {
        transport: (request: UpdateRequest) =>
          request.output === 'a.children'
            ? Promise.reject(new TypeError('fetch failed'))
            : Promise.resolve({ status: 500, body: 'bad' }),
      },
    );
    await t.start();
    t.edit('btn', { n_clicks: 1 });
    await t.settle();
    assert.deepEqual(t.errors.map((e) => e.title).sort(), [
      'Callback error with no output from input btn.n_clicks',
      'Callback failed: the server did not respond.',
    ]);
  });
});

describe('loading, running, busy (§7, §5.4)', () => {
  test('outputs are loading only while their request is in flight', async () => {
    const gate = deferred<Reply>();
    const t = testRuntime(
      div({ children: [input({ id: 'btn' }), div({ id: 'a' }), div({ id: 'b' })] }),
      [
        spec('a.children', { inputs: ['btn.n_clicks'], prevent_initial_call: true }),
        spec('b.children', { inputs: ['a.children'], prevent_initial_call: true }),
      ],
      { 'a.children': () => gate.promise, 'b.children': () => ok({ b: { children: 'B' } }) },
    );
    await t.start();
    t.edit('btn', { n_clicks: 1 });
    await new Promise((r) => setTimeout(r, 5));
    assert.deepEqual(t.runtime.loading.get('a'), { is_loading: true, prop_name: 'children', component_name: 'a' });
    assert.equal(t.runtime.loading.get('b'), undefined, 'a waiting callback is not loading');
    assert.equal(t.runtime.app.getState().busy, true);
    gate.resolve(ok({ a: { children: 'A' } }));
    await t.settle();
    assert.equal(t.runtime.loading.get('a'), undefined);
    assert.equal(t.runtime.app.getState().busy, false);
  });

  test('cbsc019 running values apply at dispatch and are reset when the answer arrives', async () => {
    const gate = deferred<Reply>();
    const t = testRuntime(
      div({ children: [input({ id: 'btn', disabled: false }), div({ id: 'a' })] }),
      [
        spec('a.children', {
          inputs: ['btn.n_clicks'],
          prevent_initial_call: true,
          running: { running: { 'btn.disabled': true }, runningOff: { 'btn.disabled': false } },
        }),
      ],
      { 'a.children': () => gate.promise },
    );
    await t.start();
    t.edit('btn', { n_clicks: 1 });
    await new Promise((r) => setTimeout(r, 5));
    assert.equal(t.prop('btn', 'disabled'), true);
    gate.resolve(prevented);
    await t.settle();
    assert.equal(t.prop('btn', 'disabled'), false);
  });

  test('rdls005 persistent callbacks do not make the app busy', async () => {
    const gate = deferred<Reply>();
    const t = testRuntime(
      div({ children: [input({ id: 'btn' }), div({ id: 'a' })] }),
      [spec('a.children', { inputs: ['btn.n_clicks'], prevent_initial_call: true, persistent: true })],
      { 'a.children': () => gate.promise },
    );
    await t.start();
    const seen: boolean[] = [];
    t.runtime.app.subscribe(() => seen.push(t.runtime.app.getState().busy));
    t.edit('btn', { n_clicks: 1 });
    await new Promise((r) => setTimeout(r, 5));
    gate.resolve(ok({ a: { children: 'x' } }));
    await t.settle();
    assert.deepEqual(seen, []);
  });
});
