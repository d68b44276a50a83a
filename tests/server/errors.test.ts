// Errors never leak internals in production (spec/security.md §1.7), are logged with an id that the
// body repeats, and in debug mode carry the message and stack for the dev-tools overlay.
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { Dash, DashError, html, Input, Output } from 'dash-ts';
import { makeFakeBundle } from './helpers.js';

let bundle: Awaited<ReturnType<typeof makeFakeBundle>>;
before(async () => {
  bundle = await makeFakeBundle();
});
after(() => bundle.cleanup());

function logSink(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  });
  return {
    stream,
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((l) => l.length > 0)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}

function failingApp(): Dash {
  const app = new Dash();
  app.layout = html.Div();
  app.callback(Output('out', 'children'), Input('in', 'value'), (v) => {
    if (v === 'boom') throw new Error('secret detail: db password is hunter2');
    if (v === 'async') return Promise.reject(new TypeError('secret async detail'));
    if (v === 'bad') return [1, 2];
    return 'ok';
  });
  app.callback([Output('a', 'children'), Output('b', 'children')], Input('in2', 'value'), () => 'not a list' as never);
  return app;
}

const body = (value: string) => ({
  output: 'out.children',
  outputs: { id: 'out', property: 'children' },
  inputs: [{ id: 'in', property: 'value', value }],
  changedPropIds: [],
});

describe('5xx in production', () => {
  it('answers {error, id} only, logs the id with the error and stack, and keeps serving', async () => {
    const logs = logSink();
    const server = await failingApp().server({ bundleDir: bundle.dir, logger: { level: 'info', stream: logs.stream } });
    for (const value of ['boom', 'async']) {
      const response = await server.inject({ method: 'POST', url: '/_dash-update-component', payload: body(value) });
      assert.equal(response.statusCode, 500);
      assert.equal(response.headers['content-type'], 'application/json; charset=utf-8');
      const json = response.json<Record<string, unknown>>();
      assert.deepEqual(Object.keys(json).sort(), ['error', 'id']);
      assert.equal(json['error'], 'Internal Server Error');
      assert.doesNotMatch(response.body, /secret|hunter2|stack|at |\.ts/);
      const logged = logs.lines().find((l) => l['errorId'] === json['id']);
      assert.ok(logged !== undefined, 'the error is logged with the id sent to the client');
      assert.equal(logged['level'], 50);
      assert.match(JSON.stringify(logged['err']), /secret/);
      assert.match(JSON.stringify(logged['err']), /stack/);
    }
    const ok = await server.inject({ method: 'POST', url: '/_dash-update-component', payload: body('fine') });
    assert.deepEqual(ok.json(), { multi: true, response: { out: { children: 'ok' } } });
    await server.close();
  });

  it('treats a wrong return shape as a server error', async () => {
    const server = await failingApp().server({ bundleDir: bundle.dir, logger: false });
    const response = await server.inject({
      method: 'POST',
      url: '/_dash-update-component',
      payload: {
        output: '..a.children...b.children..',
        outputs: [
          { id: 'a', property: 'children' },
          { id: 'b', property: 'children' },
        ],
        inputs: [{ id: 'in2', property: 'value', value: 1 }],
        changedPropIds: [],
      },
    });
    assert.equal(response.statusCode, 500);
    assert.deepEqual(Object.keys(response.json<object>()).sort(), ['error', 'id']);
    await server.close();
  });

  it('hides a failing layout function too', async () => {
    const app = new Dash();
    app.layout = () => {
      throw new Error('secret layout detail');
    };
    const server = await app.server({ bundleDir: bundle.dir, logger: false });
    const response = await server.inject({ url: '/_dash-layout' });
    assert.equal(response.statusCode, 500);
    assert.doesNotMatch(response.body, /secret/);
    await server.close();
  });

  it('hides a missing layout (a DashError with status 500)', async () => {
    const app = new Dash();
    const server = await app.server({ bundleDir: bundle.dir, logger: false });
    const response = await server.inject({ url: '/_dash-layout' });
    assert.equal(response.statusCode, 500);
    assert.deepEqual(Object.keys(response.json<object>()).sort(), ['error', 'id']);
    await server.close();
  });
});

describe('5xx in debug mode', () => {
  it('adds the code, message and stack of the callback error', async () => {
    const server = await failingApp().server({ bundleDir: bundle.dir, logger: false, debug: true });
    const response = await server.inject({ method: 'POST', url: '/_dash-update-component', payload: body('boom') });
    assert.equal(response.statusCode, 500);
    const json = response.json<Record<string, string>>();
    assert.equal(json['error'], 'Internal Server Error');
    assert.equal(json['code'], 'DASH_ERR_CALLBACK_FAILED');
    assert.match(json['message'] ?? '', /Callback out\.children failed: secret detail/);
    assert.match(json['stack'] ?? '', /Error: secret detail[\s\S]*errors\.test\.ts/);
    await server.close();
  });
});

describe('4xx bodies', () => {
  it('describe the mistake with a code, never with internals', async () => {
    const server = await failingApp().server({ bundleDir: bundle.dir, logger: false });
    const response = await server.inject({
      method: 'POST',
      url: '/_dash-update-component',
      headers: { 'content-type': 'application/json' },
      payload: '{"output": "out.children", "inputs": [}',
    });
    assert.equal(response.statusCode, 400);
    const json = response.json<Record<string, string>>();
    assert.deepEqual(Object.keys(json).sort(), ['code', 'error', 'id', 'message']);
    assert.equal(json['error'], 'Bad Request');
    // Our text, not the parser's (which quotes positions of the input).
    assert.doesNotMatch(json['message'] ?? '', /position|Unexpected token/);
    await server.close();
  });

  it('DashError 4xx from user code keep their status and message', async () => {
    const app = new Dash();
    app.layout = () => {
      throw new DashError('DASH_ERR_BAD_REQUEST', 'pick a country first', { statusCode: 422 });
    };
    const server = await app.server({ bundleDir: bundle.dir, logger: false });
    const response = await server.inject({ url: '/_dash-layout' });
    assert.equal(response.statusCode, 422);
    assert.equal(response.json<{ message: string }>().message, 'pick a country first');
    await server.close();
  });
});
