// The renderer's scheduler against a real dash-ts server, in process (fastify.inject): the config,
// layout and callback list the server serves, and every callback request the renderer makes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { Dash, dcc, html, Input, Output, PreventUpdate, State } from 'dash-ts';
import type { CallbackSpec, DashConfig, UpdateRequest } from '../../src/shared/protocol.js';
import { Runtime } from '../../src/renderer/runtime.js';
import type { CallbackError } from '../../src/renderer/graph/types.js';

function buildApp(): Dash {
  // 'inner' is created by a callback, so it is absent from the initial layout (Dash would report it).
  const app = new Dash({ title: 'scheduler', suppress_callback_exceptions: true });
  app.layout = html.Div([
    dcc.Input({ id: 'name', value: 'world' }),
    dcc.Input({ id: 'suffix', value: '!' }),
    html.Div({ id: 'greeting' }),
    html.Div({ id: 'shout' }),
    html.Button('add', { id: 'btn' }),
    html.Div({ id: 'box' }),
    html.Div({ id: 'echo' }),
    html.Div({ id: 'guarded' }),
    html.Div({ id: 'after-guard' }),
  ]);
  app.callback(Output('greeting', 'children'), Input('name', 'value'), State('suffix', 'value'), (name, suffix) => {
    return `Hello ${String(name)}${String(suffix)}`;
  });
  app.callback(Output('shout', 'children'), Input('greeting', 'children'), (greeting) =>
    String(greeting).toUpperCase(),
  );
  app.callback(Output('box', 'children'), Input('btn', 'n_clicks'), (n) => {
    if (!n) throw new PreventUpdate();
    return dcc.Input({ id: 'inner', value: `item ${Number(n)}` });
  });
  app.callback(Output('echo', 'children'), Input('inner', 'value'), (value) => `echo: ${String(value)}`);
  app.callback(Output('guarded', 'children'), Input('name', 'value'), () => {
    throw new PreventUpdate();
  });
  app.callback(Output('after-guard', 'children'), Input('guarded', 'children'), () => 'should not run initially');
  return app;
}

describe('scheduler against a dash-ts server (fastify.inject)', () => {
  let server: FastifyInstance;
  let runtime: Runtime;
  const requests: UpdateRequest[] = [];
  const errors: CallbackError[] = [];

  before(async () => {
    server = await buildApp().server({ logger: false });
    const page = await server.inject({ method: 'GET', url: '/' });
    const configText = /<script[^>]*id="_dash-config"[^>]*>([\s\S]*?)<\/script>/.exec(page.body)?.[1];
    assert.ok(configText, 'the index page embeds _dash-config');
    const config = JSON.parse(configText) as DashConfig;
    const get = async (path: string): Promise<unknown> => {
      const res = await server.inject({ method: 'GET', url: `${config.requests_pathname_prefix}${path}` });
      assert.equal(res.statusCode, 200, `${path}: ${res.body}`);
      return res.json();
    };
    const [layout, dependencies] = await Promise.all([get('_dash-layout'), get('_dash-dependencies')]);
    runtime = new Runtime({
      config,
      layout,
      dependencies: dependencies as CallbackSpec[],
      logError: (e) => errors.push(e),
      transport: async (body) => {
        requests.push(JSON.parse(JSON.stringify(body)) as UpdateRequest);
        const res = await server.inject({
          method: 'POST',
          url: `${config.requests_pathname_prefix}_dash-update-component`,
          headers: { 'content-type': 'application/json', accept: 'application/json', origin: 'http://localhost:80' },
          payload: JSON.stringify(body),
        });
        return { status: res.statusCode, body: res.body };
      },
    });
    runtime.start();
    await settle();
  });

  after(async () => server.close());

  const settle = async (): Promise<void> => {
    for (let i = 0; i < 3; i += 1) {
      await runtime.scheduler.idle();
      await new Promise((r) => setTimeout(r, 0));
    }
  };
  const prop = (id: string, property: string): unknown => runtime.store.getProp(id, property);
  const edit = (id: string, props: Record<string, unknown>): void =>
    runtime.setPropsFromView(runtime.store.keyOf(id)!, props);

  test('initial wave: chained callbacks run in order with consistent values', () => {
    assert.deepEqual(errors, []);
    assert.equal(prop('greeting', 'children'), 'Hello world!');
    assert.equal(prop('shout', 'children'), 'HELLO WORLD!');
    const shout = requests.find((r) => r.output === 'shout.children');
    assert.deepEqual(shout?.changedPropIds, ['greeting.children']);
  });

  test('PreventUpdate in the initial wave prunes its dependants (§2.5)', () => {
    assert.equal(prop('after-guard', 'children'), undefined);
    assert.equal(requests.filter((r) => r.output === 'after-guard.children').length, 0);
  });

  test('a user edit triggers the Input chain; State is read, not a trigger', async () => {
    const before = requests.length;
    edit('suffix', { value: '?' });
    await settle();
    assert.equal(requests.length, before, 'State edits send nothing');
    edit('name', { value: 'Ada' });
    await settle();
    assert.equal(prop('greeting', 'children'), 'Hello Ada?');
    assert.equal(prop('shout', 'children'), 'HELLO ADA?');
  });

  test('a callback inserting components schedules their initial callbacks (§1.8)', async () => {
    edit('btn', { n_clicks: 1 });
    await settle();
    assert.equal(prop('inner', 'value'), 'item 1');
    assert.equal(prop('echo', 'children'), 'echo: item 1');
    edit('inner', { value: 'typed' });
    await settle();
    assert.equal(prop('echo', 'children'), 'echo: typed');
    assert.deepEqual(errors, []);
  });
});
