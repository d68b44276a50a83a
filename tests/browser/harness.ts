/**
 * Browser-test harness: Debian's Chromium driven by playwright-core, and dash-ts apps served on
 * 127.0.0.1 with a random port. Collects console errors, page errors and CSP violations so that a
 * test can assert a page ran clean under our strict CSP.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { Dash } from 'dash-ts';
import { echoId } from './apps/echo.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Chromium's path: CHROMIUM_PATH, else Debian's. */
export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** The flags this machine needs (no network beyond loopback, no GPU, running as root). */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Build dist/browser once if it is missing (the test script builds it before tests). */
export function ensureBuilt(): void {
  const dir = process.env['DASH_TS_BROWSER_DIR'] ?? path.join(root, 'dist', 'browser');
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    execFileSync('node', [path.join(root, 'scripts', 'build.mjs')], { stdio: 'inherit', cwd: root });
  }
}

/** Launch Chromium (Playwright gives each launch a fresh, temporary user-data-dir). */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, headless: true });
}

/** A served app: its base URL and a way to stop it. */
export interface ServedApp {
  url: string;
  close(): Promise<void>;
}

/** Serve a Dash app on 127.0.0.1 with a random free port. */
export async function serveApp(app: Dash, options: { debug?: boolean } = {}): Promise<ServedApp> {
  ensureBuilt();
  const server = await app.server({ debug: options.debug ?? false, logger: false });
  await server.listen({ port: 0, host: '127.0.0.1' });
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return { url: `http://127.0.0.1:${address.port}/`, close: () => server.close() };
}

/** Problems a page reported: console errors, uncaught exceptions, CSP violations. */
export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  cspViolations: string[];
}

/** Open a page and record its problems. `waitForReady` waits until the renderer has rendered. */
export async function openPage(
  browser: Browser,
  url: string,
): Promise<{ page: Page; problems: PageProblems; close(): Promise<void> }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], cspViolations: [] };
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') problems.consoleErrors.push(message.text());
    if (/Content Security Policy/i.test(message.text())) problems.cspViolations.push(message.text());
  });
  page.on('pageerror', (error) => problems.pageErrors.push(String(error)));
  await page.goto(url);
  return { page, problems, close: () => context.close() };
}

/** Wait until `read()` returns `expected` (or time out), then assert it. */
export async function eventually<T>(read: () => Promise<T>, expected: T, what: string, timeout = 5000): Promise<void> {
  const end = Date.now() + timeout;
  let actual = await read();
  while (!isDeepStrictEqual(actual, expected) && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    actual = await read();
  }
  assert.deepEqual(actual, expected, what);
}

/** The parsed JSON an echo Div (tests/browser/apps/echo.ts) shows for `id.prop`; undefined until rendered. */
export async function echoed(page: Page, id: string, prop: string): Promise<unknown> {
  const text = await page.evaluate(
    (elementId) => document.getElementById(elementId)?.textContent ?? undefined,
    echoId(id, prop),
  );
  return text === undefined || text === '' ? undefined : (JSON.parse(text) as unknown);
}

/** Wait until the echo of `id.prop` shows `expected`. */
export function expectEcho(page: Page, id: string, prop: string, expected: unknown, timeout?: number): Promise<void> {
  return eventually(() => echoed(page, id, prop), expected, `${id}.${prop}`, timeout);
}
