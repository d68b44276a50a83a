/**
 * Serving the clientside callbacks' files (src/server/clientside.ts): `_dash-clientside/<name>.js`,
 * content-addressed, so cached as immutable; any other name is a 404.
 */
import type { FastifyInstance } from 'fastify';
import type { Dash } from './dash.js';
import { CLIENTSIDE_PATH, GLOBALS_CONTENT, GLOBALS_FILE } from './clientside.js';
import { DashError } from './errors.js';
import { IMMUTABLE } from './suites.js';

/** The scripts the index page loads for clientside callbacks, around the renderer's and the assets'. */
export interface ClientsideScriptTags {
  /**
   * Before the assets folder's scripts: the globals, when the app has clientside callbacks (without
   * any, the renderer creates them when it starts). Our renderer only: Dash's defines its own.
   */
  readonly before: { src: string }[];
  /** After them: the inline functions, when the app has any. */
  readonly after: { src: string }[];
}

export function clientsideScriptTags(app: Dash, requestsPrefix: string, ownRenderer: boolean): ClientsideScriptTags {
  const url = (name: string): string => `${requestsPrefix}${CLIENTSIDE_PATH}/${name}`;
  const inline = app.clientsideScripts.inlineFile();
  return {
    before: ownRenderer && app.clientsideScripts.used ? [{ src: url(GLOBALS_FILE) }] : [],
    after: inline === null ? [] : [{ src: url(inline.name) }],
  };
}

function fileContent(app: Dash, name: string): string | undefined {
  if (name === GLOBALS_FILE) return GLOBALS_CONTENT;
  const inline = app.clientsideScripts.inlineFile();
  return inline !== null && inline.name === name ? inline.content : undefined;
}

export function clientsideRoute(instance: FastifyInstance, app: Dash): void {
  instance.get<{ Params: { file: string } }>(`/${CLIENTSIDE_PATH}/:file`, async (request, reply) => {
    const content = fileContent(app, request.params.file);
    if (content === undefined) {
      throw new DashError('DASH_ERR_NOT_FOUND', 'No such clientside callback file', { statusCode: 404 });
    }
    return reply.type('text/javascript; charset=utf-8').header('cache-control', IMMUTABLE).send(content);
  });
}
