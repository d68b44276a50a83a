// Startup: clear errors for a missing browser bundle and for invalid options; and — once the
// renderer exists — the real dist/browser build served from its manifest.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Dash, DashError, html } from 'dash-ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
// The server reads $DASH_TS_BROWSER_DIR when set (a separate build); so does this test.
const distBrowser = process.env['DASH_TS_BROWSER_DIR'] ?? path.join(root, 'dist', 'browser');
// Option errors must come first, whatever the bundle folder holds.
const distBrowserOrFake = path.join(root, 'no-such-dir');

describe('browser bundle', () => {
  it('app.server() rejects with DASH_ERR_BROWSER_BUNDLE and how to fix it when the manifest is missing', async () => {
    const app = new Dash();
    app.layout = html.Div();
    await assert.rejects(app.server({ logger: false, bundleDir: path.join(root, 'no-such-dir') }), (error) => {
      assert.ok(error instanceof DashError);
      assert.equal(error.code, 'DASH_ERR_BROWSER_BUNDLE');
      assert.match(error.message, /manifest\.json does not exist/);
      assert.match(error.message, /npm run build/);
      return true;
    });
  });

  it('rejects invalid options with DASH_ERR_OPTIONS before serving anything', async () => {
    for (const options of [
      { assets_ignore: '(unclosed' },
      { meta_tags: [{ 'bad name': 'x' }] },
      { meta_tags: [{ 'a"b': 'x' }] },
      { health_endpoint: '/' },
    ]) {
      const app = new Dash(options);
      app.layout = html.Div();
      await assert.rejects(
        app.server({ logger: false, bundleDir: distBrowserOrFake }),
        (error) => error instanceof DashError && error.code === 'DASH_ERR_OPTIONS',
        JSON.stringify(options),
      );
    }
  });

  it('serves the real build from dist/browser/manifest.json', async () => {
    if (!existsSync(path.join(distBrowser, 'manifest.json'))) {
      execFileSync('node', [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
    }
    const manifest = JSON.parse(readFileSync(path.join(distBrowser, 'manifest.json'), 'utf8')) as {
      entry: string;
      css: string[];
      files: string[];
    };
    const app = new Dash();
    app.layout = html.Div();
    const server = await app.server({ logger: false });
    const page = (await server.inject({ url: '/' })).body;
    const stem = manifest.entry.slice(0, manifest.entry.indexOf('.'));
    const src = new RegExp(
      `<script type="module" nonce="[^"]+" src="(/_dash-component-suites/dash_ts/${stem}\\.v[\\w-]+m\\d+\\.js)"></script>`,
    ).exec(page)?.[1];
    assert.ok(src !== undefined, 'the page loads the entry as a nonced module');
    const entry = await server.inject({ url: src });
    assert.equal(entry.statusCode, 200);
    assert.equal(entry.body, readFileSync(path.join(distBrowser, manifest.entry), 'utf8'));
    for (const file of manifest.files) {
      const response = await server.inject({ url: `/_dash-component-suites/dash_ts/${file}` });
      assert.equal(response.statusCode, 200, file);
      assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable');
    }
    for (const css of manifest.css)
      assert.ok(page.includes(`/_dash-component-suites/dash_ts/${css.slice(0, css.indexOf('.'))}.v`));
    assert.equal((await server.inject({ url: '/_dash-component-suites/dash_ts/manifest.json' })).statusCode, 404);
    assert.equal((await server.inject({ url: '/_dash-component-suites/dash_ts/meta.json' })).statusCode, 404);
    await server.close();
  });
});
