// The renderer at scale, small and fast (bench/renderer-scale.ts has the figures): 200
// pattern-matched rows (bench/scale-apps.ts), counted with the test-only render counter of
// src/renderer/tree/slot.tsx. A keystroke renders its own row only; adding a row (the callback
// returns the rows it got as State plus one) renders the new row and the container, and none of
// the other rows — their output Divs only show their loading state while the chunk's output rule
// re-runs their MATCH callbacks (as Dash does), and their text stays as it was.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createRowsApp, initialSum, rowText } from '../../bench/scale-apps.js';
import type { ServedApp } from '../browser/harness.js';
import { launchBrowser, openPage, serveApp } from '../browser/harness.js';

const WAIT = 30_000;
const ROWS = 200;

type Counts = Record<string, number>;

function readCounts(page: Page): Promise<Counts> {
  return page.evaluate(() =>
    Object.fromEntries(
      (globalThis as { __DASH_TS_RENDER_COUNTS__?: Map<string, number> }).__DASH_TS_RENDER_COUNTS__ ?? [],
    ),
  );
}

function resetCounts(page: Page): Promise<void> {
  return page.evaluate(() => {
    (globalThis as { __DASH_TS_RENDER_COUNTS__?: Map<string, number> }).__DASH_TS_RENDER_COUNTS__?.clear();
  });
}

/** No callback pending (title back, nothing loading), then two frames so React has committed. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.title === 'rows' && document.querySelector('[data-dash-is-loading]') === null,
    undefined,
    { timeout: WAIT },
  );
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

/** Row index and type of a counted stringified dict id; undefined for other keys. */
function rowKey(key: string): { index: number; type: string } | undefined {
  if (!key.startsWith('{')) return undefined;
  const { index, type } = JSON.parse(key) as { index?: unknown; type?: unknown };
  return typeof index === 'number' && typeof type === 'string' ? { index, type } : undefined;
}

function outputTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('.row-out')].map((e) => e.textContent ?? ''));
}

describe(`${ROWS} pattern-matched rows (Chromium)`, () => {
  let browser: Browser;
  let served: ServedApp;
  let opened: Awaited<ReturnType<typeof openPage>>;
  let page: Page;

  before(async () => {
    browser = await launchBrowser();
    served = await serveApp(createRowsApp('dash-ts', ROWS));
    opened = await openPage(browser, 'about:blank');
    page = opened.page;
    await page.addInitScript(() => {
      (globalThis as { __DASH_TS_RENDER_COUNTS__?: Map<string, number> }).__DASH_TS_RENDER_COUNTS__ = new Map();
    });
    await page.goto(served.url);
    await page.waitForFunction(
      ({ n, sum }) =>
        document.getElementById('sum')?.textContent === sum &&
        [...document.querySelectorAll('.row-out')].filter((e) => e.textContent !== '').length === n,
      { n: ROWS, sum: `sum:${initialSum(ROWS)}` },
      { timeout: WAIT },
    );
    await settle(page);
  });

  after(async () => {
    await opened.close();
    await served.close();
    await browser.close();
  });

  test('every row rendered, each output written by its own MATCH callback', async () => {
    const counts = await readCounts(page);
    for (let i = 0; i < ROWS; i += 1) {
      for (const type of ['row', 'a', 'b', 'c', 'out']) {
        const key = JSON.stringify({ index: i, type });
        assert.ok((counts[key] ?? 0) >= 1, `${key} rendered`);
      }
    }
    const texts = await outputTexts(page);
    assert.deepEqual(
      texts,
      Array.from({ length: ROWS }, (_, i) => rowText(i, 'b', 'c')),
    );
    assert.deepEqual(opened.problems.pageErrors, []);
  });

  test('a keystroke in one row renders that Input and that output only', async () => {
    const i = 57;
    // The click itself is an edit of the row and the container (n_clicks): counted from after it.
    await page.locator('.in-b input').nth(i).click();
    await page.keyboard.press('End');
    await settle(page);
    await resetCounts(page);
    await page.keyboard.press('x');
    await page.waitForFunction(
      ({ index, text }) => document.querySelectorAll('.row-out')[index]?.textContent === text,
      { index: i, text: rowText(i, 'bx', 'c') },
      { timeout: WAIT },
    );
    await settle(page);
    const counts = await readCounts(page);
    assert.deepEqual(
      Object.keys(counts).sort(),
      [JSON.stringify({ index: i, type: 'b' }), JSON.stringify({ index: i, type: 'out' })].sort(),
      'only the edited Input and its row output rendered',
    );
  });

  test('adding a row renders the new row, not the other rows', async () => {
    // Leave the Input typed into before (its blur is an edit of its own: n_blur).
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await settle(page);
    const before = await outputTexts(page);
    await resetCounts(page);
    await page.click('#add');
    await page.waitForFunction(
      ({ index, text }) => document.querySelectorAll('.row-out')[index]?.textContent === text,
      { index: ROWS, text: rowText(ROWS, 'b', 'c') },
      { timeout: WAIT },
    );
    await settle(page);
    const counts = await readCounts(page);

    // The new row rendered; the hook is on, so "nothing else rendered" below means something.
    for (const type of ['row', 'a', 'b', 'c', 'out']) {
      const key = JSON.stringify({ index: ROWS, type });
      assert.ok((counts[key] ?? 0) >= 1, `${key} (new) rendered`);
    }
    assert.ok((counts['rows'] ?? 0) >= 1, 'the container rendered (its children changed)');

    const containersAndInputs: string[] = [];
    const outputsBeyondLoading: string[] = [];
    for (const [key, renders] of Object.entries(counts)) {
      const row = rowKey(key);
      if (!row || row.index >= ROWS) continue;
      if (row.type !== 'out') containersAndInputs.push(key);
      else if (renders > 2) outputsBeyondLoading.push(`${key}: ${renders}`);
    }
    assert.deepEqual(containersAndInputs, [], 'no row container or Input of the other rows rendered');
    assert.deepEqual(outputsBeyondLoading, [], 'other rows’ outputs rendered at most for loading on and off');
    assert.deepEqual((await outputTexts(page)).slice(0, ROWS), before, 'the other rows show what they showed');
    assert.deepEqual(opened.problems.pageErrors, []);
  });
});
