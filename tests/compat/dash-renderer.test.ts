/**
 * Wire compatibility, proven: the UNMODIFIED Dash front end from npm (dash-renderer 3.4.1, dcc and
 * html 4.5.0, React 18.3.1, plotly.js-strict-dist-min) drives a dash-ts app in headless Chromium.
 * Typing into a dcc.Input updates a Div through a server callback; choosing a dcc.Dropdown option
 * with the mouse redraws a dcc.Graph with the new data. The page must run without a CSP violation,
 * a page error or a failed request.
 */
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, serveApp } from '../browser/harness.js';
import type { ServedApp } from '../browser/harness.js';
import { createCompatApp, series } from './app.js';
import { fetchDashRenderer } from './fetch.js';

/** What the page functions below read (this file compiles for Node and the DOM alike). */
interface PlotDiv {
  data?: { name?: string; y?: number[] }[];
}

let browser: Browser;
let served: ServedApp;

before(async () => {
  fetchDashRenderer();
  served = await serveApp(createCompatApp());
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await served?.close();
});

/** Wait until `read()` returns `expected` (or time out), then assert it. */
async function eventually<T>(read: () => Promise<T>, expected: T, what: string, timeout = 15_000): Promise<void> {
  const end = Date.now() + timeout;
  let actual = await read();
  while (!isDeepStrictEqual(actual, expected) && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    actual = await read();
  }
  assert.deepEqual(actual, expected, what);
}

/** The drawn figure of #chart: trace names and heights plotly holds, and the texts in its SVG. */
async function chart(page: Page): Promise<{ traces: { name?: string; y?: number[] }[]; svg: string[] } | null> {
  return page.evaluate(() => {
    const plot = document.querySelector('#chart .js-plotly-plot');
    if (plot === null || plot.querySelector('.main-svg') === null) return null;
    const data = (plot as unknown as PlotDiv).data ?? [];
    return {
      traces: data.map((t) => ({ name: t.name, y: [...(t.y ?? [])] })),
      svg: [...plot.querySelectorAll('.legendtext, .ytitle')].map((e) => e.textContent ?? ''),
    };
  });
}

function expectedChart(fruit: 'apples' | 'pears'): { traces: { name: string; y: number[] }[]; svg: string[] } {
  const { y, axis } = series[fruit]!;
  return { traces: [{ name: `trace-${fruit}`, y }], svg: [`trace-${fruit}`, axis] };
}

describe('the unmodified Dash renderer drives a dash-ts app', () => {
  it('input → server callback → div, and dropdown → server callback → graph, under the CSP', async () => {
    const opened = await openPage(browser, 'about:blank');
    const { page, problems } = opened;
    const violations: string[] = [];
    const failed: string[] = [];
    const callbackBodies: string[] = [];
    const requested: string[] = [];
    try {
      // A listener installed before any page script runs: every violation, also those without a console line.
      await page.exposeBinding('__cspViolation', (_source, text: string) => violations.push(text));
      await page.addInitScript(() => {
        document.addEventListener(
          'securitypolicyviolation',
          (e) => {
            const report = (globalThis as unknown as { __cspViolation: (text: string) => void }).__cspViolation;
            report(`${e.effectiveDirective} blocked ${e.blockedURI || e.sample} at ${e.sourceFile}:${e.lineNumber}`);
          },
          true,
        );
      });
      page.on('request', (request) => {
        requested.push(request.url());
        if (request.url().endsWith('/_dash-update-component')) callbackBodies.push(request.postData() ?? '');
      });
      page.on('response', (response) => {
        if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
      });
      page.on('requestfailed', (request) =>
        failed.push(`${request.failure()?.errorText ?? 'failed'} ${request.url()}`),
      );
      await page.setViewportSize({ width: 1000, height: 900 });
      await page.goto(served.url);

      // It is Dash's renderer that runs, not ours.
      await page.waitForFunction(() => 'DashRenderer' in window && 'dash_core_components' in window);

      // Initial callbacks: the Div shows the input's value, the Graph the dropdown's.
      await page.waitForSelector('#name');
      await eventually(() => page.locator('#greeting').textContent(), 'hello a', '#greeting after load');
      await eventually(() => chart(page), expectedChart('apples'), 'chart after load', 30_000);

      // Typing: one server callback per keystroke.
      const input = page.locator('#name');
      await input.click();
      await input.press('End');
      await input.pressSequentially('bc', { delay: 50 });
      await eventually(() => page.locator('#greeting').textContent(), 'hello abc', '#greeting after typing');

      // The dcc 4.5 dropdown, like a person: click it open, click the option.
      await page.locator('#fruit').click();
      await page.getByRole('option', { name: 'pears', exact: true }).click();
      await eventually(() => chart(page), expectedChart('pears'), 'chart after choosing pears');
      assert.equal(await page.locator('#chart .js-plotly-plot .bars path').count(), 3, 'three bars drawn');
      assert.match((await page.locator('#fruit').textContent()) ?? '', /pears/);

      // The wire: Dash's request bodies reached our callback route.
      const bodies = callbackBodies.map((b) => JSON.parse(b) as Record<string, unknown>);
      assert.ok(
        bodies.some(
          (b) =>
            b['output'] === 'greeting.children' &&
            isDeepStrictEqual(b['inputs'], [{ id: 'name', property: 'value', value: 'abc' }]),
        ),
        JSON.stringify(bodies),
      );
      assert.ok(
        bodies.some(
          (b) =>
            b['output'] === 'chart.figure' &&
            isDeepStrictEqual(b['inputs'], [{ id: 'fruit', property: 'value', value: 'pears' }]) &&
            isDeepStrictEqual(b['changedPropIds'], ['fruit.value']),
        ),
        JSON.stringify(bodies),
      );
      // dcc fetched its chunks by itself, unfingerprinted, beside its main bundle; plotly from its fixed URL.
      const base = `${served.url}_dash-component-suites/`;
      for (const url of [
        `${base}dash_core_components/async-dropdown.js`,
        `${base}dash_core_components/async-graph.js`,
        `${base}plotly/package_data/plotly.min.js`,
      ]) {
        assert.ok(requested.includes(url), `requested ${url}`);
      }

      // Every stylesheet the bundles injected applied (their hashes are in style-src).
      const styles = await page.evaluate(() =>
        [...document.querySelectorAll('style')].map((s) => ({
          applied: s.sheet !== null,
          head: s.textContent?.slice(0, 60),
        })),
      );
      assert.ok(styles.length > 0);
      assert.deepEqual(
        styles.filter((s) => !s.applied),
        [],
        'blocked <style> elements',
      );

      assert.deepEqual(violations, [], 'CSP violations (securitypolicyviolation)');
      assert.deepEqual(problems.cspViolations, [], 'CSP violations (console)');
      assert.deepEqual(problems.pageErrors, [], 'page errors');
      assert.deepEqual(problems.consoleErrors, [], 'console errors');
      assert.deepEqual(failed, [], 'failed requests');
    } finally {
      await opened.close();
    }
  });
});
