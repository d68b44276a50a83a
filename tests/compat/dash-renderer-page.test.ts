/**
 * `renderer: 'dash'` over HTTP (no browser): the page loads the unmodified Dash front end in Dash's
 * order with the response's nonce, every URL it lists or the bundles fetch by themselves answers,
 * nothing else does, and the CSP adds exactly the captured style hashes — in this mode only.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { Dash, DashError, html } from 'dash-ts';
import { makeFakeBundle } from '../server/helpers.js';
import { createCompatApp } from './app.js';
import { fetchDashRenderer } from './fetch.js';

const hashes = (
  JSON.parse(readFileSync(new URL('../../src/server/dash-renderer-styles.json', import.meta.url), 'utf8')) as {
    hashes: string[];
  }
).hashes;

/** The page's scripts, in Dash's order (spec/protocol-core.md §2.1), as fingerprinted URLs. */
const expectedScripts = [
  /^_dash-component-suites\/babel_polyfill\/polyfill\.v7_12_1m\d+\.min\.js$/,
  /^_dash-component-suites\/react\/react\.v18_3_1m\d+\.production\.min\.js$/,
  /^_dash-component-suites\/react_dom\/react-dom\.v18_3_1m\d+\.production\.min\.js$/,
  /^_dash-component-suites\/prop_types\/prop-types\.v15_8_1m\d+\.min\.js$/,
  /^_dash-component-suites\/dash_renderer\/dash_renderer\.v3_4_1m\d+\.min\.js$/,
  /^_dash-component-suites\/dash_core_components\/dash_core_components\.v4_5_0m\d+\.js$/,
  /^_dash-component-suites\/dash_core_components\/dash_core_components-shared\.v4_5_0m\d+\.js$/,
  /^_dash-component-suites\/dash_html_components\/dash_html_components\.v4_5_0m\d+\.min\.js$/,
  /^_dash-component-suites\/dash_ts\/dash-renderer-init\.v[\w-]+m\d+\.js$/,
];

/** What each of those files must contain (it is the real thing, not a stand-in). */
const expectedContent = [
  /regeneratorRuntime/,
  /React/,
  /ReactDOM/,
  /PropTypes/,
  /DashRenderer/,
  /dash_core_components/,
  /webpackChunkdash_core_components/,
  /dash_html_components/,
  /^[\s\S]*var renderer = new DashRenderer\(\);\s*$/,
];

function csp(header: unknown): Map<string, string> {
  assert.equal(typeof header, 'string');
  return new Map(
    (header as string).split(';').map((d) => {
      const [name = '', ...values] = d.trim().split(' ');
      return [name, values.join(' ')];
    }),
  );
}

/** The `<script>` tags of a page: src and nonce of the external ones, and whether any is inline. */
function scriptsOf(page: string): { scripts: { src: string; nonce: string | undefined }[]; inline: string[] } {
  const scripts: { src: string; nonce: string | undefined }[] = [];
  const inline: string[] = [];
  for (const m of page.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
    const attributes = m[1] ?? '';
    const src = /\ssrc="([^"]+)"/.exec(attributes)?.[1];
    if (src !== undefined) scripts.push({ src, nonce: /\snonce="([^"]+)"/.exec(attributes)?.[1] });
    else if (!/type="application\/json"/.test(attributes)) inline.push(m[0]);
  }
  return { scripts, inline };
}

let server: FastifyInstance;
const logLines: string[] = [];

before(async () => {
  fetchDashRenderer();
  const logStream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  server = await createCompatApp().server({ logger: { level: 'warn', stream: logStream } });
});

after(async () => {
  await server.close();
});

describe("renderer: 'dash', the page", () => {
  it("lists Dash's scripts in order, each with the response's nonce, and no inline script", async () => {
    const response = await server.inject('/');
    assert.equal(response.statusCode, 200);
    const nonce = /'nonce-([^']+)'/.exec(String(response.headers['content-security-policy']))?.[1];
    assert.ok(nonce !== undefined);
    const { scripts, inline } = scriptsOf(response.body);
    assert.deepEqual(inline, []);
    assert.equal(scripts.length, expectedScripts.length, JSON.stringify(scripts));
    scripts.forEach((script, i) => {
      assert.ok(script.src.startsWith('/'), script.src);
      assert.match(script.src.slice(1), expectedScripts[i]!);
      assert.equal(script.nonce, nonce, `nonce of ${script.src}`);
    });
    assert.match(response.body, /<div id="react-entry-point">/);
  });

  it('every listed URL answers 200 with the real bundle, cached for a year', async () => {
    const page = await server.inject('/');
    const { scripts } = scriptsOf(page.body);
    for (const [i, { src }] of scripts.entries()) {
      const response = await server.inject(src);
      assert.equal(response.statusCode, 200, src);
      assert.equal(response.headers['content-type'], 'text/javascript; charset=utf-8', src);
      assert.equal(response.headers['cache-control'], 'public, max-age=31536000, immutable', src);
      assert.match(response.body, expectedContent[i]!, src);
    }
  });

  it('serves what the bundles fetch by themselves: unfingerprinted dcc chunks, plotly at its fixed URL', async () => {
    const fetched = [
      'dash_core_components/async-datepicker.js',
      'dash_core_components/async-dropdown.js',
      'dash_core_components/async-graph.js',
      'dash_core_components/async-highlight.js',
      'dash_core_components/async-markdown.js',
      'dash_core_components/async-mathjax.js',
      'dash_core_components/async-slider.js',
      'dash_core_components/async-upload.js',
      'dash_core_components/dash_core_components-shared.js',
      'plotly/package_data/plotly.min.js',
    ];
    for (const file of fetched) {
      const url = `/_dash-component-suites/${file}`;
      const response = await server.inject(url);
      assert.equal(response.statusCode, 200, url);
      assert.equal(response.headers['content-type'], 'text/javascript; charset=utf-8', url);
      assert.equal(response.headers['cache-control'], 'no-cache', url);
      assert.match(String(response.headers['etag']), /^"[\w-]+"$/, url);
    }
    const map = await server.inject('/_dash-component-suites/dash_core_components/async-graph.js.map');
    assert.equal(map.statusCode, 200);
    assert.equal(map.headers['content-type'], 'application/json; charset=utf-8');
  });

  it('serves nothing outside the allowlist', async () => {
    for (const file of [
      'dash_core_components/proptypes.js',
      'dash_core_components/package.json',
      'dash_core_components/..%2Fpackage.json',
      'dash_core_components/async-mathjax.js.map',
      'react/react.development.js',
      'plotly/plotly-strict.min.js',
      'dash_ts/favicon.ico',
      'dash_renderer/dash_renderer.dev.js',
    ]) {
      const response = await server.inject(`/_dash-component-suites/${file}`);
      assert.equal(response.statusCode, 404, file);
    }
  });

  it('_dash-config carries what the Dash renderer reads', async () => {
    const page = await server.inject('/');
    const json = /<script id="_dash-config" type="application\/json">([\s\S]*?)<\/script>/.exec(page.body)?.[1];
    const config = JSON.parse(json ?? 'null') as Record<string, unknown>;
    assert.equal(config['requests_pathname_prefix'], '/');
    assert.equal(config['serve_locally'], true, 'plotly from _dash-component-suites/plotly/…');
    assert.equal(config['csrf_token_name'], '_csrf_token');
    assert.equal(config['csrf_header_name'], 'X-CSRFToken');
    assert.equal(typeof config['dash_version'], 'string');
    assert.deepEqual(
      (config['children_props'] as Record<string, Record<string, unknown>>)['dash_core_components']?.['Tab'],
      ['label'],
    );
  });
});

describe("renderer: 'dash', the CSP", () => {
  it('style-src adds exactly the captured sha256 hashes; nothing else is relaxed', async () => {
    assert.ok(hashes.length > 0);
    for (const url of ['/', '/_dash-layout', '/some/page']) {
      const response = await server.inject(url);
      const header = String(response.headers['content-security-policy']);
      assert.doesNotMatch(header, /unsafe-inline|unsafe-eval|unsafe-hashes/);
      const directives = csp(header);
      const nonce = /^'nonce-([A-Za-z0-9+/]{22}==)' 'strict-dynamic'$/.exec(directives.get('script-src') ?? '')?.[1];
      assert.ok(nonce !== undefined, header);
      assert.equal(
        directives.get('style-src'),
        [`'self'`, `'nonce-${nonce}'`, ...hashes.map((h) => `'${h}'`)].join(' '),
      );
      assert.deepEqual(
        [...directives].filter(([name]) => name !== 'script-src' && name !== 'style-src'),
        [
          ['default-src', "'none'"],
          ['img-src', "'self' data:"],
          ['font-src', "'self'"],
          ['connect-src', "'self'"],
          ['object-src', "'none'"],
          ['base-uri', "'none'"],
          ['form-action', "'self'"],
          ['frame-ancestors', "'none'"],
        ],
      );
    }
  });

  it('logs a warning naming the opt-out at startup', () => {
    const warning = logLines.find((line) => /relaxes the Content-Security-Policy/.test(line));
    assert.ok(warning !== undefined, logLines.join('\n'));
    assert.match(warning, /renderer 'dash'/);
    assert.match(warning, new RegExp(`${hashes.length} sha256`));
  });

  it('the default renderer keeps the strict CSP', async () => {
    const bundle = await makeFakeBundle();
    const app = new Dash();
    app.layout = html.Div('hi');
    const strict = await app.server({ logger: false, bundleDir: bundle.dir });
    try {
      const response = await strict.inject('/');
      assert.equal(response.statusCode, 200);
      const directives = csp(response.headers['content-security-policy']);
      assert.match(directives.get('style-src') ?? '', /^'self' 'nonce-[A-Za-z0-9+/]{22}=='$/);
    } finally {
      await strict.close();
      await bundle.cleanup();
    }
  });
});

describe("renderer: 'dash', mounted in a host server under /dash", () => {
  it('writes prefixed URLs that answer, with the hashes in the mounted scope only', async () => {
    const host = Fastify({ logger: false });
    host.get('/', (_request, reply) => reply.send('host'));
    await host.register(createCompatApp().plugin(), { prefix: '/dash' });
    try {
      const page = await host.inject('/dash/');
      assert.equal(page.statusCode, 200);
      assert.match(
        String(page.headers['content-security-policy']),
        new RegExp(`'${hashes[0]!.replace(/[+/]/g, '\\$&')}'`),
      );
      const { scripts } = scriptsOf(page.body);
      assert.equal(scripts.length, expectedScripts.length);
      for (const [i, { src }] of scripts.entries()) {
        assert.ok(src.startsWith('/dash/'), src);
        assert.match(src.slice('/dash/'.length), expectedScripts[i]!);
        assert.equal((await host.inject(src)).statusCode, 200, src);
      }
      assert.equal(
        (await host.inject('/dash/_dash-component-suites/dash_core_components/async-graph.js')).statusCode,
        200,
      );
      assert.equal((await host.inject('/')).headers['content-security-policy'], undefined, 'the host is untouched');
    } finally {
      await host.close();
    }
  });
});

describe("renderer: 'dash' without the fetched packages", () => {
  const envName = 'DASH_TS_DASH_RENDERER_DIR';
  let saved: string | undefined;
  let dir: string;

  before(async () => {
    saved = process.env[envName];
    dir = await mkdtemp(path.join(tmpdir(), 'dash-ts-no-renderer-'));
  });

  after(async () => {
    if (saved === undefined) delete process.env[envName];
    else process.env[envName] = saved;
    await rm(dir, { recursive: true, force: true });
  });

  const isUnavailable =
    (pattern: RegExp) =>
    (error: unknown): boolean => {
      assert.ok(error instanceof DashError, String(error));
      assert.equal(error.code, 'DASH_ERR_RENDERER_UNAVAILABLE');
      assert.match(error.message, pattern);
      assert.match(error.message, /node scripts\/fetch-dash-renderer\.mjs/);
      return true;
    };

  it('refuses to start, naming the fetch script', async () => {
    process.env[envName] = dir;
    await assert.rejects(createCompatApp().server({ logger: false }), isUnavailable(/is not in/));
  });

  it('refuses a folder holding another version', async () => {
    process.env[envName] = dir;
    await mkdir(path.join(dir, '@babel', 'polyfill'), { recursive: true });
    await writeFile(path.join(dir, '@babel', 'polyfill', 'package.json'), '{"version":"7.0.0"}');
    await assert.rejects(createCompatApp().server({ logger: false }), isUnavailable(/holds version 7\.0\.0/));
  });
});
