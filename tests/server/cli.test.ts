// The dash-ts command, as a user runs it: from the repository (`node bin/dash-ts.js run …`) and
// through npx in a project that has dash-ts in node_modules. A real server on 127.0.0.1 with a random
// port; the test fetches /_dash-layout and stops it with SIGINT/SIGTERM.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { makeFakeBundle } from './helpers.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = path.join(root, 'bin', 'dash-ts.js');
const fixture = path.join('tests', 'server', 'fixtures', 'cli-app.ts');

let bundle: Awaited<ReturnType<typeof makeFakeBundle>>;
before(async () => {
  bundle = await makeFakeBundle();
});
after(() => bundle.cleanup());

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
  exit: Promise<number | null>;
}

/** Start a command and wait for its "Dash is running on <url>" line. */
async function start(command: string, args: string[], cwd: string): Promise<Started> {
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, DASH_TS_BUNDLE_DIR: bundle.dir, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that a signal reaches npx and the node it started, like Ctrl-C.
    detached: true,
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL within 30 s:\n${out}`)), 30_000);
    const check = (): void => {
      const match = /Dash is running on (http:\/\/\S+)/.exec(out);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', () => {
      clearTimeout(timer);
      reject(new Error(`exited early:\n${out}`));
    });
  });
  return { child, url, output: () => out, exit };
}

async function stop(started: Started, signal: NodeJS.Signals): Promise<number | null> {
  const pid = started.child.pid;
  assert.ok(pid !== undefined);
  process.kill(-pid, signal);
  return started.exit;
}

describe('dash-ts CLI', () => {
  it('prints usage for --help, and exits 2 on a bad command line', () => {
    const help = spawnSync('node', [bin, '--help'], { cwd: root, encoding: 'utf8' });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /Usage: dash-ts run <app\.ts\|app\.js>/);
    assert.match(help.stdout, /--port/);
    const bad = spawnSync('node', [bin, 'serve', 'x.ts'], { cwd: root, encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /unknown command "serve"/);
    const port = spawnSync('node', [bin, 'run', fixture, '--port', 'http'], { cwd: root, encoding: 'utf8' });
    assert.equal(port.status, 2);
    assert.match(port.stderr, /--port must be a number/);
    const flag = spawnSync('node', [bin, 'run', fixture, '--nope'], { cwd: root, encoding: 'utf8' });
    assert.equal(flag.status, 2);
  });

  it('refuses a module whose default export is not a Dash app, and a missing bundle', () => {
    const run = spawnSync('node', [bin, 'run', path.join('tests', 'server', 'fixtures', 'not-an-app.ts')], {
      cwd: root,
      encoding: 'utf8',
    });
    assert.equal(run.status, 1);
    assert.match(run.stderr, /DASH_ERR_APP_MODULE: .*must export a Dash app as its default export/);
    const missing = spawnSync('node', [bin, 'run', 'nope/app.ts'], { cwd: root, encoding: 'utf8' });
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /DASH_ERR_APP_MODULE: No app file at/);
    const noBundle = spawnSync('node', [bin, 'run', fixture, '--port', '0'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, DASH_TS_BUNDLE_DIR: path.join(root, 'no-such-bundle') },
    });
    assert.equal(noBundle.status, 1);
    assert.match(noBundle.stderr, /DASH_ERR_BROWSER_BUNDLE: .*npm run build/);
  });

  it('runs a .ts app from the repository without a build step, and stops cleanly on SIGINT', async () => {
    const started = await start('node', [bin, 'run', fixture, '--port', '0', '--host', '127.0.0.1'], root);
    assert.match(started.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    const layout = await fetch(`${started.url}_dash-layout`);
    assert.equal(layout.status, 200);
    const json = (await layout.json()) as { props: { children: { props: { id: string } }[] } };
    assert.equal(json.props.children[0]?.props.id, 'btn');
    const update = await fetch(`${started.url}_dash-update-component`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        output: 'out.children',
        outputs: { id: 'out', property: 'children' },
        inputs: [{ id: 'btn', property: 'n_clicks', value: 2 }],
        changedPropIds: ['btn.n_clicks'],
      }),
    });
    assert.deepEqual(await update.json(), { multi: true, response: { out: { children: 'clicked 2' } } });
    assert.equal(await stop(started, 'SIGINT'), 0);
    assert.match(started.output(), /SIGINT, closing the server/);
  });

  it('serves debug mode with --debug and stops on SIGTERM', async () => {
    const started = await start('node', [bin, 'run', fixture, '--port', '0', '--debug'], root);
    const reload = await fetch(`${started.url}_reload-hash`);
    assert.equal(reload.status, 200);
    assert.match(((await reload.json()) as { reloadHash: string }).reloadHash, /^[0-9a-f]{32}$/);
    assert.equal(await stop(started, 'SIGTERM'), 0);
  });

  it('runs through npx in a project that has dash-ts in node_modules', async () => {
    const project = await mkdtemp(path.join(tmpdir(), 'dash-ts-project-'));
    try {
      await mkdir(path.join(project, 'node_modules', '.bin'), { recursive: true });
      await symlink(root, path.join(project, 'node_modules', 'dash-ts'), 'dir');
      await symlink(
        path.join('..', 'dash-ts', 'bin', 'dash-ts.js'),
        path.join(project, 'node_modules', '.bin', 'dash-ts'),
      );
      await writeFile(path.join(project, 'package.json'), '{"name":"my-dashboard","private":true,"type":"module"}\n');
      await copyFile(path.join(root, fixture), path.join(project, 'app.ts'));
      const started = await start('npx', ['--no-install', 'dash-ts', 'run', 'app.ts', '--port', '0'], project);
      const layout = await fetch(`${started.url}_dash-layout`);
      assert.equal(layout.status, 200);
      assert.equal(((await layout.json()) as { type: string }).type, 'Div');
      const page = await fetch(started.url);
      assert.match(await page.text(), /<title>CLI fixture<\/title>/);
      await stop(started, 'SIGINT');
    } finally {
      await rm(project, { recursive: true, force: true });
    }
  });
});
