/**
 * The index page at the prefix itself and at every other GET path under it (client-side routing with
 * `dcc.Location` needs `/{req}reports/2024` to render the app; spec/protocol-core.md §1.1). Specific
 * routes win over the catch-all.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { layoutValidationConfig } from '../callbacks/validate-app.js';
import { renderIndexPage } from '../index-page.js';
import { pageMetaTags } from '../pages/meta.js';
import { cspNonce } from '../security.js';
import { packageVersion } from '../suites.js';
import type { Site } from './site.js';

export function indexPageRoutes(instance: FastifyInstance, site: Site): void {
  const { app } = site;
  const handler = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    if (site.debug) await site.refreshBundle();
    const assets = await site.assets();
    // Multi-page apps: the requested page's meta tags first (spec/callbacks.md §10.3). Built from the
    // request and page data, escaped by renderIndexPage like every attribute value.
    const pageTags =
      app.pages.enabled && app.options.include_pages_meta !== false
        ? pageMetaTags(
            app.pages.registry,
            { url: request.url, protocol: request.protocol, host: request.host },
            {
              requestsPrefix: site.requestsPrefix,
              assetsUrlPath: site.options.assetsUrlPath,
              appTitle: site.options.title,
              appDescription: app.options.description ?? '',
              assets: assets.all,
            },
          )
        : [];
    const rendered = renderIndexPage({
      title: site.options.title,
      metaTags: [...pageTags, ...site.options.metaTags],
      faviconUrl: site.faviconUrl(assets, packageVersion),
      page: site.page(assets),
      // The layout checks of the callbacks (spec/callbacks.md §9.5), computed once and cached per app.
      config: { ...site.config, ...(await layoutValidationConfig(app, site.options.renderer)) },
      nonce: cspNonce(reply),
    });
    // Index hooks (spec/callbacks.md §11.1) see the final page.
    const html = app.hooks.index(rendered);
    return reply.type('text/html; charset=utf-8').send(html);
  };
  instance.get('/', handler);
  instance.get('/*', handler);
}
