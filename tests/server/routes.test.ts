// Every route of spec/protocol-core.md §1 through HTTP (`app.server()` + `inject`).
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { Dash, html, Input, noUpdate, Output } from 'dash-ts';
import { FAKE, makeFakeBundle, serve, writeFakeBundle } from './helpers.js';

let bundle: Awaited<ReturnType<typeof makeFakeBundle>>;
before(async () => {
  bundle = await makeFakeBundle();
});
after(() => bundle.cleanup());

function configOf(page: string): Record<string, unknown> {
  const text = /<script id="_dash-config" type="application\/json">([\s\S]*?)<\/script>/.exec(page)?.[1];
  assert.ok(text !== undefined, 'the page has a _dash-config block');
  return JSON.parse(text) as Record<string, unknown>;
}

describe('index page and catch-all', () => {
  let server: FastifyInstance;
  before(async () => {
    const app = new Dash({ title: 'Sales & <Ops>', meta_tags: [{ name: 'description', content: 'a "quoted" page' }] });
    app.layout = html.Div('hi');
    server = await serve(app, bundle.dir);
  });
  after(() => server.close());

  it('serves the same HTML at the prefix and at any other GET path', async () => {
    const root = await server.inject({ url: '/' });
    assert.equal(root.statusCode, 200);
    assert.equal(root.headers['content-type'], 'text/html; charset=utf-8');
    for (const url of ['/reports/2024', '/a/b/c?x=1', '/_dash-layout/extra']) {
      const deep = await server.inject({ url });
      assert.equal(deep.statusCode, 200, url);
      assert.equal(deep.headers['content-type'], 'text/html; charset=utf-8');
      assert.match(deep.body, /id="react-entry-point"/);
    }
    const head = await server.inject({ method: 'HEAD', url: '/somewhere' });
    assert.equal(head.statusCode, 200);
  });

  it('writes the page as protocol-core.md §2 asks, adapted to the CSP', async () => {
    const page = (await server.inject({ url: '/' })).body;
    assert.ok(page.startsWith('<!DOCTYPE html>'));
    assert.match(page, /<meta charset="UTF-8">/);
    assert.match(page, /<meta name="viewport" content="width=device-width, initial-scale=1">/);
    assert.match(page, /<meta http-equiv="X-UA-Compatible" content="IE=edge">/);
    assert.match(page, /<meta name="description" content="a &quot;quoted&quot; page">/);
    assert.match(page, /<title>Sales &amp; &lt;Ops&gt;<\/title>/);
    assert.match(page, /<link rel="icon" type="image\/x-icon" href="\/_favicon.ico\?v=\d+\.\d+\.\d+[^"]*">/);
    assert.match(page, /<div id="react-entry-point"><div class="_dash-loading">Loading...<\/div><\/div>/);
    assert.match(
      page,
      /<link rel="stylesheet" href="\/_dash-component-suites\/dash_ts\/main-EFGH2345\.v[\w-]+m\d+\.css">/,
    );
    assert.match(
      page,
      /<script type="module" nonce="[A-Za-z0-9+/=]{24}" src="\/_dash-component-suites\/dash_ts\/main-ABCD2345\.v[\w-]+m\d+\.js"><\/script>/,
    );
    // No inline executable script: every <script> is external or the JSON data block.
    for (const [, attributes, body] of page.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
      if (attributes?.includes('type="application/json"')) continue;
      assert.equal(body, '');
    }
  });

  it('embeds a complete _dash-config', async () => {
    const config = configOf((await server.inject({ url: '/' })).body);
    assert.deepEqual(Object.keys(config).sort(), [
      'children_props',
      'csrf_header_name',
      'csrf_token_name',
      'dash_version',
      'ddk_version',
      'disable_version_check',
      'persisted_props',
      'plotly_cloud_installed',
      'plotly_version',
      'props_check',
      'python_version',
      'requests_pathname_prefix',
      'serve_locally',
      'show_undo_redo',
      'suppress_callback_exceptions',
      'ui',
      'update_title',
      'url_base_pathname',
      'validate_callbacks',
    ]);
    assert.equal(config['requests_pathname_prefix'], '/');
    assert.equal(config['url_base_pathname'], null);
    assert.equal(config['ui'], false);
    assert.equal(config['update_title'], 'Updating...');
    assert.equal(config['csrf_token_name'], '_csrf_token');
    assert.equal(config['csrf_header_name'], 'X-CSRFToken');
    assert.equal(typeof config['children_props'], 'object');
    assert.deepEqual(
      (config['persisted_props'] as Record<string, Record<string, unknown>>)['dash_core_components']?.['Input'],
      ['value'],
    );
  });

  it('escapes user strings inside _dash-config so they cannot close the block', async () => {
    const app = new Dash({ update_title: '</script><script>alert(1)</script>' });
    app.layout = html.Div();
    const s = await serve(app, bundle.dir);
    const page = (await s.inject({ url: '/' })).body;
    assert.doesNotMatch(page, /alert\(1\)<\/script>/);
    assert.equal(configOf(page)['update_title'], '</script><script>alert(1)</script>');
    await s.close();
  });
});

describe('_dash-layout', () => {
  it('calls a layout function once per request', async () => {
    let calls = 0;
    const app = new Dash();
    app.layout = () => {
      calls += 1;
      return html.Div({ id: 'n', children: `load ${calls}` });
    };
    const s = await serve(app, bundle.dir);
    const first = await s.inject({ url: '/_dash-layout' });
    const second = await s.inject({ url: '/_dash-layout' });
    assert.equal(first.statusCode, 200);
    assert.equal(first.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(first.json<{ props: { children: string } }>().props.children, 'load 1');
    assert.equal(second.json<{ props: { children: string } }>().props.children, 'load 2');
    assert.equal(calls, 2);
    await s.close();
  });

  it('accepts async layout functions and static layouts', async () => {
    const app = new Dash();
    app.layout = async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return html.Div({ id: 'async' });
    };
    const s = await serve(app, bundle.dir);
    assert.deepEqual((await s.inject({ url: '/_dash-layout' })).json(), {
      type: 'Div',
      namespace: 'dash_html_components',
      props: { id: 'async' },
    });
    await s.close();
  });

  it('never sends bare NaN/Infinity and writes noUpdate as Dash does', async () => {
    const app = new Dash();
    app.layout = html.Div({ id: 'x', children: [NaN, Infinity, -Infinity, 1.5] });
    (app.layout as { props: Record<string, unknown> }).props['data-extra'] = noUpdate;
    const s = await serve(app, bundle.dir);
    const text = (await s.inject({ url: '/_dash-layout' })).body;
    assert.doesNotMatch(text, /NaN|Infinity/);
    assert.deepEqual(JSON.parse(text), {
      type: 'Div',
      namespace: 'dash_html_components',
      props: { id: 'x', children: [null, null, null, 1.5], 'data-extra': { _dash_no_update: '_dash_no_update' } },
    });
    await s.close();
  });
});

describe('_dash-dependencies', () => {
  it("lists every callback's spec", async () => {
    const app = new Dash();
    app.layout = html.Div();
    app.callback(Output('out', 'children'), Input('in', 'value'), (v) => v);
    app.callback([Output('a', 'children'), Output('b', 'style')], Input({ type: 'row', index: 1 }, 'value'), (_v) => [
      noUpdate,
      noUpdate,
    ]);
    const s = await serve(app, bundle.dir);
    const response = await s.inject({ url: '/_dash-dependencies' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'application/json; charset=utf-8');
    const specs = response.json<{ output: string; inputs: { id: string }[] }[]>();
    assert.deepEqual(
      specs.map((s) => s.output),
      ['out.children', '..a.children...b.style..'],
    );
    assert.equal(specs[1]?.inputs[0]?.id, '{"index":1,"type":"row"}');
    await s.close();
  });
});

describe('_favicon.ico, health, _reload-hash, method checks', () => {
  let server: FastifyInstance;
  before(async () => {
    const app = new Dash();
    app.layout = html.Div();
    server = await serve(app, bundle.dir);
  });
  after(() => server.close());

  it('serves a real icon', async () => {
    const response = await server.inject({ url: '/_favicon.ico?v=1' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'image/x-icon');
    const expected = await readFile(new URL('../../src/server/static/favicon.ico', import.meta.url));
    assert.deepEqual(response.rawPayload, expected);
    // ICONDIR: reserved 0, type 1 (icon), at least one image.
    assert.equal(expected.readUInt16LE(0), 0);
    assert.equal(expected.readUInt16LE(2), 1);
    assert.ok(expected.readUInt16LE(4) >= 1);
  });

  it('answers health with plain OK', async () => {
    const response = await server.inject({ url: '/health' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.body, 'OK');
    assert.equal(response.headers['content-type'], 'text/plain; charset=utf-8');
  });

  it('moves or removes health with health_endpoint', async () => {
    const moved = new Dash({ health_endpoint: 'ops/ping' });
    moved.layout = html.Div();
    const s1 = await serve(moved, bundle.dir);
    assert.equal((await s1.inject({ url: '/ops/ping' })).body, 'OK');
    assert.match((await s1.inject({ url: '/health' })).body, /react-entry-point/);
    await s1.close();
    const off = new Dash({ health_endpoint: false });
    off.layout = html.Div();
    const s2 = await serve(off, bundle.dir);
    assert.match((await s2.inject({ url: '/health' })).body, /react-entry-point/);
    await s2.close();
  });

  it('has no _reload-hash outside debug mode', async () => {
    const response = await server.inject({ url: '/_reload-hash' });
    assert.equal(response.statusCode, 404);
    assert.equal(response.json<{ code: string }>().code, 'DASH_ERR_NOT_FOUND');
  });

  it('answers GET _dash-update-component with 405, other unknown methods with 404 JSON', async () => {
    const get = await server.inject({ url: '/_dash-update-component' });
    assert.equal(get.statusCode, 405);
    assert.equal(get.headers['allow'], 'POST');
    assert.equal(get.json<{ code: string }>().code, 'DASH_ERR_METHOD_NOT_ALLOWED');
    for (const [method, url] of [
      ['POST', '/'],
      ['PUT', '/_dash-layout'],
      ['DELETE', '/x'],
    ] as const) {
      const response = await server.inject({ method, url });
      assert.equal(response.statusCode, 404, `${method} ${url}`);
      assert.equal(response.headers['content-type'], 'application/json; charset=utf-8');
      assert.equal(response.json<{ code: string }>().code, 'DASH_ERR_NOT_FOUND');
    }
  });
});

describe('_reload-hash in debug mode', () => {
  it('reports a baseline, then asset changes and a rebuilt renderer once each', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'dash-ts-reload-'));
    const assets = path.join(root, 'assets');
    const bundleDir = path.join(root, 'bundle');
    await writeFakeBundle(bundleDir, 'build-1');
    await mkdir(assets);
    await writeFile(path.join(assets, 'site.css'), 'a{}');
    const app = new Dash({ assets_folder: assets });
    app.layout = html.Div();
    const s = await serve(app, bundleDir, true);
    type Reload = {
      reloadHash: string;
      hard: boolean;
      packages: string[];
      files: { url: string; modified: number; is_css: boolean }[];
    };
    const poll = async (): Promise<Reload> => (await s.inject({ url: '/_reload-hash' })).json<Reload>();

    const base = await poll();
    assert.match(base.reloadHash, /^[0-9a-f]{32}$/);
    assert.equal(base.hard, false);
    assert.deepEqual(base.packages, ['dash_ts']);
    assert.deepEqual(base.files, []);
    assert.equal((await poll()).reloadHash, base.reloadHash);

    await utimes(path.join(assets, 'site.css'), 2000000000, 2000000000);
    const changed = await poll();
    assert.notEqual(changed.reloadHash, base.reloadHash);
    assert.equal(changed.hard, true);
    assert.deepEqual(changed.files, [{ url: '/assets/site.css', modified: 2000000000, is_css: true }]);
    // `hard` and `files` are reset once read; the hash stays.
    const after1 = await poll();
    assert.equal(after1.reloadHash, changed.reloadHash);
    assert.equal(after1.hard, false);
    assert.deepEqual(after1.files, []);

    await rm(path.join(assets, 'site.css'));
    assert.deepEqual((await poll()).files, [{ url: '/assets/site.css', modified: -1, is_css: true }]);

    await writeFakeBundle(bundleDir, 'build-2', 'main-NEWW2345.js');
    const rebuilt = await poll();
    assert.equal(rebuilt.hard, true);
    assert.equal(rebuilt.files.length, 1);
    assert.equal(rebuilt.files[0]?.is_css, false);
    assert.match(rebuilt.files[0]?.url ?? '', /^\/_dash-component-suites\/dash_ts\/main-NEWW2345\.v/);
    // The page now loads the new entry, and the new file is served.
    assert.match((await s.inject({ url: '/' })).body, /main-NEWW2345\.v/);
    assert.equal((await s.inject({ url: '/_dash-component-suites/dash_ts/main-NEWW2345.js' })).statusCode, 200);
    // The old entry is gone from the allowlist.
    assert.equal((await s.inject({ url: `/_dash-component-suites/dash_ts/${FAKE.entry}` })).statusCode, 404);
    await s.close();
    await rm(root, { recursive: true, force: true });
  });

  it('turns on dev-tools fields in the config', async () => {
    const app = new Dash();
    app.layout = html.Div();
    const s = await serve(app, bundle.dir, true);
    const config = configOf((await s.inject({ url: '/' })).body);
    assert.equal(config['ui'], true);
    assert.equal(config['props_check'], true);
    assert.equal(config['validate_callbacks'], true);
    assert.deepEqual(config['hot_reload'], { interval: 3000, max_retry: 8 });
    await s.close();
  });
});
