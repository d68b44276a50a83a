import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { assetPageUrl, assetUrl, scanAssets } from './assets.js';

describe('scanAssets', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'dash-ts-assets-'));
    for (const file of [
      'z.css',
      'a.css',
      'b/c.css',
      'b/a.js',
      'app.js',
      'mod.mjs',
      'skip.ignore.js',
      'favicon.ico',
      '.env',
      '.hidden/x.css',
      'img/logo.png',
    ]) {
      await mkdir(path.dirname(path.join(dir, file)), { recursive: true });
      await writeFile(path.join(dir, file), file);
    }
    await utimes(path.join(dir, 'a.css'), 1717171717.5, 1717171717.5);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it("walks sorted and recursively, as Dash's _walk_assets_directory", async () => {
    const scan = await scanAssets(dir, /\.ignore\./);
    assert.deepEqual(
      scan.css.map((f) => f.relative),
      ['a.css', 'z.css', 'b/c.css'],
    );
    assert.deepEqual(
      scan.js.map((f) => f.relative),
      ['app.js', 'mod.mjs', 'b/a.js'],
    );
    assert.equal(scan.favicon?.relative, 'favicon.ico');
    assert.equal(scan.css[0]?.mtime, 1717171717.5);
    // Hidden files never appear; ignored ones are still listed in `all` (still served, as in Dash).
    assert.ok(scan.all.some((f) => f.relative === 'skip.ignore.js'));
    assert.ok(!scan.all.some((f) => f.relative.includes('.env') || f.relative.includes('.hidden')));
  });

  it('is empty for a missing folder', async () => {
    const scan = await scanAssets(path.join(dir, 'nope'), null);
    assert.deepEqual(scan, { css: [], js: [], favicon: null, all: [] });
  });

  it('builds URLs under the requests prefix', () => {
    assert.equal(assetUrl('/app/', 'assets', 'b/c d.css'), '/app/assets/b/c%20d.css');
    assert.equal(assetPageUrl('/', 'static', { relative: 'a.css', mtime: 1.5 }), '/static/a.css?m=1.5');
  });
});
