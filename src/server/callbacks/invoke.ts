/**
 * Executing one `_dash-update-component` request (spec/protocol-core.md §5): check that the request
 * names a registered callback and exactly the dependencies it declared, run the function in a
 * callback context, and build the `{multi, response, sideUpdate}` answer.
 * Nothing here touches HTTP; routes/update-component.ts adapts it.
 */
import type { AnyArgument } from '../../shared/dependencies.js';
import { NoUpdate, PreventUpdate } from '../../shared/dependencies.js';
import { isDictId, propIdString, stringifyId } from '../../shared/prop-id.js';
import type { CallbackArgument, CallbackOutputRef, UpdateResponse } from '../../shared/protocol.js';
import { badRequest, DashError } from '../errors.js';
import { runInContext } from './context.js';
import type { CallbackDefinition, CallbackRegistry } from './registry.js';

/** The outcome of a call: a JSON body, or "prevented" (204). */
export type InvokeResult = { kind: 'update'; body: UpdateResponse } | { kind: 'prevented' };

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
  if (stringifyId(id) !== stringifyId(declared.id) || property !== declared.property) {
    throw badRequest(
      'DASH_ERR_UNDECLARED_DEPENDENCY',
      `${where}: ${propIdString(id, property)} is not the declared ${propIdString(declared.id, declared.property)}`,
    );
  }
  return { id, property, value: arg['value'] ?? null };
}

function checkArguments(
  given: unknown,
  declared: readonly AnyArgument[],
  what: 'inputs' | 'state',
): CallbackArgument[] {
  if (given === undefined && declared.length === 0) return [];
  if (!Array.isArray(given)) throw badRequest('DASH_ERR_BAD_REQUEST', `"${what}" must be an array`);
  if (given.length !== declared.length) {
    throw badRequest(
      'DASH_ERR_UNDECLARED_DEPENDENCY',
      `"${what}" has ${given.length} entries; the callback declares ${declared.length}`,
    );
  }
  return given.map((arg, i) => checkArgument(arg, declared[i] as AnyArgument, `${what}[${i}]`));
}

function checkOutputs(request: Record<string, unknown>, definition: CallbackDefinition): CallbackOutputRef[] {
  const outputs = request['outputs'];
  const list = definition.multi ? outputs : [outputs];
  if (!Array.isArray(list) || list.length !== definition.outputs.length) {
    throw badRequest('DASH_ERR_UNDECLARED_DEPENDENCY', '"outputs" does not match the callback\'s declared outputs');
  }
  return list.map((out, i) => {
    const declared = definition.outputs[i];
    if (!isRecord(out) || !isId(out['id']) || typeof out['property'] !== 'string' || declared === undefined) {
      throw badRequest('DASH_ERR_BAD_REQUEST', `outputs[${i}]: expected {id, property}`);
    }
    const property = out['property'].split('@')[0] ?? '';
    if (stringifyId(out['id']) !== stringifyId(declared.id) || property !== declared.property) {
      throw badRequest(
        'DASH_ERR_UNDECLARED_DEPENDENCY',
        `outputs[${i}]: ${propIdString(out['id'], property)} is not a declared output of this callback`,
      );
    }
    return { id: out['id'], property };
  });
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
  outputs: CallbackOutputRef[];
  inputs: CallbackArgument[];
  state: CallbackArgument[];
  changedPropIds: string[];
} {
  if (!isRecord(body)) throw badRequest('DASH_ERR_BAD_REQUEST', 'The body must be a JSON object');
  const key = body['output'];
  if (typeof key !== 'string') throw badRequest('DASH_ERR_BAD_REQUEST', '"output" must be a string');
  const definition = registry.get(key);
  if (definition === undefined) {
    throw badRequest('DASH_ERR_UNKNOWN_CALLBACK', 'No callback is registered for this "output"', 404);
  }
  return {
    definition,
    outputs: checkOutputs(body, definition),
    inputs: checkArguments(body['inputs'], definition.inputs, 'inputs'),
    state: checkArguments(body['state'], definition.state, 'state'),
    changedPropIds: checkChanged(body['changedPropIds']),
  };
}

/** Run a checked request. User errors propagate as DashError DASH_ERR_CALLBACK_FAILED with a cause. */
export async function invokeCallback(registry: CallbackRegistry, body: unknown): Promise<InvokeResult> {
  const call = prepareCall(registry, body);
  const { definition } = call;
  const values = [...call.inputs, ...call.state].map((a) => a.value ?? null);
  let returned: unknown;
  let sideUpdates: Map<string, Record<string, unknown>>;
  try {
    ({ result: returned, sideUpdates } = await runInContext(call, () => definition.fn(...values), definition.isAsync));
  } catch (error) {
    if (isPrevent(error)) return { kind: 'prevented' };
    throw new DashError('DASH_ERR_CALLBACK_FAILED', `Callback ${definition.key} failed`, { cause: error });
  }
  const response: UpdateResponse['response'] = {};
  if (returned instanceof NoUpdate) {
    // A whole no_update: nothing is written (side updates still apply).
  } else if (definition.multi) {
    if (!Array.isArray(returned) || returned.length !== definition.outputs.length) {
      throw new DashError(
        'DASH_ERR_CALLBACK_RETURN',
        `Callback ${definition.key} has ${definition.outputs.length} outputs and must return an array of that length`,
      );
    }
    call.outputs.forEach((out, i) => addValue(response, out, returned[i] as unknown));
  } else {
    addValue(response, call.outputs[0] as CallbackOutputRef, returned);
  }
  const body200: UpdateResponse = { multi: true, response };
  if (sideUpdates.size > 0) body200.sideUpdate = Object.fromEntries(sideUpdates);
  return { kind: 'update', body: body200 };
}

function addValue(response: UpdateResponse['response'], out: CallbackOutputRef, value: unknown): void {
  if (value instanceof NoUpdate) return;
  const key = stringifyId(out.id);
  const entry = response[key] ?? {};
  entry[out.property] = value === undefined ? null : value;
  response[key] = entry;
}
