/**
 * Creating and merging callback instances (spec/callbacks.md §1.4, §2.3).
 */
import type { CallbackDef, Instance } from './types.js';

/**
 * The unique identifier of §1.4 (`R:actions/dependencies_ts.ts#getUniqueIdentifier`): every
 * declared input, output and state prop id, plus the MATCH values. Outputs keep their `@hash`, so
 * two `allow_duplicate` writers of one prop stay distinct; no-output callbacks add their key.
 */
export function uniqueIdentifier(def: CallbackDef, anyVals: string): string {
  const parts = [
    ...def.inputs.map((d) => `${d.id}.${d.property}`),
    ...def.outputs.map((d) => `${d.id}.${d.property}`),
    ...def.state.map((d) => `${d.id}.${d.property}`),
  ];
  if (def.noOutput) parts.push(def.key);
  if (anyVals !== '') parts.push(anyVals);
  return parts.join(',');
}

export interface InstanceOptions {
  /** The MATCH binding (resolve.ts `bindingOf`); `''` when the callback has no MATCH. */
  anyVals?: string;
  changed?: ReadonlyMap<string, number>;
  initialCall?: boolean;
  executionGroup?: number | undefined;
  predecessors?: readonly CallbackDef[] | undefined;
}

/** A new instance of `def`, bound to `options.anyVals`. */
export function createInstance(def: CallbackDef, options: InstanceOptions = {}): Instance {
  const anyVals = options.anyVals ?? '';
  return {
    def,
    anyVals,
    uid: uniqueIdentifier(def, anyVals),
    changed: options.changed ?? new Map(),
    initialCall: options.initialCall ?? false,
    executionGroup: options.executionGroup,
    predecessors: options.predecessors,
  };
}

/** Union of trigger maps, keeping the highest strength per prop id, first-seen order. */
export function mergeChanged(maps: readonly ReadonlyMap<string, number>[]): Map<string, number> {
  const merged = new Map<string, number>();
  for (const map of maps) {
    for (const [propId, strength] of map) merged.set(propId, Math.max(merged.get(propId) ?? 0, strength));
  }
  return merged;
}

/** A copy of `instance` with some fields replaced. */
export function withChanges(instance: Instance, changes: Partial<Omit<Instance, 'def' | 'uid' | 'anyVals'>>): Instance {
  return { ...instance, ...changes };
}

/**
 * Merge a group of requested instances sharing one unique identifier (§2.3 step 2): an initial
 * call is dropped when the group has another member (a triggered run beats an initial one); the
 * rest merge into one, with the union of triggers, the last non-empty execution group, and every
 * other field from the newest member.
 */
export function mergeGroup(group: readonly Instance[]): Instance {
  const only = group[0];
  if (group.length === 1 && only) return only;
  const initial = group.find((i) => i.initialCall);
  const rest = group.filter((i) => i !== initial);
  const single = rest[0];
  if (rest.length === 1 && single) return single;
  const newest = rest[rest.length - 1];
  if (!newest) throw new Error('mergeGroup: empty group');
  const groups = rest.map((i) => i.executionGroup).filter((g): g is number => g !== undefined);
  return withChanges(newest, { changed: mergeChanged(rest.map((i) => i.changed)), executionGroup: groups.at(-1) });
}
