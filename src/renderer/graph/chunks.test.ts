// Components added by callbacks: layout chunks (spec/callbacks.md §1.8).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { div, input, ok, spec, valueOf } from '../testing/fake-server.js';
import { testRuntime } from '../testing/test-runtime.js';

describe('layout chunks (§1.8)', () => {
  test('cbmt011 output rule: callbacks writing into the new subtree get initial calls with empty triggered', async () => {
    let renders = 0;
    const t = testRuntime(
      div({ children: [input({ id: 'btn' }), div({ id: 'box' })] }),
      [
        spec('box.children', { inputs: ['btn.n_clicks'], prevent_initial_call: true }),
        spec('inner.children', { inputs: ['inner-in.value'] }),
        spec('quiet.children', { inputs: ['inner-in.value'], prevent_initial_call: true }),
      ],
      {
        'box.children': () => {
          renders += 1;
          return ok({
            box: { children: [input({ id: 'inner-in', value: renders }), div({ id: 'inner' }), div({ id: 'quiet' })] },
          });
        },
        'inner.children': (r) => ok({ inner: { children: `got ${String(valueOf(r.inputs, 0))}` } }),
        'quiet.children': () => ok({ quiet: { children: 'should not run' } }),
      },
    );
    await t.start();
    assert.equal(t.server.callsFor('inner.children').length, 0, 'outputs absent on load: never scheduled');
    t.edit('btn', { n_clicks: 1 });
    await t.settle();
    assert.deepEqual(t.server.callsFor('inner.children')[0]?.changedPropIds, []);
    assert.equal(t.prop('inner', 'children'), 'got 1');
    assert.equal(t.server.callsFor('quiet.children').length, 0, 'prevent_initial_call holds for chunk waves');
    // Re-rendering the same components fires their initial calls again.
    t.edit('btn', { n_clicks: 2 });
    await t.settle();
    assert.equal(t.server.callsFor('inner.children').length, 2);
    assert.equal(t.prop('inner', 'children'), 'got 2');
  });

  test('cbwc004 input rule: an Input inside the chunk with outputs outside triggers, with the prop id, ignoring prevent_initial_call', async () => {
    const t = testRuntime(
      div({ children: [input({ id: 'btn' }), div({ id: 'box' }), div({ id: 'summary' })] }),
      [
        spec('box.children', { inputs: ['btn.n_clicks'], prevent_initial_call: true }),
        spec('summary.children', { inputs: ['new-in.value'], prevent_initial_call: true }),
      ],
      {
        'box.children': () => ok({ box: { children: input({ id: 'new-in', value: 'hello' }) } }),
        'summary.children': (r) => ok({ summary: { children: valueOf(r.inputs, 0) } }),
      },
    );
    await t.start();
    t.edit('btn', { n_clicks: 1 });
    await t.settle();
    assert.deepEqual(t.server.callsFor('summary.children')[0]?.changedPropIds, ['new-in.value']);
    assert.equal(t.prop('summary', 'children'), 'hello');
  });

  test('the new subtree is addressable: its components take part in later callbacks; old ids are gone', async () => {
    const t = testRuntime(
      div({ children: [input({ id: 'btn' }), div({ id: 'box', children: div({ id: 'old' }) }), div({ id: 'out' })] }),
      [
        spec('box.children', { inputs: ['btn.n_clicks'], prevent_initial_call: true }),
        spec('out.children', { inputs: ['fresh.value'], prevent_initial_call: true }),
      ],
      {
        'box.children': () => ok({ box: { children: [input({ id: 'fresh', value: 0 })] } }),
        'out.children': (r) => ok({ out: { children: valueOf(r.inputs, 0) } }),
      },
    );
    await t.start();
    t.edit('btn', { n_clicks: 1 });
    await t.settle();
    assert.equal(t.runtime.store.has('old'), false);
    t.edit('fresh', { value: 42 });
    await t.settle();
    assert.equal(t.prop('out', 'children'), 42);
  });

  test('a callback rendering into its own chain gets no initial call for the new components (§2.9 quirk)', async () => {
    const t = testRuntime(
      div({ children: [input({ id: 'btn' }), div({ id: 'box' })] }),
      [
        spec('box.children', {
          inputs: ['btn.n_clicks', 'nested.n_clicks'],
          optional: ['nested.n_clicks'],
          prevent_initial_call: true,
        }),
      ],
      {
        'box.children': () => ok({ box: { children: input({ id: 'nested' }) } }),
      },
    );
    await t.start();
    t.edit('btn', { n_clicks: 1 });
    await t.settle();
    // nested.n_clicks is an input of box.children inside the chunk, output outside → input rule,
    // but the chunk wave inherits box.children's chain, so it is dropped as circular.
    assert.equal(t.server.calls.length, 1);
    assert.deepEqual(t.errors, []);
    t.edit('nested', { n_clicks: 1 });
    await t.settle();
    assert.deepEqual(t.server.calls[1]?.changedPropIds, ['nested.n_clicks']);
  });

  test('children_props: components inside a declared prop are part of the chunk', async () => {
    const t = testRuntime(
      div({ children: [input({ id: 'btn' }), { type: 'Tabs', namespace: 'x', props: { id: 'tabs' } }] }),
      [
        spec('tabs.items', { inputs: ['btn.n_clicks'], prevent_initial_call: true }),
        spec('label.children', { inputs: ['btn.n_clicks'] }),
      ],
      {
        'tabs.items': () => ok({ tabs: { items: [{ label: div({ id: 'label' }), value: 1 }] } }),
        'label.children': () => ok({ label: { children: 'L' } }),
      },
      { childrenProps: { x: { Tabs: ['items[].label'] } } },
    );
    await t.start();
    t.edit('btn', { n_clicks: 1 });
    await t.settle();
    assert.equal(t.prop('label', 'children'), 'L');
    assert.deepEqual(t.prop('tabs', 'items'), [{ label: div({ id: 'label', children: 'L' }), value: 1 }]);
  });
});
