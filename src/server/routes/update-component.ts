/**
 * `POST _dash-update-component` (spec/protocol-core.md §5): run one callback.
 * The request is refused before the user's function can run when it is not JSON (415), too large
 * (413), nested too deep or carrying prototype keys (400), or names a callback or dependencies that
 * were not declared (404/400, from invokeCallback's checks). 200 JSON on success, 204 for PreventUpdate.
 */
import type { FastifyInstance } from 'fastify';
import { invokeCallback } from '../callbacks/invoke.js';
import { badRequest, DashError } from '../errors.js';
import { checkRequestJson, encodeJson } from '../json.js';
import { isJsonContentType, JSON_TYPE } from '../security.js';
import type { Site } from './site.js';

export function updateComponentRoute(instance: FastifyInstance, site: Site): void {
  const { bodyLimit, maxDepth } = site.options;
  instance.post(
    '/_dash-update-component',
    // No hooks here (they cost a scheduling round-trip per request on the hottest route): a body that
    // is not JSON is refused with 415 by Fastify's content-type parsing before it is read (the
    // plugin removed the text/plain parser), and the depth check runs first thing in the handler.
    { bodyLimit },
    async (request, reply) => {
      // A POST without any body never meets a content-type parser: it is refused here the same way.
      if (!isJsonContentType(request.headers['content-type'])) {
        throw badRequest(
          'DASH_ERR_UNSUPPORTED_MEDIA_TYPE',
          'Send the body as JSON, with Content-Type: application/json',
          415,
        );
      }
      // After parsing, before anything recursive touches the value.
      checkRequestJson(request.body, maxDepth);
      const result = await invokeCallback(site.app.registry, request.body);
      if (result.kind === 'prevented') return reply.code(204).send();
      return reply.type(JSON_TYPE).send(encodeJson(result.body));
    },
  );
  // Without this, a GET would fall through to the catch-all and answer the index page.
  instance.get('/_dash-update-component', async (_request, reply) => {
    reply.header('allow', 'POST');
    throw new DashError('DASH_ERR_METHOD_NOT_ALLOWED', 'Use POST for _dash-update-component', { statusCode: 405 });
  });
}
