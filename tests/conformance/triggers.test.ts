// Checklist "Triggers, ordering, concurrency" (spec/callbacks.md §2, §15): in process for the
// scheduling rules, in Chromium where a component's own behaviour matters.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ctx, Dash, dcc, html, Input, MATCH, noUpdate, Output, PreventUpdate, State } from 'dash-ts';
import { launchBrowser, openPage, serveApp } from '../browser/harness.js';
import { inProcess, until, withApp } from './harness.js';

test('C039: a UI setProps with a deep-equal value triggers nothing', async () => {
  const app = new Dash();
  app.layout = html.Div([dcc.Checklist({ id: 'list', options: ['a', 'b'], value: ['a'] }), html.Div({ id: 'out' })]);
  let calls = 0;
  app.callback(Output('out', 'children'), Input('list', 'value'), () => ++calls);
  await withApp(app, async (client) => {
    assert.equal(calls, 1);
    client.edit('list', { value: ['a'] });
    await client.settle();
    assert.equal(calls, 1, 'an equal new array is no change');
    client.edit('list', { value: ['a', 'b'] });
    await client.settle();
    assert.equal(calls, 2);
  });
});

test('C041: several props changed in one setProps call trigger one invocation listing all of them', async () => {
  const app = new Dash();
  app.layout = html.Div([dcc.Input({ id: 'in', value: 'a', n_submit: 0 }), html.Div({ id: 'out' })]);
  const seen: string[][] = [];
  app.callback(Output('out', 'children'), Input('in', 'value'), Input('in', 'n_submit'), () => {
    seen.push(ctx.triggered.map((t) => t.prop_id));
    return seen.length;
  });
  await withApp(app, async (client) => {
    client.edit('in', { value: 'b', n_submit: 1 });
    await client.settle();
    assert.deepEqual(seen.slice(1), [['in.value', 'in.n_submit']]);
  });
});

/** c1: a → b; c2: b → c; c3: [a, c] → d (spec §2.4's example). */
function chainApp(): { app: Dash; calls: string[]; seenD: { triggered: string[]; args: unknown[] }[] } {
  const app = new Dash();
  app.layout = html.Div([
    dcc.Input({ id: 'a', value: 'a0' }),
    html.Div({ id: 'b' }),
    html.Div({ id: 'c' }),
    html.Div({ id: 'd' }),
  ]);
  const calls: string[] = [];
  const seenD: { triggered: string[]; args: unknown[] }[] = [];
  app.callback(Output('b', 'children'), Input('a', 'value'), async (a) => {
    calls.push('c1');
    await new Promise((r) => setTimeout(r, 10));
    return `b(${String(a)})`;
  });
  app.callback(Output('c', 'children'), Input('b', 'children'), (b) => {
    calls.push('c2');
    return `c(${String(b)})`;
  });
  app.callback(Output('d', 'children'), Input('a', 'value'), Input('c', 'children'), (a, c) => {
    calls.push('c3');
    seenD.push({ triggered: ctx.triggered.map((t) => t.prop_id), args: [a, c] });
    return `d(${String(a)},${String(c)})`;
  });
  return { app, calls, seenD };
}

test('C043 C044 C045: a dependant waits for all pending upstream work, runs once, consistent, with both triggers', async () => {
  const { app, calls, seenD } = chainApp();
  await withApp(app, async (client) => {
    assert.deepEqual(calls, ['c1', 'c2', 'c3'], 'initial chain: c3 once, after c2');
    assert.deepEqual(seenD[0]?.args, ['a0', 'c(b(a0))']);
    calls.length = 0;
    client.edit('a', { value: 'a1' });
    await client.settle();
    assert.deepEqual(calls, ['c1', 'c2', 'c3']);
    assert.equal(seenD.length, 2);
    assert.deepEqual(seenD[1], { triggered: ['a.value', 'c.children'], args: ['a1', 'c(b(a1))'] });
    assert.equal(client.prop('d', 'children'), 'd(a1,c(b(a1)))');
  });
});

test('C046: in the initial wave, a triggered run replaces the initial call (triggered shows the upstream prop)', async () => {
  const { app, seenD } = chainApp();
  await withApp(app, () => {
    assert.equal(seenD.length, 1);
    assert.deepEqual(seenD[0]?.triggered, ['c.children']);
  });
});

test('C047: a directly triggered callback still runs after its upstream prevents the update', async () => {
  const app = new Dash();
  app.layout = html.Div([
    dcc.Input({ id: 'a', value: 0 }),
    html.Div({ id: 'b', children: 'b0' }),
    html.Div({ id: 'c' }),
  ]);
  app.callback(
    Output('b', 'children'),
    Input('a', 'value'),
    () => {
      throw new PreventUpdate();
    },
    { prevent_initial_call: true },
  );
  const seen: unknown[] = [];
  app.callback(
    Output('c', 'children'),
    Input('a', 'value'),
    Input('b', 'children'),
    (a, b) => {
      seen.push([a, b, ctx.triggered.map((t) => t.prop_id)]);
      return `${String(a)}/${String(b)}`;
    },
    { prevent_initial_call: true },
  );
  await withApp(app, async (client) => {
    client.edit('a', { value: 1 });
    await client.settle();
    assert.deepEqual(seen, [[1, 'b0', ['a.value']]]);
    assert.equal(client.prop('c', 'children'), '1/b0');
  });
});

test('C048 C049: in the initial wave, callbacks fed only by prevented/no_update members are skipped; others run', async () => {
  const app = new Dash();
  app.layout = html.Div([
    dcc.Input({ id: 'in', value: 'x' }),
    html.Div({ id: 'prevented', children: 'p0' }),
    html.Div({ id: 'unchanged', children: 'u0' }),
    html.Div({ id: 'only-from-wave' }),
    html.Div({ id: 'also-outside' }),
  ]);
  app.callback(Output('prevented', 'children'), Input('in', 'value'), () => {
    throw new PreventUpdate();
  });
  app.callback(Output('unchanged', 'children'), Input('in', 'value'), () => noUpdate);
  const calls: string[] = [];
  app.callback(
    Output('only-from-wave', 'children'),
    Input('prevented', 'children'),
    Input('unchanged', 'children'),
    () => {
      calls.push('only-from-wave');
      return 'ran';
    },
  );
  app.callback(Output('also-outside', 'children'), Input('prevented', 'children'), Input('in', 'value'), (p, v) => {
    calls.push('also-outside');
    return `${String(p)}/${String(v)}`;
  });
  await withApp(app, (client) => {
    assert.deepEqual(calls, ['also-outside']);
    assert.equal(client.prop('only-from-wave', 'children'), undefined);
    assert.equal(client.prop('also-outside', 'children'), 'p0/x');
  });
});

test('C051: each trigger sends its own request; only the latest response of an invocation is applied', async () => {
  const app = new Dash();
  app.layout = html.Div([html.Button({ id: 'btn', n_clicks: 0 }), html.Div({ id: 'out' })]);
  const releases: (() => void)[] = [];
  let served = 0;
  app.callback(
    Output('out', 'children'),
    Input('btn', 'n_clicks'),
    async (n) => {
      await new Promise<void>((resolve) => releases.push(resolve));
      served += 1;
      return `clicked ${String(n)}`;
    },
    { prevent_initial_call: true },
  );
  await withApp(app, async (client) => {
    for (let n = 1; n <= 4; n += 1) {
      client.edit('btn', { n_clicks: n });
      await until(() => releases.length === n);
    }
    // Answer out of order: the newest first, then the older ones.
    releases[3]?.();
    await until(() => client.prop('out', 'children') === 'clicked 4');
    releases[0]?.();
    releases[2]?.();
    releases[1]?.();
    await client.settle();
    assert.equal(served, 4, 'four server calls');
    assert.equal(client.requestsFor('out.children').length, 4);
    assert.equal(client.prop('out', 'children'), 'clicked 4', 'stale responses are discarded');
  });
});

test('C052: a front-end change during the initial chain is honoured by later callbacks', async () => {
  const app = new Dash();
  app.layout = html.Div([
    dcc.Input({ id: 'a', value: 'a0' }),
    dcc.Input({ id: 'user', value: 'u0' }),
    html.Div({ id: 'b' }),
    html.Div({ id: 'c' }),
  ]);
  let release: (() => void) | undefined;
  app.callback(Output('b', 'children'), Input('a', 'value'), async (a) => {
    await new Promise<void>((resolve) => (release = resolve));
    return `b(${String(a)})`;
  });
  app.callback(
    Output('c', 'children'),
    Input('b', 'children'),
    State('user', 'value'),
    (b, u) => `${String(b)}+${String(u)}`,
  );
  const client = await inProcess(app, { start: false });
  try {
    client.runtime.start();
    await until(() => release !== undefined);
    client.edit('user', { value: 'u1' });
    release?.();
    await client.settle();
    assert.equal(client.prop('c', 'children'), 'b(a0)+u1', 'read when dispatched, after the edit');
  } finally {
    await client.close();
  }
});

test('C054: no more than 12 callbacks are in flight at once', async () => {
  const app = new Dash();
  const n = 20;
  app.layout = html.Div([
    dcc.Input({ id: 'go', value: 0 }),
    ...Array.from({ length: n }, (_, i) => html.Div({ id: { type: 'cell', index: i } })),
  ]);
  let inFlight = 0;
  let most = 0;
  app.callback(
    Output({ type: 'cell', index: MATCH }, 'children'),
    Input('go', 'value'),
    async (v) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 20));
      inFlight -= 1;
      return `cell ${String(v)}`;
    },
    { prevent_initial_call: true },
  );
  await withApp(app, async (client) => {
    client.edit('go', { value: 1 });
    await client.settle();
    assert.equal(client.requests.length, n);
    assert.equal(most, 12);
    assert.equal(client.prop({ type: 'cell', index: n - 1 }, 'children'), 'cell 1');
  });
});

test('C056 C057: circular callbacks each run at most once per chain and the UI still updates; Input/Output overlap is valid', async () => {
  // test_rdmo004 in small: two inputs kept in sync both ways, and a callback writing its own input.
  const app = new Dash();
  app.layout = html.Div([
    dcc.Input({ id: 'celsius', value: 0 }),
    dcc.Input({ id: 'fahrenheit', value: 32 }),
    dcc.Input({ id: 'clamped', value: 5 }),
  ]);
  const calls: string[] = [];
  app.callback(
    Output('fahrenheit', 'value'),
    Input('celsius', 'value'),
    (c) => {
      calls.push('c→f');
      return Number(c) * 1.8 + 32;
    },
    { prevent_initial_call: true },
  );
  app.callback(
    Output('celsius', 'value'),
    Input('fahrenheit', 'value'),
    (f) => {
      calls.push('f→c');
      return Math.round(((Number(f) - 32) / 1.8) * 10) / 10;
    },
    { prevent_initial_call: true },
  );
  // Output == Input (C057): registers and runs without being re-invoked by its own update.
  app.callback(Output('clamped', 'value'), Input('clamped', 'value'), (v) => {
    calls.push('clamp');
    return Math.min(Number(v), 10);
  });
  await withApp(app, async (client) => {
    assert.deepEqual(calls, ['clamp']);
    calls.length = 0;
    client.edit('celsius', { value: 100 });
    await client.settle();
    assert.deepEqual(calls, ['c→f', 'f→c'], 'one lap, then the chain stops');
    assert.equal(client.prop('fahrenheit', 'value'), 212);
    assert.equal(client.prop('celsius', 'value'), 100);
    calls.length = 0;
    client.edit('clamped', { value: 50 });
    await client.settle();
    assert.deepEqual(calls, ['clamp']);
    assert.equal(client.prop('clamped', 'value'), 10);
    assert.deepEqual(client.errors, []);
  });
});

// ---- In Chromium: components' own behaviour (derived props, lazy views, the dev tools). ----

let browser: Browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Serve `app`, open it, run `body`, close both. */
async function inChromium(
  app: Dash,
  body: (page: Page, consoleErrors: string[]) => Promise<void>,
  options: { debug?: boolean } = {},
): Promise<void> {
  const served = await serveApp(app, options);
  try {
    const opened = await openPage(browser, served.url);
    const { page, problems } = opened;
    try {
      await body(page, problems.consoleErrors);
      assert.deepEqual(problems.pageErrors, []);
    } finally {
      await opened.close();
    }
  } finally {
    await served.close();
  }
}

const text = (page: Page, id: string): Promise<string | undefined> =>
  page.evaluate((elementId) => document.getElementById(elementId)?.textContent ?? undefined, id);

async function textIs(page: Page, id: string, expected: string): Promise<void> {
  await page.waitForFunction(
    ([elementId, value]) => document.getElementById(elementId!)?.textContent === value,
    [id, expected],
    { timeout: 5000 },
  );
  assert.equal(await text(page, id), expected);
}

test('C042: component-derived prop updates trigger callbacks (dcc.Store modified_timestamp)', async () => {
  const app = new Dash();
  app.layout = html.Div([
    html.Button({ id: 'save', n_clicks: 0, children: 'save' }),
    dcc.Store({ id: 'store' }),
    html.Div({ id: 'stamp' }),
  ]);
  app.callback(Output('store', 'data'), Input('save', 'n_clicks'), (n) => ({ saved: n }), {
    prevent_initial_call: true,
  });
  app.callback(Output('stamp', 'children'), Input('store', 'modified_timestamp'), State('store', 'data'), (ts, data) =>
    ts === null || ts === undefined ? 'never' : `saved ${JSON.stringify(data)} at a time`,
  );
  await inChromium(app, async (page) => {
    await textIs(page, 'stamp', 'never');
    await page.click('#save');
    await textIs(page, 'stamp', 'saved {"saved":1} at a time');
  });
});

test('C056: debug mode reports "Circular Dependencies" with the cycle, and the app still runs', async () => {
  const app = new Dash();
  app.layout = html.Div([
    dcc.Input({ id: 'a', value: '1' }),
    dcc.Input({ id: 'b', value: '1' }),
    html.Div({ id: 'c' }),
  ]);
  app.callback(Output('b', 'value'), Input('a', 'value'), (a) => String(a), { prevent_initial_call: true });
  app.callback(Output('a', 'value'), Input('b', 'value'), (b) => String(b), { prevent_initial_call: true });
  app.callback(Output('c', 'children'), Input('b', 'value'), (b) => `b is ${String(b)}`);
  await inChromium(
    app,
    async (page, consoleErrors) => {
      await textIs(page, 'c', 'b is 1');
      await page.fill('#a', '42');
      await textIs(page, 'c', 'b is 42');
      const cycle = consoleErrors.find((e) => e.includes('Circular Dependencies'));
      assert.ok(cycle, `reported: ${consoleErrors.join(' | ')}`);
      assert.match(
        cycle,
        /Dependency Cycle Found: (a\.value -> b\.value -> a\.value|b\.value -> a\.value -> b\.value)/,
      );
      assert.equal(consoleErrors.filter((e) => e.includes('Circular Dependencies')).length, 1);
    },
    { debug: true },
  );
});

test('C058 ADR 0010: callbacks read lazily loaded and unmounted components from the layout values', async () => {
  const app = new Dash();
  app.layout = html.Div([
    dcc.Tabs({
      id: 'tabs',
      value: 'one',
      children: [
        dcc.Tab({ label: 'One', value: 'one', children: html.Div('first tab') }),
        dcc.Tab({
          label: 'Two',
          value: 'two',
          children: [
            dcc.Input({ id: 'hidden-input', value: 'hidden value' }),
            dcc.Graph({ id: 'graph', figure: { data: [{ y: [1, 2] }], layout: { title: { text: 'lazy' } } } }),
          ],
        }),
      ],
    }),
    html.Button({ id: 'read', n_clicks: 0, children: 'read' }),
    html.Div({ id: 'out' }),
    html.Div({ id: 'initial' }),
  ]);
  app.callback(
    Output('out', 'children'),
    Input('read', 'n_clicks'),
    State('hidden-input', 'value'),
    State('graph', 'figure'),
    (n, value, figure) =>
      `${String(n)}: ${String(value)} / ${String((figure as { layout: { title: { text: string } } }).layout.title.text)}`,
  );
  app.callback(Output('initial', 'children'), Input('hidden-input', 'value'), (v) => `initial ${String(v)}`);
  await inChromium(app, async (page) => {
    await textIs(page, 'initial', 'initial hidden value');
    await textIs(page, 'out', '0: hidden value / lazy');
    assert.equal(await page.$('#hidden-input'), null, 'the inactive tab is not mounted');
    await page.click('#read');
    await textIs(page, 'out', '1: hidden value / lazy');
  });
});
