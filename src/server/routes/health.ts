/** The health route (spec/protocol-core.md §1.9): plain `OK`, at `health_endpoint` unless it is turned off. */
import type { FastifyInstance } from 'fastify';
import type { Site } from './site.js';

export function healthRoute(instance: FastifyInstance, site: Site): void {
  const endpoint = site.options.healthEndpoint;
  if (endpoint === false) return;
  instance.get(`/${endpoint}`, async (_request, reply) => reply.type('text/plain; charset=utf-8').send('OK'));
}
