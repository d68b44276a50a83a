// max_upload_bytes: the callback route admits bodies up to it only for callbacks that declare an
// Input or State on `contents` (dcc.Upload); every other callback keeps body_limit. Over: 413 JSON.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { Dash, dcc, html, Input, Output, State } from 'dash-ts';
import { makeFakeBundle, serve } from './helpers.js';

let bundle: Awaited<ReturnType<typeof makeFakeBundle>>;
let server: FastifyInstance;
let calls = 0;

before(async () => {
  bundle = await makeFakeBundle();
  const app = new Dash({ body_limit: 4096, max_upload_bytes: 16384 });
  app.layout = html.Div([dcc.Upload({ id: 'up' }), html.Div({ id: 'out' }), html.Div({ id: 'other' })]);
  app.callback(Output('out', 'children'), Input('up', 'contents'), State('up', 'filename'), (c) => {
    calls += 1;
    return String(c).length;
  });
  app.callback(Output('other', 'children'), Input('in', 'value'), (v) => {
    calls += 1;
    return String(v).length;
  });
  server = await serve(app, bundle.dir);
});
after(async () => {
  await server.close();
  await bundle.cleanup();
});

function post(body: unknown) {
  return server.inject({
    method: 'POST',
    url: '/_dash-update-component',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify(body),
  });
}

const upload = (size: number) => ({
  output: 'out.children',
  outputs: { id: 'out', property: 'children' },
  inputs: [{ id: 'up', property: 'contents', value: 'A'.repeat(size) }],
  state: [{ id: 'up', property: 'filename', value: 'f' }],
  changedPropIds: ['up.contents'],
});
const other = (size: number) => ({
  output: 'other.children',
  outputs: { id: 'other', property: 'children' },
  inputs: [{ id: 'in', property: 'value', value: 'A'.repeat(size) }],
  changedPropIds: ['in.value'],
});

test('an upload callback accepts bodies between body_limit and max_upload_bytes', async () => {
  const response = await post(upload(10_000));
  assert.equal(response.statusCode, 200);
});

test('413 JSON over max_upload_bytes, and over body_limit for callbacks without an Upload input', async () => {
  const before = calls;
  for (const body of [upload(20_000), other(10_000)]) {
    const response = await post(body);
    assert.equal(response.statusCode, 413);
    assert.equal(response.json<{ code: string }>().code, 'DASH_ERR_BODY_TOO_LARGE');
  }
  assert.equal(calls, before, 'no callback ran');
  assert.equal((await post(other(100))).statusCode, 200);
});

test('a body claiming an Upload input for a callback that declares none is still held to body_limit', async () => {
  const body = { ...other(10_000), state: [{ id: 'up', property: 'contents', value: '' }] };
  assert.equal((await post(body)).statusCode, 413);
});

test('max_upload_bytes must be a positive whole number', () => {
  assert.throws(() => new Dash({ max_upload_bytes: -1 }).resolvedOptions(), /max_upload_bytes/);
  assert.throws(() => new Dash({ max_upload_bytes: 1.5 }).resolvedOptions(), /max_upload_bytes/);
});
