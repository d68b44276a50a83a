/**
 * Pattern-matching callbacks end to end in Chromium (spec/callbacks.md §3): a button adds rows
 * (a dcc.Input {type:'qty', index:i} and a Div {type:'out', index:i}), a MATCH callback copies each
 * input into its own row's Div, and an ALL callback sums every input into a total.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ALL, Dash, dcc, html, Input, MATCH, Output, State } from 'dash-ts';
import type { Child } from 'dash-ts';
import { eventually, launchBrowser, openPage, serveApp } from './harness.js';

/** The browser globals the page functions below use (this file compiles without the DOM lib). */
interface PageWindow {
  document: { getElementById(id: string): { textContent: string | null } | null };
}

function createApp(): Dash {
  const app = new Dash({ title: 'pattern matching' });
  app.layout = html.Div([
    html.Button('Add row', { id: 'add', n_clicks: 0 }),
    html.Div({ id: 'rows', children: [] }),
    html.Div({ id: 'total' }),
  ]);
  app.callback(
    Output('rows', 'children'),
    Input('add', 'n_clicks'),
    State('rows', 'children'),
    (clicks, rows) => {
      const index = Number(clicks ?? 0) - 1;
      const row = html.Div([
        dcc.Input({ id: { type: 'qty', index }, value: '' }),
        html.Div({ id: { type: 'out', index }, children: 'empty' }),
      ]);
      return [...((rows ?? []) as Child[]), row];
    },
    { prevent_initial_call: true },
  );
  app.callback(
    Output({ type: 'out', index: MATCH }, 'children'),
    Input({ type: 'qty', index: MATCH }, 'value'),
    (value) => `copy: ${typeof value === 'string' ? value : ''}`,
  );
  app.callback(Output('total', 'children'), Input({ type: 'qty', index: ALL }, 'value'), (values) => {
    const list = values;
    return `total: ${list.reduce((sum: number, v) => sum + (Number(v) || 0), 0)} of ${list.length}`;
  });
  return app;
}

let browser: Browser;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser.close();
});

function text(page: Page, id: string): Promise<string | undefined> {
  return page.evaluate(
    (elementId) => (globalThis as unknown as PageWindow).document.getElementById(elementId)?.textContent ?? undefined,
    id,
  );
}

const outId = (index: number) => JSON.stringify({ index, type: 'out' });

test('MATCH updates only its row, ALL recomputes the total, rows added at runtime included', async () => {
  const served = await serveApp(createApp());
  const opened = await openPage(browser, 'about:blank');
  try {
    const { page } = opened;
    await page.goto(served.url);
    await eventually(() => text(page, 'total'), 'total: 0 of 0', 'initial total');
    for (let i = 1; i <= 3; i += 1) {
      await page.locator('#add').click();
      await eventually(() => page.locator('input').count(), i, `row ${i} added`);
    }
    await eventually(() => text(page, 'total'), 'total: 0 of 3', 'total over 3 empty rows');
    for (let i = 0; i < 3; i += 1) await eventually(() => text(page, outId(i)), 'copy: ', `row ${i} initial copy`);

    await page.locator('input').nth(1).fill('42');
    await eventually(() => text(page, outId(1)), 'copy: 42', 'row 2 copied');
    await eventually(() => text(page, 'total'), 'total: 42 of 3', 'total updated');
    assert.equal(await text(page, outId(0)), 'copy: ');
    assert.equal(await text(page, outId(2)), 'copy: ');

    await page.locator('input').nth(2).fill('8');
    await eventually(() => text(page, 'total'), 'total: 50 of 3', 'total after row 3');
    assert.equal(await text(page, outId(1)), 'copy: 42');

    assert.deepEqual(opened.problems.pageErrors, [], 'page errors');
    assert.deepEqual(opened.problems.cspViolations, [], 'CSP violations');
    assert.deepEqual(opened.problems.consoleErrors, [], 'console errors');
  } finally {
    await opened.close();
    await served.close();
  }
});
