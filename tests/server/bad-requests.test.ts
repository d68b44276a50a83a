// Every malformed callback request is refused with a 4xx JSON error, the user's function is never
// called for it, and the next good request is served as usual.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { Dash, html, Input, Output, State } from 'dash-ts';
import { makeFakeBundle, serve } from './helpers.js';

let bundle: Awaited<ReturnType<typeof makeFakeBundle>>;
let server: FastifyInstance;
let calls = 0;

const good = {
  output: 'out.children',
  outputs: { id: 'out', property: 'children' },
  inputs: [{ id: 'in', property: 'value', value: 1 }],
  state: [{ id: 'st', property: 'value', value: 'x' }],
  changedPropIds: ['in.value'],
};
const goodMulti = {
  output: '..a.children...b.children..',
  outputs: [
    { id: 'a', property: 'children' },
    { id: 'b', property: 'children' },
  ],
  inputs: [{ id: 'in', property: 'value', value: 1 }],
  changedPropIds: [],
};

before(async () => {
  bundle = await makeFakeBundle();
  const app = new Dash({ body_limit: 4096, max_depth: 16 });
  app.layout = html.Div();
  app.callback(Output('out', 'children'), Input('in', 'value'), State('st', 'value'), (v, s) => {
    calls += 1;
    return `${String(v)} ${String(s)}`;
  });
  app.callback([Output('a', 'children'), Output('b', 'children')], Input('in', 'value'), (_v) => {
    calls += 1;
    return ['a', 'b'];
  });
  server = await serve(app, bundle.dir);
});
after(async () => {
  await server.close();
  await bundle.cleanup();
});

interface Bad {
  name: string;
  status: number;
  code: string;
  payload: string;
  contentType?: string | undefined;
}

function json(value: unknown): string {
  return JSON.stringify(value);
}

function deep(depth: number): string {
  return `${'['.repeat(depth)}1${']'.repeat(depth)}`;
}

const cases: Bad[] = [
  { name: 'malformed JSON', status: 400, code: 'DASH_ERR_BAD_REQUEST', payload: '{"output": "out.children",' },
  { name: 'empty JSON body', status: 400, code: 'DASH_ERR_BAD_REQUEST', payload: '' },
  { name: 'a JSON array', status: 400, code: 'DASH_ERR_BAD_REQUEST', payload: '[1,2]' },
  { name: 'a JSON string', status: 400, code: 'DASH_ERR_BAD_REQUEST', payload: '"out.children"' },
  { name: 'output not a string', status: 400, code: 'DASH_ERR_BAD_REQUEST', payload: json({ ...good, output: 7 }) },
  {
    name: 'unknown callback',
    status: 404,
    code: 'DASH_ERR_UNKNOWN_CALLBACK',
    payload: json({ ...good, output: 'nope.children' }),
  },
  {
    name: 'callback key "__proto__"',
    status: 404,
    code: 'DASH_ERR_UNKNOWN_CALLBACK',
    payload: json({ ...good, output: 'constructor' }),
  },
  {
    name: 'output not declared',
    status: 400,
    code: 'DASH_ERR_UNDECLARED_DEPENDENCY',
    payload: json({ ...good, outputs: { id: 'secret', property: 'children' } }),
  },
  {
    name: 'output prop not declared',
    status: 400,
    code: 'DASH_ERR_UNDECLARED_DEPENDENCY',
    payload: json({ ...good, outputs: { id: 'out', property: 'style' } }),
  },
  {
    name: 'outputs missing',
    status: 400,
    code: 'DASH_ERR_BAD_REQUEST',
    payload: json({ ...good, outputs: undefined }),
  },
  {
    name: 'multi outputs wrong count',
    status: 400,
    code: 'DASH_ERR_UNDECLARED_DEPENDENCY',
    payload: json({ ...goodMulti, outputs: [{ id: 'a', property: 'children' }] }),
  },
  {
    name: 'multi outputs as one object',
    status: 400,
    code: 'DASH_ERR_UNDECLARED_DEPENDENCY',
    payload: json({ ...goodMulti, outputs: { id: 'a', property: 'children' } }),
  },
  {
    name: 'input not declared',
    status: 400,
    code: 'DASH_ERR_UNDECLARED_DEPENDENCY',
    payload: json({ ...good, inputs: [{ id: 'other', property: 'value', value: 1 }] }),
  },
  {
    name: 'input prop not declared',
    status: 400,
    code: 'DASH_ERR_UNDECLARED_DEPENDENCY',
    payload: json({ ...good, inputs: [{ id: 'in', property: 'n_clicks', value: 1 }] }),
  },
  {
    name: 'too many inputs',
    status: 400,
    code: 'DASH_ERR_UNDECLARED_DEPENDENCY',
    payload: json({ ...good, inputs: [...good.inputs, { id: 'in', property: 'value', value: 2 }] }),
  },
  { name: 'no inputs', status: 400, code: 'DASH_ERR_UNDECLARED_DEPENDENCY', payload: json({ ...good, inputs: [] }) },
  { name: 'inputs not an array', status: 400, code: 'DASH_ERR_BAD_REQUEST', payload: json({ ...good, inputs: {} }) },
  {
    name: 'input not an object',
    status: 400,
    code: 'DASH_ERR_BAD_REQUEST',
    payload: json({ ...good, inputs: ['in.value'] }),
  },
  {
    name: 'state not declared',
    status: 400,
    code: 'DASH_ERR_UNDECLARED_DEPENDENCY',
    payload: json({ ...good, state: [{ id: 'password', property: 'value', value: 'x' }] }),
  },
  { name: 'state missing', status: 400, code: 'DASH_ERR_BAD_REQUEST', payload: json({ ...good, state: undefined }) },
  {
    name: 'state wrong count',
    status: 400,
    code: 'DASH_ERR_UNDECLARED_DEPENDENCY',
    payload: json({ ...good, state: [] }),
  },
  {
    name: 'changedPropIds not strings',
    status: 400,
    code: 'DASH_ERR_BAD_REQUEST',
    payload: json({ ...good, changedPropIds: [{}] }),
  },
  {
    name: 'text/plain body',
    status: 415,
    code: 'DASH_ERR_UNSUPPORTED_MEDIA_TYPE',
    payload: json(good),
    contentType: 'text/plain',
  },
  {
    name: 'form body',
    status: 415,
    code: 'DASH_ERR_UNSUPPORTED_MEDIA_TYPE',
    payload: 'output=out.children',
    contentType: 'application/x-www-form-urlencoded',
  },
  {
    name: 'multipart body',
    status: 415,
    code: 'DASH_ERR_UNSUPPORTED_MEDIA_TYPE',
    payload: '--x\r\n\r\n--x--',
    contentType: 'multipart/form-data; boundary=x',
  },
  {
    name: 'application/jsonx',
    status: 415,
    code: 'DASH_ERR_UNSUPPORTED_MEDIA_TYPE',
    payload: json(good),
    contentType: 'application/jsonx',
  },
  {
    name: 'no content type',
    status: 415,
    code: 'DASH_ERR_UNSUPPORTED_MEDIA_TYPE',
    payload: json(good),
    contentType: undefined,
  },
  {
    name: 'no content type, no body',
    status: 415,
    code: 'DASH_ERR_UNSUPPORTED_MEDIA_TYPE',
    payload: '',
    contentType: undefined,
  },
  {
    name: 'oversized body',
    status: 413,
    code: 'DASH_ERR_BODY_TOO_LARGE',
    payload: json({ ...good, inputs: [{ id: 'in', property: 'value', value: 'x'.repeat(5000) }] }),
  },
  {
    name: 'too deep (array)',
    status: 400,
    code: 'DASH_ERR_TOO_DEEP',
    payload: json({ ...good, inputs: [{ id: 'in', property: 'value', value: JSON.parse(deep(20)) as unknown }] }),
  },
  { name: 'too deep (bare, 1,500 levels)', status: 400, code: 'DASH_ERR_TOO_DEEP', payload: deep(1500) },
  {
    name: '__proto__ key',
    status: 400,
    code: 'DASH_ERR_BAD_REQUEST',
    payload: `{"output":"out.children","outputs":{"id":"out","property":"children"},"inputs":[{"id":"in","property":"value","value":{"__proto__":{"polluted":true}}}],"state":[{"id":"st","property":"value"}],"changedPropIds":[]}`,
  },
  {
    name: 'escaped \\u005f_proto__ key',
    status: 400,
    code: 'DASH_ERR_BAD_REQUEST',
    payload: '{"output":"out.children","\\u005f_proto__":{"polluted":true}}',
  },
  {
    name: 'constructor.prototype',
    status: 400,
    code: 'DASH_ERR_BAD_REQUEST',
    payload: '{"output":"out.children","constructor":{"prototype":{"polluted":true}}}',
  },
];

describe('bad callback requests', () => {
  for (const bad of cases) {
    it(`${bad.name} → ${bad.status}`, async () => {
      const before = calls;
      const headers: Record<string, string> = {};
      if (bad.contentType !== undefined || !('contentType' in bad))
        headers['content-type'] = bad.contentType ?? 'application/json';
      const response = await server.inject({
        method: 'POST',
        url: '/_dash-update-component',
        headers,
        payload: bad.payload,
      });
      assert.equal(response.statusCode, bad.status, response.body);
      assert.equal(response.headers['content-type'], 'application/json; charset=utf-8');
      const body = response.json<Record<string, unknown>>();
      assert.equal(body['code'], bad.code);
      assert.match(String(body['id']), /^[0-9a-f-]{36}$/);
      assert.equal(typeof body['message'], 'string');
      assert.equal(typeof body['error'], 'string');
      assert.equal(calls, before, 'the callback function must not run');
      assert.equal(({} as Record<string, unknown>)['polluted'], undefined);

      // The server keeps serving.
      const next = await server.inject({ method: 'POST', url: '/_dash-update-component', payload: good });
      assert.equal(next.statusCode, 200);
      assert.deepEqual(next.json(), { multi: true, response: { out: { children: '1 x' } } });
      assert.equal(calls, before + 1);
    });
  }

  it('applies the JSON-only rule to encoded spellings of the route (spec/security.md §2.3)', async () => {
    const before = calls;
    for (const url of ['/%5fdash-update-component', '/_dash%2dupdate-component']) {
      const response = await server.inject({
        method: 'POST',
        url,
        headers: { 'content-type': 'text/plain' },
        payload: json(good),
      });
      assert.equal(response.statusCode, 415, url);
    }
    assert.equal(calls, before);
  });

  it('accepts application/json with parameters', async () => {
    const response = await server.inject({
      method: 'POST',
      url: '/_dash-update-component',
      headers: { 'content-type': 'Application/JSON; charset=utf-8' },
      payload: json(good),
    });
    assert.equal(response.statusCode, 200);
  });

  it('keeps the 1 MiB default body limit', async () => {
    const app = new Dash();
    app.layout = html.Div();
    let ran = 0;
    app.callback(Output('o', 'children'), Input('i', 'value'), () => {
      ran += 1;
      return 1;
    });
    const s = await serve(app, bundle.dir);
    const big = json({
      output: 'o.children',
      outputs: { id: 'o', property: 'children' },
      inputs: [{ id: 'i', property: 'value', value: 'x'.repeat(1024 * 1024) }],
      changedPropIds: [],
    });
    const response = await s.inject({
      method: 'POST',
      url: '/_dash-update-component',
      headers: { 'content-type': 'application/json' },
      payload: big,
    });
    assert.equal(response.statusCode, 413);
    assert.equal(ran, 0);
    const ok = json({
      output: 'o.children',
      outputs: { id: 'o', property: 'children' },
      inputs: [{ id: 'i', property: 'value', value: 'x'.repeat(1000 * 1000) }],
      changedPropIds: [],
    });
    assert.equal(
      (
        await s.inject({
          method: 'POST',
          url: '/_dash-update-component',
          headers: { 'content-type': 'application/json' },
          payload: ok,
        })
      ).statusCode,
      200,
    );
    await s.close();
  });

  it('uses max_depth 64 by default', async () => {
    const app = new Dash();
    app.layout = html.Div();
    app.callback(Output('o', 'children'), Input('i', 'value'), () => 1);
    const s = await serve(app, bundle.dir);
    const at = (depth: number): string =>
      `{"output":"o.children","outputs":{"id":"o","property":"children"},"inputs":[{"id":"i","property":"value","value":${deep(depth)}}],"changedPropIds":[]}`;
    // body (1) > inputs (2) > input (3) > value arrays: 61 more levels reach 64.
    const post = (payload: string) =>
      s.inject({
        method: 'POST',
        url: '/_dash-update-component',
        headers: { 'content-type': 'application/json' },
        payload,
      });
    assert.equal((await post(at(61))).statusCode, 200);
    assert.equal((await post(at(62))).statusCode, 400);
    await s.close();
  });
});
