/**
 * `api_endpoint` routes (spec/callbacks.md §5.7): after `app.setup_apis()`, each such callback's raw
 * function is also `POST <path>` (path as given, inside this app's mount): JSON object in, the
 * function's return value out as JSON. Same body policy as `_dash-update-component`: JSON only (415),
 * size limit (413), depth limit and prototype keys (400); keys that name no Input/State are a 400.
 */
import type { FastifyInstance } from 'fastify';
import type { AnyArgument } from '../../shared/dependencies.js';
import { NoUpdate, PreventUpdate } from '../../shared/dependencies.js';
import { stringifyId } from '../../shared/prop-id.js';
import type { CallbackDefinition } from '../callbacks/registry.js';
import { badRequest, DashError } from '../errors.js';
import { checkRequestJson, encodeJson } from '../json.js';
import { isJsonContentType, JSON_TYPE } from '../security.js';
import type { Site } from './site.js';

/**
 * The names a body may use for one dependency: `<id>.<prop>` always, and the prop name alone when no
 * other Input/State of the callback has that prop.
 */
function argumentNames(deps: readonly AnyArgument[]): string[][] {
  const propCount = new Map<string, number>();
  for (const d of deps) propCount.set(d.property, (propCount.get(d.property) ?? 0) + 1);
  return deps.map((d) => {
    const names = [`${stringifyId(d.id)}.${d.property}`];
    if (propCount.get(d.property) === 1) names.push(d.property);
    return names;
  });
}

/** The function's arguments, in declaration order (Inputs then States), from a JSON object body. */
export function apiArguments(definition: CallbackDefinition, body: unknown): unknown[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw badRequest('DASH_ERR_BAD_REQUEST', 'The body must be a JSON object of argument values');
  }
  const given = body as Record<string, unknown>;
  const deps = [...definition.inputs, ...definition.state];
  const names = argumentNames(deps);
  const known = new Set(names.flat());
  const unknown = Object.keys(given).filter((k) => !known.has(k));
  if (unknown.length > 0) {
    throw badRequest(
      'DASH_ERR_BAD_REQUEST',
      `Unknown argument ${JSON.stringify(unknown[0])}; this endpoint takes ${names.map((n) => n[n.length - 1]).join(', ')}`,
    );
  }
  return names.map((aliases) => {
    const name = aliases.find((n) => Object.hasOwn(given, n));
    return name === undefined ? null : (given[name] ?? null);
  });
}

export function apiEndpointRoutes(instance: FastifyInstance, site: Site): void {
  const { bodyLimit, maxDepth } = site.options;
  for (const definition of site.app.registry.apiEndpoints()) {
    const path = definition.apiEndpoint as string;
    instance.post(path, { bodyLimit }, async (request, reply) => {
      if (!isJsonContentType(request.headers['content-type'])) {
        throw badRequest(
          'DASH_ERR_UNSUPPORTED_MEDIA_TYPE',
          'Send the body as JSON, with Content-Type: application/json',
          415,
        );
      }
      checkRequestJson(request.body, maxDepth);
      const args = apiArguments(definition, request.body);
      let returned: unknown;
      try {
        returned = await definition.fn(...args);
      } catch (error) {
        if (error instanceof PreventUpdate || error === PreventUpdate) return reply.code(204).send();
        throw new DashError('DASH_ERR_CALLBACK_FAILED', `API endpoint ${path} failed`, { cause: error });
      }
      if (returned instanceof NoUpdate) return reply.code(204).send();
      return reply.type(JSON_TYPE).send(encodeJson(returned ?? null));
    });
  }
}
