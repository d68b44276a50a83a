/**
 * `redirect_from` (spec/callbacks.md §10.2): each listed path answers a 301 to its page, under the
 * app's routes prefix. The target is page data (the page's path under the requests prefix the page
 * is served with — the mount prefix when the app is a plugin), never the request.
 */
import type { FastifyInstance } from 'fastify';
import type { PageRegistry } from './registry.js';

export function pageRedirectRoutes(instance: FastifyInstance, pages: PageRegistry, requestsPrefix: string): void {
  for (const page of pages.entries()) {
    const target = `${requestsPrefix.replace(/\/+$/, '')}${page.path}`;
    for (const from of page.redirect_from) {
      instance.get(from, async (_request, reply) => reply.redirect(target, 301));
    }
  }
}
