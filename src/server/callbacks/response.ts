/**
 * `ctx.response` and `ctx.record_timing` (spec/callbacks.md §4.2): what a callback adds to its own
 * HTTP answer — cookies, headers, and `Server-Timing` entries. Collected per call; the route writes
 * them on the reply. Nothing here touches Fastify.
 */
import { DashError } from '../errors.js';

/** Options of `set_cookie`, named as in Flask/Werkzeug (Dash's `ctx.response.set_cookie`). */
export interface CookieOptions {
  max_age?: number;
  expires?: Date;
  path?: string;
  domain?: string;
  secure?: boolean;
  httponly?: boolean;
  samesite?: 'Strict' | 'Lax' | 'None';
}

// RFC 6265 cookie-name (a token) and an attribute value without separators: nothing a user passes
// can add attributes or a second header.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const ATTRIBUTE = /^[^;\r\n\0]*$/;

function attribute(name: string, value: string): string {
  if (!ATTRIBUTE.test(value)) {
    throw new DashError('DASH_ERR_CALLBACK_ARGS', `set_cookie: the ${name} must not contain ";" or line breaks`);
  }
  return `; ${name}=${value}`;
}

/** The HTTP answer of one callback call, as the callback shapes it. */
export class CallbackResponse {
  readonly cookies: string[] = [];
  readonly headers = new Map<string, string>();
  /** `Server-Timing` entries: name → duration in ms and description. */
  readonly timings = new Map<string, { dur: number; desc: string | undefined }>();

  /** Add a `Set-Cookie` header. The value is percent-encoded (as `encodeURIComponent`). */
  set_cookie(name: string, value: string, options: CookieOptions = {}): void {
    if (!TOKEN.test(name)) throw new DashError('DASH_ERR_CALLBACK_ARGS', `set_cookie: invalid cookie name "${name}"`);
    let cookie = `${name}=${encodeURIComponent(value)}`;
    if (options.max_age !== undefined) cookie += `; Max-Age=${Math.trunc(options.max_age)}`;
    if (options.expires !== undefined) cookie += `; Expires=${options.expires.toUTCString()}`;
    if (options.domain !== undefined) cookie += attribute('Domain', options.domain);
    cookie += attribute('Path', options.path ?? '/');
    if (options.secure === true) cookie += '; Secure';
    if (options.httponly === true) cookie += '; HttpOnly';
    if (options.samesite !== undefined) cookie += attribute('SameSite', options.samesite);
    this.cookies.push(cookie);
  }

  /** Expire a cookie now. */
  delete_cookie(name: string, options: Pick<CookieOptions, 'path' | 'domain'> = {}): void {
    this.set_cookie(name, '', { ...options, max_age: 0, expires: new Date(0) });
  }

  /** Set a response header (replacing an earlier value of the same name). */
  set_header(name: string, value: string): void {
    if (!TOKEN.test(name) || !ATTRIBUTE.test(value)) {
      throw new DashError('DASH_ERR_CALLBACK_ARGS', `set_header: invalid header ${JSON.stringify(name)}`);
    }
    this.headers.set(name.toLowerCase(), value);
  }

  /** `ctx.record_timing`: `seconds` becomes a `Server-Timing` entry in ms; a name may be used once. */
  record_timing(name: string, seconds: number, description?: string): void {
    if (!TOKEN.test(name)) throw new DashError('DASH_ERR_CALLBACK_ARGS', `record_timing: invalid name "${name}"`);
    if (this.timings.has(name)) {
      throw new DashError('DASH_ERR_CALLBACK_ARGS', `record_timing: duplicate resource name found: ${name}`);
    }
    this.timings.set(name, { dur: Math.round(seconds * 1000), desc: description });
  }
}

/**
 * The `Server-Timing` header (debug mode): `__dash_server;dur=<total ms>` then each recorded entry,
 * as Dash writes it.
 */
export function serverTimingHeader(totalMs: number, timings: CallbackResponse['timings']): string {
  const entries = [`__dash_server;dur=${Math.round(totalMs)}`];
  for (const [name, { dur, desc }] of timings) {
    entries.push(desc === undefined ? `${name};dur=${dur}` : `${name};dur=${dur};desc=${JSON.stringify(desc)}`);
  }
  return entries.join(', ');
}

/** Write what the callback added to its answer; `totalMs` (debug mode only) adds `Server-Timing`. */
export function writeCallbackResponse(
  reply: { header(name: string, value: string | string[]): unknown },
  response: CallbackResponse,
  totalMs: number | undefined,
): void {
  for (const [name, value] of response.headers) reply.header(name, value);
  if (response.cookies.length > 0) reply.header('set-cookie', response.cookies);
  if (totalMs !== undefined) reply.header('server-timing', serverTimingHeader(totalMs, response.timings));
}
