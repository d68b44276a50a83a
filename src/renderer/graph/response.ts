/**
 * Classifying a `_dash-update-component` answer (spec/callbacks.md §12.2, spec/protocol-core.md
 * §5.2–§5.4; `R:actions/callbacks.ts#handleServerside`).
 */
import type { TransportResponse } from './types.js';

/** id (stringified) → props to apply. */
export type PropUpdates = Record<string, Record<string, unknown>>;

export type Outcome =
  | { kind: 'data'; data: PropUpdates; sideUpdate: PropUpdates | undefined }
  | { kind: 'prevented' }
  | { kind: 'error'; detail: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An error body as text for the dev tools: our server's JSON errors (`{error, message, stack}`)
 * become "message" plus the stack; anything else (Dash's HTML traceback, plain text) stays as is.
 */
export function errorDetail(body: unknown): string {
  let value = body;
  if (typeof body === 'string' && body.startsWith('{')) {
    try {
      value = JSON.parse(body) as unknown;
    } catch {
      return body;
    }
  }
  if (isRecord(value) && (typeof value['message'] === 'string' || typeof value['error'] === 'string')) {
    const message = typeof value['message'] === 'string' ? value['message'] : String(value['error']);
    return typeof value['stack'] === 'string' ? `${message}\n\n${value['stack']}` : message;
  }
  return asText(body);
}

function asText(body: unknown): string {
  if (typeof body === 'string') return body;
  if (body === undefined || body === null) return '';
  return JSON.stringify(body);
}

function updatesOf(value: unknown): PropUpdates {
  const out: PropUpdates = {};
  if (!isRecord(value)) return out;
  for (const [id, props] of Object.entries(value)) if (isRecord(props)) out[id] = props;
  return out;
}

/**
 * Side updates as the server sends them: `{"<id>": {prop: value}}`, also accepting the
 * `"<id>.<prop>": value` form Dash uses for `running` and `progress`.
 */
export function normalizeSideUpdate(value: Record<string, unknown>): PropUpdates {
  const out: PropUpdates = {};
  for (const [key, v] of Object.entries(value)) {
    let id = key;
    let props: Record<string, unknown> | undefined;
    if (key.startsWith('{')) {
      const close = key.lastIndexOf('}');
      id = key.slice(0, close + 1);
      const rest = key.slice(close + 1);
      if (rest.startsWith('.')) props = { [rest.slice(1)]: v };
    } else if (key.includes('.')) {
      const dot = key.lastIndexOf('.');
      id = key.slice(0, dot);
      props = { [key.slice(dot + 1)]: v };
    }
    props ??= isRecord(v) ? v : {};
    out[id] = { ...out[id], ...props };
  }
  return out;
}

/**
 * 200 → data (the multi shape, or the legacy `{response: {props}}` applied to the output's id);
 * 204 → prevented; any other status → an error whose detail is the body text.
 */
export function classifyResponse(response: TransportResponse, outputKey: string): Outcome {
  if (response.status === 204) return { kind: 'prevented' };
  if (response.status !== 200) return { kind: 'error', detail: errorDetail(response.body) };
  let body = response.body;
  if (typeof body === 'string') {
    const text = body;
    try {
      body = text === '' ? {} : (JSON.parse(text) as unknown);
    } catch {
      return { kind: 'error', detail: `Invalid JSON in callback response: ${text.slice(0, 200)}` };
    }
  }
  if (!isRecord(body)) return { kind: 'error', detail: `Unexpected callback response: ${asText(body)}` };
  const sideUpdate = isRecord(body['sideUpdate']) ? normalizeSideUpdate(body['sideUpdate']) : undefined;
  let data: PropUpdates;
  if (body['multi'] === true) {
    data = updatesOf(body['response']);
  } else if (isRecord(body['response']) && isRecord(body['response']['props'])) {
    data = { [outputKey.slice(0, outputKey.lastIndexOf('.'))]: body['response']['props'] };
  } else {
    data = {};
  }
  return { kind: 'data', data, sideUpdate };
}
