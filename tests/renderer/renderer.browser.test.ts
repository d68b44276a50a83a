// The renderer in headless Chromium: loading attribute and update_title while a callback runs,
// the error box for an unknown component type, the dev-tools error panel, and a failed layout
// request shown as text — all under the server's strict CSP.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { Dash, dcc, html, Input, Output } from 'dash-ts';
import { launchBrowser, openPage, serveApp } from '../browser/harness.js';

// Generous: the whole suite runs test files in parallel on two cores next to Chromium.
const WAIT = 20_000;

function slowApp(): Dash {
  const app = new Dash({ title: 'renderer' });
  app.layout = html.Div([
    dcc.Input({ id: 'name', value: 'a' }),
    html.Div({ id: 'out' }),
    html.Button('fail', { id: 'fail' }),
    html.Div({ id: 'fail-out' }),
    { type: 'NoSuchThing', namespace: 'no_such_library', props: { id: 'mystery' } },
  ]);
  app.callback(Output('out', 'children'), Input('name', 'value'), async (name) => {
    await new Promise((r) => setTimeout(r, 400));
    return `got ${String(name)}`;
  });
  app.callback(Output('fail-out', 'children'), Input('fail', 'n_clicks'), (n) => {
    if (n) throw new Error('deliberate <b>failure</b>');
    return 'ready';
  });
  return app;
}

describe('renderer in Chromium', () => {
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
  });
  after(async () => browser.close());

  test('a component being computed carries data-dash-is-loading and the title shows update_title', async () => {
    const served = await serveApp(slowApp());
    const opened = await openPage(browser, served.url);
    const { page, problems } = opened;
    try {
      await page.waitForSelector('#out[data-dash-is-loading="true"]', { state: 'attached', timeout: WAIT });
      assert.equal(await page.title(), 'Updating...');
      await page.waitForFunction(() => document.querySelector('#out')?.textContent === 'got a');
      assert.equal(await page.$eval('#out', (e) => e.getAttribute('data-dash-is-loading')), null);
      await page.waitForFunction(() => document.title === 'renderer');
      await page.fill('#name', 'b');
      await page.waitForFunction(() => document.querySelector('#out')?.textContent === 'got b');
      assert.deepEqual(problems.cspViolations, []);
      assert.deepEqual(problems.pageErrors, []);
    } finally {
      await opened.close();
      await served.close();
    }
  });

  test('an unknown component type renders a visible error box naming it; the rest of the page works', async () => {
    const served = await serveApp(slowApp());
    const opened = await openPage(browser, served.url);
    const { page } = opened;
    try {
      const box = await page.waitForSelector('.dash-ts-component-error', { timeout: WAIT });
      assert.match((await box.textContent()) ?? '', /Unknown component no_such_library\.NoSuchThing \(id "mystery"\)/);
      await page.waitForFunction(() => document.querySelector('#fail-out')?.textContent === 'ready');
    } finally {
      await opened.close();
      await served.close();
    }
  });

  test('debug mode: a failing callback is listed in the error panel, as text', async () => {
    const served = await serveApp(slowApp(), { debug: true });
    const opened = await openPage(browser, served.url);
    const { page, problems } = opened;
    try {
      await page.waitForFunction(() => document.querySelector('#fail-out')?.textContent === 'ready');
      await page.click('#fail');
      const panel = await page.waitForSelector('#dash-ts-errors', { timeout: WAIT });
      const text = (await panel.textContent()) ?? '';
      assert.match(text, /Callback error updating fail-out\.children/);
      assert.match(text, /deliberate <b>failure<\/b>/, 'server text is shown literally');
      assert.equal(await page.$('#dash-ts-errors b'), null, 'never interpreted as HTML');
      assert.equal(await page.textContent('#fail-out'), 'ready', 'outputs untouched');
      assert.ok(problems.consoleErrors.some((e) => e.includes('Callback error updating fail-out.children')));
    } finally {
      await opened.close();
      await served.close();
    }
  });

  test('a failing layout request is shown as text', async () => {
    const app = new Dash({ title: 'broken' });
    app.layout = () => {
      throw new Error('<img src=x onerror=alert(1)> layout failed');
    };
    const served = await serveApp(app, { debug: true });
    const opened = await openPage(browser, served.url);
    const { page } = opened;
    try {
      const box = await page.waitForSelector('.dash-ts-load-error', { timeout: WAIT });
      assert.match((await box.textContent()) ?? '', /^Error loading layout \(500\)/);
      assert.equal(await page.$('#react-entry-point img'), null);
    } finally {
      await opened.close();
      await served.close();
    }
  });
});
