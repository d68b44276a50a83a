/**
 * `dash_clientside.callback_context` for one call (spec/callbacks.md §4.4; Dash's
 * `R:actions/callbacks.ts#handleClientside`): built from the same payload a server callback gets.
 * Unlike the server's, `triggered` is a real (possibly empty) array, and there are no groupings.
 */
import type { ComponentId } from '../../shared/prop-id.js';
import { parseId, stringifyId } from '../../shared/prop-id.js';
import type { CallbackArgument, UpdateRequest } from '../../shared/protocol.js';
import type { ClientsideContext } from './globals.js';

/** `"<stringified id>.<prop>"` → value, each item of a wildcard list its own key; missing values are null. */
export function argumentsToDict(
  list: readonly (CallbackArgument | CallbackArgument[])[] | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const item of (list ?? []).flat()) out[`${stringifyId(item.id)}.${item.property}`] = item.value ?? null;
  return out;
}

/** The id of a prop id: the string before the last dot, or the parsed dict of a pattern id (dots inside are fine). */
export function triggeredId(propId: string | undefined): ComponentId | undefined {
  if (propId === undefined) return undefined;
  if (propId.startsWith('{')) return parseId(propId.slice(0, propId.lastIndexOf('}') + 1));
  return propId.slice(0, propId.lastIndexOf('.'));
}

export function callbackContext(request: UpdateRequest): ClientsideContext {
  const inputs = argumentsToDict(request.inputs);
  return {
    triggered: request.changedPropIds.map((propId) => ({ prop_id: propId, value: inputs[propId] })),
    triggered_id: triggeredId(request.changedPropIds[0]),
    inputs,
    inputs_list: request.inputs,
    states: argumentsToDict(request.state),
    states_list: request.state,
    outputs_list: request.outputs,
  };
}
