/**
 * Headers and URLs of renderer requests (spec/protocol-core.md §5.1, §6): JSON on every request, and
 * the CSRF header when the config's cookie is present. Pure; http.ts does the fetching.
 */
import type { DashConfig } from '../../shared/protocol.js';

export type RequestConfig = Pick<DashConfig, 'requests_pathname_prefix' | 'csrf_token_name' | 'csrf_header_name'>;

/** The value of a cookie in a `document.cookie` string. */
export function readCookie(cookies: string, name: string): string | undefined {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=');
    if (eq === -1 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}

/** Headers of every renderer request: JSON, plus `X-CSRFToken` (or the configured name) from its cookie. */
export function requestHeaders(config: RequestConfig, cookies: string): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/json' };
  const token = readCookie(cookies, config.csrf_token_name || '_csrf_token');
  if (token) headers[config.csrf_header_name || 'X-CSRFToken'] = token;
  return headers;
}

/** `{requests_pathname_prefix}{path}`. */
export function apiUrl(config: RequestConfig, path: string): string {
  const prefix = config.requests_pathname_prefix || '/';
  return `${prefix.endsWith('/') ? prefix : `${prefix}/`}${path}`;
}
