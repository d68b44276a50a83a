/**
 * HTTP as Dash's renderer does it (spec/protocol-core.md §5.1, §6): JSON headers on every request,
 * cookies sent (`same-origin`), and the CSRF header when the config's cookie is present.
 */
import type { UpdateRequest } from '../../shared/protocol.js';
import type { Query } from '../graph/background.js';
import type { Transport } from '../graph/scheduler.js';
import type { TransportResponse } from '../graph/types.js';
import type { RequestConfig } from './headers.js';
import { apiUrl, requestHeaders } from './headers.js';
import { rendererHooks } from './renderer-hooks.js';

/** The bearer token set by `request_refresh_jwt`; once set it goes with every later request (§6.3). */
let bearer: string | undefined;

/** Dash retries a request at most once after refreshing the token (`MAX_AUTH_RETRIES`). */
function jwtExpired(status: number, body: string): boolean {
  return status === 401 || (status === 400 && body.includes('JWT Expired'));
}

/** An answer read as text; JSON parsing is left to the caller (it knows what it expects). */
export async function request(
  config: RequestConfig,
  path: string,
  init: { method?: string; body?: string } = {},
): Promise<TransportResponse & { body: string }> {
  const send = async (): Promise<TransportResponse & { body: string }> => {
    const headers = requestHeaders(config, document.cookie);
    if (bearer !== undefined) headers['Authorization'] = `Bearer ${bearer}`;
    const response = await fetch(apiUrl(config, path), {
      method: init.method ?? 'GET',
      credentials: 'same-origin',
      headers,
      ...(init.body === undefined ? {} : { body: init.body }),
    });
    return { status: response.status, body: await response.text() };
  };
  const first = await send();
  const refresh = rendererHooks().request_refresh_jwt;
  if (!jwtExpired(first.status, first.body) || typeof refresh !== 'function') return first;
  const token = await refresh(bearer);
  if (typeof token !== 'string' || token === '') return first;
  bearer = token;
  return send();
}

/** The callback transport: `POST _dash-update-component`. Rejects only on network failure. */
export function httpTransport(config: RequestConfig): Transport {
  return async (body: UpdateRequest, query?: Query) => {
    const hooks = rendererHooks();
    // request_pre sees the payload before it is serialised, so its mutations reach the server.
    if (typeof hooks.request_pre === 'function') hooks.request_pre(body);
    // Background handles go in the query as Dash's renderer sends them (`name=value`, unencoded: ours are URL-safe).
    const search = (query ?? []).map(([name, value]) => `${name}=${value}`).join('&');
    const path = search === '' ? '_dash-update-component' : `_dash-update-component?${search}`;
    const answer = await request(config, path, { method: 'POST', body: JSON.stringify(body) });
    if (typeof hooks.request_post !== 'function' || answer.status !== 200) return answer;
    let parsed: unknown;
    try {
      parsed = JSON.parse(answer.body);
    } catch {
      return answer; // not JSON: the scheduler reports it
    }
    const response =
      typeof parsed === 'object' && parsed !== null ? (parsed as { response?: unknown }).response : undefined;
    hooks.request_post(body, response);
    // The hook may have changed the response map: apply what it left.
    return { ...answer, body: JSON.stringify(parsed) };
  };
}
