/**
 * `POST _dash-update-component` (spec/protocol-core.md §5): run one callback.
 * The request is refused before the user's function can run when it is not JSON (415), too large
 * (413), nested too deep or carrying prototype keys (400), or names a callback or dependencies that
 * were not declared (404/400, from invokeCallback's checks). 200 JSON on success, 204 for PreventUpdate.
 */
import type { FastifyInstance } from 'fastify';
import type { RequestData } from '../callbacks/context.js';
import type { CallbackRegistry } from '../callbacks/registry.js';
import { invokeCallback } from '../callbacks/invoke.js';
import { writeCallbackResponse } from '../callbacks/response.js';
import { badRequest, DashError } from '../errors.js';
import { checkRequestJson, encodeJson } from '../json.js';
import { isJsonContentType, JSON_TYPE } from '../security.js';
import type { Site } from './site.js';

/** `ctx.cookies` / `ctx.headers`: string headers only (lower-case names), cookies parsed from `Cookie`. */
function requestData(headers: Record<string, string | string[] | undefined>): RequestData {
  // Object.fromEntries defines own properties, so a `__proto__` cookie or header stays a plain key.
  const flat = Object.fromEntries(
    Object.entries(headers)
      .filter((entry): entry is [string, string | string[]] => entry[1] !== undefined)
      .map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : value]),
  );
  const cookies: [string, string][] = [];
  for (const pair of (flat['cookie'] ?? '').split(';')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) continue;
    const raw = pair.slice(eq + 1).trim();
    let value = raw;
    try {
      value = decodeURIComponent(raw);
    } catch {
      // not percent-encoded: keep it as sent
    }
    cookies.push([pair.slice(0, eq).trim(), value]);
  }
  return { cookies: Object.fromEntries(cookies), headers: flat };
}

/** Does the callback named by this body declare an Input or State on a `contents` prop (dcc.Upload)? */
function takesUpload(registry: CallbackRegistry, body: unknown): boolean {
  const key = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['output'] : undefined;
  const definition = typeof key === 'string' ? registry.get(key) : undefined;
  return definition !== undefined && [...definition.inputs, ...definition.state].some((d) => d.property === 'contents');
}

/** The request body's size: Content-Length (Fastify has checked it against the bytes read), else re-encoded. */
function bodySize(headers: Record<string, unknown>, body: unknown): number {
  const declared = Number(headers['content-length']);
  return Number.isFinite(declared) ? declared : Buffer.byteLength(encodeJson(body));
}

export function updateComponentRoute(instance: FastifyInstance, site: Site): void {
  const { bodyLimit, maxDepth, uploadBodyLimit } = site.options;
  instance.post(
    '/_dash-update-component',
    // No hooks here (they cost a scheduling round-trip per request on the hottest route): a body that
    // is not JSON is refused with 415 by Fastify's content-type parsing before it is read (the
    // plugin removed the text/plain parser), and the depth check runs first thing in the handler.
    // With max_upload_bytes the route admits up to that size, and the handler holds every callback
    // that takes no Upload `contents` to the general body limit.
    { bodyLimit: uploadBodyLimit },
    async (request, reply) => {
      const started = site.debug ? performance.now() : 0;
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
      if (
        uploadBodyLimit > bodyLimit &&
        bodySize(request.headers, request.body) > bodyLimit &&
        !takesUpload(site.app.registry, request.body)
      ) {
        throw badRequest('DASH_ERR_BODY_TOO_LARGE', 'The body is larger than this callback accepts', 413);
      }
      const { hooks } = site.app;
      let result: Awaited<ReturnType<typeof invokeCallback>>;
      try {
        result = await invokeCallback(site.app.registry, request.body, {
          customData: (context) => hooks.customData(context),
          query: request.query as Record<string, unknown>,
          request: requestData(request.headers),
        });
      } catch (error) {
        // Error hooks (spec/callbacks.md §11.1) hear about every failing callback, then the error is answered as usual.
        if (error instanceof DashError && error.code === 'DASH_ERR_CALLBACK_FAILED') {
          hooks.error(error.cause, (message, cause) => request.log.error({ err: cause }, message));
        }
        throw error;
      }
      // ctx.response cookies/headers; in debug mode, Server-Timing with ctx.record_timing entries (as Dash).
      if (result.response) {
        writeCallbackResponse(reply, result.response, site.debug ? performance.now() - started : undefined);
      }
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
