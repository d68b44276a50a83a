/**
 * Pattern-matching callbacks on the server (spec/callbacks.md §3, spec/protocol-core.md §5): dict ids
 * with MATCH / ALL / ALLSMALLER in `_dash-dependencies`, requests carrying concrete ids, values
 * passed as one value or a list, ALL outputs answered per concrete component, and requests whose
 * ids do not fit the declared pattern rejected before the user's function runs.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { ALL, ALLSMALLER, ctx, Dash, html, Input, MATCH, noUpdate, Output, State } from 'dash-ts';
import { makeFakeBundle } from './helpers.js';

let server: FastifyInstance;
let cleanup: () => Promise<void>;
const calls: string[] = [];

const MATCH_KEY = '{"index":["MATCH"],"type":"out"}.children';
const ALL_KEY = 'total.children';
const SMALLER_KEY = '{"index":["MATCH"],"type":"running"}.children';
const ALL_OUT_KEY = '{"index":["ALL"],"type":"echo"}.children';

before(async () => {
  const bundle = await makeFakeBundle();
  cleanup = () => bundle.cleanup();
  const app = new Dash();
  app.layout = html.Div([html.Div({ id: 'total' })]);
  app.callback(
    Output({ type: 'out', index: MATCH }, 'children'),
    Input({ type: 'qty', index: MATCH }, 'value'),
    State({ type: 'qty', index: MATCH }, 'id'),
    (value, id) => {
      calls.push('match');
      return `${JSON.stringify(id)}=${String(value)} by ${JSON.stringify(ctx.triggered_id)}`;
    },
  );
  app.callback(Output('total', 'children'), Input({ type: 'qty', index: ALL }, 'value'), (values) => {
    calls.push('all');
    assert.ok(Array.isArray(values));
    return values.reduce((sum: number, v) => sum + Number(v ?? 0), 0);
  });
  app.callback(
    Output({ type: 'running', index: MATCH }, 'children'),
    Input({ type: 'qty', index: ALLSMALLER }, 'value'),
    Input({ type: 'qty', index: MATCH }, 'value'),
    (smaller, own) => {
      calls.push('smaller');
      return [...smaller, own].join('+');
    },
  );
  app.callback(
    Output({ type: 'echo', index: ALL }, 'children'),
    Input({ type: 'qty', index: ALL }, 'value'),
    (values) => values.map((v) => `echo ${String(v)}`),
  );
  server = await app.server({ logger: false, bundleDir: bundle.dir });
});

after(async () => {
  await server.close();
  await cleanup();
});

function post(payload: unknown) {
  return server.inject({
    method: 'POST',
    url: '/_dash-update-component',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify(payload),
  });
}

const qty = (index: number, value: unknown) => ({ id: { index, type: 'qty' }, property: 'value', value });

test('_dash-dependencies lists wildcard ids as ["MATCH"], ["ALL"], ["ALLSMALLER"] with sorted keys', async () => {
  const response = await server.inject({ method: 'GET', url: '/_dash-dependencies' });
  const specs = response.json<{ output: string; inputs: { id: string }[] }[]>();
  assert.deepEqual(
    specs.map((s) => s.output),
    [MATCH_KEY, ALL_KEY, SMALLER_KEY, ALL_OUT_KEY],
  );
  assert.equal(specs[0]?.inputs[0]?.id, '{"index":["MATCH"],"type":"qty"}');
  assert.equal(specs[2]?.inputs[0]?.id, '{"index":["ALLSMALLER"],"type":"qty"}');
});

test('MATCH: one object per dependency, a single value, answered under the concrete id', async () => {
  const response = await post({
    output: MATCH_KEY,
    outputs: { id: { index: 2, type: 'out' }, property: 'children' },
    inputs: [qty(2, 'x')],
    state: [{ id: { index: 2, type: 'qty' }, property: 'id', value: { index: 2, type: 'qty' } }],
    changedPropIds: ['{"index":2,"type":"qty"}.value'],
  });
  assert.equal(response.statusCode, 200);
  assert.deepEqual(response.json(), {
    multi: true,
    response: {
      '{"index":2,"type":"out"}': { children: '{"index":2,"type":"qty"}=x by {"index":2,"type":"qty"}' },
    },
  });
});

test('ALL input: the function gets a list in request order, possibly empty', async () => {
  const full = await post({
    output: ALL_KEY,
    outputs: { id: 'total', property: 'children' },
    inputs: [[qty(0, 1), qty(1, '2'), qty(2, null)]],
    changedPropIds: [],
  });
  assert.deepEqual(full.json(), { multi: true, response: { total: { children: 3 } } });
  const empty = await post({ output: ALL_KEY, outputs: { id: 'total', property: 'children' }, inputs: [[]] });
  assert.deepEqual(empty.json(), { multi: true, response: { total: { children: 0 } } });
});

test('ALLSMALLER with MATCH: a list of the smaller ones and the own value', async () => {
  const response = await post({
    output: SMALLER_KEY,
    outputs: { id: { index: 2, type: 'running' }, property: 'children' },
    inputs: [[qty(0, 'a'), qty(1, 'b')], qty(2, 'c')],
    changedPropIds: ['{"index":2,"type":"qty"}.value'],
  });
  assert.deepEqual(response.json(), {
    multi: true,
    response: { '{"index":2,"type":"running"}': { children: 'a+b+c' } },
  });
});

test('ALL output: a nested array of refs, the returned list written per concrete id', async () => {
  const response = await post({
    output: ALL_OUT_KEY,
    outputs: [
      { id: { index: 0, type: 'echo' }, property: 'children' },
      { id: { index: 1, type: 'echo' }, property: 'children' },
    ],
    inputs: [[qty(0, 'p'), qty(1, 'q')]],
  });
  assert.deepEqual(response.json(), {
    multi: true,
    response: {
      '{"index":0,"type":"echo"}': { children: 'echo p' },
      '{"index":1,"type":"echo"}': { children: 'echo q' },
    },
  });
});

test('an ALL output whose list length differs from the returned list is a server error', async () => {
  const response = await post({
    output: ALL_OUT_KEY,
    outputs: [{ id: { index: 0, type: 'echo' }, property: 'children' }],
    inputs: [[qty(0, 'p'), qty(1, 'q')]],
  });
  assert.equal(response.statusCode, 500);
});

const bad: [string, unknown][] = [
  [
    'an id with another constant value',
    {
      output: MATCH_KEY,
      outputs: { id: { index: 2, type: 'out' }, property: 'children' },
      inputs: [{ ...qty(2, 1), id: { index: 2, type: 'nope' } }],
      state: [qty(2, 1)],
    },
  ],
  [
    'an id with an extra key',
    {
      output: ALL_KEY,
      outputs: { id: 'total', property: 'children' },
      inputs: [[{ ...qty(1, 1), id: { index: 1, type: 'qty', x: 1 } }]],
    },
  ],
  [
    'an id that still holds a wildcard',
    {
      output: ALL_KEY,
      outputs: { id: 'total', property: 'children' },
      inputs: [[{ ...qty(1, 1), id: { index: ['ALL'], type: 'qty' } }]],
    },
  ],
  [
    'an output outside the pattern',
    {
      output: MATCH_KEY,
      outputs: { id: { index: 2, type: 'qty' }, property: 'children' },
      inputs: [qty(2, 1)],
      state: [qty(2, 1)],
    },
  ],
  [
    'MATCH standing for two different values',
    {
      output: MATCH_KEY,
      outputs: { id: { index: 1, type: 'out' }, property: 'children' },
      inputs: [qty(2, 1)],
      state: [qty(2, 1)],
    },
  ],
];

for (const [name, payload] of bad) {
  test(`400 DASH_ERR_UNDECLARED_DEPENDENCY, function not called: ${name}`, async () => {
    calls.length = 0;
    const response = await post(payload);
    assert.equal(response.statusCode, 400);
    assert.equal(response.json<{ code?: string }>().code, 'DASH_ERR_UNDECLARED_DEPENDENCY');
    assert.deepEqual(calls, []);
  });
}

const misshapen: [string, unknown][] = [
  [
    'an ALL input sent as one object',
    { output: ALL_KEY, outputs: { id: 'total', property: 'children' }, inputs: [qty(1, 1)] },
  ],
  [
    'a MATCH input sent as an array',
    {
      output: MATCH_KEY,
      outputs: { id: { index: 2, type: 'out' }, property: 'children' },
      inputs: [[qty(2, 1)]],
      state: [qty(2, 1)],
    },
  ],
  [
    'an ALL output sent as one object',
    { output: ALL_OUT_KEY, outputs: { id: { index: 0, type: 'echo' }, property: 'children' }, inputs: [[qty(0, 1)]] },
  ],
  [
    'an ALL list holding a non-object',
    { output: ALL_KEY, outputs: { id: 'total', property: 'children' }, inputs: [[7]] },
  ],
];

for (const [name, payload] of misshapen) {
  test(`400, function not called: ${name}`, async () => {
    calls.length = 0;
    const response = await post(payload);
    assert.equal(response.statusCode, 400);
    assert.deepEqual(calls, []);
  });
}

test('registration enforces the wildcard rules with messages that say what to fix', () => {
  const app = new Dash();
  const noop = () => noUpdate;
  assert.throws(
    () => app.callback(Output({ a: ALLSMALLER }, 'children'), Input('x', 'value'), noop),
    /allowed wildcards for Outputs are ALL and MATCH/,
  );
  assert.throws(
    () =>
      app.callback(
        [Output({ a: MATCH, b: 1 }, 'children'), Output({ a: 1, b: MATCH }, 'children')],
        Input({ a: MATCH, b: MATCH }, 'value'),
        noop,
      ),
    /Mismatched `MATCH` wildcards across `Output`s/,
  );
  assert.throws(
    () => app.callback(Output({ a: MATCH, b: 1 }, 'children'), Input({ a: MATCH, b: MATCH }, 'value'), noop),
    /uses MATCH on "b".*the Outputs use MATCH only on \[a\]/,
  );
  assert.throws(
    () => app.callback(Output('fixed', 'children'), Input({ a: ALLSMALLER }, 'value'), noop),
    /ALLSMALLER on "a", which needs MATCH on "a" in the Outputs/,
  );
  // Dash 4.2 (§3.7): MATCH inputs with no MATCH in the outputs are allowed, also with ALL outputs.
  app.callback(Output('fixed', 'children'), Input({ a: MATCH }, 'n_clicks'), noop);
  app.callback(Output({ a: ALL }, 'title'), Input({ a: MATCH }, 'n_clicks'), noop);
  // Inputs need not use every MATCH key of the outputs.
  app.callback(Output({ a: MATCH, b: MATCH }, 'children'), Input({ a: MATCH, b: 0 }, 'value'), noop);
});
