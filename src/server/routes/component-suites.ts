/**
 * `_dash-component-suites/<package>/<path>` (spec/protocol-core.md §1.5, spec/security.md §2.3):
 * only files registered for a package are served; a fingerprint in the last segment is stripped
 * first. Everything else — unknown package or file, `..`, encoded traversal, absolute paths — is 404.
 */
import type { FastifyInstance } from 'fastify';
import { DashError } from '../errors.js';
import { sendSuiteFile } from '../suites.js';
import type { Site } from './site.js';

function notFound(): DashError {
  return new DashError('DASH_ERR_NOT_FOUND', 'No such component file', { statusCode: 404 });
}

export function componentSuitesRoute(instance: FastifyInstance, site: Site): void {
  instance.get<{ Params: { package: string; '*': string } }>(
    '/_dash-component-suites/:package/*',
    async (request, reply) => {
      const { package: name, '*': rest } = request.params;
      let file = site.suites.lookup(name, rest);
      // Debug mode: the bundle may have been rebuilt since the page was served.
      if (file === undefined && (await site.refreshBundle()) !== null) file = site.suites.lookup(name, rest);
      if (file === undefined || !(await sendSuiteFile(request, reply, file))) throw notFound();
      return reply;
    },
  );
}
