// "Only components whose props changed re-render", measured in headless Chromium: the page gets
// `window.__DASH_TS_RENDER_COUNTS__` (a Map) before the bundle runs, the renderer's per-node wrapper
// (src/renderer/tree/slot.tsx) counts its renders in it, and each test compares the counts after
// one interaction with the components that interaction actually changed.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { Dash, dcc, html, Input, Output } from 'dash-ts';
import { launchBrowser, openPage, serveApp } from '../browser/harness.js';

// Generous: the whole suite runs test files in parallel on two cores next to Chromium.
const WAIT = 20_000;
const ROWS = 200;

type Counts = Record<string, number>;

/** Turn counting on (before any page script runs, so the bundle sees it) and load the page again. */
async function enableRenderCounts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (globalThis as { __DASH_TS_RENDER_COUNTS__?: Map<string, number> }).__DASH_TS_RENDER_COUNTS__ = new Map();
  });
  await page.reload();
}

function readCounts(page: Page): Promise<Counts> {
  return page.evaluate(() => {
    const counts = (globalThis as { __DASH_TS_RENDER_COUNTS__?: Map<string, number> }).__DASH_TS_RENDER_COUNTS__;
    return Object.fromEntries(counts ?? []);
  });
}

function resetCounts(page: Page): Promise<void> {
  return page.evaluate(() => {
    (globalThis as { __DASH_TS_RENDER_COUNTS__?: Map<string, number> }).__DASH_TS_RENDER_COUNTS__?.clear();
  });
}

/**
 * Wait until nothing is pending: no callback running (the title is back, no component marked
 * loading), then two animation frames so React has committed whatever those changes scheduled.
 */
async function settle(page: Page, title: string): Promise<void> {
  await page.waitForFunction(
    (t) => document.title === t && document.querySelector('[data-dash-is-loading]') === null,
    title,
    { timeout: WAIT },
  );
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

const rowIds = Array.from({ length: ROWS }, (_, i) => `row-${i}`);

describe('only components whose props changed re-render (Chromium)', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => browser.close());

  test(`typing into an Input re-renders the Input and the callback's output, none of ${ROWS} siblings`, async () => {
    const app = new Dash({ title: 'rerender' });
    app.layout = html.Div([
      dcc.Input({ id: 'input', value: '' }),
      html.Div({ id: 'out' }),
      html.Div(
        rowIds.map((id) => html.Div(id, { id })),
        { id: 'rows' },
      ),
    ]);
    app.callback(Output('out', 'children'), Input('input', 'value'), (value) => `echo:${String(value)}`);
    const served = await serveApp(app);
    const opened = await openPage(browser, served.url);
    const { page, problems } = opened;
    try {
      await enableRenderCounts(page);
      await page.waitForFunction(() => document.querySelector('#out')?.textContent === 'echo:', null, {
        timeout: WAIT,
      });
      await settle(page, 'rerender');

      // The hook is on and sees every component: otherwise "nothing re-rendered" would prove nothing.
      const initial = await readCounts(page);
      for (const id of ['input', 'out', 'rows', ...rowIds]) assert.ok((initial[id] ?? 0) >= 1, `${id} rendered`);
      const root = Object.keys(initial).filter((key) => key.startsWith('Div#'));
      assert.equal(root.length, 1, 'the id-less root Div is counted as type#nodeKey');

      await resetCounts(page);
      await page.type('#input', 'x');
      await page.waitForFunction(() => document.querySelector('#out')?.textContent === 'echo:x', null, {
        timeout: WAIT,
      });
      await settle(page, 'rerender');

      const counts = await readCounts(page);
      assert.ok((counts['out'] ?? 0) >= 1, 'the output re-rendered');
      assert.ok((counts['input'] ?? 0) >= 1, 'the Input re-rendered (its value changed)');
      const rerenderedRows = rowIds.filter((id) => counts[id] !== undefined);
      assert.deepEqual(rerenderedRows, [], 'no sibling row re-rendered');
      assert.equal(counts['rows'], undefined, "the rows' container did not re-render");
      assert.equal(counts[root[0] ?? ''], undefined, 'the root Div did not re-render');
      assert.deepEqual(Object.keys(counts).sort(), ['input', 'out'], 'nothing else re-rendered');
      assert.deepEqual(problems.pageErrors, []);
    } finally {
      await opened.close();
      await served.close();
    }
  });

  test("replacing one container's children re-renders that container and the new children only", async () => {
    const app = new Dash({ title: 'rerender-children' });
    app.layout = html.Div([
      html.Button('swap', { id: 'swap' }),
      html.Div([html.Div('old 1', { id: 'old-1' }), html.Div('old 2', { id: 'old-2' })], { id: 'box' }),
      html.Div(
        rowIds.map((id) => html.Div(id, { id })),
        { id: 'rows' },
      ),
    ]);
    app.callback(
      Output('box', 'children'),
      Input<number | undefined>('swap', 'n_clicks'),
      () => [html.Div('new 1', { id: 'new-1' }), html.Span('new 2')],
      { prevent_initial_call: true },
    );
    const served = await serveApp(app);
    const opened = await openPage(browser, served.url);
    const { page, problems } = opened;
    try {
      await enableRenderCounts(page);
      await page.waitForSelector('#old-2', { timeout: WAIT });
      await settle(page, 'rerender-children');
      const initial = await readCounts(page);
      for (const id of ['swap', 'box', 'old-1', 'old-2', 'rows', ...rowIds]) {
        assert.ok((initial[id] ?? 0) >= 1, `${id} rendered`);
      }

      await resetCounts(page);
      await page.click('#swap');
      await page.waitForFunction(() => document.querySelector('#box')?.textContent === 'new 1new 2', null, {
        timeout: WAIT,
      });
      await settle(page, 'rerender-children');

      const counts = await readCounts(page);
      const span = Object.keys(counts).filter((key) => /^Span#\d+$/.test(key));
      assert.equal(span.length, 1, 'the new id-less child rendered');
      assert.ok((counts['box'] ?? 0) >= 1, 'the container re-rendered');
      assert.equal(counts['new-1'], 1, 'the new child with an id rendered once');
      assert.equal(counts[span[0] ?? ''], 1, 'the new child without an id rendered once');
      assert.ok((counts['swap'] ?? 0) >= 1, 'the Button re-rendered (n_clicks changed)');
      assert.deepEqual(
        ['old-1', 'old-2', 'rows', ...rowIds].filter((id) => counts[id] !== undefined),
        [],
        'neither the removed children nor the other container and its rows rendered',
      );
      assert.deepEqual(
        Object.keys(counts).sort(),
        ['box', 'new-1', span[0], 'swap'].sort(),
        'nothing else rendered (not even a removed child on its way out)',
      );
      assert.deepEqual(problems.pageErrors, []);
    } finally {
      await opened.close();
      await served.close();
    }
  });

  test(`a new prop on a container re-renders the container, not its ${ROWS} unchanged children`, async () => {
    const app = new Dash({ title: 'rerender-parent' });
    app.layout = html.Div([
      html.Button('restyle', { id: 'restyle' }),
      html.Div(
        rowIds.map((id) => html.Div(id, { id })),
        { id: 'rows' },
      ),
    ]);
    app.callback(Output('rows', 'className'), Input<number | undefined>('restyle', 'n_clicks'), (n) => `n${n ?? 0}`);
    const served = await serveApp(app);
    const opened = await openPage(browser, served.url);
    const { page, problems } = opened;
    try {
      await enableRenderCounts(page);
      await page.waitForSelector('#rows.n0', { timeout: WAIT });
      await settle(page, 'rerender-parent');
      const initial = await readCounts(page);
      for (const id of ['restyle', 'rows', ...rowIds]) assert.ok((initial[id] ?? 0) >= 1, `${id} rendered`);

      await resetCounts(page);
      await page.click('#restyle');
      await page.waitForSelector('#rows.n1', { timeout: WAIT });
      await settle(page, 'rerender-parent');

      const counts = await readCounts(page);
      assert.ok((counts['rows'] ?? 0) >= 1, 'the container re-rendered');
      assert.deepEqual(
        rowIds.filter((id) => counts[id] !== undefined),
        [],
        "no child re-rendered: the container's render passes them unchanged",
      );
      assert.deepEqual(Object.keys(counts).sort(), ['restyle', 'rows'], 'nothing else re-rendered');
      assert.deepEqual(problems.pageErrors, []);
    } finally {
      await opened.close();
      await served.close();
    }
  });
});
