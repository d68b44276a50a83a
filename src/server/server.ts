/**
 * `createDashServer`: a Fastify instance serving one app (what `app.server()` and `app.run()` use).
 * Production settings: a request timeout, the body limit, `trustProxy: false` (a spoofed
 * X-Forwarded-For must not count; spec/security.md §2.7), and the security layer on the root scope
 * too, so that requests outside the routes prefix get the same headers and JSON 404s.
 */
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import type { Dash, ServerOptions } from './dash.js';
import { dashPlugin } from './plugin.js';
import { frameworkErrorHandler, registerSecurity } from './security.js';

export async function createDashServer(app: Dash, options: ServerOptions = {}): Promise<FastifyInstance> {
  const resolved = app.resolvedOptions();
  const debug = options.debug ?? false;
  const server = Fastify({
    logger: options.logger ?? { level: debug ? 'debug' : 'info' },
    requestTimeout: resolved.requestTimeout,
    bodyLimit: resolved.bodyLimit,
    trustProxy: false,
    frameworkErrors: frameworkErrorHandler({ debug, pruneErrors: resolved.pruneErrors }),
  });
  try {
    registerSecurity(server, { debug, pruneErrors: resolved.pruneErrors });
    // Fastify prefixes have no trailing slash; '/' mounts at the root.
    const prefix = resolved.routesPrefix.replace(/\/+$/, '');
    // Awaited so that startup errors (a missing browser bundle, bad options) reject app.server().
    await server.register(dashPlugin, { app, debug, bundleDir: options.bundleDir, prefix });
  } catch (error) {
    await server.close().catch(() => undefined);
    throw error;
  }
  return server;
}
