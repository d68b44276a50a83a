/**
 * `_dash-layout` (spec/protocol-core.md §1.2): the layout as JSON, a layout function called once per
 * request (per page load). NaN/±Infinity are sent as null, `noUpdate` as Dash's marker object.
 */
import type { FastifyInstance } from 'fastify';
import { encodeJson } from '../json.js';
import { JSON_TYPE } from '../security.js';
import type { Site } from './site.js';

export function layoutRoute(instance: FastifyInstance, site: Site): void {
  instance.get('/_dash-layout', async (_request, reply) => {
    // Layout hooks (spec/callbacks.md §11.1) run each time the layout is served.
    const layout = await site.app.hooks.layout(await site.app.resolveLayout());
    return reply.type(JSON_TYPE).send(encodeJson(layout));
  });
}
