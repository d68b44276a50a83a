/**
 * Executing one `_dash-update-component` request (spec/protocol-core.md §5): check that the request
 * names a registered callback and exactly the dependencies it declared, run the function in a
 * callback context, and build the `{multi, response, sideUpdate}` answer.
 * Nothing here touches HTTP; routes/update-component.ts adapts it.
 */
import type { AnyArgument, AnyOutput } from '../../shared/dependencies.js';
import { NoUpdate, noUpdate, PreventUpdate } from '../../shared/dependencies.js';
import type { ComponentId } from '../../shared/prop-id.js';
import { isDictId, propIdString, stringifyId } from '../../shared/prop-id.js';
import { hasWildcard, idMatchesPattern, isMultiPattern, wildcardKeys } from '../../shared/wildcards.js';
import type {
  BackgroundPollResponse,
  BackgroundStartResponse,
  CallbackArgument,
  CallbackOutputRef,
  UpdateResponse,
} from '../../shared/protocol.js';
import { serveBackground, terminateHandles } from '../background/serve.js';
import { badRequest, DashError } from '../errors.js';
import type { RequestData } from './context.js';
import { runInContext } from './context.js';
import { CallbackResponse } from './response.js';
import type { CustomDataContext } from '../hooks.js';
import type { CallbackDefinition, CallbackRegistry } from './registry.js';
import { checkSerialisable, describeReturn } from './validate-return.js';

/**
 * The outcome of a call: a JSON body, or "prevented" (204); with the cookies, headers and timings
 * the callback added through `ctx.response` / `ctx.record_timing` (absent when it failed early).
 */
export type InvokeResult = (
  { kind: 'update'; body: UpdateResponse | BackgroundStartResponse | BackgroundPollResponse } | { kind: 'prevented' }
) & {
  response?: CallbackResponse;
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isId(value: unknown): value is string | Record<string, string | number | boolean> {
  return (typeof value === 'string' && value.length > 0) || isDictId(value);
}

/** Check one `{id, property, value}` against the declared dependency at the same position. */
function checkArgument(arg: unknown, declared: AnyArgument, where: string): CallbackArgument {
  if (!isRecord(arg) || !isId(arg['id']) || typeof arg['property'] !== 'string') {
    throw badRequest('DASH_ERR_BAD_REQUEST', `${where}: expected {id, property, value}`);
  }
  const id = arg['id'];
  const property = arg['property'];
  // A wildcard dependency arrives with concrete ids that must fit the declared pattern (§3.4).
  const fits = hasWildcard(declared.id)
    ? !hasWildcard(id) && idMatchesPattern(declared.id, id)
    : stringifyId(id) === stringifyId(declared.id);
  if (!fits || property !== declared.property) {
    throw badRequest(
      'DASH_ERR_UNDECLARED_DEPENDENCY',
      `${where}: ${propIdString(id, property)} is not the declared ${propIdString(declared.id, declared.property)}`,
    );
  }
  return { id, property, value: arg['value'] ?? null };
}

/**
 * One declared Input/State: ALL/ALLSMALLER patterns take an array (possibly empty), every other
 * dependency exactly one object (spec/protocol-core.md §5.1).
 */
function checkSlot(given: unknown, declared: AnyArgument, where: string): CallbackArgument | CallbackArgument[] {
  if (!isMultiPattern(declared.id)) {
    if (Array.isArray(given)) {
      throw badRequest('DASH_ERR_BAD_REQUEST', `${where}: expected one {id, property, value}, got an array`);
    }
    return checkArgument(given, declared, where);
  }
  if (!Array.isArray(given)) {
    throw badRequest(
      'DASH_ERR_BAD_REQUEST',
      `${where}: ${stringifyId(declared.id)} takes an array of {id, property, value}`,
    );
  }
  return given.map((arg, j) => checkArgument(arg, declared, `${where}[${j}]`));
}

function checkArguments(
  given: unknown,
  declared: readonly AnyArgument[],
  what: 'inputs' | 'state',
): (CallbackArgument | CallbackArgument[])[] {
  if (given === undefined && declared.length === 0) return [];
  if (!Array.isArray(given)) throw badRequest('DASH_ERR_BAD_REQUEST', `"${what}" must be an array`);
  if (given.length !== declared.length) {
    throw badRequest(
      'DASH_ERR_UNDECLARED_DEPENDENCY',
      `"${what}" has ${given.length} entries; the callback declares ${declared.length}`,
    );
  }
  return given.map((arg, i) => checkSlot(arg, declared[i] as AnyArgument, `${what}[${i}]`));
}

function checkOutputRef(out: unknown, declared: AnyOutput, where: string): CallbackOutputRef {
  if (!isRecord(out) || !isId(out['id']) || typeof out['property'] !== 'string') {
    throw badRequest('DASH_ERR_BAD_REQUEST', `${where}: expected {id, property}`);
  }
  const id = out['id'];
  const property = out['property'].split('@')[0] ?? '';
  const fits = hasWildcard(declared.id)
    ? !hasWildcard(id) && idMatchesPattern(declared.id, id)
    : stringifyId(id) === stringifyId(declared.id);
  if (!fits || property !== declared.property) {
    throw badRequest(
      'DASH_ERR_UNDECLARED_DEPENDENCY',
      `${where}: ${propIdString(id, property)} is not a declared output of this callback`,
    );
  }
  return { id, property };
}

function checkOutputs(
  request: Record<string, unknown>,
  definition: CallbackDefinition,
): (CallbackOutputRef | CallbackOutputRef[])[] {
  // A callback without Output has nothing to check: our renderer omits `outputs`, Dash's sends `[]`.
  if (definition.outputs.length === 0) return [];
  const outputs = request['outputs'];
  const list = definition.multi ? outputs : [outputs];
  if (!Array.isArray(list) || list.length !== definition.outputs.length) {
    throw badRequest('DASH_ERR_UNDECLARED_DEPENDENCY', '"outputs" does not match the callback\'s declared outputs');
  }
  return list.map((out, i) => {
    const declared = definition.outputs[i] as AnyOutput;
    if (!isMultiPattern(declared.id)) {
      if (Array.isArray(out)) throw badRequest('DASH_ERR_BAD_REQUEST', `outputs[${i}]: expected {id, property}`);
      return checkOutputRef(out, declared, `outputs[${i}]`);
    }
    if (!Array.isArray(out)) {
      throw badRequest('DASH_ERR_BAD_REQUEST', `outputs[${i}]: an ALL output takes an array of {id, property}`);
    }
    return out.map((o, j) => checkOutputRef(o, declared, `outputs[${i}][${j}]`));
  });
}

/** Every MATCH in one request must stand for the same value on its key (one callback instance, §3.2). */
function checkMatchValues(
  definition: CallbackDefinition,
  slots: readonly { declared: AnyArgument | AnyOutput; given: { id: ComponentId } | { id: ComponentId }[] }[],
): void {
  const bound = new Map<string, unknown>();
  for (const { declared, given } of slots) {
    const keys = wildcardKeys(declared.id, 'MATCH');
    if (keys.length === 0) continue;
    for (const item of Array.isArray(given) ? given : [given]) {
      if (typeof item.id === 'string') continue;
      for (const key of keys) {
        const value = item.id[key];
        if (!bound.has(key)) bound.set(key, value);
        else if (bound.get(key) !== value) {
          throw badRequest(
            'DASH_ERR_UNDECLARED_DEPENDENCY',
            `MATCH on "${key}" stands for different values in one request to ${definition.key}`,
          );
        }
      }
    }
  }
}

function checkChanged(value: unknown): string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw badRequest('DASH_ERR_BAD_REQUEST', '"changedPropIds" must be an array of strings');
  }
  return value;
}

function isPrevent(error: unknown): boolean {
  return error instanceof PreventUpdate || error === PreventUpdate;
}

/** Parse and check a request body; returns the callback and its checked arguments. */
export function prepareCall(
  registry: CallbackRegistry,
  body: unknown,
): {
  definition: CallbackDefinition;
  outputs: (CallbackOutputRef | CallbackOutputRef[])[];
  inputs: (CallbackArgument | CallbackArgument[])[];
  state: (CallbackArgument | CallbackArgument[])[];
  changedPropIds: string[];
} {
  if (!isRecord(body)) throw badRequest('DASH_ERR_BAD_REQUEST', 'The body must be a JSON object');
  const key = body['output'];
  if (typeof key !== 'string') throw badRequest('DASH_ERR_BAD_REQUEST', '"output" must be a string');
  const definition = registry.get(key);
  if (definition === undefined) {
    throw badRequest('DASH_ERR_UNKNOWN_CALLBACK', 'No callback is registered for this "output"', 404);
  }
  const outputs = checkOutputs(body, definition);
  const inputs = checkArguments(body['inputs'], definition.inputs, 'inputs');
  const state = checkArguments(body['state'], definition.state, 'state');
  checkMatchValues(definition, [
    ...definition.outputs.map((declared, i) => ({ declared, given: outputs[i] as CallbackOutputRef })),
    ...definition.inputs.map((declared, i) => ({ declared, given: inputs[i] as CallbackArgument })),
    ...definition.state.map((declared, i) => ({ declared, given: state[i] as CallbackArgument })),
  ]);
  return { definition, outputs, inputs, state, changedPropIds: checkChanged(body['changedPropIds']) };
}

/** Run a checked request. User errors propagate as DashError DASH_ERR_CALLBACK_FAILED with a cause. */
export async function invokeCallback(
  registry: CallbackRegistry,
  body: unknown,
  options: {
    customData?: (context: CustomDataContext) => Record<string, unknown> | undefined;
    /** The query parameters: background handles `cacheKey`, `job`, `oldJob`, `cancelJob` (§5.5). */
    query?: Readonly<Record<string, unknown>>;
    /** Cookies and headers for `ctx.cookies` / `ctx.headers`. */
    request?: RequestData;
  } = {},
): Promise<InvokeResult> {
  const call = prepareCall(registry, body);
  const { definition } = call;
  // ALL/ALLSMALLER arguments become a list of values (§3.5), every other one a single value.
  const values = [...call.inputs, ...call.state].map((a) =>
    Array.isArray(a) ? a.map((item) => item.value ?? null) : (a.value ?? null),
  );
  // Background jobs named by `cancelJob` / `oldJob` stop before anything runs (§5.5).
  await terminateHandles(registry.backgroundManagers(), options.query ?? {});
  if (definition.background) {
    return serveBackground(definition, call, values, options.query ?? {}, options.request);
  }
  let returned: unknown;
  let sideUpdates: Map<string, Record<string, unknown>>;
  const httpResponse = new CallbackResponse();
  // `on_error` (§12.1): the callback's own handler wins over the app's. It runs in the same context
  // (ctx, setProps), so a call with a handler always gets AsyncLocalStorage, which outlives awaits.
  const onError = definition.onError ?? registry.appErrorHandler();
  let handled = false;
  const run =
    onError === undefined
      ? () => definition.fn(...values)
      : async (): Promise<unknown> => {
          try {
            return await definition.fn(...values);
          } catch (error) {
            if (isPrevent(error)) throw error;
            handled = true;
            return await onError(error);
          }
        };
  try {
    ({ result: returned, sideUpdates } = await runInContext(
      {
        ...call,
        customData: customDataFor(call, options.customData),
        multi: definition.multi,
        response: httpResponse,
        request: options.request,
      },
      run,
      definition.isAsync || onError !== undefined,
    ));
    // A handler returning nothing means "no update"; side updates it made are still sent.
    if (handled && (returned === null || returned === undefined)) returned = noUpdate;
  } catch (error) {
    if (isPrevent(error)) return { kind: 'prevented', response: httpResponse };
    throw new DashError('DASH_ERR_CALLBACK_FAILED', `Callback ${definition.key} failed`, { cause: error });
  }
  return { ...buildUpdate(definition, call.outputs, returned, sideUpdates), response: httpResponse };
}

/**
 * The answer for a function's return value and side updates: `{multi, response, sideUpdate}`, or
 * "prevented" (204) for a no-output callback that updated nothing. Throws for a malformed return.
 */
export function buildUpdate(
  definition: CallbackDefinition,
  outputs: readonly (CallbackOutputRef | CallbackOutputRef[])[],
  returned: unknown,
  sideUpdates: ReadonlyMap<string, Record<string, unknown>>,
): InvokeResult {
  const call = { outputs };
  const response: UpdateResponse['response'] = {};
  if (definition.outputs.length === 0) {
    if (returned !== undefined && returned !== null && !(returned instanceof NoUpdate)) {
      throw new DashError(
        'DASH_ERR_CALLBACK_RETURN',
        `Callback ${definition.key} has no Output, so it must not return a value; update components with setProps`,
      );
    }
    // Nothing to write and no side update: answered like PreventUpdate (204), as Dash does.
    if (sideUpdates.size === 0) return { kind: 'prevented' };
  } else if (returned instanceof NoUpdate) {
    // A whole no_update: nothing is written (side updates still apply).
  } else if (definition.multi) {
    if (!Array.isArray(returned) || returned.length !== definition.outputs.length) {
      const outputs = definition.outputs.map((o) => propIdString(o.id, o.property)).join(', ');
      throw new DashError(
        'DASH_ERR_CALLBACK_RETURN',
        `InvalidCallbackReturnValue: the callback for [${outputs}] has ${definition.outputs.length} Outputs, so it must return an array of ${definition.outputs.length} values, one per Output in order; it returned ${describeReturn(returned)}. Put noUpdate in a slot to leave that Output unchanged.`,
      );
    }
    call.outputs.forEach((out, i) => addSlot(response, definition, out, returned[i] as unknown));
  } else {
    addSlot(response, definition, call.outputs[0] as CallbackOutputRef, returned);
  }
  const body200: UpdateResponse = { multi: true, response };
  if (sideUpdates.size > 0) body200.sideUpdate = Object.fromEntries(sideUpdates);
  return { kind: 'update', body: body200 };
}

/** The `custom_data` hooks' values for one call (spec/callbacks.md §11.1); they run before the callback. */
function customDataFor(
  call: ReturnType<typeof prepareCall>,
  hook: ((context: CustomDataContext) => Record<string, unknown> | undefined) | undefined,
): Record<string, unknown> | undefined {
  if (hook === undefined) return undefined;
  return hook({
    output: call.definition.key,
    inputs: call.inputs,
    state: call.state,
    triggered_prop_ids: call.changedPropIds,
  });
}

/** One declared output: an ALL output takes a list with one value per resolved component (§3.5). */
function addSlot(
  response: UpdateResponse['response'],
  definition: CallbackDefinition,
  out: CallbackOutputRef | CallbackOutputRef[],
  value: unknown,
): void {
  if (!Array.isArray(out)) {
    addValue(response, out, value);
    return;
  }
  if (value instanceof NoUpdate) return;
  if (!Array.isArray(value) || value.length !== out.length) {
    throw new DashError(
      'DASH_ERR_CALLBACK_RETURN',
      `InvalidCallbackReturnValue: an ALL Output of ${definition.key} matched ${out.length} components, so its value must be an array of ${out.length} values, one per component in layout order; it was ${describeReturn(value)}.`,
    );
  }
  out.forEach((ref, j) => addValue(response, ref, value[j] as unknown));
}

function addValue(response: UpdateResponse['response'], out: CallbackOutputRef, value: unknown): void {
  if (value instanceof NoUpdate) return;
  checkSerialisable(value, propIdString(out.id, out.property));
  const key = stringifyId(out.id);
  const entry = response[key] ?? {};
  entry[out.property] = value === undefined ? null : value;
  response[key] = entry;
}
