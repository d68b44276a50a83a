/**
 * Waves: the callbacks scheduled because components appeared — the whole layout on page load
 * (spec/callbacks.md §1.5) or a layout chunk a callback inserted (§1.8).
 * `R:actions/dependencies.js#getUnfilteredLayoutCallbacks`, `R:actions/dependencies_ts.ts#getLayoutCallbacks`.
 */
import type { CallbackGraph } from './callback-graph.js';
import { createInstance, mergeChanged, withChanges } from './instance.js';
import {
  bindingForOutput,
  hasAnyOutput,
  inputNames,
  inputPropIds,
  isMultiValued,
  outputPropIds,
  resolveDependency,
  triggerBindings,
} from './resolve.js';
import type { CallbackDef, Instance, LayoutView } from './types.js';
import { INDIRECT } from './types.js';

export interface WaveOptions {
  /** Ids of the new chunk's components (§1.8 input rule); absent for the initial load. */
  readonly chunkIds?: ReadonlySet<string>;
  /** Chain of the callback that inserted the chunk (§2.9). */
  readonly predecessors?: readonly CallbackDef[] | undefined;
}

/** Callbacks found from the components with these ids, before the static exclusion rule. */
function unfilteredWave(
  graph: CallbackGraph,
  layout: LayoutView,
  ids: readonly string[],
  options: WaveOptions,
): Instance[] {
  // Keyed by resolved id (callback key + MATCH values) as Dash does; merges the two rules' finds.
  const found = new Map<string, Instance>();
  const add = (instance: Instance): void => {
    const key = instance.def.key + instance.anyVals;
    const existing = found.get(key);
    if (!existing) {
      found.set(key, instance);
      return;
    }
    found.set(
      key,
      withChanges(existing, {
        changed: mergeChanged([existing.changed, instance.changed]),
        initialCall: existing.initialCall || instance.initialCall,
      }),
    );
  };
  const { chunkIds } = options;
  for (const id of ids) {
    // Output rule: a callback writing a prop of this component gets its initial call.
    // (A MATCH callback's instance is the one bound to this output's values, §3.4.)
    for (const defs of graph.outputsOn(id).values()) {
      const def = defs[0];
      if (def && !def.preventInitialCall) {
        add(createInstance(def, { initialCall: true, anyVals: bindingForOutput(def, id) }));
      }
    }
    if (!chunkIds) continue;
    // Input rule (chunks only): an Input inside the chunk counts as changed when the callback's
    // outputs are not all inside the chunk. Ignores prevent_initial_call; never no-output ones.
    for (const [property, defs] of graph.inputsOn(id)) {
      for (const def of defs) {
        for (const anyVals of triggerBindings(def, id, property, layout)) {
          if (!hasAnyOutput(def, layout, anyVals)) continue;
          const outputs = def.outputs.flatMap((o) => resolveDependency(o, layout, anyVals));
          if (outputs.every((o) => chunkIds.has(o.idString))) continue;
          add(createInstance(def, { anyVals, changed: new Map([[`${id}.${property}`, INDIRECT]]) }));
        }
      }
    }
  }
  return [...found.values()];
}

/**
 * The static exclusion rule (§1.5 step 6): repeatedly drop candidates whose resolved inputs are
 * all missing or produced only by dropped candidates — unless every declared input is multi-valued.
 */
export function applyStaticExclusion(candidates: readonly Instance[], layout: LayoutView): Instance[] {
  let kept = [...candidates];
  const excluded = new Set<string>();
  for (;;) {
    const dropped: Instance[] = [];
    const next: Instance[] = [];
    for (const instance of kept) {
      const allMulti = instance.def.inputs.every(isMultiValued);
      const live = inputPropIds(instance, layout).some((p) => !excluded.has(p));
      (allMulti || live ? next : dropped).push(instance);
    }
    if (dropped.length === 0) return next;
    for (const instance of dropped) for (const p of outputPropIds(instance, layout)) excluded.add(p);
    kept = next;
  }
}

let lastGroup = 0;

/** A fresh execution-group number (one per wave). */
export function newExecutionGroup(): number {
  lastGroup += 1;
  return lastGroup;
}

/**
 * The wave for components with these ids (document order): output rule, input rule for chunks,
 * static exclusion, one execution group for all, and the producer's predecessors.
 */
export function layoutWave(
  graph: CallbackGraph,
  layout: LayoutView,
  ids: readonly string[],
  options: WaveOptions = {},
): Instance[] {
  const candidates = applyStaticExclusion(unfilteredWave(graph, layout, ids, options), layout);
  const executionGroup = newExecutionGroup();
  return candidates.map((i) => withChanges(i, { executionGroup, predecessors: options.predecessors }));
}

/**
 * The initial load (§1.5): the wave of the whole layout, plus no-output callbacks that are not
 * `prevent_initial_call` and have no inputs or at least one input present (§1.10). No-input
 * callbacks with outputs are already found by the output rule.
 */
export function initialWave(graph: CallbackGraph, layout: LayoutView, ids: readonly string[]): Instance[] {
  const wave = layoutWave(graph, layout, ids);
  for (const def of graph.callbacks) {
    if (!def.noOutput || def.preventInitialCall) continue;
    const present = def.inputs.length === 0 || def.inputs.some((i) => resolveDependency(i, layout).length > 0);
    // Dash adds these outside the wave's execution group, so wave pruning never drops them.
    if (present) wave.push(createInstance(def, { initialCall: true }));
  }
  return wave;
}

/**
 * The removal rule (§1.8 step 3): a callback with an ALL/ALLSMALLER Input that matched a component
 * of the replaced value, and that still has an output, re-runs like an initial call (empty
 * `triggered`) with the shrunken list — down to `[]` (`test_cbwc001_todo_app`, `test_cbwc002`).
 * When the same ids came back, the chunk's input rule finds it too and the merge keeps that run.
 */
export function removalWave(
  graph: CallbackGraph,
  layout: LayoutView,
  removedIds: readonly string[],
  predecessors: readonly CallbackDef[] | undefined,
): Instance[] {
  const found = new Map<string, Instance>();
  for (const id of removedIds) {
    if (!id.startsWith('{')) continue;
    for (const [property, defs] of graph.inputsOn(id)) {
      for (const def of defs) {
        if (!def.inputs.some((d) => isMultiValued(d) && inputNames(d, id, property))) continue;
        for (const anyVals of triggerBindings(def, id, property, layout)) {
          const key = def.key + anyVals;
          if (found.has(key) || !hasAnyOutput(def, layout, anyVals)) continue;
          found.set(key, createInstance(def, { anyVals, initialCall: true, predecessors }));
        }
      }
    }
  }
  return [...found.values()];
}
