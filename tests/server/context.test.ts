/**
 * ctx and setProps in plain and async callbacks: plain functions run with a synchronous scope,
 * async ones with AsyncLocalStorage (src/server/callbacks/context.ts). Concurrent async calls must
 * each see their own context after awaits.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { ctx, Dash, dcc, html, Input, Output, setProps } from 'dash-ts';
import { makeFakeBundle } from './helpers.js';

let server: FastifyInstance;
let cleanup: () => Promise<void>;

function body(output: string, value: string): string {
  const [id, property] = output.split('.') as [string, string];
  return JSON.stringify({
    output,
    outputs: { id, property },
    inputs: [{ id: 'in', property: 'value', value }],
    changedPropIds: ['in.value'],
  });
}

before(async () => {
  const bundle = await makeFakeBundle();
  cleanup = () => bundle.cleanup();
  const app = new Dash();
  app.layout = html.Div([dcc.Input({ id: 'in' }), html.Div({ id: 'plain' }), html.Div({ id: 'slow' })]);
  app.callback(Output('plain', 'children'), Input('in', 'value'), (v) => {
    setProps('side', { children: `side ${String(v)}` });
    return `${JSON.stringify(ctx.triggered_id)} ${String(ctx.inputs['in.value'])}`;
  });
  app.callback(Output('slow', 'children'), Input('in', 'value'), async (v) => {
    // Different waits so that the calls interleave; each must still see its own ctx afterwards.
    await new Promise((resolve) => setTimeout(resolve, v === 'first' ? 40 : 5));
    setProps('side', { children: String(v) });
    return `${String(ctx.inputs['in.value'])} ${ctx.triggered.map((t) => t.prop_id).join(',')}`;
  });
  server = await app.server({ logger: false, bundleDir: bundle.dir });
});

after(async () => {
  await server.close();
  await cleanup();
});

test('a plain callback reads ctx and sets side props', async () => {
  const response = await server.inject({
    method: 'POST',
    url: '/_dash-update-component',
    headers: { 'content-type': 'application/json' },
    payload: body('plain.children', 'x'),
  });
  assert.equal(response.statusCode, 200);
  assert.deepEqual(response.json(), {
    multi: true,
    response: { plain: { children: '"in" x' } },
    sideUpdate: { side: { children: 'side x' } },
  });
});

test('concurrent async callbacks each keep their own ctx across awaits', async () => {
  const send = (value: string) =>
    server.inject({
      method: 'POST',
      url: '/_dash-update-component',
      headers: { 'content-type': 'application/json' },
      payload: body('slow.children', value),
    });
  const [first, second] = await Promise.all([send('first'), send('second')]);
  assert.deepEqual(first.json(), {
    multi: true,
    response: { slow: { children: 'first in.value' } },
    sideUpdate: { side: { children: 'first' } },
  });
  assert.deepEqual(second.json(), {
    multi: true,
    response: { slow: { children: 'second in.value' } },
    sideUpdate: { side: { children: 'second' } },
  });
});

test('ctx outside a callback says where it may be used', () => {
  assert.throws(() => ctx.triggered_id, /can only be used while a callback runs/);
});
