/**
 * What the routes of one mounted app share: the app, its resolved options and prefixes, the component
 * packages, the renderer's scripts, and the assets folder's contents. In debug mode the renderer
 * bundle and the assets are re-read when they change (hot reload); in production they are read once.
 */
import { assetPageUrl, scanAssets } from '../assets.js';
import { clientsideScriptTags } from '../clientside-route.js';
import type { AssetScan } from '../assets.js';
import type { Dash } from '../dash.js';
import { buildDashConfig } from '../dash-config.js';
import { registerDashRendererPackages } from '../dash-renderer.js';
import type { PageScripts } from '../index-page.js';
import { checkMetaTags } from '../index-page.js';
import type { ResolvedOptions } from '../options.js';
import type { BrowserManifest } from '../suites.js';
import { defaultBundleDir, readBrowserManifest, registerBrowserBundle, SuiteRegistry } from '../suites.js';
import type { DashConfig } from '../../shared/protocol.js';

export interface SiteSettings {
  readonly app: Dash;
  readonly debug: boolean;
  /** Where the Fastify scope is mounted (`instance.prefix`: '' or '/dash'). */
  readonly mountPrefix: string;
  /** Folder of our built renderer; default: this package's dist/browser. */
  readonly bundleDir?: string | undefined;
}

/**
 * `{req}`: the user's `requests_pathname_prefix` (or `url_base_pathname`) when given, else where the
 * routes are mounted — so an app mounted at `/dash` in someone's server writes `/dash/...` URLs.
 */
export function requestsPrefixFor(app: Dash, mountPrefix: string): string {
  const explicit = app.options.requests_pathname_prefix ?? app.options.url_base_pathname;
  if (explicit !== undefined) return app.resolvedOptions().requestsPrefix;
  return mountPrefix.endsWith('/') ? mountPrefix : `${mountPrefix}/`;
}

export class Site {
  readonly app: Dash;
  readonly options: ResolvedOptions;
  readonly debug: boolean;
  readonly requestsPrefix: string;
  readonly suites = new SuiteRegistry();
  readonly config: DashConfig;
  readonly bundleDir: string;
  #renderer: PageScripts = { scripts: [], styles: [] };
  #manifest: BrowserManifest | null = null;
  #assets: AssetScan | null = null;

  private constructor(settings: SiteSettings) {
    this.app = settings.app;
    this.options = settings.app.resolvedOptions();
    this.debug = settings.debug;
    this.requestsPrefix = requestsPrefixFor(settings.app, settings.mountPrefix);
    this.config = buildDashConfig(this.options, { debug: this.debug, requestsPrefix: this.requestsPrefix });
    this.bundleDir = settings.bundleDir ?? defaultBundleDir;
  }

  /** Check the options and load the renderer; startup errors (missing bundle, bad options) surface here. */
  static async create(settings: SiteSettings): Promise<Site> {
    const site = new Site(settings);
    checkMetaTags(site.options.metaTags);
    // Pages: the router callback is registered before `_dash-dependencies` can be served.
    site.app.installPages(site.requestsPrefix);
    if (site.options.renderer === 'dash') {
      site.#renderer = await registerDashRendererPackages({
        suites: site.suites,
        requestsPrefix: site.requestsPrefix,
        debug: site.debug,
      });
    } else {
      const { manifest, page } = await registerBrowserBundle(site.suites, site.bundleDir, site.requestsPrefix);
      site.#manifest = manifest;
      site.#renderer = page;
    }
    for (const pkg of site.app.componentPackages) await site.suites.register(pkg);
    site.#assets = await scanAssets(site.options.assetsFolder, site.options.assetsIgnore);
    return site;
  }

  /** The renderer's manifest (null in `renderer: 'dash'` mode). */
  get manifest(): BrowserManifest | null {
    return this.#manifest;
  }

  /**
   * Debug mode: re-register our bundle when dist/browser was rebuilt. Returns the new manifest when
   * it changed, else null (also when the new build is incomplete: the old one stays registered).
   */
  async refreshBundle(): Promise<BrowserManifest | null> {
    if (!this.debug || this.#manifest === null) return null;
    let current: BrowserManifest;
    try {
      current = await readBrowserManifest(this.bundleDir);
    } catch {
      return null;
    }
    if (current.buildHash === this.#manifest.buildHash) return null;
    try {
      const { manifest, page } = await registerBrowserBundle(this.suites, this.bundleDir, this.requestsPrefix);
      this.#manifest = manifest;
      this.#renderer = page;
      return manifest;
    } catch {
      return null;
    }
  }

  /** The assets folder's contents: read once in production, on every call in debug mode. */
  async assets(): Promise<AssetScan> {
    if (this.debug || this.#assets === null) {
      this.#assets = await scanAssets(this.options.assetsFolder, this.options.assetsIgnore);
    }
    return this.#assets;
  }

  /** The favicon URL: the assets folder's `favicon.ico` when there is one, else ours (`dash.py#index`). */
  faviconUrl(assets: AssetScan, version: string): string {
    if (assets.favicon !== null) return assetPageUrl(this.requestsPrefix, this.options.assetsUrlPath, assets.favicon);
    return `${this.requestsPrefix}_favicon.ico?v=${encodeURIComponent(version)}`;
  }

  /** Renderer scripts and styles, then the assets folder's (`.mjs` as modules). */
  page(assets: AssetScan): PageScripts {
    const url = (file: AssetScan['all'][number]): string =>
      assetPageUrl(this.requestsPrefix, this.options.assetsUrlPath, file);
    const clientside = clientsideScriptTags(this.app, this.requestsPrefix, this.options.renderer !== 'dash');
    return {
      styles: [...this.#renderer.styles, ...assets.css.map(url), ...this.app.hooks.stylesheets()],
      scripts: [
        // dash_clientside's globals before any asset script runs (src/server/clientside.ts).
        ...clientside.before,
        ...this.#renderer.scripts,
        ...assets.js.map((f) => (f.relative.endsWith('.mjs') ? { src: url(f), module: true } : { src: url(f) })),
        // Hook scripts last, as in Dash (spec/protocol.md §2.3).
        ...this.app.hooks.scripts(),
        // Inline clientside functions last, where Dash puts its inline scripts.
        ...clientside.after,
      ],
    };
  }
}
