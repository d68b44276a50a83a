// Checklist "Pages" (spec/callbacks.md §10, §15 C142–C146): the router in Chromium (links navigate
// without a reload, titles, redirects, 404), the router's arguments in process, meta tags over HTTP.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import Fastify from 'fastify';
import type { Browser } from 'playwright-core';
import { Dash, DashError, html, page_container, State } from 'dash-ts';
import { eventually, launchBrowser, openPage, serveApp } from '../browser/harness.js';
import type { ServedApp } from '../browser/harness.js';
import { createPagesApp } from './apps/pages/app.js';
import { inProcess } from './harness.js';

/** The browser globals the page functions below use (this file compiles without the DOM lib). */
interface PageWindow {
  document: { title: string; getElementById(id: string): { textContent: string | null } | null };
  location: { pathname: string; search: string };
  __marker?: string;
}
declare const window: PageWindow;

let browser: Browser;
let served: ServedApp;

before(async () => {
  browser = await launchBrowser();
  served = await serveApp(createPagesApp().app);
});

after(async () => {
  await served.close();
  await browser.close();
});

test('C142 ADR 0013: links navigate between pages without a reload, with titles, templates, query strings, redirects, 404 and update_title', async () => {
  const opened = await openPage(browser, served.url);
  const { page, problems } = opened;
  try {
    const text = (id: string) => page.evaluate((i) => window.document.getElementById(i)?.textContent ?? null, id);
    const title = () => page.evaluate(() => window.document.title);
    await eventually(() => text('home'), 'home page', 'the / page renders');
    await eventually(title, 'Pages app', 'a page without title takes the app title');
    // A marker on the window survives in-app navigation only (a reload would drop it).
    await page.evaluate(() => {
      window.__marker = 'same document';
    });

    await page.click('#to-about');
    await eventually(() => text('about'), 'about page', '/about renders');
    await eventually(title, 'About us', 'the page title is set');
    assert.equal(await page.evaluate(() => window.location.pathname), '/about');

    await page.click('#to-report');
    await eventually(
      async () => JSON.parse((await text('report')) ?? 'null') as unknown,
      { id: '42', x: ['1', '2'], y: 'z', lang: 'en', theme: 'dark' },
      'path variables, query parameters (repeated → list) and routing inputs reach the layout function',
    );
    await eventually(title, 'Report 42', 'a title function gets the path variables');

    await page.click('#to-slow');
    await eventually(title, 'Updating...', 'update_title shows while the router runs');
    await eventually(() => text('slow'), 'slow page', 'the slow page renders');
    await eventually(title, 'Slow page', 'the page title replaces update_title afterwards');

    await page.click('#to-nowhere');
    await eventually(() => text('custom-404'), 'nothing here', 'an unknown path shows the not_found_404 page');

    await page.goBack();
    await eventually(() => text('slow'), 'slow page', 'history back routes to the previous page');

    assert.equal(await page.evaluate(() => window.__marker), 'same document', 'no navigation reloaded the document');

    // redirect_from: a server-side 301 to the page.
    await page.goto(`${served.url}old-about`);
    await eventually(() => text('about'), 'about page', '/old-about redirects to /about');
    assert.equal(await page.evaluate(() => window.location.pathname), '/about');

    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.cspViolations, []);
    assert.deepEqual(problems.consoleErrors, []);
  } finally {
    await opened.close();
  }
});

test('C142: the default 404 page and a redirect answer over HTTP', async () => {
  const app = new Dash({ title: 'Plain' });
  app.registerPage({ path: '/', layout: html.Div('home'), redirect_from: ['/start', '/begin'] });
  const client = await inProcess(app);
  try {
    assert.deepEqual(client.runtime.store.getProp('_pages_content', 'children'), undefined, 'no initial routing call');
    client.edit('_pages_location', { pathname: '/missing', search: '' });
    await client.settle();
    const content = client.prop('_pages_content', 'children') as { type: string; props: { children: unknown } };
    assert.equal(content.type, 'H1');
    assert.equal(content.props.children, '404 - Page not found');
    assert.deepEqual(client.prop('_pages_store', 'data'), { title: 'Plain' }, 'the 404 page has the app title');
    for (const from of ['/start', '/begin']) {
      const res = await client.server.inject({ method: 'GET', url: from });
      assert.equal(res.statusCode, 301);
      assert.equal(res.headers['location'], '/');
    }
    // Without an app layout, the layout is page_container itself.
    const layout = (await client.server.inject({ method: 'GET', url: '/_dash-layout' })).json<unknown>();
    assert.deepEqual(layout, JSON.parse(JSON.stringify(page_container)));
  } finally {
    await client.close();
  }
});

test('C142 C143: under a mount prefix, redirects and meta tags use the prefixed paths', async () => {
  const { app } = createPagesApp();
  const host = Fastify({ logger: false });
  try {
    await host.register(app.plugin(), { prefix: '/dash' });
    const redirect = await host.inject({ method: 'GET', url: '/dash/old-about' });
    assert.equal(redirect.statusCode, 301);
    assert.equal(redirect.headers['location'], '/dash/about');
    const page = await host.inject({ method: 'GET', url: '/dash/report/5' });
    assert.match(page.body, /<meta property="og:title" content="Report 5">/);
    assert.match(page.body, /<meta property="og:image" content="https:\/\/example\.com\/report\.png">/);
  } finally {
    await host.close();
  }
});

test('C145: routing_callback_inputs — an Input re-renders the page, a State is only read when routing', async () => {
  const { app, calls } = createPagesApp();
  const client = await inProcess(app);
  // The validation layout (§10.4) calls every page layout once with no arguments; count routed calls.
  const routed = () => calls.report.filter((args) => 'id' in args);
  try {
    assert.equal(routed().length, 0);
    client.edit('_pages_location', { pathname: '/report/7', search: '?q=a' });
    await client.settle();
    assert.deepEqual(routed().at(-1), { id: '7', q: 'a', lang: 'en', theme: 'dark' });
    assert.deepEqual(client.prop('_pages_store', 'data'), { title: 'Report 7' });

    client.edit('lang', { value: 'fr' });
    await client.settle();
    assert.equal(routed().length, 2, 'changing an Input routes again');
    assert.deepEqual(routed().at(-1), { id: '7', q: 'a', lang: 'fr', theme: 'dark' });

    client.edit('theme', { value: 'light' });
    await client.settle();
    assert.equal(routed().length, 2, 'changing a State does not route');

    client.edit('_pages_location', { search: '' });
    await client.settle();
    assert.equal(routed().length, 3);
    assert.deepEqual(routed().at(-1), { id: '7', lang: 'fr', theme: 'light' }, 'the State is read when routing');
    assert.deepEqual(client.errors, []);
  } finally {
    await client.close();
  }
});

test('C143: page meta tags are rendered server-side for the requested page', async () => {
  const { app } = createPagesApp();
  const server = await app.server({ logger: false });
  try {
    const metas = async (url: string): Promise<Record<string, string>> => {
      const res = await server.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 200);
      const out: Record<string, string> = {};
      for (const m of res.body.matchAll(/<meta (name|property)="([^"]+)" content="([^"]*)">/g)) {
        out[m[2] ?? ''] = m[3] ?? '';
      }
      return out;
    };
    const about = await metas('/about');
    assert.equal(about['description'], 'All about us');
    assert.equal(about['og:title'], 'About us');
    assert.equal(about['twitter:title'], 'About us');
    assert.equal(about['og:description'], 'All about us');
    assert.equal(about['twitter:card'], 'summary_large_image');
    assert.equal(about['og:type'], 'website');
    assert.equal(about['twitter:url'], 'http://localhost:80/about');
    assert.equal(
      about['og:image'],
      'http://localhost:80/assets/logo.svg',
      'default image: logo.* in the assets folder',
    );

    const home = await metas('/');
    assert.equal(home['og:title'], 'Pages app', 'default title: the app title');
    assert.equal(home['description'], 'An app with pages', 'default description: the app description');

    const report = await metas('/report/9?x=1');
    assert.equal(report['og:title'], 'Report 9');
    assert.equal(report['description'], 'The report &quot;9&quot;');
    assert.equal(report['og:image'], 'https://example.com/report.png', 'image_url wins');
    assert.equal(report['twitter:url'], 'http://localhost:80/report/9?x=1');
  } finally {
    await server.close();
  }
});

test('C143: meta tags built from the request and page data are escaped (no injected markup, CSP intact)', async () => {
  const { app } = createPagesApp();
  const server = await app.server({ logger: false });
  try {
    const plain = await server.inject({ method: 'GET', url: '/about' });
    // The path variable is percent-decoded before the title/description functions see it.
    const attack = encodeURIComponent(`"><img src=x onerror=alert(1)>'`);
    const res = await server.inject({
      method: 'GET',
      url: `/report/${attack}?q="><script>alert(2)</script>`,
      headers: { host: 'evil.example"><script>alert(3)</script>' },
    });
    assert.equal(res.statusCode, 200);
    const body = res.body;
    assert.doesNotMatch(body, /<img/, 'no <img> from the path');
    assert.doesNotMatch(body, /<script>alert/, 'no script from the query or the Host header');
    assert.match(body, /content="Report &quot;&gt;&lt;img src=x onerror=alert\(1\)&gt;&#39;"/, 'title escaped');
    assert.match(
      body,
      /property="twitter:url" content="http:\/\/evil\.example&quot;&gt;&lt;script&gt;/,
      'Host escaped',
    );
    // Every <script> in the page is still one of ours, with the nonce.
    const scripts = [...body.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    for (const tag of scripts) assert.match(tag, /id="_dash-config"|nonce="/, tag);
    assert.equal(scripts.length, [...plain.body.matchAll(/<script\b[^>]*>/g)].length, 'no extra script tags');
    const csp = res.headers['content-security-policy'];
    assert.equal(typeof csp, 'string');
    assert.equal(
      String(csp).replace(/'nonce-[^']+'/g, 'N'),
      String(plain.headers['content-security-policy']).replace(/'nonce-[^']+'/g, 'N'),
      'the same CSP as any page',
    );
  } finally {
    await server.close();
  }
});

test('C144: a page without a layout fails at registration, naming the page', () => {
  const app = new Dash();
  assert.throws(
    () => app.registerPage({ path: '/reports' } as unknown as Parameters<Dash['registerPage']>[0]),
    (error: unknown) =>
      error instanceof DashError &&
      error.code === 'DASH_ERR_LAYOUT' &&
      /"pages\.reports" \(\/reports\) has no layout/.test(error.message),
  );
  assert.throws(
    () => new Dash({ pages: [{ path: '/x', layout: undefined }] }),
    (error: unknown) => error instanceof DashError && /has no layout/.test(error.message),
  );
});

test('C144: an app layout without page_container fails when the server starts', async () => {
  const app = new Dash();
  app.layout = html.Div('no container');
  app.registerPage({ path: '/', layout: html.Div('home') });
  await assert.rejects(app.server({ logger: false }), /must contain page_container/);
});

test('C146: registry order — numeric orders, then string orders, then none; ties by module', () => {
  const app = new Dash();
  const layout = html.Div('x');
  app.registerPage({ module: 'pages.c', path: '/c', order: 2, layout });
  app.registerPage({ module: 'pages.b', path: '/b', order: 'b', layout });
  app.registerPage({ module: 'pages.z', path: '/z', layout });
  app.registerPage({ module: 'pages.a', path: '/a', order: 1, layout });
  app.registerPage({ module: 'pages.y', path: '/y', order: 'a', layout });
  app.registerPage({ module: 'pages.x', path: '/x', layout });
  app.registerPage({ module: 'pages.d', path: '/d', order: 10, layout });
  assert.deepEqual(
    [...app.page_registry.keys()],
    ['pages.a', 'pages.c', 'pages.d', 'pages.y', 'pages.b', 'pages.x', 'pages.z'],
  );

  // Without any order, `/` comes first (order 0); inference of module, name and title.
  const plain = new Dash();
  plain.registerPage({ path: '/weekly-analytics', layout });
  plain.registerPage({ path: '/', layout });
  plain.registerPage({ path_template: '/report/<id>', layout });
  const entries = [...plain.page_registry.values()];
  assert.deepEqual(
    entries.map((p) => [p.module, p.path, p.name, p.title, p.order]),
    [
      ['pages.home', '/', 'Home', 'Home', 0],
      ['pages.report.id', '/report/none', 'Id', 'Id', null],
      ['pages.weekly_analytics', '/weekly-analytics', 'Weekly analytics', 'Weekly analytics', null],
    ],
  );
  assert.throws(() => plain.registerPage({ path: '/', module: 'pages.other', layout }), /duplicate path "\/"/);
});

test('C145: routing_callback_inputs accept only Input or State', async () => {
  const app = new Dash({
    routing_callback_inputs: { bad: 'nope' as unknown as ReturnType<typeof State> },
  });
  app.registerPage({ path: '/', layout: html.Div('home') });
  await assert.rejects(app.server({ logger: false }), /routing_callback_inputs\.bad must be an Input/);
  // A State-only routing input is fine.
  const ok = new Dash({ routing_callback_inputs: { s: State('s', 'value') } });
  ok.registerPage({ path: '/', layout: html.Div('home') });
  await (await ok.server({ logger: false })).close();
});
