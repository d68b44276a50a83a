// Hot reload as a developer meets it: `node bin/dash-ts.js run app.ts --debug` on a free port, the
// page open in Chromium. Editing the app file restarts the server and reloads the page with the new
// layout, keeping what was typed (unless the app changed that prop's default); editing a stylesheet
// in assets/ swaps it without a reload. Bounded: every wait has a timeout, the process group is
// killed at the end.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { ensureBuilt, launchBrowser, openPage } from '../browser/harness.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = path.join(root, 'bin', 'dash-ts.js');
const WAIT = 30_000;

function appSource(version: string, inputDefault: string): string {
  return `import { Dash, dcc, html, Input, Output } from 'dash-ts';
const app = new Dash({ title: 'hot', dev_tools_hot_reload_interval: 0.2 });
app.layout = html.Div([
  html.H1({ id: 'title', children: ${JSON.stringify(version)} }),
  dcc.Input({ id: 'name', value: ${JSON.stringify(inputDefault)} }),
  html.Div({ id: 'greeting' }),
]);
app.callback(Output('greeting', 'children'), Input('name', 'value'), (name) => 'Hello ' + String(name));
export default app;
`;
}

let dir: string;
let server: ChildProcess;
let output = '';
let browser: Browser;

async function waitForText(page: Page, selector: string, text: string): Promise<void> {
  await page.waitForFunction(([s, t]) => document.querySelector(s)?.textContent === t, [selector, text] as const, {
    timeout: WAIT,
  });
}

before(async () => {
  ensureBuilt();
  dir = await mkdtemp(path.join(tmpdir(), 'dash-ts-hot-'));
  await mkdir(path.join(dir, 'node_modules'), { recursive: true });
  await mkdir(path.join(dir, 'assets'));
  await symlink(root, path.join(dir, 'node_modules', 'dash-ts'), 'dir');
  await writeFile(path.join(dir, 'package.json'), '{"name":"hot-app","private":true,"type":"module"}\n');
  await writeFile(path.join(dir, 'app.ts'), appSource('Version 1', 'start'));
  await writeFile(path.join(dir, 'assets', 'site.css'), '#title { color: rgb(255, 0, 0); }\n');
  server = spawn('node', [bin, 'run', 'app.ts', '--debug', '--port', '0'], {
    cwd: dir,
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: the supervisor and the app's process are stopped together.
    detached: true,
  });
  server.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  if (server?.pid !== undefined && server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    process.kill(-server.pid, 'SIGTERM');
    const timer = setTimeout(() => process.kill(-server.pid!, 'SIGKILL'), 8000);
    await exited;
    clearTimeout(timer);
  }
  await rm(dir, { recursive: true, force: true });
});

async function serverUrl(): Promise<string> {
  const end = Date.now() + WAIT;
  for (;;) {
    const match = /Dash is running on (http:\/\/\S+)/.exec(output);
    if (match?.[1] !== undefined) return match[1];
    if (Date.now() > end || server.exitCode !== null) throw new Error(`no server URL:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('run --debug: an edited app reloads the page with the new layout and keeps typed values; CSS swaps in place', async () => {
  const url = await serverUrl();
  const opened = await openPage(browser, url);
  const { page, problems } = opened;
  try {
    await waitForText(page, '#title', 'Version 1');
    await waitForText(page, '#greeting', 'Hello start');
    await page.waitForSelector('#dash-ts-devtools-status[data-status="connected"]', { timeout: WAIT });

    // A stylesheet edit: swapped without reloading (the marker on window survives).
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    const color = (): Promise<string> => page.$eval('#title', (e) => getComputedStyle(e).color);
    assert.equal(await color(), 'rgb(255, 0, 0)');
    await writeFile(path.join(dir, 'assets', 'site.css'), '#title { color: rgb(0, 0, 255); }\n');
    await page.waitForFunction(
      () => getComputedStyle(document.getElementById('title')!).color === 'rgb(0, 0, 255)',
      null,
      {
        timeout: WAIT,
      },
    );
    assert.equal(await page.evaluate(() => (window as unknown as { marker?: number }).marker), 1, 'no reload');

    // The user types, then the app's code changes: new layout, typed value kept, callbacks rerun with it.
    await page.fill('#name', 'typed by me');
    await waitForText(page, '#greeting', 'Hello typed by me');
    await writeFile(path.join(dir, 'app.ts'), appSource('Version 2', 'start'));
    await waitForText(page, '#title', 'Version 2');
    assert.equal(await page.inputValue('#name'), 'typed by me');
    await waitForText(page, '#greeting', 'Hello typed by me');
    assert.match(output, /app\.ts changed, restarting/);

    // The app changed the input's default: the new default wins over the old typed value.
    await writeFile(path.join(dir, 'app.ts'), appSource('Version 3', 'new default'));
    await waitForText(page, '#title', 'Version 3');
    assert.equal(await page.inputValue('#name'), 'new default');
    await waitForText(page, '#greeting', 'Hello new default');
    assert.deepEqual(problems.cspViolations, []);
    assert.deepEqual(problems.pageErrors, []);
  } finally {
    await opened.close();
  }
});

test('app.run({ debug: true, hotReload: true }) re-runs the script when it changes', async () => {
  // A folder of its own: the first test's server watches its folder.
  const own = await mkdtemp(path.join(tmpdir(), 'dash-ts-hot-run-'));
  await mkdir(path.join(own, 'node_modules'));
  await symlink(root, path.join(own, 'node_modules', 'dash-ts'), 'dir');
  await writeFile(path.join(own, 'package.json'), '{"name":"hot-run","private":true,"type":"module"}\n');
  const script = path.join(own, 'served.ts');
  const source = (version: string): string => `import { Dash, html } from 'dash-ts';
const app = new Dash({ title: 'from code' });
app.layout = html.Div({ id: 'v', children: ${JSON.stringify(version)} });
const server = await app.run({ debug: true, hotReload: true, port: 0, logger: false });
const address = server.server.address();
console.log('listening on ' + (typeof address === 'object' && address !== null ? address.port : ''));
`;
  await writeFile(script, source('one'));
  // `--import tsx` resolves from the repository; the script imports dash-ts through the folder's symlink.
  const child = spawn('node', ['--conditions=dash-ts-source', '--import', 'tsx', script], {
    cwd: root,
    env: { ...process.env, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const until = async <T>(read: () => Promise<T | undefined>, what: string): Promise<T> => {
    const end = Date.now() + WAIT;
    for (;;) {
      const value = await read().catch(() => undefined);
      if (value !== undefined) return value;
      if (Date.now() > end) throw new Error(`${what} timed out:\n${out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  try {
    const port = await until(() => Promise.resolve(/listening on (\d+)/.exec(out)?.[1]), 'first start');
    const url = `http://127.0.0.1:${port}/`;
    const layout = async (): Promise<string> =>
      ((await (await fetch(`${url}_dash-layout`)).json()) as { props: { children: string } }).props.children;
    assert.equal(await layout(), 'one');
    const first = ((await (await fetch(`${url}_reload-hash`)).json()) as { reloadHash: string }).reloadHash;
    await writeFile(script, source('two'));
    await until(async () => ((await layout()) === 'two' ? true : undefined), 'restart with the new layout');
    const second = ((await (await fetch(`${url}_reload-hash`)).json()) as { reloadHash: string }).reloadHash;
    assert.notEqual(second, first, 'a new process, a new hash');
    assert.match(out, /served\.ts changed, restarting/);
  } finally {
    if (child.pid !== undefined && child.exitCode === null) {
      process.kill(-child.pid, 'SIGTERM');
      const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 8000);
      await exited;
      clearTimeout(timer);
    }
    await rm(own, { recursive: true, force: true });
  }
});
