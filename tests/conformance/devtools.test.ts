// Checklist "Hooks and errors" — dev tools (spec/callbacks.md §12.3): debug-mode tracebacks limited
// to the app's code (C150), never in production; the dev-tools bar and its callback graph.
// Over HTTP (the error bodies) and in Chromium (what a person sees), one browser for the file.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { Dash, dcc, html, Input, Output } from 'dash-ts';
import type { DashOptions } from 'dash-ts';
import { launchBrowser, openPage, serveApp } from '../browser/harness.js';

const WAIT = 10_000;

/** User code a few frames below the callback, so that a pruned trace has something to show. */
function parseRatio(text: string): number {
  throw new Error(`cannot parse ratio ${text}`);
}

function failingApp(options: DashOptions = {}): Dash {
  const app = new Dash({ title: 'dev tools', ...options });
  app.layout = html.Div([
    html.Button({ id: 'go', children: 'go' }),
    dcc.Input({ id: 'name', value: 'a' }),
    html.Div({ id: 'out', children: 'ready' }),
    html.Div({ id: 'greeting' }),
  ]);
  app.callback(
    Output('out', 'children'),
    Input('go', 'n_clicks'),
    (clicks) => {
      if (clicks === undefined || clicks === null) return 'ready';
      return String(parseRatio(`click-${Number(clicks)}`));
    },
    { prevent_initial_call: true },
  );
  app.callback(Output('greeting', 'children'), Input('name', 'value'), (name) => `Hello ${String(name)}`);
  return app;
}

function clickBody(clicks: number): string {
  return JSON.stringify({
    output: 'out.children',
    outputs: { id: 'out', property: 'children' },
    inputs: [{ id: 'go', property: 'n_clicks', value: clicks }],
    changedPropIds: ['go.n_clicks'],
  });
}

async function failingCall(app: Dash, debug: boolean): Promise<{ status: number; json: Record<string, unknown> }> {
  const server = await app.server({ debug, logger: false });
  try {
    const response = await server.inject({
      method: 'POST',
      url: '/_dash-update-component',
      headers: { 'content-type': 'application/json' },
      payload: clickBody(1),
    });
    return { status: response.statusCode, json: response.json<Record<string, unknown>>() };
  } finally {
    await server.close();
  }
}

describe('error bodies over HTTP', () => {
  test('C150 ADR 0012: debug mode answers the traceback limited to the app’s frames', async () => {
    const { status, json } = await failingCall(failingApp(), true);
    assert.equal(status, 500);
    assert.equal(json['code'], 'DASH_ERR_CALLBACK_FAILED');
    assert.match(String(json['message']), /Callback out\.children failed: cannot parse ratio click-1/);
    const stack = String(json['stack']);
    const lines = stack.split('\n');
    assert.equal(lines[0], 'Error: cannot parse ratio click-1');
    assert.match(
      lines[1] ?? '',
      /at parseRatio .*devtools\.test\.ts:\d+:\d+/,
      'newest frame first: the throwing function',
    );
    assert.match(stack, /devtools\.test\.ts/);
    const frames = lines.filter((l) => /^\s+at /.test(l));
    assert.ok(frames.length >= 2, 'parseRatio and the callback');
    for (const frame of frames) {
      assert.match(frame, /devtools\.test\.ts/, `only app frames: ${frame}`);
    }
    assert.doesNotMatch(stack, /src\/server|node:internal|node_modules|fastify/);
  });

  test('C150: dev_tools_prune_errors: false answers the full trace', async () => {
    const { json } = await failingCall(failingApp({ dev_tools_prune_errors: false }), true);
    const stack = String(json['stack']);
    assert.match(stack, /at parseRatio .*devtools\.test\.ts/);
    assert.match(stack, /src\/server\/callbacks\//, 'dash-ts frames are kept');
  });

  test('C150: production bodies carry no message and no stack', async () => {
    const { status, json } = await failingCall(failingApp(), false);
    assert.equal(status, 500);
    assert.deepEqual(Object.keys(json).sort(), ['error', 'id']);
    assert.doesNotMatch(JSON.stringify(json), /parse ratio|devtools\.test|at /);
  });
});

describe('dev tools in Chromium', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => {
    await browser.close();
  });

  test('C150: the overlay lists errors newest first, with the pruned traceback', async () => {
    const served = await serveApp(failingApp(), { debug: true });
    const opened = await openPage(browser, served.url);
    const { page, problems } = opened;
    try {
      await page.waitForSelector('#dash-ts-devtools', { timeout: WAIT });
      await page.click('#go');
      await page.waitForFunction(() => document.querySelectorAll('#dash-ts-errors .dash-ts-error').length === 1, null, {
        timeout: WAIT,
      });
      await page.click('#go');
      await page.waitForFunction(() => document.querySelectorAll('#dash-ts-errors .dash-ts-error').length === 2, null, {
        timeout: WAIT,
      });
      const entries = await page.$$eval('#dash-ts-errors .dash-ts-error', (items) => items.map((i) => i.textContent));
      assert.match(entries[0] ?? '', /cannot parse ratio click-2/, 'newest first');
      assert.match(entries[1] ?? '', /cannot parse ratio click-1/);
      assert.match(entries[0] ?? '', /Callback error updating out\.children/);
      assert.match(entries[0] ?? '', /at parseRatio .*devtools\.test\.ts/);
      assert.doesNotMatch(entries[0] ?? '', /src\/server|node:internal/);
      assert.equal(await page.textContent('#dash-ts-devtools-errors'), '2 errors');
      assert.equal(await page.textContent('#out'), 'ready', 'outputs untouched');
      assert.deepEqual(problems.cspViolations, []);
    } finally {
      await opened.close();
      await served.close();
    }
  });

  test('C150: production shows no dev tools and the page never sees a stack', async () => {
    const served = await serveApp(failingApp(), { debug: false });
    const opened = await openPage(browser, served.url);
    const { page, problems } = opened;
    const bodies: string[] = [];
    page.on('response', (response) => {
      if (response.url().endsWith('_dash-update-component') && response.status() === 500) {
        void response.text().then((text) => bodies.push(text));
      }
    });
    try {
      await page.waitForFunction(() => document.querySelector('#greeting')?.textContent === 'Hello a', null, {
        timeout: WAIT,
      });
      await page.click('#go');
      const deadline = Date.now() + WAIT;
      while (bodies.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      assert.equal(bodies.length, 1);
      assert.deepEqual(Object.keys(JSON.parse(bodies[0] ?? '{}') as object).sort(), ['error', 'id']);
      assert.equal(await page.$('#dash-ts-devtools'), null);
      assert.equal(await page.$('#dash-ts-errors'), null);
      assert.ok(problems.consoleErrors.some((e) => e.includes('Callback error updating out.children')));
      assert.ok(problems.consoleErrors.every((e) => !/parse ratio|devtools\.test/.test(e)));
      assert.equal((await page.request.get(`${served.url}_reload-hash`)).status(), 404, 'no hot reload route');
    } finally {
      await opened.close();
      await served.close();
    }
  });

  test('the callback graph shows props and callbacks, with call counts, under the strict CSP', async () => {
    const served = await serveApp(failingApp(), { debug: true });
    const opened = await openPage(browser, served.url);
    const { page, problems } = opened;
    try {
      await page.waitForFunction(() => document.querySelector('#greeting')?.textContent === 'Hello a', null, {
        timeout: WAIT,
      });
      assert.equal(await page.$('#dash-ts-callback-graph'), null, 'closed until asked for');
      await page.click('#dash-ts-devtools-graph-button');
      await page.waitForSelector('#dash-ts-callback-graph', { timeout: WAIT });
      const keys = await page.$$eval('#dash-ts-callback-graph .dash-ts-graph-node', (nodes) =>
        nodes.map((n) => n.getAttribute('data-key')).sort(),
      );
      assert.deepEqual(keys, [
        'c:greeting.children',
        'c:out.children',
        'p:go.n_clicks',
        'p:greeting.children',
        'p:name.value',
        'p:out.children',
      ]);
      assert.equal(await page.$$eval('#dash-ts-callback-graph .dash-ts-graph-edge', (e) => e.length), 4);
      const stats = (key: string): Promise<string | null> =>
        page.$eval(`[data-key="${key}"] .dash-ts-graph-stats`, (n) => n.textContent);
      assert.match((await stats('c:greeting.children')) ?? '', /^1 call · [\d.]+ ms$/, 'the initial call');
      assert.equal(await stats('c:out.children'), 'not called yet');
      await page.fill('#name', 'ab');
      await page.waitForFunction(() => document.querySelector('#greeting')?.textContent === 'Hello ab', null, {
        timeout: WAIT,
      });
      await page.waitForFunction(
        () =>
          /^2 calls/.test(
            document.querySelector('[data-key="c:greeting.children"] .dash-ts-graph-stats')?.textContent ?? '',
          ),
        null,
        { timeout: WAIT },
      );
      // Left to right: the input prop, then its callback, then the output prop.
      const x = (key: string): Promise<number> =>
        page.$eval(`[data-key="${key}"]`, (n) => (n as SVGGraphicsElement).getBoundingClientRect().x);
      assert.ok((await x('p:name.value')) < (await x('c:greeting.children')));
      assert.ok((await x('c:greeting.children')) < (await x('p:greeting.children')));
      assert.deepEqual(problems.cspViolations, []);
      assert.deepEqual(problems.pageErrors, []);
    } finally {
      await opened.close();
      await served.close();
    }
  });
});
