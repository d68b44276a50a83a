/**
 * Route hooks (spec/callbacks.md §11.1): each `hooks.route(fn, { name, methods })` becomes a route
 * `<routes prefix><name>` in the app's scope, so it gets the app's security headers and error handling.
 */
import type { FastifyInstance } from 'fastify';
import type { AppHooks } from './hooks.js';

export function hookRoutes(instance: FastifyInstance, hooks: AppHooks): void {
  for (const hook of hooks.get('route')) {
    instance.route({ method: hook.data.methods, url: `/${hook.data.name}`, handler: hook.fn });
  }
}
