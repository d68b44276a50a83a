// `_dash-component-suites` through HTTP: the allowlist, traversal attempts (also over a raw socket,
// where no client normalises the path), fingerprints, cache headers, ETag/304, content types.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { Dash, html } from 'dash-ts';
import { FAKE, makeFakeBundle, serve } from './helpers.js';

let bundle: Awaited<ReturnType<typeof makeFakeBundle>>;
let libDir = '';
let server: FastifyInstance;
const base = '/_dash-component-suites';

before(async () => {
  bundle = await makeFakeBundle();
  libDir = await mkdtemp(path.join(tmpdir(), 'dash-ts-lib-'));
  await mkdir(path.join(libDir, 'deps'));
  await writeFile(path.join(libDir, 'lib.min.js'), 'window.lib = 1;\n');
  await writeFile(path.join(libDir, 'lib.min.js.map'), '{"version":3}');
  await writeFile(path.join(libDir, 'deps', 'polyfill@7.12.1.min.js'), '/* polyfill */');
  await writeFile(path.join(libDir, 'private.js'), 'SECRET');
  await utimes(path.join(libDir, 'lib.min.js'), 1717171717, 1717171717);
  const app = new Dash();
  app.layout = html.Div();
  app.registerComponentPackage({
    name: 'test_lib',
    version: '2.1.0',
    root: libDir,
    files: ['lib.min.js', 'lib.min.js.map', 'deps/polyfill@7.12.1.min.js'],
  });
  server = await serve(app, bundle.dir);
});
after(async () => {
  await server.close();
  await bundle.cleanup();
  await rm(libDir, { recursive: true, force: true });
});

describe('our bundle (package dash_ts)', () => {
  it('is linked from the page with fingerprinted URLs that serve the files', async () => {
    const page = (await server.inject({ url: '/' })).body;
    const mtime = Math.trunc((await stat(path.join(bundle.dir, FAKE.entry))).mtimeMs / 1000);
    const entryUrl = `${base}/dash_ts/main-ABCD2345.v0_1_0m${mtime}.js`;
    assert.ok(page.includes(`src="${entryUrl}"`), page);
    const cssUrl = /href="([^"]*main-EFGH2345[^"]*)"/.exec(page)?.[1];
    assert.match(cssUrl ?? '', /^\/_dash-component-suites\/dash_ts\/main-EFGH2345\.v0_1_0m\d+\.css$/);

    const entry = await server.inject({ url: entryUrl });
    assert.equal(entry.statusCode, 200);
    assert.equal(entry.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.equal(entry.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(entry.body, await readFile(path.join(bundle.dir, FAKE.entry), 'utf8'));
    const css = await server.inject({ url: cssUrl ?? '' });
    assert.equal(css.headers['content-type'], 'text/css; charset=utf-8');
  });

  it('serves content-hashed chunks by their plain relative URL, immutable', async () => {
    const chunk = await server.inject({ url: `${base}/dash_ts/${FAKE.chunk}` });
    assert.equal(chunk.statusCode, 200);
    assert.equal(chunk.headers['cache-control'], 'public, max-age=31536000, immutable');
    assert.equal(chunk.headers['etag'], undefined);
    const map = await server.inject({ url: `${base}/dash_ts/${FAKE.map}` });
    assert.equal(map.headers['content-type'], 'application/json; charset=utf-8');
  });

  it('serves nothing outside the manifest', async () => {
    for (const file of [FAKE.unlisted, 'manifest.json', 'chunks', 'chunks/', 'main-ABCD2345.ts']) {
      const response = await server.inject({ url: `${base}/dash_ts/${file}` });
      assert.equal(response.statusCode, 404, file);
      assert.equal(response.json<{ code: string }>().code, 'DASH_ERR_NOT_FOUND');
      assert.doesNotMatch(response.body, /top secret|buildHash/);
    }
  });
});

describe('a registered package without content hashes', () => {
  it('emits Dash fingerprints and strips them on request', async () => {
    const fingerprinted = await server.inject({ url: `${base}/test_lib/lib.v2_1_0m1717171717.min.js` });
    assert.equal(fingerprinted.statusCode, 200);
    assert.equal(fingerprinted.body, 'window.lib = 1;\n');
    assert.equal(fingerprinted.headers['cache-control'], 'public, max-age=31536000, immutable');
    // The fingerprint need not match the current one (Dash does not check it either).
    const polyfill = await server.inject({ url: `${base}/test_lib/deps/polyfill@7.v9m123.12.1.min.js` });
    assert.equal(polyfill.statusCode, 200);
    assert.equal(polyfill.body, '/* polyfill */');
  });

  it('revalidates unfingerprinted files with an ETag and answers 304', async () => {
    const url = `${base}/test_lib/lib.min.js`;
    const first = await server.inject({ url });
    assert.equal(first.statusCode, 200);
    assert.equal(first.headers['cache-control'], 'no-cache');
    const etag = String(first.headers['etag']);
    assert.match(etag, /^"[\w-]+"$/);
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`]) {
      const again = await server.inject({ url, headers: { 'if-none-match': ifNoneMatch } });
      assert.equal(again.statusCode, 304, ifNoneMatch);
      assert.equal(again.body, '');
      assert.equal(again.headers['etag'], etag);
      assert.equal(again.headers['x-frame-options'], 'DENY');
    }
    const stale = await server.inject({ url, headers: { 'if-none-match': '"stale"' } });
    assert.equal(stale.statusCode, 200);

    await writeFile(path.join(libDir, 'lib.min.js'), 'window.lib = 2;\n');
    const changed = await server.inject({ url, headers: { 'if-none-match': etag } });
    assert.equal(changed.statusCode, 200);
    assert.equal(changed.body, 'window.lib = 2;\n');
    assert.notEqual(changed.headers['etag'], etag);
    await writeFile(path.join(libDir, 'lib.min.js'), 'window.lib = 1;\n');
  });

  it('answers HEAD without a body', async () => {
    const response = await server.inject({ method: 'HEAD', url: `${base}/test_lib/lib.min.js.map` });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(response.body, '');
  });

  it('never serves unlisted files of the folder', async () => {
    const response = await server.inject({ url: `${base}/test_lib/private.js` });
    assert.equal(response.statusCode, 404);
    assert.doesNotMatch(response.body, /SECRET/);
  });
});

const traversals = [
  `${base}/dash_ts/..%2f..%2fpackage.json`,
  `${base}/dash_ts/%2e%2e/%2e%2e/package.json`,
  `${base}/dash_ts/%2e%2e%2f%2e%2e%2fpackage.json`,
  `${base}/dash_ts/..%5c..%5cpackage.json`,
  `${base}/dash_ts/....//....//package.json`,
  `${base}/dash_ts/%252e%252e%252fpackage.json`,
  `${base}/dash_ts/%c0%ae%c0%ae%c0%afpackage.json`,
  `${base}/dash_ts/${FAKE.entry}%00.txt`,
  `${base}/dash_ts/chunks/..%2f${FAKE.unlisted}`,
  `${base}/dash_ts//etc/passwd`,
  `${base}/dash_ts/%2fetc%2fpasswd`,
  `${base}/test_lib/..%2fprivate.js`,
  `${base}/%2e%2e/dash_ts/${FAKE.entry}`,
  `${base}/__proto__/${FAKE.entry}`,
  `${base}/constructor/${FAKE.entry}`,
  `${base}/dash_ts/;/../${FAKE.unlisted}`,
];

function leaked(body: string): boolean {
  return /"name":\s*"dash-ts"|top secret|SECRET|root:x:0/.test(body);
}

describe('path traversal', () => {
  for (const url of traversals) {
    it(`refuses ${url}`, async () => {
      const response = await server.inject({ url });
      // inject resolves `%2e%2e/` like a browser would, and the resolved path may be the catch-all
      // page; what matters is that no file comes back.
      const type = String(response.headers['content-type']);
      if (response.statusCode === 200) assert.equal(type, 'text/html; charset=utf-8');
      else {
        assert.ok([400, 404].includes(response.statusCode), `${response.statusCode} ${response.body.slice(0, 80)}`);
        assert.equal(type, 'application/json; charset=utf-8');
        assert.equal(response.headers['x-frame-options'], 'DENY');
      }
      assert.ok(!leaked(response.body));
    });
  }

  it('refuses literal ../ over a raw socket (no client-side normalisation)', async () => {
    await server.listen({ port: 0, host: '127.0.0.1' });
    const address = server.server.address();
    assert.ok(address !== null && typeof address === 'object');
    const raw = async (target: string): Promise<string> =>
      new Promise((resolve, reject) => {
        const socket = connect(address.port, '127.0.0.1');
        let data = '';
        socket.on('data', (chunk) => (data += chunk.toString()));
        socket.on('end', () => resolve(data));
        socket.on('error', reject);
        socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
      });
    for (const target of [
      `${base}/dash_ts/../../package.json`,
      `${base}/dash_ts/chunks/../${FAKE.unlisted}`,
      `${base}/test_lib/../test_lib/private.js`,
      `${base}/test_lib/deps/../private.js`,
    ]) {
      const response = await raw(target);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1]);
      // The catch-all may answer a normalised path with the page; a file must never come back.
      assert.ok([200, 400, 404].includes(status), response.slice(0, 200));
      if (status === 200) assert.match(response, /content-type: text\/html/i);
      assert.ok(!leaked(response), target);
    }
  });
});
