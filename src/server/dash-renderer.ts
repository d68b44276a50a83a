/**
 * `renderer: 'dash'`: serve the UNMODIFIED Dash renderer from npm (dash-renderer with the dcc/html
 * bundles, React 18.3.1) instead of ours, to prove wire compatibility (DESIGN.md principle 1).
 *
 * The packages are not npm dependencies (they pull ~700 build-time packages): scripts/fetch-dash-renderer.mjs
 * packs them at pinned versions, checks their sha512 and extracts them to `.cache/dash-renderer/<npm name>/`
 * (or `$DASH_TS_DASH_RENDERER_DIR`). Here their browser files are registered as component packages
 * (an allowlist, Dash's fingerprinted URLs) and the page's scripts returned in Dash's order
 * (spec/protocol-core.md §2.1). The page has no inline script, so `new DashRenderer()` comes from a
 * file of our own. Facts this relies on, all observed in Chromium:
 * - dcc loads its async chunks from the URL folder of its main bundle, WITHOUT a fingerprint;
 * - the renderer fetches plotly.js from the fixed URL `_dash-component-suites/plotly/package_data/plotly.min.js`;
 * - every bundle injects its CSS as nonce-less inline `<style>`: the CSP allows their sha256 hashes
 *   (dash-renderer-styles.json), see `dashRendererStyleHashes`.
 */
import { readFileSync } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DashError } from './errors.js';
import type { PageScripts } from './index-page.js';
import type { SuiteRegistry } from './suites.js';
import { DASH_TS_PACKAGE, packageVersion } from './suites.js';

/** What the Dash-renderer mode gets from the server. */
export interface DashRendererContext {
  readonly suites: SuiteRegistry;
  /** `{req}`: every URL in the returned PageScripts starts with it. */
  readonly requestsPrefix: string;
  readonly debug: boolean;
  /** Folder the packages were fetched into; default `$DASH_TS_DASH_RENDERER_DIR`, else `.cache/dash-renderer`. */
  readonly dir?: string | undefined;
}

/** The environment variable naming the folder scripts/fetch-dash-renderer.mjs filled. */
export const DASH_RENDERER_DIR_ENV = 'DASH_TS_DASH_RENDERER_DIR';

/** `.cache/dash-renderer` at the root of this package (where the fetch script writes by default). */
export const defaultDashRendererDir = fileURLToPath(new URL('../../.cache/dash-renderer/', import.meta.url));

/** One npm package of the Dash front end, served under `_dash-component-suites/<name>/`. */
interface DashPackage {
  /** The URL segment (a Dash package namespace). */
  readonly name: string;
  /** The npm package: also its folder under the cache dir. */
  readonly npm: string;
  /** The exact version the fetch script pins (checked against the extracted package.json). */
  readonly version: string;
  /** The folder inside the package the files are served from. */
  readonly base: string;
  /** Required files, relative to `base`. */
  readonly files: readonly string[];
  /** Served when present (source maps: only dev tools ask for them). */
  readonly optional?: readonly string[];
  /** URL path → file, relative to `base`. */
  readonly aliases?: Readonly<Record<string, string>>;
}

// dcc 4.5.0's webpack chunks (`i.u` in its main bundle); `-shared` is also the page's 2nd dcc script.
const dccChunks = [
  'dash_core_components-shared.js',
  'async-datepicker.js',
  'async-dropdown.js',
  'async-graph.js',
  'async-highlight.js',
  'async-markdown.js',
  'async-mathjax.js',
  'async-slider.js',
  'async-upload.js',
];

const PACKAGES: readonly DashPackage[] = [
  // dcc's async loader needs a global `regeneratorRuntime`: the polyfill is not optional.
  { name: 'babel_polyfill', npm: '@babel/polyfill', version: '7.12.1', base: 'dist', files: ['polyfill.min.js'] },
  { name: 'react', npm: 'react', version: '18.3.1', base: 'umd', files: ['react.production.min.js'] },
  { name: 'react_dom', npm: 'react-dom', version: '18.3.1', base: 'umd', files: ['react-dom.production.min.js'] },
  { name: 'prop_types', npm: 'prop-types', version: '15.8.1', base: '', files: ['prop-types.min.js'] },
  { name: 'dash_renderer', npm: 'dash-renderer', version: '3.4.1', base: 'build', files: ['dash_renderer.min.js'] },
  {
    name: 'dash_core_components',
    npm: 'dash-core-components',
    version: '4.5.0',
    base: 'dash_core_components',
    files: ['dash_core_components.js', ...dccChunks],
    optional: ['dash_core_components.js', ...dccChunks].map((f) => `${f}.map`),
  },
  {
    name: 'dash_html_components',
    npm: 'dash-html-components',
    version: '4.5.0',
    base: 'dash_html_components',
    files: ['dash_html_components.min.js'],
    optional: ['dash_html_components.min.js.map'],
  },
  {
    // The CSP-safe build (no eval for WebGL traces), at the URL the renderer hard-codes.
    name: 'plotly',
    npm: 'plotly.js-strict-dist-min',
    version: '4.1.1',
    base: '',
    files: [],
    aliases: { 'package_data/plotly.min.js': 'plotly-strict.min.js' },
  },
];

/** The page's scripts, in Dash's order: each must be loaded before the next is evaluated. */
const PAGE_ORDER: readonly (readonly [pkg: string, file: string])[] = [
  ['babel_polyfill', 'polyfill.min.js'],
  ['react', 'react.production.min.js'],
  ['react_dom', 'react-dom.production.min.js'],
  ['prop_types', 'prop-types.min.js'],
  ['dash_renderer', 'dash_renderer.min.js'],
  // dcc reads `window.dash_component_api` while it evaluates: after the renderer.
  ['dash_core_components', 'dash_core_components.js'],
  ['dash_core_components', 'dash_core_components-shared.js'],
  ['dash_html_components', 'dash_html_components.min.js'],
];

/** Our file that starts the renderer (Dash writes the same line as an inline script). */
const INIT_FILE = 'dash-renderer-init.js';
const staticDir = fileURLToPath(new URL('./static/', import.meta.url));

const FETCH_HINT = 'Fetch them with "node scripts/fetch-dash-renderer.mjs"';

function unavailable(message: string, cause?: unknown): DashError {
  return new DashError('DASH_ERR_RENDERER_UNAVAILABLE', message, cause === undefined ? {} : { cause });
}

/** The folder of one npm package in the cache, after checking it holds the pinned version. */
async function packageRoot(dir: string, pkg: DashPackage): Promise<string> {
  const root = path.join(dir, ...pkg.npm.split('/'));
  let version: unknown;
  try {
    version = (JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as { version?: unknown }).version;
  } catch (error) {
    throw unavailable(
      `renderer: 'dash' needs the unmodified Dash front end from npm, but ${pkg.npm}@${pkg.version} is not in ${dir}. ` +
        `${FETCH_HINT} (or set ${DASH_RENDERER_DIR_ENV} to the folder it filled).`,
      error,
    );
  }
  if (version !== pkg.version) {
    throw unavailable(
      `renderer: 'dash' needs ${pkg.npm}@${pkg.version}, but ${root} holds version ${String(version)}. ${FETCH_HINT}.`,
    );
  }
  return root;
}

/**
 * Register the unmodified Dash renderer's packages and return what the index page loads. Fails with
 * DASH_ERR_RENDERER_UNAVAILABLE, naming the fetch script, when the packages have not been fetched.
 */
export async function registerDashRendererPackages(context: DashRendererContext): Promise<PageScripts> {
  const fromEnv = process.env[DASH_RENDERER_DIR_ENV];
  const dir = path.resolve(context.dir ?? (fromEnv !== undefined && fromEnv !== '' ? fromEnv : defaultDashRendererDir));
  for (const pkg of PACKAGES) {
    const root = path.join(await packageRoot(dir, pkg), pkg.base);
    const present: string[] = [];
    for (const file of pkg.optional ?? []) {
      try {
        await access(path.join(root, file));
        present.push(file);
      } catch {
        // Not shipped (dcc has no map for async-mathjax): nothing to serve.
      }
    }
    try {
      await context.suites.register({
        name: pkg.name,
        version: pkg.version,
        root,
        files: [...pkg.files, ...present],
        ...(pkg.aliases === undefined ? {} : { aliases: pkg.aliases }),
      });
    } catch (error) {
      throw unavailable(
        `renderer: 'dash': ${pkg.npm}@${pkg.version} in ${dir} is incomplete. ${FETCH_HINT} again.`,
        error,
      );
    }
  }
  await context.suites.register({
    name: DASH_TS_PACKAGE,
    version: packageVersion,
    root: staticDir,
    files: [INIT_FILE],
  });
  const src = (pkg: string, file: string): string => context.requestsPrefix + context.suites.url(pkg, file);
  return {
    scripts: [...PAGE_ORDER.map(([pkg, file]) => ({ src: src(pkg, file) })), { src: src(DASH_TS_PACKAGE, INIT_FILE) }],
    styles: [],
  };
}

const styleHashPattern = /^sha256-[A-Za-z0-9+/]{43}=$/;

/**
 * The sha256 hash-sources of every `<style>` text the Dash bundles inject (dash-renderer-styles.json,
 * captured in Chromium by scripts/capture-dash-renderer-style-hashes.mjs). `renderer: 'dash'` adds them
 * to style-src: the bundles hard-wire webpack's style nonce to undefined, so without them every dcc
 * control and plotly's modebar is unstyled. No 'unsafe-inline'.
 */
export function dashRendererStyleHashes(): readonly string[] {
  const file = new URL('./dash-renderer-styles.json', import.meta.url);
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as { hashes?: unknown };
  const hashes = parsed.hashes;
  if (!Array.isArray(hashes) || !hashes.every((h): h is string => typeof h === 'string' && styleHashPattern.test(h))) {
    throw new DashError(
      'DASH_ERR_INTERNAL',
      `${fileURLToPath(file)}: "hashes" must be a list of sha256-<base64> values`,
    );
  }
  return hashes;
}
