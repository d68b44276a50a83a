/**
 * The callback graph built from `_dash-dependencies` (spec/callbacks.md §1.1–§1.3,
 * `R:actions/dependencies.js#computeGraphs`): parsed definitions plus the indexes the scheduler
 * looks things up in — which callbacks a prop is an Input of, which callback writes an output.
 */
import type { DictId } from '../../shared/prop-id.js';
import { parseId, splitOutputKey, splitPropId } from '../../shared/prop-id.js';
import { idMatchesPattern } from '../../shared/wildcards.js';
import type { CallbackSpec, DependencySpec } from '../../shared/protocol.js';
import { isWildcardId } from './resolve.js';
import type { CallbackDef, DependencyRef, OutputRef } from './types.js';

/** Strip an `allow_duplicate` hash: `children@3f9a…` → `children` (`R:actions/callbacks.ts#cleanOutputProp`). */
export function cleanProperty(property: string): string {
  const at = property.indexOf('@');
  return at === -1 ? property : property.slice(0, at);
}

function dependencyRef(spec: DependencySpec): DependencyRef {
  return { id: spec.id, property: spec.property, allowOptional: spec.allow_optional === true };
}

function parseOutputs(spec: CallbackSpec): OutputRef[] {
  if (spec.no_output) return [];
  return splitOutputKey(spec.output).map((propId) => {
    const [id, property] = splitPropId(propId);
    return { id, property, clean: cleanProperty(property) };
  });
}

function parseRunning(spec: CallbackSpec): CallbackDef['running'] {
  if (!spec.running) return undefined;
  return { on: spec.running.running, off: spec.running.runningOff };
}

/** Parse one `_dash-dependencies` entry. */
export function parseCallback(spec: CallbackSpec, index: number): CallbackDef {
  return {
    index,
    key: spec.output,
    outputs: parseOutputs(spec),
    inputs: spec.inputs.map(dependencyRef),
    state: (spec.state ?? []).map(dependencyRef),
    multi: !spec.no_output && spec.output.startsWith('..'),
    noOutput: spec.no_output === true,
    preventInitialCall: spec.prevent_initial_call === true,
    persistent: spec.persistent === true,
    running: parseRunning(spec),
    spec,
  };
}

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function addNested(map: Map<string, Map<string, CallbackDef[]>>, id: string, property: string, def: CallbackDef): void {
  let byProp = map.get(id);
  if (!byProp) {
    byProp = new Map();
    map.set(id, byProp);
  }
  addTo(byProp, property, def);
}

const noDefs: readonly CallbackDef[] = [];
const noProps: ReadonlyMap<string, readonly CallbackDef[]> = new Map();

/** A wildcard dependency: matched against concrete dict ids instead of looked up (§3.4). */
interface PatternEntry {
  readonly pattern: DictId;
  readonly property: string;
  readonly def: CallbackDef;
}

/** Exact entries for `id`, plus the pattern entries matching it, as property → callbacks (no repeats). */
function withPatterns(
  exact: ReadonlyMap<string, readonly CallbackDef[]> | undefined,
  patterns: readonly PatternEntry[],
  id: string,
): ReadonlyMap<string, readonly CallbackDef[]> {
  if (patterns.length === 0 || !id.startsWith('{')) return exact ?? noProps;
  const concrete = parseId(id);
  const merged = new Map<string, CallbackDef[]>();
  for (const [property, defs] of exact ?? noProps) merged.set(property, [...defs]);
  for (const entry of patterns) {
    if (!idMatchesPattern(entry.pattern, concrete)) continue;
    const list = merged.get(entry.property);
    if (!list) merged.set(entry.property, [entry.def]);
    else if (!list.includes(entry.def)) list.push(entry.def);
  }
  return merged.size === 0 ? noProps : merged;
}

/** The parsed callback list and its indexes: exact ids by lookup, wildcard ids by matching. */
export class CallbackGraph {
  #callbacks: readonly CallbackDef[] = [];
  /** id → property (raw, with `@hash`) → callbacks writing it (normally one). */
  readonly #outputsById = new Map<string, Map<string, CallbackDef[]>>();
  /** id → property → callbacks having it as an Input. */
  readonly #inputsById = new Map<string, Map<string, CallbackDef[]>>();
  readonly #outputPatterns: PatternEntry[] = [];
  readonly #inputPatterns: PatternEntry[] = [];

  constructor(specs: readonly CallbackSpec[]) {
    this.replace(specs);
  }

  /** Every callback definition, in `_dash-dependencies` order. */
  get callbacks(): readonly CallbackDef[] {
    return this.#callbacks;
  }

  /**
   * Rebuild from a new callback list (callbacks registered at runtime, §1.12). Pending instances keep
   * the definitions they were made from.
   */
  replace(specs: readonly CallbackSpec[]): void {
    this.#outputsById.clear();
    this.#inputsById.clear();
    this.#outputPatterns.length = 0;
    this.#inputPatterns.length = 0;
    this.#callbacks = specs.map(parseCallback);
    for (const def of this.#callbacks) {
      for (const output of def.outputs) {
        if (isWildcardId(output.id)) {
          this.#outputPatterns.push({ pattern: parseId(output.id) as DictId, property: output.property, def });
        } else addNested(this.#outputsById, output.id, output.property, def);
      }
      for (const input of def.inputs) {
        if (isWildcardId(input.id)) {
          this.#inputPatterns.push({ pattern: parseId(input.id) as DictId, property: input.property, def });
        } else addNested(this.#inputsById, input.id, input.property, def);
      }
    }
  }

  /** Callbacks that have `id.property` as an Input (exactly or through a pattern). */
  inputsTo(id: string, property: string): readonly CallbackDef[] {
    return this.inputsOn(id).get(property) ?? noDefs;
  }

  /** property → callbacks, for every output declared on `id` (exactly or through a pattern). */
  outputsOn(id: string): ReadonlyMap<string, readonly CallbackDef[]> {
    return withPatterns(this.#outputsById.get(id), this.#outputPatterns, id);
  }

  /** property → callbacks, for every Input declared on `id` (exactly or through a pattern). */
  inputsOn(id: string): ReadonlyMap<string, readonly CallbackDef[]> {
    return withPatterns(this.#inputsById.get(id), this.#inputPatterns, id);
  }
}
