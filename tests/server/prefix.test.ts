// Prefixes (spec/protocol-core.md §1.10): routes are mounted at routes_pathname_prefix, every URL
// written into the page uses requests_pathname_prefix; and the plugin inside someone else's Fastify.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { Dash, html, Input, Output } from 'dash-ts';
import { makeFakeBundle, serve } from './helpers.js';

let bundle: Awaited<ReturnType<typeof makeFakeBundle>>;
before(async () => {
  bundle = await makeFakeBundle();
});
after(() => bundle.cleanup());

function makeApp(options: ConstructorParameters<typeof Dash>[0] = {}): Dash {
  const app = new Dash(options);
  app.layout = html.Div({ id: 'root' });
  app.callback(Output('out', 'children'), Input('in', 'value'), (v) => `got ${String(v)}`);
  return app;
}

const call = {
  output: 'out.children',
  outputs: { id: 'out', property: 'children' },
  inputs: [{ id: 'in', property: 'value', value: 1 }],
  changedPropIds: [],
};

function configOf(page: string): { requests_pathname_prefix: string; url_base_pathname: string | null } {
  const text = /<script id="_dash-config" type="application\/json">([\s\S]*?)<\/script>/.exec(page)?.[1] ?? '';
  return JSON.parse(text) as { requests_pathname_prefix: string; url_base_pathname: string | null };
}

/** Every URL the page points at (href/src). */
function urlsOf(page: string): string[] {
  return [...page.matchAll(/(?:href|src)="([^"]+)"/g)].map((m) => m[1] ?? '');
}

describe('routes_pathname_prefix and requests_pathname_prefix', () => {
  it('url_base_pathname moves both', async () => {
    const server = await serve(makeApp({ url_base_pathname: '/app/' }), bundle.dir);
    const page = await server.inject({ url: '/app/' });
    assert.equal(page.statusCode, 200);
    assert.deepEqual(configOf(page.body), {
      ...configOf(page.body),
      requests_pathname_prefix: '/app/',
      url_base_pathname: '/app/',
    });
    for (const url of urlsOf(page.body)) assert.ok(url.startsWith('/app/'), url);
    assert.equal((await server.inject({ url: '/app/_dash-layout' })).statusCode, 200);
    assert.equal((await server.inject({ url: '/app/deep/link' })).statusCode, 200);
    assert.equal(
      (await server.inject({ method: 'POST', url: '/app/_dash-update-component', payload: call })).statusCode,
      200,
    );
    assert.equal((await server.inject({ url: '/app/health' })).body, 'OK');
    // Outside the prefix: JSON 404 with the same headers.
    const outside = await server.inject({ url: '/_dash-layout' });
    assert.equal(outside.statusCode, 404);
    assert.equal(outside.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(outside.headers['x-frame-options'], 'DENY');
    assert.match(String(outside.headers['content-security-policy']), /default-src 'none'/);
    // Files under the prefix.
    const entry = urlsOf(page.body).find((u) => u.includes('main-ABCD2345'));
    assert.equal((await server.inject({ url: entry ?? '' })).statusCode, 200);
    await server.close();
  });

  it('behind a path-stripping proxy: routes at /, URLs under the requests prefix', async () => {
    const server = await serve(
      makeApp({ routes_pathname_prefix: '/', requests_pathname_prefix: '/proxy/dash/' }),
      bundle.dir,
    );
    const page = await server.inject({ url: '/' });
    assert.equal(configOf(page.body).requests_pathname_prefix, '/proxy/dash/');
    assert.equal(configOf(page.body).url_base_pathname, null);
    for (const url of urlsOf(page.body)) assert.ok(url.startsWith('/proxy/dash/'), url);
    // The routes themselves are at the root.
    const entry = urlsOf(page.body).find((u) => u.includes('main-ABCD2345')) ?? '';
    assert.equal((await server.inject({ url: entry.replace('/proxy/dash/', '/') })).statusCode, 200);
    assert.equal((await server.inject({ url: '/_dash-layout' })).statusCode, 200);
    await server.close();
  });

  it('adds the missing slashes of a prefix', async () => {
    const server = await serve(makeApp({ routes_pathname_prefix: 'x', requests_pathname_prefix: '/y' }), bundle.dir);
    assert.equal(configOf((await server.inject({ url: '/x/' })).body).requests_pathname_prefix, '/y/');
    await server.close();
  });
});

describe('the plugin inside an existing Fastify server', () => {
  let host: FastifyInstance;
  let hostRouteCalls = 0;
  before(async () => {
    host = Fastify({ logger: false });
    host.get('/', () => ({ host: true }));
    host.post('/echo', (request) => ({ body: request.body }));
    host.setNotFoundHandler((_request, reply) => reply.code(404).send('host 404'));
    host.setErrorHandler((error, _request, reply) => reply.code(500).send(`host error: ${(error as Error).message}`));
    host.get('/fail', () => {
      hostRouteCalls += 1;
      throw new Error('host failure');
    });
    await host.register(makeApp().plugin({ bundleDir: bundle.dir }), { prefix: '/dash' });
    await host.register(makeApp({ requests_pathname_prefix: '/public/' }).plugin({ bundleDir: bundle.dir }), {
      prefix: '/other',
    });
  });
  after(() => host.close());

  it('serves the app under the prefix and writes that prefix into the page', async () => {
    for (const url of ['/dash', '/dash/', '/dash/reports/1']) {
      const page = await host.inject({ url });
      assert.equal(page.statusCode, 200, url);
      assert.equal(configOf(page.body).requests_pathname_prefix, '/dash/');
      for (const u of urlsOf(page.body)) assert.ok(u.startsWith('/dash/'), u);
    }
    assert.deepEqual((await host.inject({ url: '/dash/_dash-layout' })).json(), {
      type: 'Div',
      namespace: 'dash_html_components',
      props: { id: 'root' },
    });
    assert.equal((await host.inject({ url: '/dash/_dash-dependencies' })).json<unknown[]>().length, 1);
    const update = await host.inject({ method: 'POST', url: '/dash/_dash-update-component', payload: call });
    assert.deepEqual(update.json(), { multi: true, response: { out: { children: 'got 1' } } });
    const page = (await host.inject({ url: '/dash/' })).body;
    const entry = urlsOf(page).find((u) => u.includes('main-ABCD2345')) ?? '';
    assert.equal((await host.inject({ url: entry })).statusCode, 200);
    assert.equal((await host.inject({ url: '/dash/_favicon.ico' })).statusCode, 200);
  });

  it('lets requests_pathname_prefix override the mount prefix in the page', async () => {
    const page = await host.inject({ url: '/other/' });
    assert.equal(configOf(page.body).requests_pathname_prefix, '/public/');
    for (const u of urlsOf(page.body)) assert.ok(u.startsWith('/public/'), u);
  });

  it("keeps its policies in its own scope, and the host's in the host's", async () => {
    // The host's routes: no Dash headers, its own parsers, 404 and error handlers.
    const hostRoot = await host.inject({ url: '/' });
    assert.deepEqual(hostRoot.json(), { host: true });
    assert.equal(hostRoot.headers['content-security-policy'], undefined);
    const echo = await host.inject({
      method: 'POST',
      url: '/echo',
      headers: { 'content-type': 'text/plain' },
      payload: 'hello',
    });
    assert.deepEqual(echo.json(), { body: 'hello' });
    assert.equal((await host.inject({ url: '/nowhere' })).body, 'host 404');
    assert.equal((await host.inject({ url: '/fail' })).body, 'host error: host failure');
    assert.equal(hostRouteCalls, 1);

    // The app's scope: headers, JSON-only bodies, JSON errors.
    const layout = await host.inject({ url: '/dash/_dash-layout' });
    assert.match(String(layout.headers['content-security-policy']), /script-src 'nonce-/);
    assert.equal(layout.headers['cache-control'], 'no-store');
    const plain = await host.inject({
      method: 'POST',
      url: '/dash/_dash-update-component',
      headers: { 'content-type': 'text/plain' },
      payload: JSON.stringify(call),
    });
    assert.equal(plain.statusCode, 415);
    assert.equal(plain.json<{ code: string }>().code, 'DASH_ERR_UNSUPPORTED_MEDIA_TYPE');
    const missing = await host.inject({ method: 'POST', url: '/dash/nowhere' });
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json<{ code: string }>().code, 'DASH_ERR_NOT_FOUND');
    assert.equal(missing.headers['x-frame-options'], 'DENY');
  });

  it('works mounted without a prefix next to a host 404 handler', async () => {
    const bare = Fastify({ logger: false });
    bare.setNotFoundHandler((_request, reply) => reply.code(404).send('host 404'));
    await bare.register(makeApp().plugin({ bundleDir: bundle.dir }));
    const page = await bare.inject({ url: '/' });
    assert.equal(page.statusCode, 200);
    assert.equal(configOf(page.body).requests_pathname_prefix, '/');
    assert.equal(
      (await bare.inject({ method: 'POST', url: '/_dash-update-component', payload: call })).statusCode,
      200,
    );
    await bare.close();
  });

  it('reports a missing browser bundle when the host starts', async () => {
    const broken = Fastify({ logger: false });
    await assert.rejects(
      async () => {
        await broken.register(makeApp().plugin({ bundleDir: '/nonexistent/dist/browser' }), { prefix: '/dash' });
      },
      (error: Error & { code?: string }) =>
        error.code === 'DASH_ERR_BROWSER_BUNDLE' && /npm run build/.test(error.message),
    );
    await broken.close().catch(() => undefined);
  });
});
