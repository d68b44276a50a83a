/**
 * The renderer at scale, in headless Chromium, our renderer side by side with the unmodified Dash
 * renderer (dash-renderer 3.4.1 served by our own server with `renderer: 'dash'`), same apps
 * (bench/scale-apps.ts), same server, one run:
 *  a. navigation → 1,000 and 10,000 html.Div children all in the DOM;
 *  b. 1,000 pattern-matched rows (three dcc.Input + a MATCH callback each, one ALL sum):
 *     navigation → ready (every row output written, the sum shown, nothing pending),
 *     keystroke → the row's output painted (median), keystroke in an `a` input → the sum painted;
 *  c. adding a row (the callback returns all rows plus one): click → the new row's output shown,
 *     and, for our renderer, how many components of the other rows rendered again (render counter).
 * Times are taken inside the page (`performance.now()`: navigation start, or the keydown/click
 * event) and end in the first animation frame after the DOM shows the expected text. A Dash-renderer
 * run longer than `--timeout` seconds is stopped and reported as "> timeout".
 *
 * Usage: npm run bench -- --only scale   or alone:
 *        node --conditions=dash-ts-source --import tsx bench/renderer-scale.ts [--rows 1000 --divs 10000 --timeout 60]
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { fetchDashRenderer } from '../tests/compat/fetch.js';
import { launchBrowser, serveApp } from '../tests/browser/harness.js';
import type { RendererKind } from './scale-apps.js';
import { createDivsApp, createRowsApp, initialSum, rowText } from './scale-apps.js';

export interface ScaleOptions {
  readonly divs: number;
  readonly rows: number;
  /** Seconds a single measurement may take before it is reported as "> timeout". */
  readonly timeout: number;
  /** Keystrokes for the keystroke-to-paint median. */
  readonly keystrokes: number;
  /** Which renderers to run (both by default; one is for profiling). */
  readonly renderers: readonly RendererKind[];
}

/** One figure in ms; `undefined` when it timed out. */
type Figure = number | undefined;

interface RendererFigures {
  divsSmall: Figure;
  divsLarge: Figure;
  rowsReady: Figure;
  keystroke: Figure;
  keystrokes: number[];
  sumEdit: Figure;
  addRow: Figure;
  /** Our renderer only: components of the pre-existing rows that rendered again when a row was added. */
  otherRowRenders?: number;
}

const RENDERERS: readonly RendererKind[] = ['dash-ts', 'dash'];

/** The most one interaction (keystroke, click) may take before it is reported as timed out. */
const STEP_TIMEOUT_MS = 15_000;

/** Turn on the test-only render counter of src/renderer/tree/slot.tsx before any page script runs. */
async function enableRenderCounts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    (globalThis as { __DASH_TS_RENDER_COUNTS__?: Map<string, number> }).__DASH_TS_RENDER_COUNTS__ = new Map();
  });
}

/** Navigate and return the page's clock (ms since navigation start) at the first frame `done` returns it. */
async function loadUntil<A>(
  page: Page,
  url: string,
  done: (arg: A) => number | false,
  arg: A,
  timeoutMs: number,
): Promise<Figure> {
  await page.goto(url, { waitUntil: 'commit' });
  try {
    const handle = await page.waitForFunction(done as (arg: unknown) => number | false, arg as unknown, {
      timeout: timeoutMs,
      polling: 'raf',
    });
    return (await handle.jsonValue()) as number;
  } catch (error) {
    if (error instanceof Error && error.name === 'TimeoutError') return undefined;
    throw error;
  }
}

/** Conditions evaluated in the page (the same for both renderers): the page clock once met. */
const allDivs = (n: number): number | false =>
  document.querySelectorAll('#grid > .cell').length === n ? performance.now() : false;
const rowsReady = ({ n, sum }: { n: number; sum: string }): number | false => {
  if (document.title !== 'rows' || document.getElementById('sum')?.textContent !== sum) return false;
  const outs = document.querySelectorAll('.row-out');
  if (outs.length !== n) return false;
  for (const out of outs) if ((out.textContent ?? '') === '') return false;
  return performance.now();
};

/**
 * Arm a probe in the page: it notes the time of the next `event` on the document and resolves with
 * the ms from then to the first animation frame after `selector` (the `index`-th match) shows `text`.
 */
async function armProbe(
  page: Page,
  probe: { event: string; selector: string; index: number; text: string; timeoutMs: number },
): Promise<void> {
  await page.evaluate((p) => {
    const target = () => document.querySelectorAll(p.selector)[p.index];
    let start = NaN;
    document.addEventListener(p.event, () => (start = performance.now()), { capture: true, once: true });
    (globalThis as { __probe?: Promise<number> }).__probe = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`probe timed out: ${p.selector}[${p.index}]`)), p.timeoutMs);
      const check = (): void => {
        if (target()?.textContent !== p.text) return;
        observer.disconnect();
        clearTimeout(timer);
        requestAnimationFrame(() => resolve(performance.now() - start));
      };
      const observer = new MutationObserver(check);
      observer.observe(document.body, { childList: true, characterData: true, subtree: true });
    });
  }, probe);
}

async function probeResult(page: Page): Promise<Figure> {
  try {
    return await page.evaluate(() => (globalThis as { __probe?: Promise<number> }).__probe);
  } catch {
    return undefined;
  }
}

/** Put the caret at the end of the `index`-th `selector` input and type one character. */
async function typeAtEnd(page: Page, selector: string, index: number, key: string): Promise<void> {
  await page.evaluate(
    ({ s, i }) => {
      // The class is on the <input> itself or on a wrapper around it (dcc 4's Input has one).
      const found = document.querySelectorAll(s)[i];
      const input = found instanceof HTMLInputElement ? found : found?.querySelector('input');
      if (!input) throw new Error(`no input at ${s}[${i}]`);
      input.focus();
      input.setSelectionRange(input.value.length, input.value.length);
    },
    { s: selector, i: index },
  );
  await page.keyboard.press(key);
}

/** Wait until no callback is pending (the title is back). */
async function settle(page: Page, timeoutMs: number): Promise<void> {
  await page.waitForFunction(() => document.title === 'rows', undefined, { timeout: timeoutMs });
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

function median(values: readonly number[]): Figure {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * A fresh browser context whose pages define `__name`: tsx (esbuild, keepNames) wraps named
 * functions in `__name(...)`, also inside the functions handed to `page.evaluate`.
 */
async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext();
  await context.addInitScript({ content: 'globalThis.__name = (f) => f;' });
  return context;
}

async function measureDivs(browser: Browser, renderer: RendererKind, count: number, timeoutMs: number) {
  const served = await serveApp(createDivsApp(renderer, count));
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    return await loadUntil(page, served.url, allDivs, count, timeoutMs);
  } finally {
    await within(context.close(), 5000);
    await within(served.close(), 5000);
  }
}

async function measureRows(
  browser: Browser,
  renderer: RendererKind,
  options: ScaleOptions,
): Promise<Pick<RendererFigures, 'rowsReady' | 'keystroke' | 'keystrokes' | 'sumEdit' | 'addRow' | 'otherRowRenders'>> {
  const n = options.rows;
  const timeoutMs = options.timeout * 1000;
  // One interaction (keystroke, click) may take this long: a renderer slower than that fails it.
  const stepMs = Math.min(timeoutMs, STEP_TIMEOUT_MS);
  const served = await serveApp(createRowsApp(renderer, n));
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    if (renderer === 'dash-ts') await enableRenderCounts(page);
    let sum = initialSum(n);
    const rowsReadyMs = await loadUntil(page, served.url, rowsReady, { n, sum: `sum:${sum}` }, timeoutMs);
    if (rowsReadyMs === undefined)
      return { rowsReady: undefined, keystroke: undefined, keystrokes: [], sumEdit: undefined, addRow: undefined };
    await settle(page, timeoutMs);

    // Keystroke → paint: one character into `b` of rows spread over the list.
    const keystrokes: number[] = [];
    for (let k = 0; k < options.keystrokes; k += 1) {
      const i = Math.floor(((k + 0.5) * n) / options.keystrokes);
      await armProbe(page, {
        event: 'keydown',
        selector: '.row-out',
        index: i,
        text: rowText(i, 'bx', 'c'),
        timeoutMs: stepMs,
      });
      await typeAtEnd(page, '.in-b', i, 'x');
      const ms = await probeResult(page);
      if (ms === undefined) break;
      keystrokes.push(ms);
      await settle(page, stepMs);
    }

    // A keystroke in `a` reaching the ALL sum: row i's `a` goes from i to 10·i.
    const sumEdits: number[] = [];
    for (const i of [Math.floor(n / 3), Math.floor((2 * n) / 3), n - 1]) {
      sum += 9 * i;
      await armProbe(page, { event: 'keydown', selector: '#sum', index: 0, text: `sum:${sum}`, timeoutMs: stepMs });
      await typeAtEnd(page, '.in-a', i, '0');
      const ms = await probeResult(page);
      if (ms === undefined) break;
      sumEdits.push(ms);
      await settle(page, stepMs);
    }

    // Add a row; count what rendered again. Leave the Input typed into first (its blur is an
    // edit of its own, n_blur, not a re-render caused by the new row).
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await settle(page, stepMs);
    await page.evaluate(() =>
      (globalThis as { __DASH_TS_RENDER_COUNTS__?: Map<string, number> }).__DASH_TS_RENDER_COUNTS__?.clear(),
    );
    await armProbe(page, {
      event: 'click',
      selector: '.row-out',
      index: n,
      text: rowText(n, 'b', 'c'),
      timeoutMs,
    });
    await page.click('#add');
    const addRow = await probeResult(page);
    let otherRowRenders: number | undefined;
    if (renderer === 'dash-ts' && addRow !== undefined) {
      await settle(page, timeoutMs); // the new chunk re-runs every row's MATCH callback
      const counts = await page.evaluate(() =>
        Object.fromEntries(
          (globalThis as { __DASH_TS_RENDER_COUNTS__?: Map<string, number> }).__DASH_TS_RENDER_COUNTS__ ?? [],
        ),
      );
      // Row containers and Inputs must not render again; each output Div renders for its loading
      // state only (the chunk's output rule re-runs its MATCH callback, as Dash's does): at most 2.
      otherRowRenders = 0;
      for (const [key, renders] of Object.entries(counts)) {
        if (!key.startsWith('{')) continue;
        const { index, type } = JSON.parse(key) as { index?: unknown; type?: unknown };
        if (typeof index !== 'number' || index >= n) continue;
        otherRowRenders += type === 'out' ? Math.max(0, renders - 2) : renders;
      }
    }
    return {
      rowsReady: rowsReadyMs,
      keystroke: median(keystrokes),
      keystrokes,
      sumEdit: median(sumEdits),
      addRow,
      ...(otherRowRenders === undefined ? {} : { otherRowRenders }),
    };
  } finally {
    await within(context.close(), 5000);
    await within(served.close(), 5000);
  }
}

/** Wait for `promise`, at most `ms` (a page stuck in a long task may not close in time). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Run one measurement in a browser of its own, stopped when it ends: a Dash-renderer page that is
 * still busy after the timeout is killed with its browser instead of slowing the next figure.
 * `hardMs` bounds the whole measurement (Playwright cannot always interrupt a page in a long task).
 */
async function isolated<T>(measure: (browser: Browser) => Promise<T>, fallback: T, hardMs: number): Promise<T> {
  const browser = await launchBrowser();
  try {
    return (await within(measure(browser), hardMs)) ?? fallback;
  } finally {
    await within(browser.close(), 10_000);
  }
}

function show(ms: Figure, timeout: number): string {
  return ms === undefined ? `> ${timeout} s` : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`;
}

/** Dash ÷ ours; a timed-out Dash figure gives a lower bound. */
function ratio(ours: Figure, dash: Figure, timeout: number): string {
  if (ours === undefined) return 'n/a';
  if (dash === undefined) return `> ${((timeout * 1000) / ours).toFixed(0)}×`;
  return `${(dash / ours).toFixed(1)}×`;
}

export async function benchRendererScale(options: ScaleOptions): Promise<void> {
  console.log(
    `\n## 4. Renderer at scale: ours vs the unmodified Dash renderer (timeout ${options.timeout} s per figure)`,
  );
  fetchDashRenderer();
  const results = new Map<RendererKind, RendererFigures>();
  const timeoutMs = options.timeout * 1000;
  const hardMs = timeoutMs + 30_000;
  type RowFigures = Awaited<ReturnType<typeof measureRows>>;
  const noRows: RowFigures = {
    rowsReady: undefined,
    keystroke: undefined,
    keystrokes: [],
    sumEdit: undefined,
    addRow: undefined,
  };
  for (const renderer of options.renderers) {
    const small = Math.min(1000, options.divs);
    const divs = (count: number) => isolated((b) => measureDivs(b, renderer, count, timeoutMs), undefined, hardMs);
    const divsSmall = await divs(small);
    console.log(`${renderer}: ${small} divs ${show(divsSmall, options.timeout)}`);
    const divsLarge = await divs(options.divs);
    console.log(`${renderer}: ${options.divs} divs ${show(divsLarge, options.timeout)}`);
    // The rows' page runs several steps, each bounded by the timeout.
    const rows = await isolated(
      (b) => measureRows(b, renderer, options),
      noRows,
      hardMs + 12 * Math.min(timeoutMs, STEP_TIMEOUT_MS),
    );
    console.log(`${renderer}: ${options.rows} rows ready ${show(rows.rowsReady, options.timeout)}`);
    results.set(renderer, { divsSmall, divsLarge, ...rows });
  }
  const none: RendererFigures = {
    divsSmall: undefined,
    divsLarge: undefined,
    rowsReady: undefined,
    keystroke: undefined,
    keystrokes: [],
    sumEdit: undefined,
    addRow: undefined,
  };
  const ours = results.get('dash-ts') ?? none;
  const dash = results.get('dash') ?? none;
  const t = options.timeout;
  const step = Math.min(t, STEP_TIMEOUT_MS / 1000);
  // [name, ours, Dash, target, timeout (s) of that figure, is an interaction on the ready page]
  const lines: [string, Figure, Figure, string, number, boolean][] = [
    [
      `${Math.min(1000, options.divs)} html.Div: navigation → all rendered`,
      ours.divsSmall,
      dash.divsSmall,
      '',
      t,
      false,
    ],
    [`${options.divs} html.Div: navigation → all rendered`, ours.divsLarge, dash.divsLarge, '≤ 1 s', t, false],
    [`${options.rows} MATCH rows: navigation → ready`, ours.rowsReady, dash.rowsReady, '≤ 1 s', t, false],
    [
      `keystroke → row output painted (median of ${options.keystrokes})`,
      ours.keystroke,
      dash.keystroke,
      '≤ 50 ms',
      step,
      true,
    ],
    ['keystroke → ALL sum painted (median of 3)', ours.sumEdit, dash.sumEdit, '', step, true],
    ['add a row → its output shown', ours.addRow, dash.addRow, '', t, true],
  ];
  console.log('\n| figure | dash-ts | Dash renderer | Dash ÷ dash-ts | target |');
  console.log('|---|---|---|---|---|');
  for (const [name, a, b, target, timeout, interaction] of lines) {
    // An interaction needs a ready page: without one there is no figure (and no ratio).
    const never = (f: RendererFigures): boolean => interaction && f.rowsReady === undefined;
    const showA = never(ours) ? 'not ready' : show(a, timeout);
    const showB = never(dash) ? 'not ready' : show(b, timeout);
    const r = never(ours) || never(dash) ? 'n/a' : ratio(a, b, timeout);
    console.log(`| ${name} | ${showA} | ${showB} | ${r} | ${target} |`);
  }
  console.log(`\nkeystrokes (ms): dash-ts ${fmt(ours.keystrokes)}; Dash ${fmt(dash.keystrokes)}`);
  console.log(
    `adding a row: renders of the other ${options.rows} rows beyond their outputs' loading on/off (dash-ts): ${String(ours.otherRowRenders)}`,
  );
}

function fmt(values: readonly number[]): string {
  return values.map((v) => v.toFixed(0)).join(', ');
}

export function scaleOptionsFrom(values: Record<string, string | boolean | undefined>): ScaleOptions {
  return {
    divs: Number(values['divs'] ?? 10_000),
    rows: Number(values['rows'] ?? 1000),
    timeout: Number(values['timeout'] ?? 60),
    keystrokes: Number(values['keystrokes'] ?? 7),
    renderers: String(values['renderers'] ?? RENDERERS.join(','))
      .split(',')
      .filter((r): r is RendererKind => (RENDERERS as readonly string[]).includes(r)),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({
    options: {
      divs: { type: 'string' },
      rows: { type: 'string' },
      timeout: { type: 'string' },
      keystrokes: { type: 'string' },
      renderers: { type: 'string' },
    },
  });
  await benchRendererScale(scaleOptionsFrom(values));
}
