// `POST _dash-update-component` through HTTP: the answers of spec/protocol-core.md §5.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { ctx, Dash, html, Input, noUpdate, Output, PreventUpdate, setProps, State } from 'dash-ts';
import { makeFakeBundle, serve } from './helpers.js';

let bundle: Awaited<ReturnType<typeof makeFakeBundle>>;
let server: FastifyInstance;
const seen: Record<string, unknown>[] = [];

before(async () => {
  bundle = await makeFakeBundle();
  const app = new Dash();
  app.layout = html.Div();
  app.callback(Output('single', 'children'), Input('in', 'value'), (v) => `value=${String(v)}`);
  app.callback([Output('m1', 'children'), Output('m2', 'style')], Input('in2', 'value'), (v) => [
    `one ${String(v)}`,
    { color: v === 1 ? 'red' : 'blue' },
  ]);
  app.callback([Output('only', 'children')], Input('in3', 'value'), (v) => [String(v)]);
  app.callback([Output('n1', 'children'), Output('n2', 'children')], Input('n', 'value'), (v) =>
    v === 'all' ? noUpdate : [noUpdate, `second ${String(v)}`],
  );
  app.callback(Output('whole', 'children'), Input('w', 'value'), () => noUpdate);
  app.callback(Output('nested', 'figure'), Input('nest', 'value'), () => ({ data: [noUpdate], x: NaN }));
  app.callback(Output('prevent', 'children'), Input('p', 'value'), (v) => {
    if (v === 'stop') throw new PreventUpdate();
    return 'ran';
  });
  app.callback(Output('side', 'children'), Input('s', 'value'), (v) => {
    setProps('toast', { is_open: true, children: `side ${String(v)}` });
    setProps({ type: 'cell', index: 2 }, { value: 7 });
    return 'main';
  });
  app.callback(Output('async', 'children'), Input('a', 'value'), async (v) => {
    await new Promise((resolve) => setTimeout(resolve, 10));
    return `async ${String(v)}`;
  });
  app.callback(
    Output('ctx', 'children'),
    Input('c1', 'n_clicks'),
    Input({ type: 'btn', index: 3 }, 'n_clicks'),
    State('c3', 'value'),
    (a, b, c) => {
      seen.push({
        args: [a, b, c],
        triggered: ctx.triggered,
        triggered_id: ctx.triggered_id,
        inputs: ctx.inputs,
        states: ctx.states,
      });
      return 'ok';
    },
  );
  app.callback(Output('dup', 'children', { allow_duplicate: true }), Input('d', 'value'), () => 'dup', {
    prevent_initial_call: true,
  });
  app.callback(Output({ type: 'lbl', index: 2 }, 'children'), Input('dict', 'value'), (v) => `dict ${String(v)}`);
  server = await serve(app, bundle.dir);
});
after(async () => {
  await server.close();
  await bundle.cleanup();
});

async function post(
  body: unknown,
): Promise<{ status: number; json: () => unknown; body: string; headers: Record<string, unknown> }> {
  const response = await server.inject({ method: 'POST', url: '/_dash-update-component', payload: body as object });
  return {
    status: response.statusCode,
    json: () => response.json<unknown>(),
    body: response.body,
    headers: response.headers,
  };
}

describe('_dash-update-component', () => {
  it('answers a single output in the multi shape', async () => {
    const r = await post({
      output: 'single.children',
      outputs: { id: 'single', property: 'children' },
      inputs: [{ id: 'in', property: 'value', value: 5 }],
      changedPropIds: ['in.value'],
    });
    assert.equal(r.status, 200);
    assert.equal(r.headers['content-type'], 'application/json; charset=utf-8');
    assert.deepEqual(r.json(), { multi: true, response: { single: { children: 'value=5' } } });
  });

  it('treats a missing value as null', async () => {
    const r = await post({
      output: 'single.children',
      outputs: { id: 'single', property: 'children' },
      inputs: [{ id: 'in', property: 'value' }],
      changedPropIds: [],
    });
    assert.deepEqual(r.json(), { multi: true, response: { single: { children: 'value=null' } } });
  });

  it('answers several outputs, and a one-element list of outputs', async () => {
    const r = await post({
      output: '..m1.children...m2.style..',
      outputs: [
        { id: 'm1', property: 'children' },
        { id: 'm2', property: 'style' },
      ],
      inputs: [{ id: 'in2', property: 'value', value: 1 }],
      changedPropIds: ['in2.value'],
    });
    assert.deepEqual(r.json(), {
      multi: true,
      response: { m1: { children: 'one 1' }, m2: { style: { color: 'red' } } },
    });
    const one = await post({
      output: '..only.children..',
      outputs: [{ id: 'only', property: 'children' }],
      inputs: [{ id: 'in3', property: 'value', value: 'x' }],
      changedPropIds: [],
    });
    assert.deepEqual(one.json(), { multi: true, response: { only: { children: 'x' } } });
  });

  it('omits noUpdate outputs, per slot and whole (200 with an empty response, not 204)', async () => {
    const base = {
      output: '..n1.children...n2.children..',
      outputs: [
        { id: 'n1', property: 'children' },
        { id: 'n2', property: 'children' },
      ],
    };
    const slot = await post({ ...base, inputs: [{ id: 'n', property: 'value', value: 'b' }], changedPropIds: [] });
    assert.deepEqual(slot.json(), { multi: true, response: { n2: { children: 'second b' } } });
    const all = await post({ ...base, inputs: [{ id: 'n', property: 'value', value: 'all' }], changedPropIds: [] });
    assert.equal(all.status, 200);
    assert.deepEqual(all.json(), { multi: true, response: {} });
    const whole = await post({
      output: 'whole.children',
      outputs: { id: 'whole', property: 'children' },
      inputs: [{ id: 'w', property: 'value', value: 1 }],
      changedPropIds: [],
    });
    assert.deepEqual(whole.json(), { multi: true, response: {} });
  });

  it('writes a nested noUpdate as the marker object and NaN as null', async () => {
    const r = await post({
      output: 'nested.figure',
      outputs: { id: 'nested', property: 'figure' },
      inputs: [{ id: 'nest', property: 'value', value: 1 }],
      changedPropIds: [],
    });
    assert.doesNotMatch(r.body, /NaN/);
    assert.deepEqual(r.json(), {
      multi: true,
      response: { nested: { figure: { data: [{ _dash_no_update: '_dash_no_update' }], x: null } } },
    });
  });

  it('answers 204 with an empty body for PreventUpdate', async () => {
    const base = { output: 'prevent.children', outputs: { id: 'prevent', property: 'children' }, changedPropIds: [] };
    const stopped = await post({ ...base, inputs: [{ id: 'p', property: 'value', value: 'stop' }] });
    assert.equal(stopped.status, 204);
    assert.equal(stopped.body, '');
    const ran = await post({ ...base, inputs: [{ id: 'p', property: 'value', value: 'go' }] });
    assert.deepEqual(ran.json(), { multi: true, response: { prevent: { children: 'ran' } } });
  });

  it('sends setProps as sideUpdate', async () => {
    const r = await post({
      output: 'side.children',
      outputs: { id: 'side', property: 'children' },
      inputs: [{ id: 's', property: 'value', value: 9 }],
      changedPropIds: ['s.value'],
    });
    assert.deepEqual(r.json(), {
      multi: true,
      response: { side: { children: 'main' } },
      sideUpdate: { toast: { is_open: true, children: 'side 9' }, '{"index":2,"type":"cell"}': { value: 7 } },
    });
  });

  it('awaits async callbacks, concurrently', async () => {
    const results = await Promise.all(
      [1, 2, 3].map((v) =>
        post({
          output: 'async.children',
          outputs: { id: 'async', property: 'children' },
          inputs: [{ id: 'a', property: 'value', value: v }],
          changedPropIds: [],
        }),
      ),
    );
    assert.deepEqual(
      results.map((r) => r.json()),
      [1, 2, 3].map((v) => ({ multi: true, response: { async: { children: `async ${v}` } } })),
    );
  });

  it('gives the function its inputs then states, and ctx describes the call', async () => {
    seen.length = 0;
    const r = await post({
      output: 'ctx.children',
      outputs: { id: 'ctx', property: 'children' },
      inputs: [
        { id: 'c1', property: 'n_clicks', value: 1 },
        { id: { type: 'btn', index: 3 }, property: 'n_clicks', value: 4 },
      ],
      state: [{ id: 'c3', property: 'value', value: 'note' }],
      changedPropIds: ['{"index":3,"type":"btn"}.n_clicks'],
    });
    assert.equal(r.status, 200);
    assert.deepEqual(seen, [
      {
        args: [1, 4, 'note'],
        triggered: [{ prop_id: '{"index":3,"type":"btn"}.n_clicks', value: 4 }],
        triggered_id: { index: 3, type: 'btn' },
        inputs: { 'c1.n_clicks': 1, '{"index":3,"type":"btn"}.n_clicks': 4 },
        states: { 'c3.value': 'note' },
      },
    ]);
  });

  it('routes allow_duplicate outputs by their hashed key and answers the clean prop', async () => {
    const specs = (await server.inject({ url: '/_dash-dependencies' })).json<{ output: string }[]>();
    const key = specs.find((s) => s.output.startsWith('dup.children@'))?.output;
    assert.ok(key !== undefined);
    const r = await post({
      output: key,
      outputs: { id: 'dup', property: key.slice('dup.'.length) },
      inputs: [{ id: 'd', property: 'value', value: 1 }],
      changedPropIds: ['d.value'],
    });
    assert.deepEqual(r.json(), { multi: true, response: { dup: { children: 'dup' } } });
  });

  it('answers dict-id outputs under their stringified id', async () => {
    const r = await post({
      output: '{"index":2,"type":"lbl"}.children',
      outputs: { id: { type: 'lbl', index: 2 }, property: 'children' },
      inputs: [{ id: 'dict', property: 'value', value: 'z' }],
      changedPropIds: [],
    });
    assert.deepEqual(r.json(), { multi: true, response: { '{"index":2,"type":"lbl"}': { children: 'dict z' } } });
  });

  it('accepts a query string (background-callback parameters are not ours to refuse)', async () => {
    const response = await server.inject({
      method: 'POST',
      url: '/_dash-update-component?x=1',
      payload: {
        output: 'single.children',
        outputs: { id: 'single', property: 'children' },
        inputs: [{ id: 'in', property: 'value', value: 1 }],
        changedPropIds: [],
      },
    });
    assert.equal(response.statusCode, 200);
  });
});
