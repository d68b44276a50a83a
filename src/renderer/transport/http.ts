/**
 * HTTP as Dash's renderer does it (spec/protocol-core.md §5.1, §6): JSON headers on every request,
 * cookies sent (`same-origin`), and the CSRF header when the config's cookie is present.
 */
import type { UpdateRequest } from '../../shared/protocol.js';
import type { Transport } from '../graph/scheduler.js';
import type { TransportResponse } from '../graph/types.js';
import type { RequestConfig } from './headers.js';
import { apiUrl, requestHeaders } from './headers.js';

/** An answer read as text; JSON parsing is left to the caller (it knows what it expects). */
export async function request(
  config: RequestConfig,
  path: string,
  init: { method?: string; body?: string } = {},
): Promise<TransportResponse & { body: string }> {
  const response = await fetch(apiUrl(config, path), {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    headers: requestHeaders(config, document.cookie),
    ...(init.body === undefined ? {} : { body: init.body }),
  });
  return { status: response.status, body: await response.text() };
}

/** The callback transport: `POST _dash-update-component`. Rejects only on network failure. */
export function httpTransport(config: RequestConfig): Transport {
  return (body: UpdateRequest) =>
    request(config, '_dash-update-component', { method: 'POST', body: JSON.stringify(body) });
}
