/**
 * `app.run()`: the app served from code on a real socket, as `npx dash-ts run` does from the CLI.
 * Uses the real browser bundle (built if missing).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Dash, dcc, html, Input, Output } from 'dash-ts';
import { ensureBuilt } from '../browser/harness.js';

function makeApp(): Dash {
  const app = new Dash({ title: 'Run from code' });
  app.layout = html.Div([dcc.Input({ id: 'name', value: 'world' }), html.Div({ id: 'greeting' })]);
  app.callback(Output('greeting', 'children'), Input('name', 'value'), (name) => `Hello ${String(name)}`);
  return app;
}

function baseUrl(server: Awaited<ReturnType<Dash['run']>>): string {
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return `http://127.0.0.1:${address.port}/`;
}

test('app.run() listens on the given host and port and serves page, layout and callbacks', async () => {
  ensureBuilt();
  const server = await makeApp().run({ port: 0, host: '127.0.0.1', logger: false });
  try {
    const url = baseUrl(server);
    const page = await fetch(url);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /<title>Run from code<\/title>/);
    const layout = (await (await fetch(`${url}_dash-layout`)).json()) as { type: string };
    assert.equal(layout.type, 'Div');
    const update = await fetch(`${url}_dash-update-component`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        output: 'greeting.children',
        outputs: { id: 'greeting', property: 'children' },
        inputs: [{ id: 'name', property: 'value', value: 'Ada' }],
        changedPropIds: ['name.value'],
      }),
    });
    assert.deepEqual(await update.json(), { multi: true, response: { greeting: { children: 'Hello Ada' } } });
    assert.equal((await fetch(`${url}_reload-hash`)).status, 404, 'no hot-reload route in production');
  } finally {
    await server.close();
  }
});

test('app.run({ debug: true }) turns on the debug-only routes', async () => {
  ensureBuilt();
  const server = await makeApp().run({ port: 0, host: '127.0.0.1', debug: true, logger: false });
  try {
    const reload = await fetch(`${baseUrl(server)}_reload-hash`);
    assert.equal(reload.status, 200);
    assert.equal(typeof ((await reload.json()) as { reloadHash?: unknown }).reloadHash, 'string');
  } finally {
    await server.close();
  }
});
