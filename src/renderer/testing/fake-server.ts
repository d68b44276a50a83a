/**
 * Test support for the scheduler: a fake `_dash-update-component` (one handler per callback key),
 * helpers to write `_dash-dependencies` entries and component JSON, and deferred promises to
 * control the order responses arrive in. No DOM, no Node APIs.
 */
import type { ComponentJson } from '../../shared/layout.js';
import type { CallbackArgument, CallbackSpec, UpdateRequest } from '../../shared/protocol.js';
import type { Transport } from '../graph/scheduler.js';
import type { TransportResponse } from '../graph/types.js';

export interface Reply {
  readonly status: number;
  readonly body?: unknown;
}

export type Handler = (request: UpdateRequest) => Reply | Promise<Reply>;

/** A 200 answer in Dash's multi shape. */
export function ok(response: Record<string, Record<string, unknown>>, sideUpdate?: Record<string, unknown>): Reply {
  return { status: 200, body: { multi: true, response, ...(sideUpdate ? { sideUpdate } : {}) } };
}

/** PreventUpdate. */
export const prevented: Reply = { status: 204, body: '' };

/** An error answer with a text body. */
export function failure(status: number, text: string): Reply {
  return { status, body: text };
}

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
}

export function deferred<T>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Records every request (as it would travel: a JSON round trip) and answers from the handlers. */
export class FakeServer {
  readonly calls: UpdateRequest[] = [];
  readonly #handlers: Record<string, Handler>;

  constructor(handlers: Record<string, Handler>) {
    this.#handlers = handlers;
  }

  readonly transport: Transport = async (request): Promise<TransportResponse> => {
    const wire = JSON.parse(JSON.stringify(request)) as UpdateRequest;
    this.calls.push(wire);
    const handler = this.#handlers[wire.output];
    if (!handler) return { status: 500, body: `no handler for ${wire.output}` };
    const reply = await handler(wire);
    return { status: reply.status, body: reply.body ?? '' };
  };

  /** Requests made for one callback key. */
  callsFor(key: string): UpdateRequest[] {
    return this.calls.filter((c) => c.output === key);
  }
}

/** The value of the i-th input (or state) of a request. */
export function valueOf(args: UpdateRequest['inputs'] | undefined, index: number): unknown {
  const arg = args?.[index] as CallbackArgument | undefined;
  return arg?.value ?? null;
}

export interface SpecOptions {
  inputs?: string[];
  state?: string[];
  prevent_initial_call?: boolean;
  no_output?: boolean;
  persistent?: boolean;
  running?: CallbackSpec['running'];
  optional?: string[];
}

function dep(propId: string, optional: readonly string[]): { id: string; property: string; allow_optional?: boolean } {
  const dot = propId.lastIndexOf('.');
  const ref = { id: propId.slice(0, dot), property: propId.slice(dot + 1) };
  return optional.includes(propId) ? { ...ref, allow_optional: true } : ref;
}

/** A `_dash-dependencies` entry: `spec('out.children', {inputs: ['in.value']})`. */
export function spec(output: string, options: SpecOptions = {}): CallbackSpec {
  const optional = options.optional ?? [];
  return {
    output,
    inputs: (options.inputs ?? []).map((p) => dep(p, optional)),
    state: (options.state ?? []).map((p) => dep(p, optional)),
    clientside_function: null,
    prevent_initial_call: options.prevent_initial_call ?? false,
    background: null,
    dynamic_creator: null,
    no_output: options.no_output ?? false,
    optional: false,
    hidden: null,
    websocket: false,
    persistent: options.persistent ?? false,
    ...(options.running ? { running: options.running } : {}),
  };
}

/** An html component's JSON: `div({id: 'a', children: 'x'})`. */
export function div(props: Record<string, unknown>): ComponentJson {
  return { type: 'Div', namespace: 'dash_html_components', props };
}

/** A dcc.Input's JSON. */
export function input(props: Record<string, unknown>): ComponentJson {
  return { type: 'Input', namespace: 'dash_core_components', props };
}
