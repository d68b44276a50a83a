/**
 * The options of `new Dash({...})`, with Dash's names (snake_case, as in Python) and their defaults.
 * Resolved once into `ResolvedOptions`, which the rest of the server reads.
 */
import path from 'node:path';
import { DashError } from './errors.js';
import type { AnyArgument, CallbackErrorHandler } from '../shared/dependencies.js';
import type { BackgroundManager } from './background/manager.js';
import type { Dash } from './dash.js';
import type { Hooks } from './hooks.js';
import type { PageOptions } from './pages/registry.js';

export interface DashOptions {
  /** `<title>` of the page. Default `Dash`. */
  title?: string;
  /** Folder whose files are served under `assets/`; its `.css` and `.js` are added to the page. Default `assets` beside the app module (or the working directory). */
  assets_folder?: string;
  /** URL path of the assets folder. Default `assets`. */
  assets_url_path?: string;
  /** Files in `assets_folder` matching this regular expression are not added to the page. */
  assets_ignore?: string;
  /** Prefix of every URL the browser uses (behind a path-stripping proxy it differs from routes). */
  requests_pathname_prefix?: string;
  /** Prefix under which the server mounts its routes. */
  routes_pathname_prefix?: string;
  /** Sets both prefixes at once. */
  url_base_pathname?: string;
  /** Default for every callback's `prevent_initial_call`. */
  prevent_initial_callbacks?: boolean | 'initial_duplicate';
  /** Do not validate callbacks against the layout in the browser. */
  suppress_callback_exceptions?: boolean;
  /** `document.title` while callbacks run; null or '' keeps the title. Default `Updating...`. */
  update_title?: string | null;
  /** Health route (plain `OK`), relative to the routes prefix; `false` turns it off. Default `health`. */
  health_endpoint?: string | false;
  /** Extra `<meta>` tags: attribute maps. */
  meta_tags?: Record<string, string>[];
  /**
   * Which browser renderer the page loads: ours (`dash-ts`, default) or the unmodified Dash renderer
   * from npm (`dash`: dash-renderer@3.4.1 with the dcc/html 4.5.0 bundles and React 18.3.1, fetched
   * and integrity-checked into `.cache/dash-renderer` by `node scripts/fetch-dash-renderer.mjs`).
   * That mode adds sha256 style hashes to `style-src` (logged at start-up as an explicit opt-out).
   */
  renderer?: 'dash-ts' | 'dash';
  /** Largest request body in bytes. Default 1 MiB. */
  body_limit?: number;
  /**
   * Largest callback request in bytes for callbacks whose Inputs or States include a `contents`
   * prop (dcc.Upload): file contents travel base64-encoded in the JSON, about 4/3 of the file size,
   * so allow e.g. `Math.ceil(maxFileBytes * 4 / 3) + 64 * 1024`. Other callbacks keep `body_limit`
   * (the dependencies are the server's declaration, not the request's claim). Larger: 413.
   * Default: `body_limit` (uploads get no more room than any other callback).
   */
  max_upload_bytes?: number;
  /** Deepest nesting of arrays/objects accepted in a callback body. Default 64. */
  max_depth?: number;
  /** Milliseconds a request may take before the server answers 408. Default 30 s. */
  request_timeout?: number;
  /**
   * Called when a callback throws and the callback has no `on_error` of its own: its return value
   * replaces the callback's (`null`/`undefined`: no update). See CallbackOptions.on_error.
   */
  on_error?: CallbackErrorHandler;
  /**
   * Runs `background: true` callbacks (spec/callbacks.md §5.5); default: one `InProcessManager` per app.
   * Typed as `BackgroundManager` from `dash-ts` (src/server/background/manager.ts).
   */
  background_callback_manager?: BackgroundManager;
  /** The app's description: the `description` meta tag of pages that give none. */
  description?: string;
  /** Pages registered at construction, as with `app.registerPage(...)` (spec/callbacks.md §10). */
  pages?: PageOptions[];
  /** Render the page meta tags (description, `og:*`, `twitter:*`) into the index page. Default true. */
  include_pages_meta?: boolean;
  /** Extra arguments of page layout functions: Inputs re-route when they change, States are read when routing. */
  routing_callback_inputs?: Record<string, AnyArgument>;
  /** Plugins applied while the app is constructed: a `Hooks` collection, or an object with `plug(app)`. */
  plugins?: (Hooks | { plug(app: Dash): void })[];
  /** Debug mode: callback tracebacks keep only the app's frames (Dash's `dev_tools_prune_errors`). Default true. */
  dev_tools_prune_errors?: boolean;
  /** Debug mode: seconds between the page's `_reload-hash` polls. Default 3. */
  dev_tools_hot_reload_interval?: number;
  /** Debug mode: failed (500) polls tolerated before the page stops polling. Default 8. */
  dev_tools_hot_reload_max_retry?: number;
}

export interface ResolvedOptions {
  readonly title: string;
  readonly assetsFolder: string;
  readonly assetsUrlPath: string;
  readonly assetsIgnore: RegExp | null;
  readonly requestsPrefix: string;
  readonly routesPrefix: string;
  readonly urlBasePathname: string | null;
  readonly preventInitialCallbacks: boolean | 'initial_duplicate';
  readonly suppressCallbackExceptions: boolean;
  readonly updateTitle: string | null;
  readonly healthEndpoint: string | false;
  readonly metaTags: readonly Record<string, string>[];
  readonly renderer: 'dash-ts' | 'dash';
  readonly bodyLimit: number;
  /** The callback route's body limit for callbacks that take an Upload's `contents` (≥ bodyLimit). */
  readonly uploadBodyLimit: number;
  readonly maxDepth: number;
  readonly requestTimeout: number;
  readonly pruneErrors: boolean;
  /** Milliseconds. */
  readonly hotReloadInterval: number;
  readonly hotReloadMaxRetry: number;
}

/** A URL path prefix that starts and ends with `/`. */
function prefix(value: string | undefined, fallback: string): string {
  let p = value ?? fallback;
  if (!p.startsWith('/')) p = `/${p}`;
  if (!p.endsWith('/')) p = `${p}/`;
  return p;
}

function compileIgnore(pattern: string | undefined): RegExp | null {
  if (pattern === undefined || pattern === '') return null;
  try {
    return new RegExp(pattern);
  } catch (error) {
    throw new DashError('DASH_ERR_OPTIONS', `assets_ignore is not a valid regular expression: ${pattern}`, {
      cause: error,
    });
  }
}

/** The health route's path relative to the routes prefix (no leading slash), or false. */
function healthPath(value: string | false | undefined): string | false {
  if (value === false) return false;
  const trimmed = (value ?? 'health').replace(/^\/+/, '');
  if (trimmed === '') throw new DashError('DASH_ERR_OPTIONS', 'health_endpoint must name a path, or be false');
  return trimmed;
}

/** The body limit for upload callbacks: max_upload_bytes when larger than the general limit. */
function uploadLimit(value: number | undefined, bodyLimit: number): number {
  if (value === undefined) return bodyLimit;
  if (!Number.isSafeInteger(value) || value <= 0) {
    throw new DashError('DASH_ERR_OPTIONS', 'max_upload_bytes must be a positive whole number of bytes');
  }
  return Math.max(value, bodyLimit);
}

export function resolveOptions(options: DashOptions, baseDir: string = process.cwd()): ResolvedOptions {
  const base = options.url_base_pathname;
  const routes = prefix(options.routes_pathname_prefix ?? base, '/');
  const requests = prefix(options.requests_pathname_prefix ?? base ?? options.routes_pathname_prefix, '/');
  return {
    title: options.title ?? 'Dash',
    assetsFolder: path.resolve(baseDir, options.assets_folder ?? 'assets'),
    assetsUrlPath: (options.assets_url_path ?? 'assets').replace(/^\/+|\/+$/g, ''),
    assetsIgnore: compileIgnore(options.assets_ignore),
    requestsPrefix: requests,
    routesPrefix: routes,
    urlBasePathname: base ?? null,
    preventInitialCallbacks: options.prevent_initial_callbacks ?? false,
    suppressCallbackExceptions: options.suppress_callback_exceptions ?? false,
    updateTitle: options.update_title === undefined ? 'Updating...' : options.update_title,
    healthEndpoint: healthPath(options.health_endpoint),
    metaTags: options.meta_tags ?? [],
    renderer: options.renderer ?? 'dash-ts',
    bodyLimit: options.body_limit ?? 1024 * 1024,
    uploadBodyLimit: uploadLimit(options.max_upload_bytes, options.body_limit ?? 1024 * 1024),
    maxDepth: options.max_depth ?? 64,
    requestTimeout: options.request_timeout ?? 30_000,
    pruneErrors: options.dev_tools_prune_errors ?? true,
    hotReloadInterval: Math.round((options.dev_tools_hot_reload_interval ?? 3) * 1000),
    hotReloadMaxRetry: options.dev_tools_hot_reload_max_retry ?? 8,
  };
}
