/**
 * `ctx.inputs_list`, `ctx.outputs_list`, `ctx.args_grouping`, `ctx.outputs_grouping`
 * (spec/callbacks.md §3.5, §4.2): the request's dependencies in their declared structure. dash-ts
 * declares dependencies positionally (Inputs, then States), so the grouping is that flat list — what
 * Dash gives for a positional callback — with one leaf per dependency, or a list of leaves for
 * ALL/ALLSMALLER.
 */
import type { ComponentId } from '../../shared/prop-id.js';
import { stringifyId } from '../../shared/prop-id.js';
import type { CallbackArgument, CallbackOutputRef } from '../../shared/protocol.js';

/** A leaf of `args_grouping`. */
export interface ArgumentLeaf {
  id: ComponentId;
  property: string;
  value: unknown;
  /** The stringified id, as in `triggered` prop ids. */
  str_id: string;
  /** Is `str_id.property` among this call's triggers? */
  triggered: boolean;
}

/** A leaf of `outputs_grouping`. */
export interface OutputLeaf {
  id: ComponentId;
  property: string;
}

type Slot<T> = T | T[];

/** `args_grouping`: every Input then every State, each a leaf or a list of leaves. */
export function argsGrouping(
  args: readonly Slot<CallbackArgument>[],
  changedPropIds: readonly string[],
): Slot<ArgumentLeaf>[] {
  const changed = new Set(changedPropIds);
  const leaf = (arg: CallbackArgument): ArgumentLeaf => {
    const str_id = stringifyId(arg.id);
    return {
      id: arg.id,
      property: arg.property,
      value: arg.value ?? null,
      str_id,
      triggered: changed.has(`${str_id}.${arg.property}`),
    };
  };
  return args.map((slot) => (Array.isArray(slot) ? slot.map(leaf) : leaf(slot)));
}

/** `outputs_list` / `outputs_grouping`: one entry (or list) per Output; a single Output is not wrapped. */
export function outputsGrouping(
  outputs: readonly Slot<CallbackOutputRef>[],
  multi: boolean,
): Slot<OutputLeaf> | Slot<OutputLeaf>[] {
  const leaf = (o: CallbackOutputRef): OutputLeaf => ({ id: o.id, property: o.property });
  const slots = outputs.map((slot) => (Array.isArray(slot) ? slot.map(leaf) : leaf(slot)));
  return multi || slots.length === 0 ? slots : (slots[0] as Slot<OutputLeaf>);
}
