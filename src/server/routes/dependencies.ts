/** `_dash-dependencies` (spec/protocol-core.md §1.3, §4): every callback's spec. */
import type { FastifyInstance } from 'fastify';
import { encodeJson } from '../json.js';
import { JSON_TYPE } from '../security.js';
import type { Site } from './site.js';

export function dependenciesRoute(instance: FastifyInstance, site: Site): void {
  instance.get('/_dash-dependencies', async (_request, reply) => {
    return reply.type(JSON_TYPE).send(encodeJson(site.app.registry.specs()));
  });
}
