import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DashError } from './errors.js';
import {
  contentTypeFor,
  fingerprintPath,
  normalizeRelativePath,
  readBrowserManifest,
  stripFingerprint,
  SuiteRegistry,
} from './suites.js';

describe('Dash fingerprints (spec/protocol-core.md §1.5)', () => {
  it('splits the last segment at its first dot and cleans the version', () => {
    assert.equal(
      fingerprintPath('dash-renderer/build/dash_renderer.min.js', '4.3.0', 1717171717),
      'dash-renderer/build/dash_renderer.v4_3_0m1717171717.min.js',
    );
    assert.equal(
      fingerprintPath('deps/polyfill@7.12.1.min.js', '4.3.0', 1717171717),
      'deps/polyfill@7.v4_3_0m1717171717.12.1.min.js',
    );
    assert.equal(fingerprintPath('main-ABCD2345.js', '0.1.0-beta+1', 12.9), 'main-ABCD2345.v0_1_0-beta_1m12.js');
    assert.equal(fingerprintPath('LICENSE', '1.0.0', 1), 'LICENSE');
  });

  it('strips a fingerprint, and only a fingerprint', () => {
    assert.deepEqual(stripFingerprint('dash-renderer/build/dash_renderer.v4_3_0m1717171717.min.js'), {
      path: 'dash-renderer/build/dash_renderer.min.js',
      fingerprinted: true,
    });
    assert.deepEqual(stripFingerprint('deps/polyfill@7.v4_3_0m1717171717.12.1.min.js'), {
      path: 'deps/polyfill@7.12.1.min.js',
      fingerprinted: true,
    });
    assert.deepEqual(stripFingerprint('chunks/input.view-WXYZ2345.js'), {
      path: 'chunks/input.view-WXYZ2345.js',
      fingerprinted: false,
    });
    // Two parts only: nothing to strip (Dash requires more than two).
    assert.deepEqual(stripFingerprint('a.v1m2'), { path: 'a.v1m2', fingerprinted: false });
    assert.deepEqual(stripFingerprint('x.vzz.js'), { path: 'x.vzz.js', fingerprinted: false });
  });

  it('round-trips every name with a dot', () => {
    for (const name of ['a.js', 'dir/b.min.js', 'c.js.map', 'deep/er/d@1.2.3.css']) {
      assert.deepEqual(stripFingerprint(fingerprintPath(name, '1.2.3', 99)), { path: name, fingerprinted: true });
    }
  });
});

describe('contentTypeFor', () => {
  it('uses the last extension, with a charset for text', () => {
    assert.equal(contentTypeFor('a.min.js'), 'text/javascript; charset=utf-8');
    assert.equal(contentTypeFor('a.mjs'), 'text/javascript; charset=utf-8');
    assert.equal(contentTypeFor('a.css'), 'text/css; charset=utf-8');
    assert.equal(contentTypeFor('a.js.map'), 'application/json; charset=utf-8');
    assert.equal(contentTypeFor('a.json'), 'application/json; charset=utf-8');
    assert.equal(contentTypeFor('font-X.woff2'), 'font/woff2');
    assert.equal(contentTypeFor('README'), 'application/octet-stream');
    assert.equal(contentTypeFor('x.exe'), 'application/octet-stream');
  });
});

describe('normalizeRelativePath', () => {
  it('accepts plain relative paths', () => {
    assert.equal(normalizeRelativePath('a/b.js'), 'a/b.js');
    assert.equal(normalizeRelativePath('polyfill@7.12.1.min.js'), 'polyfill@7.12.1.min.js');
  });
  it('refuses anything that could leave the folder', () => {
    for (const bad of ['', '/etc/passwd', '../a.js', 'a/../../b', 'a/./b', 'a//b', 'a\\b', 'a\0b', '..', '.', 'a/']) {
      assert.equal(normalizeRelativePath(bad), undefined, bad);
    }
  });
});

describe('SuiteRegistry', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'dash-ts-suites-'));
    await mkdir(path.join(dir, 'build'));
    await writeFile(path.join(dir, 'build', 'lib.min.js'), 'x');
    await writeFile(path.join(dir, 'other.js'), 'y');
    await utimes(path.join(dir, 'build', 'lib.min.js'), 1717171717, 1717171717);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('serves only registered files, fingerprinted or not', async () => {
    const suites = new SuiteRegistry();
    await suites.register({ name: 'lib', version: '1.0.0', root: dir, files: ['build/lib.min.js'] });
    assert.equal(
      suites.url('lib', 'build/lib.min.js'),
      '_dash-component-suites/lib/build/lib.v1_0_0m1717171717.min.js',
    );
    assert.deepEqual(suites.lookup('lib', 'build/lib.v1_0_0m1717171717.min.js'), {
      absolute: path.join(dir, 'build', 'lib.min.js'),
      relative: 'build/lib.min.js',
      immutable: true,
    });
    assert.equal(suites.lookup('lib', 'build/lib.min.js')?.immutable, false);
    assert.equal(suites.lookup('lib', 'other.js'), undefined);
    assert.equal(suites.lookup('lib', 'build/../other.js'), undefined);
    assert.equal(suites.lookup('nope', 'build/lib.min.js'), undefined);
    assert.equal(suites.lookup('__proto__', 'build/lib.min.js'), undefined);
    assert.equal(suites.lookup('constructor', 'build/lib.min.js'), undefined);
    assert.deepEqual(suites.packageNames(), ['lib']);
  });

  it('marks every file of a content-hashed package immutable', async () => {
    const suites = new SuiteRegistry();
    await suites.register({ name: 'h', version: '1', root: dir, files: ['other.js'], contentHashed: true });
    assert.equal(suites.lookup('h', 'other.js')?.immutable, true);
  });

  it('refuses to register missing files or paths outside the root', async () => {
    const suites = new SuiteRegistry();
    await assert.rejects(suites.register({ name: 'x', version: '1', root: dir, files: ['missing.js'] }), (error) => {
      assert.ok(error instanceof DashError);
      assert.equal(error.code, 'DASH_ERR_BROWSER_BUNDLE');
      return true;
    });
    await assert.rejects(suites.register({ name: 'x', version: '1', root: dir, files: ['../etc/passwd'] }), DashError);
    assert.throws(() => suites.url('x', 'missing.js'), DashError);
  });
});

describe('readBrowserManifest', () => {
  it('explains a missing bundle', async () => {
    const empty = await mkdtemp(path.join(tmpdir(), 'dash-ts-nobundle-'));
    try {
      await assert.rejects(readBrowserManifest(empty), (error) => {
        assert.ok(error instanceof DashError);
        assert.equal(error.code, 'DASH_ERR_BROWSER_BUNDLE');
        assert.match(error.message, /manifest\.json does not exist.*npm run build/);
        return true;
      });
      await writeFile(path.join(empty, 'manifest.json'), '{"entry": 3}');
      await assert.rejects(readBrowserManifest(empty), /does not have the shape/);
      await writeFile(path.join(empty, 'manifest.json'), '{"entry":"a.js","css":[],"files":["b.js"],"buildHash":"1"}');
      await assert.rejects(readBrowserManifest(empty), /does not have the shape/);
    } finally {
      await rm(empty, { recursive: true, force: true });
    }
  });
});
