/**
 * Readiness (spec/callbacks.md §2.4, `R:actions/dependencies_ts.ts#getReadyCallbacks`): a requested
 * instance may run only when none of its inputs (minus its own outputs) can still be produced by
 * pending work — the outputs of pending instances and, transitively, of every callback they feed.
 * State is not considered.
 */
import type { CallbackGraph } from './callback-graph.js';
import { inputPropIds, outputPropIds, resolveDependency } from './resolve.js';
import type { Instance, LayoutView } from './types.js';

/** Every prop id that pending work may still write: outputs of `pending`, followed downstream. */
export function reachableOutputs(graph: CallbackGraph, layout: LayoutView, pending: readonly Instance[]): Set<string> {
  const touched = new Set<string>();
  const queue: string[] = [];
  const visit = (propId: string): void => {
    if (touched.has(propId)) return;
    touched.add(propId);
    queue.push(propId);
  };
  for (const instance of pending) for (const p of outputPropIds(instance, layout)) visit(p);
  while (queue.length > 0) {
    const propId = queue.pop()!;
    const dot = propId.lastIndexOf('.');
    for (const def of graph.inputsTo(propId.slice(0, dot), propId.slice(dot + 1))) {
      for (const output of def.outputs) for (const r of resolveDependency(output, layout)) visit(r.propId);
    }
  }
  return touched;
}

/** Is `instance` free of inputs in `blocked` (its own outputs excepted)? */
export function isReady(instance: Instance, layout: LayoutView, blocked: ReadonlySet<string>): boolean {
  const own = new Set(outputPropIds(instance, layout));
  return inputPropIds(instance, layout).every((p) => own.has(p) || !blocked.has(p));
}

/** Candidates that are ready given everything pending (the transitive rule). */
export function readyInstances(
  graph: CallbackGraph,
  layout: LayoutView,
  candidates: readonly Instance[],
  pending: readonly Instance[],
): Instance[] {
  if (candidates.length === 0) return [];
  const blocked = reachableOutputs(graph, layout, pending);
  return candidates.filter((c) => isReady(c, layout, blocked));
}

/**
 * The deadlock breaker (§2.9): when every pending instance is requested and none is ready, they
 * wait on each other; promote the first, then repeatedly the first of those not blocked by the
 * *direct* outputs of the ones promoted so far.
 */
export function breakDeadlock(layout: LayoutView, requested: readonly Instance[]): Instance[] {
  const promoted: Instance[] = [];
  let candidates = [...requested];
  while (candidates.length > 0) {
    promoted.push(candidates[0]!);
    const blocked = new Set(promoted.flatMap((i) => outputPropIds(i, layout)));
    candidates = candidates.slice(1).filter((c) => isReady(c, layout, blocked));
  }
  return promoted;
}
