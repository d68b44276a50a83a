// Checklist "Callback context" (spec/callbacks.md §4, §15): in process for ctx values, in Chromium
// for what reaches the browser (cookies, Server-Timing).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { ctx, Dash, dcc, html, Input, Output, State } from 'dash-ts';
import type { TriggeredProp } from 'dash-ts';
import { launchBrowser, serveApp } from '../browser/harness.js';
import { withApp } from './harness.js';

interface Seen {
  triggered: TriggeredProp[];
  triggeredId: unknown;
  propIds: Record<string, unknown>;
}

function contextApp(): { app: Dash; seen: Seen[] } {
  const app = new Dash();
  app.layout = html.Div([
    html.Button({ id: 'btn-1', n_clicks: 0 }),
    html.Button({ id: 'btn-2', n_clicks: 0 }),
    dcc.Input({ id: 'text', value: 'a' }),
    html.Div({ id: 'out' }),
  ]);
  const seen: Seen[] = [];
  app.callback(
    Output('out', 'children'),
    Input('btn-1', 'n_clicks'),
    Input('btn-2', 'n_clicks'),
    Input('text', 'value'),
    () => {
      seen.push({ triggered: ctx.triggered, triggeredId: ctx.triggered_id, propIds: ctx.triggered_prop_ids });
      return ctx.triggered.map((t) => `${t.prop_id}=${String(t.value)}`).join(' ');
    },
  );
  return { app, seen };
}

test('C076 ADR 0007: a call nothing triggered has triggered [] and triggered_id null', async () => {
  const { app, seen } = contextApp();
  await withApp(app, () => {
    assert.equal(seen.length, 1);
    assert.deepEqual(seen[0]?.triggered, []);
    assert.equal(seen[0]?.triggeredId, null);
    assert.deepEqual(seen[0]?.propIds, {});
  });
});

test('C077: triggered[0] is the clicked prop id and its value', async () => {
  const { app, seen } = contextApp();
  await withApp(app, async (client) => {
    client.edit('btn-2', { n_clicks: 1 });
    await client.settle();
    assert.deepEqual(seen.at(-1)?.triggered, [{ prop_id: 'btn-2.n_clicks', value: 1 }]);
    client.edit('btn-1', { n_clicks: 3 });
    await client.settle();
    assert.deepEqual(seen.at(-1)?.triggered[0], { prop_id: 'btn-1.n_clicks', value: 3 });
    assert.equal(client.prop('out', 'children'), 'btn-1.n_clicks=3');
  });
});

test('C078: triggered_prop_ids maps every triggering prop id to its id; triggered_id is the first', async () => {
  const { app, seen } = contextApp();
  await withApp(app, async (client) => {
    // One setProps changing two props of one component would list both; here two components
    // change in one task, so the merged call lists both, in trigger order.
    client.edit('text', { value: 'b' });
    client.edit('btn-1', { n_clicks: 1 });
    await client.settle();
    const last = seen.at(-1);
    assert.deepEqual(last?.propIds, { 'text.value': 'text', 'btn-1.n_clicks': 'btn-1' });
    assert.equal(last?.triggeredId, 'text');
    assert.equal(seen.length, 2, 'one merged call');
  });
});

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser.close();
});

test('C079 C080: ctx.response.set_cookie reaches the browser; record_timing adds Server-Timing entries in ms (debug)', async () => {
  const app = new Dash();
  app.layout = html.Div([dcc.Input({ id: 'in', value: 'v' }), html.Div({ id: 'out' })]);
  app.callback(Output('out', 'children'), Input('in', 'value'), State('in', 'id'), (v) => {
    ctx.response.set_cookie('dash_cookie', `${String(v)} value`, { httponly: true });
    ctx.record_timing('custom', 1.5, 'work done');
    ctx.record_timing('plain', 0.25);
    assert.throws(() => ctx.record_timing('plain', 1), /duplicate/);
    return `set ${String(v)}`;
  });
  const served = await serveApp(app, { debug: true });
  try {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const update = page.waitForResponse((r) => r.url().endsWith('_dash-update-component'));
      await page.goto(served.url);
      const response = await update;
      assert.equal(response.status(), 200);
      const timing = (await response.allHeaders())['server-timing'] ?? '';
      assert.match(timing, /^__dash_server;dur=\d+, custom;dur=1500;desc="work done", plain;dur=250$/);
      await page.waitForFunction(() => document.getElementById('out')?.textContent === 'set v');
      const cookies = await context.cookies();
      const cookie = cookies.find((c) => c.name === 'dash_cookie');
      assert.equal(cookie?.value, 'v%20value');
      assert.equal(cookie?.httpOnly, true);
    } finally {
      await context.close();
    }
  } finally {
    await served.close();
  }
});

test('C080: without debug mode no Server-Timing header is sent', async () => {
  const app = new Dash();
  app.layout = html.Div([dcc.Input({ id: 'in', value: 'v' }), html.Div({ id: 'out' })]);
  app.callback(Output('out', 'children'), Input('in', 'value'), (v) => {
    ctx.record_timing('custom', 1);
    return String(v);
  });
  const served = await serveApp(app);
  try {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const update = page.waitForResponse((r) => r.url().endsWith('_dash-update-component'));
      await page.goto(served.url);
      const response = await update;
      assert.equal(response.status(), 200);
      assert.equal((await response.allHeaders())['server-timing'], undefined);
    } finally {
      await context.close();
    }
  } finally {
    await served.close();
  }
});
