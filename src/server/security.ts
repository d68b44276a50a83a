/**
 * The security baseline of every response (spec/security.md §6.3): strict headers through
 * @fastify/helmet plus our own nonce-based CSP (see cspTemplate), `no-store` unless a route chose its own caching, HSTS on
 * TLS only; and errors that are always JSON `{error, id}`, describing the client's mistake on 4xx
 * and nothing at all on 5xx in production (§1.7: Fastify's default handler leaks `error.message`).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { ServerResponse } from 'node:http';
import helmet from 'helmet';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody } from '../shared/protocol.js';
import type { DashErrorCode } from './errors.js';
import { pruneStack } from './devtools/traceback.js';
import { DashError } from './errors.js';
import { encodeJson } from './json.js';

// One nonce per response, created when the CSP header is written and read by the index page.
const nonces = new WeakMap<ServerResponse, string>();

// 128-bit nonces cut from a pooled buffer of CSPRNG bytes: one randomBytes call per 256 responses
// instead of one per response (the call showed up in the callback route's profile).
const NONCE_BYTES = 16;
let pool = Buffer.alloc(0);
let poolOffset = 0;
function freshNonce(): string {
  if (poolOffset + NONCE_BYTES > pool.length) {
    pool = randomBytes(NONCE_BYTES * 256);
    poolOffset = 0;
  }
  const nonce = pool.toString('base64', poolOffset, poolOffset + NONCE_BYTES);
  poolOffset += NONCE_BYTES;
  return nonce;
}

function nonceOf(res: ServerResponse): string {
  let nonce = nonces.get(res);
  if (nonce === undefined) {
    nonce = freshNonce();
    nonces.set(res, nonce);
  }
  return nonce;
}

/** The CSP nonce of this response (128 random bits, fresh per response). */
export function cspNonce(reply: FastifyReply): string {
  return nonceOf(reply.raw);
}

const NONCE = Symbol('nonce');

/** The CSP of spec/security.md §6.3, in header order. */
const CSP: readonly (readonly [string, readonly (string | typeof NONCE)[]])[] = [
  ['default-src', ["'none'"]],
  ['script-src', [NONCE, "'strict-dynamic'"]],
  ['style-src', ["'self'", NONCE]],
  ['img-src', ["'self'", 'data:']],
  ['font-src', ["'self'"]],
  ['connect-src', ["'self'"]],
  ['object-src', ["'none'"]],
  ['base-uri', ["'none'"]],
  ['form-action', ["'self'"]],
  ['frame-ancestors', ["'none'"]],
];

export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=()';
export const HSTS = 'max-age=63072000; includeSubDomains';

/**
 * The CSP as constant text around the nonce, computed once per set of extra style sources: the
 * header is written on every response, so it is a string concatenation, not a directive walk.
 * (We write it ourselves rather than through helmet's directive functions, which re-parse and
 * validate every directive on every response; spec/security.md §6.3 also wants one nonce shared by
 * script-src and style-src, which helmet's enableCSPNonces does not give.)
 */
function cspTemplate(extraStyleSources: readonly string[]): readonly string[] {
  const text = CSP.map(([name, values]) =>
    [name, ...values.map((v) => (v === NONCE ? '\u0000' : v)), ...(name === 'style-src' ? extraStyleSources : [])].join(
      ' ',
    ),
  ).join(';');
  return text.split('\u0000');
}

const defaultCsp = cspTemplate([]);

/** The CSP of one response; `template` from cspTemplate. */
function cspHeaderValue(res: ServerResponse, template: readonly string[] = defaultCsp): string {
  return template.join(`'nonce-${nonceOf(res)}'`);
}

/**
 * The baseline headers written by hand, for the few answers Fastify sends before any hook can run
 * (a URL that does not decode, `frameworkErrors`). Everything else gets them from helmet and the hooks.
 */
export function baselineHeaders(res: ServerResponse): Record<string, string> {
  return {
    'content-security-policy': cspHeaderValue(res),
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'permissions-policy': PERMISSIONS_POLICY,
    'cache-control': 'no-store',
  };
}

/**
 * helmet's headers (every one but the CSP, which is per response), computed once at start-up by
 * running helmet's middleware against a recording response. helmet stays the authority on what
 * these headers say; we only avoid running its middleware chain on every request (part of the
 * callback route's budget, measured with `npm run bench`).
 */
function helmetHeaders(): readonly (readonly [string, string])[] {
  const headers = new Map<string, string>();
  const recorder = {
    setHeader(name: string, value: unknown) {
      headers.set(name.toLowerCase(), String(value));
    },
    removeHeader(name: string) {
      headers.delete(name.toLowerCase());
    },
  };
  helmet({
    // Written per response in the onRequest hook (see cspTemplate).
    contentSecurityPolicy: false,
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    referrerPolicy: { policy: 'no-referrer' },
    xFrameOptions: { action: 'deny' },
    // Set in the hook, and only when this very request came over TLS.
    strictTransportSecurity: false,
  })(
    {} as Parameters<ReturnType<typeof helmet>>[0],
    recorder as unknown as Parameters<ReturnType<typeof helmet>>[1],
    () => undefined,
  );
  return [...headers];
}

const staticHeaders = helmetHeaders();

/** Settings of the security layer. */
export interface SecuritySettings {
  /** Debug mode: 5xx bodies carry the message and stack (for the dev-tools overlay). */
  readonly debug: boolean;
  /** Debug mode: the stack keeps only the app's frames (`dev_tools_prune_errors`, default true). */
  readonly pruneErrors?: boolean | undefined;
}

const SECURED = 'dashSecurity';

/**
 * Add the security layer to a Fastify scope (and so to every route and 404 of that scope and its
 * children). Applied once: a scope whose ancestor already has it is left alone.
 */
export function registerSecurity(instance: FastifyInstance, settings: SecuritySettings): void {
  if (instance.hasDecorator(SECURED)) return;
  instance.decorate(SECURED, true);

  instance.addHook('onRequest', (request, reply, done) => {
    const res = reply.raw;
    for (const [name, value] of staticHeaders) res.setHeader(name, value);
    res.setHeader('content-security-policy', cspHeaderValue(res));
    // The HTML shell, every /_dash-* answer and every error must not be stored; routes with a
    // caching policy of their own (suites, assets, favicon) set theirs, which wins at writeHead.
    // (Set here rather than in an onSend hook: one hook less on every response.)
    reply.raw.setHeader('cache-control', 'no-store');
    reply.header('permissions-policy', PERMISSIONS_POLICY);
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
    done();
  });

  instance.setErrorHandler((error, request, reply) => sendError(error, request, reply, settings));

  try {
    instance.setNotFoundHandler((request, reply) => {
      const body: ErrorBody = {
        error: 'Not Found',
        id: randomUUID(),
        code: 'DASH_ERR_NOT_FOUND',
        message: 'Nothing is served at this address',
      };
      return reply.code(404).type(JSON_TYPE).send(encodeJson(body));
    });
  } catch (error) {
    // Mounted without a prefix into a server that already has its own 404 handler: keep theirs.
    instance.log.debug({ err: error }, 'dash-ts: the host server keeps its own not-found handler');
  }
}

const styleHash = /^sha256-[A-Za-z0-9+/]{43}=$/;

/**
 * An explicit opt-out for one scope (`renderer: 'dash'` only): style-src also allows these sha256
 * hashes of fixed inline `<style>` texts. Still no 'unsafe-inline'. Runs after the baseline's onRequest
 * hook (an ancestor's, or this scope's registered before) and rewrites the header with the same nonce.
 */
export function allowStyleHashes(instance: FastifyInstance, hashes: readonly string[]): void {
  const bad = hashes.find((h) => !styleHash.test(h));
  if (bad !== undefined) throw new DashError('DASH_ERR_OPTIONS', `"${bad}" is not a sha256 CSP hash-source`);
  const template = cspTemplate(hashes.map((h) => `'${h}'`));
  instance.addHook('onRequest', (_request, reply, done) => {
    if (reply.raw.hasHeader('content-security-policy')) {
      reply.raw.setHeader('content-security-policy', cspHeaderValue(reply.raw, template));
    }
    done();
  });
}

export const JSON_TYPE = 'application/json; charset=utf-8';

/** What a 4xx tells the client, for errors raised by Fastify itself (the text is ours, not the library's). */
function describeClientError(error: FastifyError, status: number): { code: DashErrorCode; message: string } {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return {
        code: 'DASH_ERR_UNSUPPORTED_MEDIA_TYPE',
        message: 'Send the body as JSON, with Content-Type: application/json',
      };
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { code: 'DASH_ERR_BODY_TOO_LARGE', message: 'The body is larger than this route accepts' };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return {
        code: 'DASH_ERR_BAD_REQUEST',
        message: 'The body is not valid JSON, or it contains a forbidden key (__proto__, constructor.prototype)',
      };
    default:
      break;
  }
  if (status === 404) return { code: 'DASH_ERR_NOT_FOUND', message: 'Nothing is served at this address' };
  if (status === 405) return { code: 'DASH_ERR_METHOD_NOT_ALLOWED', message: 'This method is not allowed here' };
  if (status === 413) return { code: 'DASH_ERR_BODY_TOO_LARGE', message: 'The body is larger than this route accepts' };
  if (status === 415) return { code: 'DASH_ERR_UNSUPPORTED_MEDIA_TYPE', message: 'Unsupported media type' };
  return { code: 'DASH_ERR_BAD_REQUEST', message: STATUS_CODES[status] ?? 'Bad Request' };
}

function statusOf(error: unknown): number {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && Number.isInteger(status) && status >= 400 && status <= 599 ? status : 500;
}

/** The user's error behind a wrapper (a callback's DASH_ERR_CALLBACK_FAILED carries it as `cause`). */
function rootCause(error: unknown): unknown {
  let current = error;
  for (let i = 0; i < 8 && current instanceof DashError && current.cause !== undefined; i += 1) current = current.cause;
  return current;
}

/**
 * Answer an error as JSON. 4xx: `{error, id, code, message}` with a message about the request.
 * 5xx: logged with its id and stack; the body is `{error, id}` only, unless in debug mode.
 */
export function sendError(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  settings: SecuritySettings,
): FastifyReply {
  const id = randomUUID();
  const status = statusOf(error);
  const body: ErrorBody = { error: STATUS_CODES[status] ?? 'Error', id };
  if (status < 500) {
    const described =
      error instanceof DashError
        ? { code: error.code, message: error.message }
        : describeClientError(error as FastifyError, status);
    body.code = described.code;
    body.message = described.message;
    request.log.info({ errorId: id, statusCode: status, code: described.code }, described.message);
  } else {
    request.log.error({ err: error, errorId: id }, 'request failed');
    if (settings.debug) {
      const cause = rootCause(error);
      body.code = error instanceof DashError ? error.code : 'DASH_ERR_INTERNAL';
      const outer = error instanceof Error ? error.message : String(error);
      const inner = cause instanceof Error ? cause.message : String(cause);
      body.message = cause === error ? outer : `${outer}: ${inner}`;
      if (cause instanceof Error && cause.stack !== undefined) {
        body.stack = settings.pruneErrors === false ? cause.stack : pruneStack(cause.stack);
      }
    }
  }
  // A route may have chosen long caching before it failed; an error must never be stored.
  return reply.code(status).type(JSON_TYPE).header('cache-control', 'no-store').send(encodeJson(body));
}

/** True for `application/json` (any parameters, any case) — the only body the callback route takes. */
export function isJsonContentType(header: string | undefined): boolean {
  if (header === undefined) return false;
  const type = header.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json';
}

/**
 * Fastify's `frameworkErrors`: answers to requests that never reach routing (a URL that does not
 * decode). No hook runs for them, so the baseline headers are written here.
 */
export function frameworkErrorHandler(
  settings: SecuritySettings,
): (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => void {
  return (error, request, reply) => {
    reply.headers(baselineHeaders(reply.raw));
    if (request.protocol === 'https') reply.header('strict-transport-security', HSTS);
    sendError(error, request, reply, settings);
  };
}
