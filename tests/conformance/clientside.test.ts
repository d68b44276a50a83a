// Checklist "Clientside callbacks" (spec/callbacks.md §6, §4.4, §5.3 and the clientside halves of items
// 53, 55, 65, 66, 71), in Chromium under our strict CSP: one served app, one page for the whole file.
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ALL, ClientsideFunction, Dash, dcc, html, Input, MATCH, Output, State } from 'dash-ts';
import type { PageProblems } from '../browser/harness.js';
import { eventually, launchBrowser, openPage, serveApp } from '../browser/harness.js';

const assetsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'apps', 'clientside', 'assets');

/** What the clientside functions below see on `window` (their code runs in the browser, not here). */
interface ClientsideWindow {
  dash_clientside: {
    no_update: object;
    PreventUpdate: object;
    callback_context?: {
      triggered: { prop_id: string; value: unknown }[];
      triggered_id: unknown;
      inputs: Record<string, unknown>;
      inputs_list: unknown;
      states: Record<string, unknown>;
      states_list: unknown;
      outputs_list?: unknown;
    };
    set_props(id: unknown, props: Record<string, unknown>): void;
    Patch: new () => PatchBuilder;
    clientside: { calls: Record<string, number>; depSeen: unknown[]; release?: () => void };
  };
}

interface PatchBuilder {
  assign(location: (string | number)[], value: unknown): PatchBuilder;
  append(location: (string | number)[], value: unknown): PatchBuilder;
  prepend(location: (string | number)[], value: unknown): PatchBuilder;
  insert(location: (string | number)[], index: number, value: unknown): PatchBuilder;
  extend(location: (string | number)[], values: unknown[]): PatchBuilder;
  merge(location: (string | number)[], value: Record<string, unknown>): PatchBuilder;
  delete(location: (string | number)[]): PatchBuilder;
  add(location: (string | number)[], value: unknown): PatchBuilder;
  sub(location: (string | number)[], value: number): PatchBuilder;
  mul(location: (string | number)[], value: number): PatchBuilder;
  div(location: (string | number)[], value: number): PatchBuilder;
  clear(location: (string | number)[]): PatchBuilder;
  reverse(location: (string | number)[]): PatchBuilder;
  remove(location: (string | number)[], value: unknown): PatchBuilder;
  build(): unknown;
}

/** Server callback calls, and a gate a server callback waits on (C053). */
const serverCalls: Record<string, number> = {};
const countServer = (name: string): void => {
  serverCalls[name] = (serverCalls[name] ?? 0) + 1;
};
let openGate: () => void = () => undefined;
const gateOpened = new Promise<void>((resolve) => (openGate = resolve));

const INLINE_SOURCE = "function (value) { return 'inline: ' + value; }";

function createApp(): Dash {
  const app = new Dash({ title: 'clientside', assets_folder: assetsFolder });
  app.layout = html.Div([
    dcc.Input({ id: 'in', value: 'a' }),
    html.Div({ id: 'ns-out' }),
    html.Div({ id: 'inline-out' }),
    html.Div({ id: 'mod-out' }),
    // C115 chain: server → clientside → server
    html.Div({ id: 'srv1' }),
    html.Div({ id: 'cs2' }),
    html.Div({ id: 'srv3' }),
    // C117
    html.Div({ id: 'm1' }),
    html.Div({ id: 'm2' }),
    // C081 / C082
    html.Button('ctx', { id: 'ctx-btn', n_clicks: 0 }),
    dcc.Input({ id: 'ctx-state', value: 's0' }),
    html.Div({ id: 'ctx-out' }),
    html.Div({ id: 'ol1' }),
    html.Div({ id: 'ol2a' }),
    html.Div({ id: 'ol2b' }),
    html.Div({ id: 'ol3' }),
    // C116
    html.Button('err', { id: 'err-btn', n_clicks: 0 }),
    html.Div({ id: 'err-out', children: 'initial' }),
    // C118
    html.Button('pu', { id: 'pu-btn', n_clicks: 0 }),
    html.Div({ id: 'pu-a', children: 'a0' }),
    html.Div({ id: 'pu-b', children: 'b0' }),
    html.Div({ id: 'pu-follow', children: 'f0' }),
    // C119
    dcc.Input({ id: 'p-in', value: 'a' }),
    html.Div({ id: 'p-out' }),
    html.Div({ id: 'p-dep' }),
    html.Div({ id: 'p-async' }),
    // C096 / C090
    html.Button('sp', { id: 'sp-btn', n_clicks: 0 }),
    html.Div({ id: 'sp-target', children: 'none' }),
    html.Div({ id: 'sp-follow' }),
    html.Button('patch', { id: 'patch-btn', n_clicks: 0 }),
    dcc.Store({ id: 'pstore', data: { items: [1, 2, 3], count: 10, text: 'a', obj: { x: 1 }, gone: true, list: [5] } }),
    html.Div({ id: 'pstore-view' }),
    // C053
    dcc.Input({ id: 'sh-in', value: 'start' }),
    html.Div({ id: 'sh-cs' }),
    html.Div({ id: 'sh-cs-dep' }),
    html.Div({ id: 'sh-srv' }),
    html.Div({ id: 'sh-srv-dep' }),
    // C055
    dcc.Input({ id: 'io', value: 'x' }),
    html.Div({ id: 'io-follow' }),
    // C065 C066 C071
    html.Button('x.y', { id: { type: 'pm-btn', index: 'x.y' }, n_clicks: 0 }),
    html.Button('2', { id: { type: 'pm-btn', index: 2 }, n_clicks: 0 }),
    html.Div({ id: 'pm-out' }),
    dcc.Input({ id: { type: 'pm-in', index: 'x.y' }, value: 'dot' }),
    html.Div({ id: { type: 'pm-echo', index: 'x.y' } }),
  ]);

  // C114: the assets' namespace, an inline source string, and (C120) a module asset's namespace.
  app.clientside_callback(
    ClientsideFunction('clientside', 'display'),
    Output('ns-out', 'children'),
    Input('in', 'value'),
  );
  app.clientside_callback(INLINE_SOURCE, Output('inline-out', 'children'), Input('in', 'value'));
  app.clientside_callback(ClientsideFunction('mod', 'shout'), Output('mod-out', 'children'), Input('in', 'value'));

  // C115: server → clientside (a function of this file, sent as its source) → server.
  app.callback(Output('srv1', 'children'), Input('in', 'value'), (value) => {
    countServer('srv1');
    return `srv(${String(value)})`;
  });
  app.clientside_callback(
    (value: unknown) => {
      const dc = (window as unknown as ClientsideWindow).dash_clientside;
      dc.clientside.calls['cs2'] = (dc.clientside.calls['cs2'] ?? 0) + 1;
      return `cs(${String(value)})`;
    },
    Output('cs2', 'children'),
    Input('srv1', 'children'),
  );
  app.callback(Output('srv3', 'children'), Input('cs2', 'children'), (value) => {
    countServer('srv3');
    return `srv(${String(value)})`;
  });

  // C117
  app.clientside_callback(
    ClientsideFunction('clientside', 'multi'),
    [Output('m1', 'children'), Output('m2', 'children')],
    Input('in', 'value'),
  );

  // C081: the context of a call, serialised into the output.
  app.clientside_callback(
    (clicks: unknown, value: unknown, state: unknown) => {
      const c = (window as unknown as ClientsideWindow).dash_clientside.callback_context;
      return JSON.stringify({
        args: [clicks, value, state],
        triggered: c?.triggered,
        triggered_id: c?.triggered_id,
        inputs: c?.inputs,
        inputs_list: c?.inputs_list,
        states: c?.states,
        states_list: c?.states_list,
      });
    },
    Output('ctx-out', 'children'),
    Input('ctx-btn', 'n_clicks'),
    Input('in', 'value'),
    State('ctx-state', 'value'),
  );
  // C082: outputs_list for one output, for several, and without output.
  app.clientside_callback(
    () => JSON.stringify((window as unknown as ClientsideWindow).dash_clientside.callback_context?.outputs_list),
    Output('ol1', 'children'),
    Input('ctx-btn', 'n_clicks'),
  );
  app.clientside_callback(
    () => {
      const list = (window as unknown as ClientsideWindow).dash_clientside.callback_context?.outputs_list;
      return [JSON.stringify(list), 'b'];
    },
    [Output('ol2a', 'children'), Output('ol2b', 'children')],
    Input('ctx-btn', 'n_clicks'),
  );
  app.clientside_callback(
    (clicks: unknown) => {
      const dc = (window as unknown as ClientsideWindow).dash_clientside;
      const c = dc.callback_context;
      dc.set_props('ol3', {
        children: `${String(clicks)}: ${String(c !== undefined && 'outputs_list' in c && c.outputs_list !== undefined)}`,
      });
    },
    Input('ctx-btn', 'n_clicks'),
  );

  // C116
  app.clientside_callback(
    ClientsideFunction('clientside', 'maybeFail'),
    Output('err-out', 'children'),
    Input('err-btn', 'n_clicks'),
    { prevent_initial_call: true },
  );

  // C118: PreventUpdate, per-output no_update, whole no_update; a follower counts real updates.
  app.clientside_callback(
    ClientsideFunction('clientside', 'prevent'),
    [Output('pu-a', 'children'), Output('pu-b', 'children')],
    Input('pu-btn', 'n_clicks'),
    { prevent_initial_call: true },
  );
  app.clientside_callback(
    (a: unknown, b: unknown) => {
      const dc = (window as unknown as ClientsideWindow).dash_clientside;
      dc.clientside.calls['pu-follow'] = (dc.clientside.calls['pu-follow'] ?? 0) + 1;
      return `${String(a)}/${String(b)}`;
    },
    Output('pu-follow', 'children'),
    Input('pu-a', 'children'),
    Input('pu-b', 'children'),
    { prevent_initial_call: true },
  );

  // C119: a returned promise, its dependant, and an inline async function.
  app.clientside_callback(
    ClientsideFunction('clientside', 'slowly'),
    Output('p-out', 'children'),
    Input('p-in', 'value'),
  );
  app.clientside_callback(
    ClientsideFunction('clientside', 'seeDep'),
    Output('p-dep', 'children'),
    Input('p-out', 'children'),
  );
  app.clientside_callback(
    `async function (value) {
      await new Promise(function (resolve) { setTimeout(resolve, 100); });
      return 'async: ' + value;
    }`,
    Output('p-async', 'children'),
    Input('p-dep', 'children'),
  );

  // C096: set_props from a no-output clientside callback; the target's dependant (server) runs.
  app.clientside_callback(
    (clicks: unknown) => {
      (window as unknown as ClientsideWindow).dash_clientside.set_props('sp-target', {
        children: `set ${String(clicks)}`,
      });
    },
    Input('sp-btn', 'n_clicks'),
    { prevent_initial_call: true },
  );
  app.callback(Output('sp-follow', 'children'), Input('sp-target', 'children'), (value) => `followed ${String(value)}`);

  // C090: every Patch operation from the clientside builder, as an output and through set_props.
  app.clientside_callback(
    (clicks: unknown) => {
      const dc = (window as unknown as ClientsideWindow).dash_clientside;
      if (clicks === 1) {
        return new dc.Patch()
          .append(['items'], 4)
          .prepend(['items'], 0)
          .insert(['items'], 1, 0.5)
          .extend(['items'], [5, 6])
          .remove(['items'], 2)
          .reverse(['items'])
          .delete(['items', -1])
          .add(['count'], 5)
          .sub(['count'], 1)
          .mul(['count'], 3)
          .div(['count'], 6)
          .add(['text'], 'b')
          .merge(['obj'], { y: 2 })
          .assign(['obj', 'z'], [1])
          .delete(['gone'])
          .clear(['list'])
          .build();
      }
      dc.set_props('pstore', { data: new dc.Patch().append(['list'], clicks).build() });
      return dc.no_update;
    },
    Output('pstore', 'data'),
    Input('patch-btn', 'n_clicks'),
    { prevent_initial_call: true },
  );
  app.clientside_callback(
    (data: unknown) => JSON.stringify(data),
    Output('pstore-view', 'children'),
    Input('pstore', 'data'),
  );

  // C053: a clientside promise and a server callback share an input; each blocks only its dependants.
  app.clientside_callback(
    ClientsideFunction('clientside', 'gated'),
    Output('sh-cs', 'children'),
    Input('sh-in', 'value'),
  );
  app.clientside_callback(
    (value: unknown) => `dep(${String(value)})`,
    Output('sh-cs-dep', 'children'),
    Input('sh-cs', 'children'),
  );
  app.callback(Output('sh-srv', 'children'), Input('sh-in', 'value'), async (value) => {
    if (value === 'slow') await gateOpened;
    return `srv:${String(value)}`;
  });
  app.callback(Output('sh-srv-dep', 'children'), Input('sh-srv', 'children'), (value) => `dep(${String(value)})`);

  // C055: a clientside callback whose Output is its own Input, and a follower.
  app.clientside_callback(ClientsideFunction('clientside', 'upper'), Output('io', 'value'), Input('io', 'value'));
  app.clientside_callback(
    ClientsideFunction('clientside', 'follow'),
    Output('io-follow', 'children'),
    Input('io', 'value'),
  );

  // C065 C066 C071: pattern ids (one holding a dot) in triggered / triggered_id, and MATCH with a dotted value.
  app.clientside_callback(
    () => {
      const c = (window as unknown as ClientsideWindow).dash_clientside.callback_context;
      return JSON.stringify({ prop_ids: c?.triggered.map((t) => t.prop_id), triggered_id: c?.triggered_id ?? null });
    },
    Output('pm-out', 'children'),
    Input({ type: 'pm-btn', index: ALL }, 'n_clicks'),
    { prevent_initial_call: true },
  );
  app.clientside_callback(
    (value: unknown) => `echo ${String(value)}`,
    Output({ type: 'pm-echo', index: MATCH }, 'children'),
    Input({ type: 'pm-in', index: MATCH }, 'value'),
  );
  return app;
}

let browser: Browser;
let served: { url: string; close(): Promise<void> };
let opened: { page: Page; problems: PageProblems; close(): Promise<void> };
let page: Page;

before(async () => {
  browser = await launchBrowser();
  served = await serveApp(createApp(), { debug: true });
  opened = await openPage(browser, served.url);
  page = opened.page;
});

after(async () => {
  await opened.close();
  await served.close();
  await browser.close();
});

function text(id: string | Record<string, unknown>): Promise<string | undefined> {
  const elementId = typeof id === 'string' ? id : JSON.stringify(id);
  return page.evaluate((e) => document.getElementById(e)?.textContent ?? undefined, elementId);
}

function json(id: string): Promise<unknown> {
  return text(id).then((t) => (t === undefined || t === '' ? undefined : (JSON.parse(t) as unknown)));
}

function clientCalls(): Promise<Record<string, number>> {
  return page.evaluate(() => ({ ...(window as unknown as ClientsideWindow).dash_clientside.clientside.calls }));
}

/** Dev-tools error titles, newest first. */
function errorTitles(): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('.dash-ts-error-title')].map((e) => e.textContent ?? ''));
}

/** No CSP violation, no page error, no console error but the expected ones. */
function assertClean(expectedConsole: RegExp | null = null): void {
  assert.deepEqual(opened.problems.cspViolations, [], 'CSP violations');
  assert.deepEqual(opened.problems.pageErrors, [], 'page errors');
  const unexpected = opened.problems.consoleErrors.filter((m) => expectedConsole === null || !expectedConsole.test(m));
  assert.deepEqual(unexpected, [], 'console errors');
}

async function fill(id: string, value: string): Promise<void> {
  await page.locator(`#${id}`).fill(value);
}

test('C114 C120: namespace functions (classic and module assets) and inline sources run; nothing leaks', async () => {
  await eventually(() => text('ns-out'), 'Client says "a"', 'assets namespace function');
  await eventually(() => text('inline-out'), 'inline: a', 'inline source');
  await eventually(() => text('mod-out'), 'module says A', 'module asset function');
  await fill('in', 'bc');
  await eventually(() => text('ns-out'), 'Client says "bc"', 'namespace function after an edit');
  await eventually(() => text('inline-out'), 'inline: bc', 'inline source after an edit');
  await eventually(() => text('mod-out'), 'module says BC', 'module function after an edit');
  const leaks = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    const dc = (window as unknown as ClientsideWindow).dash_clientside as unknown as Record<string, unknown>;
    const inline = dc['_dashprivate_clientside_funcs'] as Record<string, unknown>;
    return {
      helper: typeof w['__name'],
      context: 'callback_context' in dc,
      inlineNames: Object.keys(inline).every((k) => /^[0-9a-f]{64}$/.test(k)),
      inlineCount: Object.keys(inline).length,
      scripts: [...document.scripts]
        .filter((s) => s.type !== 'application/json')
        .map((s) => ({ inline: s.src === '', nonce: s.nonce !== '' })),
    };
  });
  assert.deepEqual(
    await page.evaluate(() => {
      const dc = (window as unknown as { dash_clientside: { clean_url(url: string, fallback?: string): string } })
        .dash_clientside;
      return [dc.clean_url('https://example.com/a'), dc.clean_url('javascript:alert(1)'), dc.clean_url('data:x', '#')];
    }),
    ['https://example.com/a', 'about:blank', '#'],
    'clean_url uses the renderer URL check',
  );
  assert.equal(leaks.helper, 'undefined', 'the inline file keeps its helper to itself');
  assert.equal(leaks.context, false, 'callback_context only exists during a call');
  assert.equal(leaks.inlineNames, true, 'inline functions are named by their sha256');
  assert.ok(leaks.inlineCount >= 10, 'every inline function is in the served file');
  assert.ok(
    leaks.scripts.every((s) => !s.inline),
    'no inline script in the page',
  );
  assert.ok(leaks.scripts.length >= 5, 'globals, renderer, two assets, inline functions');
  assert.ok(
    leaks.scripts.every((s) => s.nonce),
    'every script carries the nonce',
  );
  assertClean();
});

test('C115: clientside and serverside callbacks chain in both directions, each called once per change', async () => {
  await eventually(() => text('srv3'), 'srv(cs(srv(bc)))', 'chain after the first test');
  const before = { server: { ...serverCalls }, client: await clientCalls() };
  await fill('in', 'chain');
  await eventually(() => text('srv3'), 'srv(cs(srv(chain)))', 'chain settled');
  await new Promise((resolve) => setTimeout(resolve, 200));
  assert.equal((serverCalls['srv1'] ?? 0) - (before.server['srv1'] ?? 0), 1, 'server → once');
  assert.equal(((await clientCalls())['cs2'] ?? 0) - (before.client['cs2'] ?? 0), 1, 'clientside → once');
  assert.equal((serverCalls['srv3'] ?? 0) - (before.server['srv3'] ?? 0), 1, 'server after clientside → once');
  assertClean();
});

test('C117: a multi-output clientside function returns an array, one value per output', async () => {
  await eventually(() => Promise.all([text('m1'), text('m2')]), ['chain-1', 'chain-2'], 'multi outputs');
  assertClean();
});

test('C081: clientside callback_context has triggered, inputs, inputs_list, states, states_list', async () => {
  await page.locator('#ctx-btn').click();
  await eventually(async () => ((await json('ctx-out')) as { args?: unknown[] } | undefined)?.args?.[0], 1, 'clicked');
  assert.deepEqual(await json('ctx-out'), {
    args: [1, 'chain', 's0'],
    triggered: [{ prop_id: 'ctx-btn.n_clicks', value: 1 }],
    triggered_id: 'ctx-btn',
    inputs: { 'ctx-btn.n_clicks': 1, 'in.value': 'chain' },
    inputs_list: [
      { id: 'ctx-btn', property: 'n_clicks', value: 1 },
      { id: 'in', property: 'value', value: 'chain' },
    ],
    states: { 'ctx-state.value': 's0' },
    states_list: [{ id: 'ctx-state', property: 'value', value: 's0' }],
  });
  assertClean();
});

test('C082: clientside outputs_list is an object for one output, a list for several, absent without output', async () => {
  await eventually(() => text('ol3'), '1: false', 'no-output callback ran after the click');
  assert.deepEqual(await json('ol1'), { id: 'ol1', property: 'children' });
  assert.deepEqual(await json('ol2a'), [
    { id: 'ol2a', property: 'children' },
    { id: 'ol2b', property: 'children' },
  ]);
  assertClean();
});

test('C116: a thrown error is reported with its message, leaves outputs untouched, and later triggers work', async () => {
  await page.locator('#err-btn').click();
  await eventually(async () => (await errorTitles()).includes('boom 1'), true, 'dev tools show the error message');
  assert.equal(await text('err-out'), 'initial', 'output untouched');
  await page.locator('#err-btn').click();
  await eventually(() => text('err-out'), 'ok 2', 'the next trigger works');
  await page.locator('#err-btn').click();
  await eventually(async () => (await errorTitles()).filter((t) => t === 'boom 3').length, 1, 'second error');
  assert.equal(await text('err-out'), 'ok 2');
  assertClean(/boom [13]/);
});

test('C118: throw PreventUpdate updates nothing and is no error; no_update skips one output or all', async () => {
  const errorsBefore = (await errorTitles()).length;
  await page.locator('#pu-btn').click(); // 1: PreventUpdate
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.deepEqual([await text('pu-a'), await text('pu-b'), await text('pu-follow')], ['a0', 'b0', 'f0']);
  await page.locator('#pu-btn').click(); // 2: [a2, no_update]
  await eventually(() => text('pu-follow'), 'a2/b0', 'only the first output updated');
  assert.equal(await text('pu-b'), 'b0');
  const follows = (await clientCalls())['pu-follow'];
  await page.locator('#pu-btn').click(); // 3: no_update for both
  await new Promise((resolve) => setTimeout(resolve, 300));
  assert.deepEqual([await text('pu-a'), await text('pu-b')], ['a2', 'b0']);
  assert.equal((await clientCalls())['pu-follow'], follows, 'nothing updated, nothing triggered');
  assert.equal((await errorTitles()).length, errorsBefore, 'PreventUpdate is not an error');
  assertClean(/boom [13]/);
});

test('C119: promises and async functions are awaited before their dependants run', async () => {
  await eventually(() => text('p-async'), 'async: dep:p:a', 'initial chain through a promise and an async function');
  assert.deepEqual(
    await page.evaluate(() => (window as unknown as ClientsideWindow).dash_clientside.clientside.depSeen),
    ['p:a'],
    'the dependant waited for the promise',
  );
  await fill('p-in', 'b');
  await eventually(() => text('p-async'), 'async: dep:p:b', 'after an edit');
  assert.deepEqual(
    await page.evaluate(() => (window as unknown as ClientsideWindow).dash_clientside.clientside.depSeen),
    ['p:a', 'p:b'],
  );
  assertClean(/boom [13]/);
});

test('C096: clientside set_props updates a component and triggers its dependants', async () => {
  await page.locator('#sp-btn').click();
  await eventually(() => text('sp-target'), 'set 1', 'set_props applied');
  await eventually(() => text('sp-follow'), 'followed set 1', 'its dependant ran');
  await page.locator('#sp-btn').click();
  await eventually(() => text('sp-follow'), 'followed set 2', 'again');
  assertClean(/boom [13]/);
});

test('C090: the clientside Patch builder patches outputs and set_props values', async () => {
  await page.locator('#patch-btn').click();
  await eventually(
    () => json('pstore-view'),
    { items: [6, 5, 4, 3, 1, 0.5], count: 7, text: 'ab', obj: { x: 1, y: 2, z: [1] }, list: [] },
    'every operation applied in order',
  );
  await page.locator('#patch-btn').click();
  await eventually(
    async () => ((await json('pstore-view')) as { list?: unknown } | undefined)?.list,
    [2],
    'a Patch given to set_props',
  );
  assertClean(/boom [13]/);
});

test('C053: clientside and serverside callbacks sharing an input run concurrently; each blocks only its dependants', async () => {
  /** Resolve the pending clientside promise (if its call happened yet), then read its dependant. */
  const releaseAndRead = async (): Promise<string | undefined> => {
    await page.evaluate(() => (window as unknown as ClientsideWindow).dash_clientside.clientside.release?.());
    return text('sh-cs-dep');
  };
  await eventually(
    () => Promise.all([text('sh-cs-dep'), text('sh-srv-dep')]),
    ['dep(cs:start)', 'dep(srv:start)'],
    'load',
  );
  // A pending clientside promise: the server callback on the same input completes meanwhile.
  await fill('sh-in', 'x');
  await eventually(() => text('sh-srv-dep'), 'dep(srv:x)', 'server side done while the promise is pending');
  assert.equal(await text('sh-cs'), 'cs:start');
  assert.equal(await text('sh-cs-dep'), 'dep(cs:start)', 'the promise blocks its own dependant');
  await eventually(releaseAndRead, 'dep(cs:x)', 'released');
  // A pending server callback: the clientside one on the same input completes meanwhile.
  await fill('sh-in', 'slow');
  await eventually(releaseAndRead, 'dep(cs:slow)', 'clientside done while the server is pending');
  assert.equal(await text('sh-srv-dep'), 'dep(srv:x)', 'the server callback blocks its own dependant');
  openGate();
  await eventually(() => text('sh-srv-dep'), 'dep(srv:slow)', 'server released');
  assertClean(/boom [13]/);
});

test('C055: a clientside callback whose Output is its Input is not re-invoked by its own update', async () => {
  await eventually(() => text('io-follow'), 'followed X', 'load');
  const before = await clientCalls();
  await fill('io', 'abc');
  await eventually(() => page.locator('#io').inputValue(), 'ABC', 'own output applied');
  await eventually(() => text('io-follow'), 'followed ABC', 'follower');
  await new Promise((resolve) => setTimeout(resolve, 300));
  const now = await clientCalls();
  assert.equal((now['upper'] ?? 0) - (before['upper'] ?? 0), 1, 'called once for the edit');
  assert.equal((now['follow'] ?? 0) - (before['follow'] ?? 0), 1, 'follower once');
  assertClean(/boom [13]/);
});

test('C065 C066 C071: pattern ids in clientside triggered / triggered_id, dots in dict ids', async () => {
  await page.locator('button', { hasText: 'x.y' }).click();
  await eventually(
    () => json('pm-out'),
    { prop_ids: ['{"index":"x.y","type":"pm-btn"}.n_clicks'], triggered_id: { index: 'x.y', type: 'pm-btn' } },
    'sorted compact id, dict triggered_id',
  );
  await page.locator('button', { hasText: /^2$/ }).click();
  await eventually(
    () => json('pm-out'),
    { prop_ids: ['{"index":2,"type":"pm-btn"}.n_clicks'], triggered_id: { index: 2, type: 'pm-btn' } },
    'second button',
  );
  await eventually(() => text({ index: 'x.y', type: 'pm-echo' }), 'echo dot', 'MATCH with a dotted value, on load');
  await page.locator('input[id*="pm-in"]').fill('dots.work');
  await eventually(() => text({ index: 'x.y', type: 'pm-echo' }), 'echo dots.work', 'MATCH with a dotted value');
  assertClean(/boom [13]/);
});

test('C121: inline clientside functions keep their names across a server restart; an open page keeps working', async () => {
  const start = async (port: number): Promise<{ server: Awaited<ReturnType<Dash['server']>>; port: number }> => {
    const server = await createApp().server({ logger: false });
    await server.listen({ port, host: '127.0.0.1' });
    const address = server.server.address();
    if (address === null || typeof address === 'string') throw new Error('no TCP address');
    return { server, port: address.port };
  };
  const first = await start(0);
  const url = `http://127.0.0.1:${first.port}/`;
  const restarted = await openPage(browser, url);
  let second: Awaited<ReturnType<typeof start>> | undefined;
  try {
    const before = {
      deps: (await first.server.inject('/_dash-dependencies')).body,
      scripts: /src="(\/_dash-clientside\/[0-9a-f]{20}\.js)"/.exec((await first.server.inject('/')).body)?.[1],
    };
    const read = (id: string): Promise<string | undefined> =>
      restarted.page.evaluate((e) => document.getElementById(e)?.textContent ?? undefined, id);
    await eventually(() => read('inline-out'), 'inline: a', 'first server');
    await first.server.close();
    second = await start(first.port);
    assert.equal((await second.server.inject('/_dash-dependencies')).body, before.deps, 'same callback specs');
    assert.ok(before.scripts);
    assert.equal((await second.server.inject(before.scripts)).statusCode, 200, 'the old page URL of the inline file');
    await restarted.page.locator('#in').fill('after restart');
    await eventually(() => read('inline-out'), 'inline: after restart', 'inline function after the restart');
    await eventually(() => read('srv3'), 'srv(cs(srv(after restart)))', 'server ↔ clientside chain after the restart');
    assert.deepEqual(restarted.problems.cspViolations, []);
    assert.deepEqual(restarted.problems.pageErrors, []);
  } finally {
    await restarted.close();
    await (second ?? first).server.close();
  }
});
