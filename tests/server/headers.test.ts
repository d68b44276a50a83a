// The header set of spec/security.md §6.3 on every response class: pages, JSON, files, 204, 304,
// and every error status. HSTS only over TLS.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Fastify from 'fastify';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { Dash, html, Input, Output, PreventUpdate } from 'dash-ts';
import { FAKE, makeFakeBundle } from './helpers.js';

let root = '';
let bundle: Awaited<ReturnType<typeof makeFakeBundle>>;
let server: FastifyInstance;

const callback = (value: unknown) => ({
  output: 'out.children',
  outputs: { id: 'out', property: 'children' },
  inputs: [{ id: 'in', property: 'value', value }],
  changedPropIds: [],
});

before(async () => {
  bundle = await makeFakeBundle();
  root = await mkdtemp(path.join(tmpdir(), 'dash-ts-headers-'));
  await mkdir(path.join(root, 'assets'));
  await writeFile(path.join(root, 'assets', 'site.css'), 'body{}');
  await writeFile(path.join(root, 'lib.js'), 'window.lib = 1;');
  const app = new Dash({ assets_folder: path.join(root, 'assets'), body_limit: 2048 });
  app.layout = html.Div();
  app.registerComponentPackage({ name: 'lib', version: '1.0.0', root, files: ['lib.js'] });
  app.callback(Output('out', 'children'), Input('in', 'value'), (v) => {
    if (v === 'stop') throw new PreventUpdate();
    if (v === 'fail') throw new Error('boom');
    return 'ok';
  });
  server = await app.server({ bundleDir: bundle.dir, logger: false });
});
after(async () => {
  await server.close();
  await bundle.cleanup();
  await rm(root, { recursive: true, force: true });
});

const suites = '/_dash-component-suites/dash_ts';
const classes: { name: string; request: InjectOptions; status: number; cache: RegExp }[] = [
  { name: 'index page', request: { url: '/' }, status: 200, cache: /^no-store$/ },
  { name: 'catch-all page', request: { url: '/deep/link' }, status: 200, cache: /^no-store$/ },
  { name: 'layout JSON', request: { url: '/_dash-layout' }, status: 200, cache: /^no-store$/ },
  { name: 'dependencies JSON', request: { url: '/_dash-dependencies' }, status: 200, cache: /^no-store$/ },
  {
    name: 'callback 200',
    request: { method: 'POST', url: '/_dash-update-component', payload: callback(1) },
    status: 200,
    cache: /^no-store$/,
  },
  {
    name: 'callback 204',
    request: { method: 'POST', url: '/_dash-update-component', payload: callback('stop') },
    status: 204,
    cache: /^no-store$/,
  },
  {
    name: 'fingerprinted suite file',
    request: { url: `${suites}/main-ABCD2345.v0_1_0m1.js` },
    status: 200,
    cache: /^public, max-age=31536000, immutable$/,
  },
  { name: 'hashed chunk', request: { url: `${suites}/${FAKE.chunk}` }, status: 200, cache: /immutable/ },
  { name: 'asset file', request: { url: '/assets/site.css' }, status: 200, cache: /max-age/ },
  { name: 'favicon', request: { url: '/_favicon.ico' }, status: 200, cache: /max-age=86400/ },
  { name: 'health', request: { url: '/health' }, status: 200, cache: /^no-store$/ },
  {
    name: '400 bad JSON',
    request: {
      method: 'POST',
      url: '/_dash-update-component',
      headers: { 'content-type': 'application/json' },
      payload: '{',
    },
    status: 400,
    cache: /^no-store$/,
  },
  { name: '400 undecodable URL', request: { url: '/reports/%c0' }, status: 400, cache: /^no-store$/ },
  { name: '404 unknown file', request: { url: `${suites}/nope.js` }, status: 404, cache: /^no-store$/ },
  { name: '404 unknown asset', request: { url: '/assets/nope.css' }, status: 404, cache: /^no-store$/ },
  { name: '404 unknown route', request: { method: 'POST', url: '/nowhere' }, status: 404, cache: /^no-store$/ },
  {
    name: '404 unknown callback',
    request: { method: 'POST', url: '/_dash-update-component', payload: { ...callback(1), output: 'x.y' } },
    status: 404,
    cache: /^no-store$/,
  },
  { name: '405', request: { url: '/_dash-update-component' }, status: 405, cache: /^no-store$/ },
  {
    name: '413',
    request: { method: 'POST', url: '/_dash-update-component', payload: callback('x'.repeat(4000)) },
    status: 413,
    cache: /^no-store$/,
  },
  {
    name: '415',
    request: {
      method: 'POST',
      url: '/_dash-update-component',
      headers: { 'content-type': 'text/plain' },
      payload: 'x',
    },
    status: 415,
    cache: /^no-store$/,
  },
  {
    name: '500',
    request: { method: 'POST', url: '/_dash-update-component', payload: callback('fail') },
    status: 500,
    cache: /^no-store$/,
  },
];

const nonceText = '[A-Za-z0-9+/]{22}==';

/** The CSP of §6.3, directive by directive, with the response's nonce. */
function checkCsp(header: unknown): string {
  assert.equal(typeof header, 'string');
  const directives = (header as string).split(';').map((d) => d.trim());
  const nonce = new RegExp(`^script-src 'nonce-(${nonceText})' 'strict-dynamic'$`).exec(directives[1] ?? '')?.[1];
  assert.ok(nonce !== undefined, `script-src with a nonce: ${String(header)}`);
  assert.deepEqual(directives, [
    "default-src 'none'",
    `script-src 'nonce-${nonce}' 'strict-dynamic'`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ]);
  assert.equal(Buffer.from(nonce, 'base64').length, 16, '128-bit nonce');
  return nonce;
}

function checkBaseline(response: LightMyRequestResponse): void {
  const h = response.headers;
  checkCsp(h['content-security-policy']);
  assert.equal(h['x-content-type-options'], 'nosniff');
  assert.equal(h['referrer-policy'], 'no-referrer');
  assert.equal(h['cross-origin-opener-policy'], 'same-origin');
  assert.equal(h['cross-origin-resource-policy'], 'same-origin');
  assert.equal(h['x-frame-options'], 'DENY');
  assert.equal(h['permissions-policy'], 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
  assert.equal(h['server'], undefined);
  assert.equal(h['x-powered-by'], undefined);
  assert.equal(h['strict-transport-security'], undefined, 'no HSTS over plain HTTP');
}

describe('security headers on every response class', () => {
  for (const c of classes) {
    it(`${c.name} (${c.status})`, async () => {
      const response = await server.inject(c.request);
      assert.equal(response.statusCode, c.status, response.body);
      checkBaseline(response);
      assert.match(String(response.headers['cache-control']), c.cache);
      if (response.body.length > 0 && !/^image\//.test(String(response.headers['content-type']))) {
        assert.match(String(response.headers['content-type']), /charset=utf-8/i);
      }
    });
  }

  it('304 for an unchanged unfingerprinted file', async () => {
    const first = await server.inject({ url: '/_dash-component-suites/lib/lib.js' });
    assert.equal(first.statusCode, 200);
    checkBaseline(first);
    assert.equal(first.headers['cache-control'], 'no-cache');
    const second = await server.inject({
      url: '/_dash-component-suites/lib/lib.js',
      headers: { 'if-none-match': String(first.headers['etag']) },
    });
    assert.equal(second.statusCode, 304);
    checkBaseline(second);
    assert.equal(second.headers['cache-control'], 'no-cache');
  });

  it('a fresh nonce per response, the same in the CSP and on every script of the page', async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 5; i += 1) {
      const response = await server.inject({ url: '/' });
      const nonce = checkCsp(response.headers['content-security-policy']);
      nonces.add(nonce);
      const scriptNonces = [...response.body.matchAll(/<script[^>]* nonce="([^"]+)"/g)].map((m) => m[1]);
      assert.ok(scriptNonces.length >= 1);
      for (const n of scriptNonces) assert.equal(n, nonce);
    }
    assert.equal(nonces.size, 5);
  });
});

describe('HSTS over TLS', () => {
  let dir = '';
  let hasOpenssl = true;
  before(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'dash-ts-tls-'));
    try {
      execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-keyout',
          path.join(dir, 'key.pem'),
          '-out',
          path.join(dir, 'cert.pem'),
          '-days',
          '1',
          '-subj',
          '/CN=127.0.0.1',
        ],
        { stdio: 'ignore' },
      );
    } catch {
      hasOpenssl = false;
    }
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('is sent when the request came over TLS', async () => {
    // .ci/run installs openssl; a machine without it fails here rather than skipping silently.
    assert.ok(hasOpenssl, 'openssl is needed to make the test certificate (apt-get install -y openssl)');
    const host = Fastify({
      https: { key: await readFile(path.join(dir, 'key.pem')), cert: await readFile(path.join(dir, 'cert.pem')) },
      logger: false,
    });
    const app = new Dash();
    app.layout = html.Div();
    await host.register(app.plugin({ bundleDir: bundle.dir }), { prefix: '/dash' });
    await host.listen({ port: 0, host: '127.0.0.1' });
    const address = host.server.address();
    assert.ok(address !== null && typeof address === 'object');
    const headers = await new Promise<Record<string, unknown>>((resolve, reject) => {
      const req = httpsRequest(
        { host: '127.0.0.1', port: address.port, path: '/dash/_dash-layout', rejectUnauthorized: false },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.headers));
        },
      );
      req.on('error', reject);
      req.end();
    });
    assert.equal(headers['strict-transport-security'], 'max-age=63072000; includeSubDomains');
    assert.equal(headers['x-frame-options'], 'DENY');
    await host.close();
  });
});
