/**
 * Running a clientside callback (spec/callbacks.md §6.2; Dash's `R:actions/callbacks.ts#handleClientside`)
 * in place of the HTTP transport: the scheduler hands over the payload it would have POSTed and gets
 * back what the server would have answered, so chains, superseding, loading states and wave pruning
 * are the same for both kinds of callbacks.
 *
 * - arguments: the input values, then the state values, in declaration order (lists for wildcards);
 * - `callback_context` exists during the synchronous part of the call only (as in Dash);
 * - a thenable is awaited — the instance stays in flight, so its dependants wait for it;
 * - `dash_clientside.no_update` skips an output (alone for a multi-output callback: all of them);
 * - `throw dash_clientside.PreventUpdate` is a 204; any other error is reported with the error's
 *   own message as title and is a 204 for the scheduler too: nothing updated, nothing triggered.
 *
 * No `eval`, no `new Function`: the function already exists on `window.dash_clientside`, defined by
 * an asset or by the served inline-functions file.
 */
import { stringifyId } from '../../shared/prop-id.js';
import type { CallbackArgument, CallbackOutputRef, UpdateRequest } from '../../shared/protocol.js';
import type { PropUpdates } from '../graph/response.js';
import type { CallbackDef, TransportResponse } from '../graph/types.js';
import { callbackContext } from './context.js';
import type { ClientsideApi } from './globals.js';
import { clientsideGlobals, installClientsideApi } from './globals.js';

export type ClientsideRunner = (def: CallbackDef, request: UpdateRequest) => Promise<TransportResponse>;

/** What the runner needs besides the API it installs. */
export interface RunnerHost {
  report(title: string, detail: string, def: CallbackDef): void;
}

const PREVENTED: TransportResponse = { status: 204, body: null };

/** A return value that does not fit the outputs: reported like an error of the function. */
class ReturnShapeError extends Error {}

function valuesOf(arg: CallbackArgument | CallbackArgument[]): unknown {
  return Array.isArray(arg) ? arg.map((a) => a.value) : arg.value;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as { then?: unknown }).then === 'function'
  );
}

/** Output refs with the values returned for them, as Dash pairs them (extra values, or refs, are ignored). */
function zipValues(
  refs: readonly CallbackOutputRef[],
  values: unknown,
  noUpdate: object,
  what: string,
): [CallbackOutputRef, unknown][] {
  if (values === noUpdate) return [];
  if (!Array.isArray(values)) {
    throw new ReturnShapeError(
      `${what} must be an array with one value per output (${refs.length}), or dash_clientside.no_update; got ${describe(values)}`,
    );
  }
  return refs.slice(0, values.length).map((ref, i) => [ref, values[i]]);
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  try {
    return (JSON.stringify(value) ?? typeof value).slice(0, 100);
  } catch {
    return Object.prototype.toString.call(value); // a cycle, a BigInt: say what kind of value it was
  }
}

/** The function's return value as the server's `response` map: stringified id → {prop: value}. */
export function resultUpdates(
  def: CallbackDef,
  request: UpdateRequest,
  result: unknown,
  noUpdate: object,
): PropUpdates {
  const outputs = request.outputs;
  const pairs: [CallbackOutputRef, unknown][] = [];
  if (outputs === undefined) return {};
  if (def.multi) {
    for (const [out, value] of zipValues(outputs as CallbackOutputRef[], result, noUpdate, 'The returned value')) {
      if (Array.isArray(out)) pairs.push(...zipValues(out, value, noUpdate, 'The value for an ALL output'));
      else pairs.push([out, value]);
    }
  } else if (Array.isArray(outputs)) {
    pairs.push(...zipValues(outputs as CallbackOutputRef[], result, noUpdate, 'The value for an ALL output'));
  } else {
    pairs.push([outputs, result]);
  }
  const data: PropUpdates = {};
  for (const [ref, value] of pairs) {
    if (value === noUpdate) continue;
    const props = (data[stringifyId(ref.id)] ??= {});
    props[ref.property.split('@')[0] ?? ref.property] = value;
  }
  return data;
}

function errorDetail(error: unknown): { title: string; detail: string } {
  if (error instanceof Error) {
    return { title: error.message || error.name, detail: error.stack ?? `${error.name}: ${error.message}` };
  }
  return { title: describe(error), detail: 'A clientside callback threw a value that is not an Error.' };
}

/** A runner bound to the renderer's API (installed on `window.dash_clientside` before every call). */
export function clientsideRunner(api: ClientsideApi, host: RunnerHost): ClientsideRunner {
  installClientsideApi(api);
  return async (def, request) => {
    const dc = installClientsideApi(api);
    const { namespace, function_name } = def.spec.clientside_function ?? { namespace: '', function_name: '' };
    const holder = dc[namespace];
    const fn =
      typeof holder === 'object' && holder !== null ? (holder as Record<string, unknown>)[function_name] : undefined;
    if (typeof fn !== 'function') {
      host.report(
        `No clientside function dash_clientside.${namespace}.${function_name}`,
        `The callback ${def.key} runs window.dash_clientside["${namespace}"]["${function_name}"], which is not a function. Define it in a script of the assets folder (a .js or .mjs file), e.g. window.dash_clientside = Object.assign({}, window.dash_clientside, { ${namespace}: { ${function_name}: function (...) { ... } } }).`,
        def,
      );
      return PREVENTED;
    }
    const args = [...request.inputs.map(valuesOf), ...(request.state ?? []).map(valuesOf)];
    let result: unknown;
    try {
      dc.callback_context = callbackContext(request);
      try {
        result = Reflect.apply(fn, holder, args);
      } finally {
        delete dc.callback_context;
      }
      if (isThenable(result)) result = await result;
      const current = clientsideGlobals();
      return { status: 200, body: { multi: true, response: resultUpdates(def, request, result, current.no_update) } };
    } catch (error) {
      if (error === clientsideGlobals().PreventUpdate || error === dc.PreventUpdate) return PREVENTED;
      const { title, detail } = errorDetail(error);
      host.report(title, detail, def);
      return PREVENTED;
    }
  };
}
