// Checklist "Hooks and errors" C147 (server hooks, spec/callbacks.md §11.1) in process and over HTTP,
// and C148 (renderer hooks, §11.2) in Chromium with the hooks registered by an assets file.
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { ClientsideFunction, ctx, Dash, dcc, HookError, hooks, Hooks, html, Input, Output } from 'dash-ts';
import type { Child } from 'dash-ts';
import { eventually, launchBrowser, openPage, serveApp } from '../browser/harness.js';
import { inProcess } from './harness.js';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The browser globals the page functions below use (this file compiles without the DOM lib). */
interface PageWindow {
  document: { getElementById(id: string): { textContent: string | null } | null };
  hookLog: string[];
}
declare const window: PageWindow;

let browser: Browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser.close();
});

function simpleApp(plugins: Hooks[]): Dash {
  const app = new Dash({ plugins });
  app.layout = html.Div([dcc.Input({ id: 'in', value: 'a' }), html.Div({ id: 'out' })]);
  return app;
}

test('C147: layout hooks run by priority, then registration order, final last, each time the layout is served', async () => {
  const order: string[] = [];
  const mark =
    (name: string) =>
    (layout: Child): Child => {
      order.push(name);
      return html.Div({ id: `wrap-${name}`, children: layout });
    };
  const plugin = new Hooks()
    .layout(mark('first'))
    .layout(mark('final'), { final: true })
    .layout(mark('high'), { priority: 5 })
    .layout(mark('second'));
  const app = simpleApp([plugin]);
  const server = await app.server({ logger: false });
  try {
    const layout = (await server.inject({ method: 'GET', url: '/_dash-layout' })).json<{
      props: { id: string; children: { props: { id: string } } };
    }>();
    assert.deepEqual(order, ['high', 'first', 'second', 'final']);
    assert.equal(layout.props.id, 'wrap-final', 'the final hook wraps last');
    assert.equal(layout.props.children.props.id, 'wrap-second');
    await server.inject({ method: 'GET', url: '/_dash-layout' });
    assert.equal(order.length, 8, 'applied on every layout request');
  } finally {
    await server.close();
  }
  assert.throws(() => new Hooks().index((h) => h, { final: true }).index((h) => h, { final: true }), HookError);
  const a = new Hooks().index((h) => h, { final: true });
  const b = new Hooks().index((h) => h, { final: true });
  assert.throws(() => simpleApp([a, b]), HookError, 'two final hooks of one kind on an app');
});

test('C147: setup hooks get the app while it is built; callback hooks register on the app', async () => {
  const seen: unknown[] = [];
  const plugin = new Hooks()
    .setup((app) => seen.push(app))
    .callback(Output('out', 'children'), Input('in', 'value'), (value: unknown) => `hooked ${String(value)}`);
  const app = simpleApp([plugin]);
  assert.deepEqual(seen, [app]);
  const client = await inProcess(app);
  try {
    assert.equal(client.prop('out', 'children'), 'hooked a');
    client.edit('in', { value: 'b' });
    await client.settle();
    assert.equal(client.prop('out', 'children'), 'hooked b');
  } finally {
    await client.close();
  }
});

test('C147: clientside_callback hooks register a clientside callback on the app', async () => {
  const plugin = new Hooks().clientside_callback(
    ClientsideFunction('hooked', 'copy'),
    Output('out', 'children'),
    Input('in', 'value'),
  );
  const server = await simpleApp([plugin]).server({ logger: false });
  try {
    const specs = (await server.inject({ method: 'GET', url: '/_dash-dependencies' })).json<
      { output: string; clientside_function: unknown }[]
    >();
    assert.deepEqual(
      specs.map((s) => [s.output, s.clientside_function]),
      [['out.children', { namespace: 'hooked', function_name: 'copy' }]],
    );
  } finally {
    await server.close();
  }
});

test('C147: route hooks add routes under the routes prefix, with their methods', async () => {
  const plugin = new Hooks()
    .route(function ping() {
      return { pong: true };
    })
    .route((request) => ({ got: request.body }), { name: 'echo', methods: ['POST'] });
  const app = new Dash({ plugins: [plugin], url_base_pathname: '/app/' });
  app.layout = html.Div('x');
  const server = await app.server({ logger: false });
  try {
    const ping = await server.inject({ method: 'GET', url: '/app/ping' });
    assert.equal(ping.statusCode, 200);
    assert.deepEqual(ping.json(), { pong: true });
    assert.ok(ping.headers['content-security-policy'], 'hook routes get the app scope security headers');
    const echo = await server.inject({ method: 'POST', url: '/app/echo', payload: { a: 1 } });
    assert.deepEqual(echo.json(), { got: { a: 1 } });
    const wrongMethod = await server.inject({ method: 'POST', url: '/app/ping', payload: {} });
    assert.notEqual(wrongMethod.statusCode, 200);
  } finally {
    await server.close();
  }
});

test('C147: error hooks receive the error of a failing callback; the request still fails', async () => {
  const errors: unknown[] = [];
  const app = simpleApp([new Hooks().error((error) => errors.push(error))]);
  app.callback(Output('out', 'children'), Input('in', 'value'), (value) => {
    if (value === 'boom') throw new Error('callback exploded');
    return String(value);
  });
  const client = await inProcess(app);
  try {
    assert.equal(errors.length, 0);
    client.edit('in', { value: 'boom' });
    await client.settle();
    assert.equal(errors.length, 1);
    const [error] = errors;
    assert.ok(error instanceof Error);
    assert.equal(error.message, 'callback exploded');
    assert.equal(client.responses.at(-1)?.status, 500);
  } finally {
    await client.close();
  }
});

test('C147: index hooks rewrite the page; script and stylesheet hooks add resources to it', async () => {
  const plugin = new Hooks()
    .index((page) => page.replace('<body>', '<body data-hooked="yes">'))
    .script(['/app-static/extra.js', { src: '/app-static/extra.mjs', module: true }])
    .stylesheet(['/app-static/extra.css']);
  const app = simpleApp([plugin]);
  const server = await app.server({ logger: false });
  try {
    const page = (await server.inject({ method: 'GET', url: '/' })).body;
    assert.match(page, /<body data-hooked="yes">/);
    assert.match(page, /<script nonce="[^"]+" src="\/app-static\/extra\.js"><\/script>/);
    assert.match(page, /<script type="module" nonce="[^"]+" src="\/app-static\/extra\.mjs"><\/script>/);
    assert.match(page, /<link rel="stylesheet" href="\/app-static\/extra\.css">/);
    assert.ok(page.indexOf('extra.js') > page.lastIndexOf('_dash-component-suites'), 'hook scripts come last');
  } finally {
    await server.close();
  }
});

test('C147: custom_data hooks are evaluated before each callback and read as ctx.custom_data', async () => {
  let evaluations = 0;
  const plugin = new Hooks().custom_data('user', (context) => {
    evaluations += 1;
    return { name: 'ada', output: context.output, triggered: context.triggered_prop_ids };
  });
  const app = simpleApp([plugin]);
  app.callback(Output('out', 'children'), Input('in', 'value'), () => JSON.stringify(ctx.custom_data));
  const client = await inProcess(app);
  try {
    assert.deepEqual(JSON.parse(String(client.prop('out', 'children'))), {
      user: { name: 'ada', output: 'out.children', triggered: [] },
    });
    client.edit('in', { value: 'b' });
    await client.settle();
    assert.deepEqual(JSON.parse(String(client.prop('out', 'children'))), {
      user: { name: 'ada', output: 'out.children', triggered: ['in.value'] },
    });
    assert.equal(evaluations, 2);
  } finally {
    await client.close();
  }
});

test('C148 ADR 0013: renderer hooks from an assets file — layout_pre/layout_post around the layout fetch, request_pre/request_post around callbacks, request_refresh_jwt retries once', async () => {
  const app = new Dash({ assets_folder: path.join(here, 'apps', 'pages-hooks', 'assets') });
  app.layout = html.Div([dcc.Input({ id: 'in', value: 'from-layout' }), html.Div({ id: 'out' })]);
  const received: unknown[] = [];
  app.callback(Output('out', 'children'), Input('in', 'value'), (value) => {
    received.push(value);
    return `server saw ${String(value)}`;
  });
  const served = await serveApp(app);
  const opened = await openPage(browser, 'about:blank');
  const { page, problems } = opened;
  const authorizations: (string | null)[] = [];
  try {
    // The server side of a JWT check: callback requests without a bearer token are refused as expired.
    await page.route('**/_dash-update-component', async (route) => {
      const auth = route.request().headers()['authorization'] ?? null;
      authorizations.push(auth);
      if (auth === null) await route.fulfill({ status: 401, contentType: 'text/plain', body: 'JWT Expired' });
      else await route.continue();
    });
    await page.goto(served.url);
    const text = (id: string) => page.evaluate((i) => window.document.getElementById(i)?.textContent ?? null, id);
    await eventually(() => text('out'), 'server saw from-layout-post+pre+post', 'every hook changed what it sees');
    assert.deepEqual(received, ['from-layout-post+pre'], 'request_pre mutations reached the server');
    const log = await page.evaluate(() => window.hookLog);
    assert.deepEqual(log, [
      'layout_pre',
      'layout_post',
      'request_pre:out.children',
      'refresh:undefined',
      'request_post:from-layout-post+pre:{"out":{"children":"server saw from-layout-post+pre"}}',
    ]);
    assert.deepEqual(authorizations, [null, 'Bearer token-2'], 'one retry with the refreshed token');

    await page.fill('#in', 'typed');
    await eventually(() => text('out'), 'server saw typed+pre+post', 'a later callback');
    assert.equal(authorizations.at(-1), 'Bearer token-2', 'the refreshed token sticks');
    assert.equal(authorizations.length, 3, 'no second refresh');
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.cspViolations, []);
  } finally {
    await opened.close();
    await served.close();
  }
});

// Last: the global hooks object stays registered for the rest of this process.
test('C147: global hooks apply to apps created after they are registered, not before', async () => {
  const before = simpleApp([]);
  const setups: unknown[] = [];
  hooks.setup((app) => setups.push(app));
  hooks.layout((layout) => html.Div({ id: 'global-wrap', children: layout }));
  const afterApp = simpleApp([]);
  assert.deepEqual(setups, [afterApp]);
  for (const [app, wrapped] of [
    [before, false],
    [afterApp, true],
  ] as const) {
    const server = await app.server({ logger: false });
    try {
      const layout = (await server.inject({ method: 'GET', url: '/_dash-layout' })).json<{
        props: { id?: string };
      }>();
      assert.equal(layout.props.id === 'global-wrap', wrapped);
    } finally {
      await server.close();
    }
  }
});
