// The assets folder through HTTP (spec/protocol-core.md §1.8): every file served, CSS linked and
// scripts loaded by the page in Dash's order, `assets_ignore`, favicon, dotfiles and traversal.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { Dash, html } from 'dash-ts';
import { makeFakeBundle, serve } from './helpers.js';

let bundle: Awaited<ReturnType<typeof makeFakeBundle>>;
let root = '';
let server: FastifyInstance;
let page = '';

const files: Record<string, string> = {
  'z-last.css': 'z{}',
  'a-first.css': 'a{}',
  'sub/b.css': 'b{}',
  'app.js': 'window.app = 1;',
  'widgets.mjs': 'export const w = 1;',
  'sub/helper.js': 'window.helper = 1;',
  'draft.ignore.js': 'window.draft = 1;',
  'favicon.ico': 'ICON',
  'img/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
  '.env': 'SECRET=1',
};

before(async () => {
  bundle = await makeFakeBundle();
  root = await mkdtemp(path.join(tmpdir(), 'dash-ts-assets-http-'));
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, 'assets', file)), { recursive: true });
    await writeFile(path.join(root, 'assets', file), text);
  }
  const app = new Dash({ assets_ignore: '\\.ignore\\.' });
  // A relative assets_folder is resolved from baseDir (the CLI sets it to the app's folder).
  app.baseDir = root;
  app.layout = html.Div();
  server = await serve(app, bundle.dir);
  page = (await server.inject({ url: '/' })).body;
});
after(async () => {
  await server.close();
  await bundle.cleanup();
  await rm(root, { recursive: true, force: true });
});

describe('assets on the page', () => {
  it("links CSS sorted and recursively, after the renderer's", () => {
    const links = [...page.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => m[1] ?? '');
    assert.equal(links.length, 4);
    assert.match(links[0] ?? '', /^\/_dash-component-suites\/dash_ts\/main-EFGH2345\./);
    assert.deepEqual(
      links.slice(1).map((l) => l.replace(/\?m=[\d.]+$/, '')),
      ['/assets/a-first.css', '/assets/z-last.css', '/assets/sub/b.css'],
    );
    for (const l of links.slice(1)) assert.match(l, /\?m=\d+(\.\d+)?$/);
  });

  it('loads scripts with the nonce, .mjs as modules, ignored files left out', () => {
    const scripts = [...page.matchAll(/<script([^>]*) src="([^"]+)"><\/script>/g)].map((m) => ({
      attributes: m[1] ?? '',
      src: (m[2] ?? '').replace(/\?m=[\d.]+$/, ''),
    }));
    assert.deepEqual(scripts.map((s) => s.src).slice(1), [
      '/assets/app.js',
      '/assets/widgets.mjs',
      '/assets/sub/helper.js',
    ]);
    assert.match(scripts[0]?.src ?? '', /dash_ts\/main-ABCD2345\./);
    for (const s of scripts) assert.match(s.attributes, / nonce="[^"]+"/);
    assert.match(scripts.find((s) => s.src.endsWith('.mjs'))?.attributes ?? '', /type="module"/);
    assert.doesNotMatch(scripts.find((s) => s.src.endsWith('app.js'))?.attributes ?? '', /type=/);
    assert.doesNotMatch(page, /draft\.ignore/);
  });

  it("uses the assets folder's favicon.ico instead of the default", () => {
    assert.match(page, /<link rel="icon" type="image\/x-icon" href="\/assets\/favicon.ico\?m=[\d.]+">/);
    assert.doesNotMatch(page, /_favicon\.ico/);
  });
});

describe('assets served', () => {
  it('serves every file, ignored ones included', async () => {
    for (const [file, text] of Object.entries(files)) {
      if (file.startsWith('.')) continue;
      const response = await server.inject({ url: `/assets/${file}` });
      assert.equal(response.statusCode, 200, file);
      assert.equal(response.body, text);
    }
    const css = await server.inject({ url: '/assets/a-first.css?m=1' });
    assert.match(String(css.headers['content-type']), /^text\/css/);
    assert.equal(css.headers['x-frame-options'], 'DENY');
  });

  it('answers 304 to a matching conditional request', async () => {
    const first = await server.inject({ url: '/assets/app.js' });
    const etag = first.headers['etag'];
    assert.ok(typeof etag === 'string');
    const second = await server.inject({ url: '/assets/app.js', headers: { 'if-none-match': etag } });
    assert.equal(second.statusCode, 304);
  });

  it('never serves dotfiles, folders, missing files or anything outside', async () => {
    for (const url of [
      '/assets/.env',
      '/assets/',
      '/assets/sub',
      '/assets/sub/',
      '/assets/missing.css',
      '/assets/..%2f..%2fetc%2fpasswd',
      '/assets/%2e%2e/%2e%2e/etc/passwd',
      '/assets/sub/..%2f.env',
      '/assets/..%5c.env',
    ]) {
      const response = await server.inject({ url });
      assert.ok(
        response.statusCode === 404 ||
          response.statusCode === 403 ||
          response.statusCode === 400 ||
          /text\/html/.test(String(response.headers['content-type'])),
        `${url}: ${response.statusCode}`,
      );
      assert.doesNotMatch(response.body, /SECRET|root:x:0/, url);
      if (response.statusCode >= 400)
        assert.equal(response.headers['content-type'], 'application/json; charset=utf-8', url);
    }
  });
});

describe('assets options', () => {
  it('mounts the folder at assets_url_path', async () => {
    const app = new Dash({ assets_folder: path.join(root, 'assets'), assets_url_path: 'static' });
    app.layout = html.Div();
    const s = await serve(app, bundle.dir);
    const body = (await s.inject({ url: '/' })).body;
    assert.match(body, /href="\/static\/a-first.css\?m=/);
    assert.equal((await s.inject({ url: '/static/a-first.css' })).body, 'a{}');
    assert.match((await s.inject({ url: '/assets/a-first.css' })).body, /react-entry-point/);
    await s.close();
  });

  it('answers 404 under assets/ when there is no assets folder', async () => {
    const app = new Dash({ assets_folder: path.join(root, 'none') });
    app.layout = html.Div();
    const s = await serve(app, bundle.dir);
    const response = await s.inject({ url: '/assets/app.js' });
    assert.equal(response.statusCode, 404);
    assert.match((await s.inject({ url: '/' })).body, /_favicon\.ico\?v=/);
    await s.close();
  });
});
