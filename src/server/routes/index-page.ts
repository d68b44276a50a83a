/**
 * The index page at the prefix itself and at every other GET path under it (client-side routing with
 * `dcc.Location` needs `/{req}reports/2024` to render the app; spec/protocol-core.md §1.1). Specific
 * routes win over the catch-all.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { renderIndexPage } from '../index-page.js';
import { cspNonce } from '../security.js';
import { packageVersion } from '../suites.js';
import type { Site } from './site.js';

export function indexPageRoutes(instance: FastifyInstance, site: Site): void {
  const handler = async (_request: unknown, reply: FastifyReply): Promise<FastifyReply> => {
    if (site.debug) await site.refreshBundle();
    const assets = await site.assets();
    const html = renderIndexPage({
      title: site.options.title,
      metaTags: site.options.metaTags,
      faviconUrl: site.faviconUrl(assets, packageVersion),
      page: site.page(assets),
      config: site.config,
      nonce: cspNonce(reply),
    });
    return reply.type('text/html; charset=utf-8').send(html);
  };
  instance.get('/', handler);
  instance.get('/*', handler);
}
