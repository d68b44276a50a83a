/**
 * `renderer: 'dash'`: serve the UNMODIFIED Dash renderer from npm (dash-renderer with the dcc/html
 * bundles, React 18.3.1) instead of ours, to prove wire compatibility (DESIGN.md principle 1).
 *
 * The contract the server relies on: register every file the Dash renderer and the component bundles
 * may request (including async chunks, `.map` files and `deps/`) as component packages under their
 * Dash namespaces (`dash`, `dash_core_components`, …), and return the page's scripts and styles in
 * Dash's order (spec/protocol-core.md §2.1), every URL already prefixed with `requestsPrefix`.
 * The page has no inline script, so the `new DashRenderer()` start must come from an external file.
 */
import { DashError } from './errors.js';
import type { PageScripts } from './index-page.js';
import type { SuiteRegistry } from './suites.js';

/** What the Dash-renderer mode gets from the server. */
export interface DashRendererContext {
  readonly suites: SuiteRegistry;
  /** `{req}`: every URL in the returned PageScripts starts with it. */
  readonly requestsPrefix: string;
  readonly debug: boolean;
}

/**
 * Register the unmodified Dash renderer's packages and return what the index page loads.
 * Not available yet: this mode is being added separately; until then it refuses to start.
 */
export function registerDashRendererPackages(context: DashRendererContext): Promise<PageScripts> {
  void context;
  return Promise.reject(
    new DashError(
      'DASH_ERR_RENDERER_UNAVAILABLE',
      "renderer: 'dash' (the unmodified Dash renderer) is not available in this version of dash-ts; use the default renderer",
    ),
  );
}
