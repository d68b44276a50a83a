/**
 * `dashPlugin`: one Dash app as an encapsulated Fastify plugin. Works on its own server
 * (`createDashServer`) and inside someone else's: `await fastify.register(app.plugin(), { prefix: '/dash' })`.
 * Everything it adds — security headers, error and 404 handlers, the JSON-only body policy — stays in
 * its own scope and does not leak into the host server.
 */
import type { FastifyPluginAsync } from 'fastify';
import { registerAssets } from './assets.js';
import { clientsideRoute } from './clientside-route.js';
import type { Dash } from './dash.js';
import { dashRendererStyleHashes } from './dash-renderer.js';
import { apiEndpointRoutes } from './routes/api-endpoints.js';
import { componentSuitesRoute } from './routes/component-suites.js';
import { dependenciesRoute } from './routes/dependencies.js';
import { faviconRoute } from './routes/favicon.js';
import { hookRoutes } from './hooks-routes.js';
import { pageRedirectRoutes } from './pages/redirects.js';
import { healthRoute } from './routes/health.js';
import { indexPageRoutes } from './routes/index-page.js';
import { layoutRoute } from './routes/layout.js';
import { reloadHashRoute } from './routes/reload-hash.js';
import { Site } from './routes/site.js';
import { updateComponentRoute } from './routes/update-component.js';
import { allowStyleHashes, registerSecurity } from './security.js';

export interface DashPluginOptions {
  app: Dash;
  /** Dev tools: error details in 5xx bodies, `_reload-hash`, `ui` in the config. */
  debug?: boolean;
  /** Folder of the built renderer (dist/browser); default: this package's. */
  bundleDir?: string | undefined;
}

export const dashPlugin: FastifyPluginAsync<DashPluginOptions> = async (instance, opts) => {
  const debug = opts.debug ?? false;
  const site = await Site.create({ app: opts.app, debug, mountPrefix: instance.prefix, bundleDir: opts.bundleDir });

  registerSecurity(instance, { debug, pruneErrors: site.options.pruneErrors });
  if (site.options.renderer === 'dash') {
    // The only CSP relaxation dash-ts has, and only for the wire-compatibility renderer: say so.
    const hashes = dashRendererStyleHashes();
    allowStyleHashes(instance, hashes);
    instance.log.warn(
      `dash-ts: renderer 'dash' relaxes the Content-Security-Policy: style-src also allows ${hashes.length} sha256 ` +
        "hashes of the inline <style> texts the unmodified Dash bundles inject (no 'unsafe-inline'). " +
        'The default renderer keeps the strict CSP.',
    );
  }
  // Fastify parses text/plain bodies by default; a cross-site form can send those without a
  // preflight, so in this scope only JSON is a body (spec/security.md §1.7).
  instance.removeContentTypeParser('text/plain');

  indexPageRoutes(instance, site);
  pageRedirectRoutes(instance, site.app.pages.registry, site.requestsPrefix);
  hookRoutes(instance, site.app.hooks);
  layoutRoute(instance, site);
  dependenciesRoute(instance, site);
  updateComponentRoute(instance, site);
  if (site.app.apisEnabled) apiEndpointRoutes(instance, site);
  clientsideRoute(instance, site.app);
  componentSuitesRoute(instance, site);
  healthRoute(instance, site);
  await faviconRoute(instance);
  await reloadHashRoute(instance, site);
  await registerAssets(instance, site.options.assetsFolder, site.options.assetsUrlPath);
};
