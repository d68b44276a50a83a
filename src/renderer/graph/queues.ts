/**
 * The scheduler's queues and the pass over *requested* (spec/callbacks.md §2.2–§2.5, §2.9,
 * `R:observers/requestedCallbacks.ts`). `requestedPass` is a pure function of the queues and the
 * layout, so each rule can be tested on its own.
 */
import type { CallbackGraph } from './callback-graph.js';
import { mergeGroup, withChanges } from './instance.js';
import { breakDeadlock, readyInstances } from './readiness.js';
import { inputPropIds, isMultiValued, resolveOutputs } from './resolve.js';
import type { Instance, LayoutView } from './types.js';

/** A dispatched instance. The ticket's identity survives pruning, which may replace `instance`. */
export interface Execution {
  readonly ticket: number;
  instance: Instance;
}

/** What a completed wave member did, for wave pruning (§2.5). */
export interface StoredResult {
  readonly executionGroup: number;
  /** Every resolved output (potentially updated). */
  readonly allProps: readonly string[];
  /** Outputs present in the response (actually updated). */
  readonly updatedProps: readonly string[];
}

export interface Queues {
  requested: Instance[];
  /** Ready, waiting for a dispatch slot (FIFO, §2.6). */
  prioritized: Instance[];
  /** In flight, by ticket. */
  executing: Map<number, Execution>;
  stored: StoredResult[];
}

export function emptyQueues(): Queues {
  return { requested: [], prioritized: [], executing: new Map(), stored: [] };
}

/** Every pending instance: requested, prioritized and in flight. */
export function pendingInstances(queues: Queues): Instance[] {
  return [...queues.requested, ...queues.prioritized, ...[...queues.executing.values()].map((e) => e.instance)];
}

/** Group by unique identifier, in order of first appearance. */
function groupByUid(instances: readonly Instance[]): Instance[][] {
  const groups = new Map<string, Instance[]>();
  for (const instance of instances) {
    const group = groups.get(instance.uid);
    if (group) group.push(instance);
    else groups.set(instance.uid, [instance]);
  }
  return [...groups.values()];
}

/**
 * §1.8 pruning (`pruneCallbacks`): an instance whose outputs all left the layout is dropped; one
 * that lost some keeps running with triggers limited to components still present.
 */
function prune(instance: Instance, layout: LayoutView): Instance | undefined {
  const resolved = resolveOutputs(instance, layout).flat();
  if (resolved.length === instance.def.outputs.length) return instance;
  if (resolved.length === 0) return undefined;
  const changed = new Map(
    [...instance.changed].filter(([propId]) => layout.has(propId.slice(0, propId.lastIndexOf('.')))),
  );
  return withChanges(instance, { changed });
}

function pruneList(list: readonly Instance[], layout: LayoutView): Instance[] {
  return list.map((i) => prune(i, layout)).filter((i): i is Instance => i !== undefined);
}

/**
 * §2.5: a ready wave member is dropped when no input was actually updated by completed members of
 * its wave, every input is among their potential outputs, and not all inputs are multi-valued.
 */
function prunedByWave(instance: Instance, stored: readonly StoredResult[], layout: LayoutView): boolean {
  const group = instance.executionGroup;
  if (group === undefined) return false;
  const members = stored.filter((s) => s.executionGroup === group);
  if (members.length === 0) return false;
  const inputs = inputPropIds(instance, layout);
  const allProps = new Set(members.flatMap((m) => m.allProps));
  const updated = new Set(members.flatMap((m) => m.updatedProps));
  return (
    !inputs.some((p) => updated.has(p)) &&
    inputs.every((p) => allProps.has(p)) &&
    !instance.def.inputs.every(isMultiValued)
  );
}

/** Drop stored results of waves that have nothing pending any more (`R:observers/storedCallbacks.ts`). */
export function cleanStored(queues: Queues): void {
  const live = new Set(pendingInstances(queues).map((i) => i.executionGroup));
  queues.stored = queues.stored.filter((s) => live.has(s.executionGroup));
}

/**
 * One pass over *requested* (§2.3): drop circular instances, merge duplicates, supersede older
 * copies, prune vanished outputs, promote ready instances (with the deadlock breaker), minus those
 * wave pruning drops. Mutates `queues`; returns the instances superseded while in flight.
 */
export function requestedPass(queues: Queues, graph: CallbackGraph, layout: LayoutView): { superseded: Execution[] } {
  // 1. Circular: a chain never re-enters a definition it already passed through (§2.9).
  let requested = queues.requested.filter((i) => !(i.predecessors ?? []).includes(i.def));
  // 2. Merge requested duplicates.
  requested = groupByUid(requested).map(mergeGroup);
  // 3. A newer request supersedes queued and in-flight copies (§2.8).
  const uids = new Set(requested.map((i) => i.uid));
  queues.prioritized = queues.prioritized.filter((i) => !uids.has(i.uid));
  const superseded: Execution[] = [];
  for (const execution of queues.executing.values()) {
    if (uids.has(execution.instance.uid)) superseded.push(execution);
  }
  for (const execution of superseded) queues.executing.delete(execution.ticket);
  // 4. Prune instances whose outputs disappeared.
  requested = pruneList(requested, layout);
  queues.prioritized = pruneList(queues.prioritized, layout);
  for (const [ticket, execution] of queues.executing) {
    const pruned = prune(execution.instance, layout);
    if (pruned) execution.instance = pruned;
    else queues.executing.delete(ticket);
  }
  // 5. Readiness.
  queues.requested = requested;
  const pending = pendingInstances(queues);
  let ready = readyInstances(graph, layout, requested, pending);
  if (ready.length === 0 && requested.length > 0 && requested.length === pending.length) {
    ready = breakDeadlock(layout, requested);
  }
  // 6. Wave pruning, then promotion.
  const dropped = new Set(ready.filter((i) => prunedByWave(i, queues.stored, layout)));
  const promoted = ready.filter((i) => !dropped.has(i));
  const leaving = new Set([...dropped, ...promoted]);
  queues.requested = requested.filter((i) => !leaving.has(i));
  queues.prioritized.push(...promoted);
  cleanStored(queues);
  return { superseded };
}
