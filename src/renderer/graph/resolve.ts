/**
 * Resolving declared dependencies against the current layout (spec/callbacks.md §1.4: values are
 * read at dispatch time, so resolution always uses the layout as it is *now*), including
 * pattern matching (§3.3–§3.4): wildcard ids match the layout's dict ids in document order, and an
 * instance's MATCH binding (`anyVals`) narrows MATCH and ALLSMALLER keys.
 *
 * `anyVals` is the stringified `{key: value}` of an instance's bound MATCH keys (`''` when none),
 * so it doubles as the §1.4 unique-identifier suffix.
 */
import type { ComponentId, DictId, IdValue } from '../../shared/prop-id.js';
import { parseId, stringifyId } from '../../shared/prop-id.js';
import { compareIdValues, idMatchesPattern, wildcardKeys, wildcardOf } from '../../shared/wildcards.js';
import type { CallbackDef, DependencyRef, Instance, LayoutView, OutputRef, ResolvedProp } from './types.js';

/** True when a stringified id holds a wildcard (`["MATCH"]`, `["ALL"]`, `["ALLSMALLER"]`). */
export function isWildcardId(id: string): boolean {
  return id.startsWith('{') && /\[\s*"(?:MATCH|ALL|ALLSMALLER)"\s*\]/.test(id);
}

/** Does this dependency take a list of components (ALL / ALLSMALLER)? (`R:actions/dependencies.js#isMultiValued`) */
export function isMultiValued(dep: { readonly id: string }): boolean {
  return isWildcardId(dep.id) && /\[\s*"(?:ALL|ALLSMALLER)"\s*\]/.test(dep.id);
}

// Ids are parsed again and again while resolving; the strings are few and immutable.
const parsedIds = new Map<string, ComponentId>();

/** A stringified id, parsed (memoized). */
export function parsedId(id: string): ComponentId {
  let parsed = parsedIds.get(id);
  if (parsed === undefined) {
    parsed = parseId(id);
    parsedIds.set(id, parsed);
  }
  return parsed;
}

type Binding = Readonly<Record<string, IdValue>>;

function parseBinding(anyVals: string): Binding {
  return anyVals === '' ? {} : (parsedId(anyVals) as Binding);
}

/** The `anyVals` of a concrete id bound on `keys` (`''` when there are none). */
export function bindingOf(keys: readonly string[], id: ComponentId): string {
  if (keys.length === 0 || typeof id === 'string') return '';
  const picked: Record<string, IdValue> = {};
  for (const key of keys) {
    const value = id[key];
    if (value !== undefined && wildcardOf(value) === undefined) picked[key] = value as IdValue;
  }
  return Object.keys(picked).length === 0 ? '' : stringifyId(picked);
}

/** Does concrete `id` fit `pattern` under this binding (MATCH equal, ALLSMALLER smaller)? */
function fits(pattern: DictId, id: ComponentId, binding: Binding): boolean {
  if (typeof id === 'string' || !idMatchesPattern(pattern, id)) return false;
  for (const key of Object.keys(binding)) {
    const bound = binding[key] as IdValue;
    const wildcard = wildcardOf(pattern[key]);
    const value = id[key] as IdValue;
    if (wildcard === 'MATCH' && value !== bound) return false;
    if (wildcard === 'ALLSMALLER' && compareIdValues(value, bound) >= 0) return false;
  }
  return true;
}

// A pattern whose every wildcard is a bound MATCH names exactly one id: `pattern\0anyVals` → that
// id (`null` when the pattern has another wildcard or an unbound one).
const boundIds = new Map<string, string | null>();

function boundIdOf(patternId: string, pattern: DictId, binding: Binding, anyVals: string): string | undefined {
  const cacheKey = `${patternId}\u0000${anyVals}`;
  let id = boundIds.get(cacheKey);
  if (id === undefined) {
    const concrete: Record<string, IdValue> = {};
    id = '';
    for (const [key, value] of Object.entries(pattern)) {
      const wildcard = wildcardOf(value);
      if (wildcard === undefined) concrete[key] = value as IdValue;
      else if (wildcard === 'MATCH' && Object.hasOwn(binding, key)) concrete[key] = binding[key] as IdValue;
      else id = null;
    }
    if (id !== null) id = stringifyId(concrete);
    boundIds.set(cacheKey, id);
  }
  return id ?? undefined;
}

// The layout's dict ids that match a pattern (ignoring any binding), memoized per `dictIds()` array:
// the store hands out the same frozen array until the layout's ids change, so with N rows a pattern
// is matched against the layout once per layout change, not once per instance and pass.
const matchesByIds = new WeakMap<object, Map<string, string[]>>();

function patternMatches(patternId: string, pattern: DictId, layout: LayoutView): readonly string[] {
  const all = layout.dictIds();
  let byPattern = typeof all === 'object' ? matchesByIds.get(all) : undefined;
  let matches = byPattern?.get(patternId);
  if (matches) return matches;
  matches = [];
  for (const idString of all) if (idMatchesPattern(pattern, parsedId(idString))) matches.push(idString);
  if (typeof all === 'object') {
    if (!byPattern) matchesByIds.set(all, (byPattern = new Map<string, string[]>()));
    byPattern.set(patternId, matches);
  }
  return matches;
}

/** Resolve one dependency to the components it names right now (layout order for wildcards). */
export function resolveDependency(dep: DependencyRef | OutputRef, layout: LayoutView, anyVals = ''): ResolvedProp[] {
  const property = 'clean' in dep ? dep.clean : dep.property;
  if (!isWildcardId(dep.id)) {
    if (!layout.has(dep.id)) return [];
    return [{ id: parsedId(dep.id), idString: dep.id, property, propId: `${dep.id}.${property}` }];
  }
  const pattern = parsedId(dep.id) as DictId;
  const binding = parseBinding(anyVals);
  const exact = boundIdOf(dep.id, pattern, binding, anyVals);
  if (exact !== undefined) {
    if (!layout.has(exact)) return [];
    return [{ id: parsedId(exact), idString: exact, property, propId: `${exact}.${property}` }];
  }
  const found: ResolvedProp[] = [];
  for (const idString of patternMatches(dep.id, pattern, layout)) {
    const id = parsedId(idString);
    if (fits(pattern, id, binding)) found.push({ id, idString, property, propId: `${idString}.${property}` });
  }
  return found;
}

/** The MATCH keys of a callback's outputs (all outputs share them, §3.6); `[]` when none. */
export function outputMatchKeys(def: CallbackDef): string[] {
  for (const o of def.outputs) {
    if (!isWildcardId(o.id)) continue;
    const keys = wildcardKeys(parsedId(o.id), 'MATCH');
    if (keys.length > 0) return keys;
  }
  return [];
}

/** The binding of the instance an output found in the layout belongs to (initial wave, chunks). */
export function bindingForOutput(def: CallbackDef, outputId: string): string {
  return bindingOf(outputMatchKeys(def), parsedId(outputId));
}

/** Distinct MATCH bindings of the outputs present in the layout, in layout order. */
function outputBindings(def: CallbackDef, keys: readonly string[], layout: LayoutView): Binding[] {
  const seen = new Map<string, Binding>();
  for (const o of def.outputs) {
    for (const r of resolveDependency(o, layout)) {
      const anyVals = bindingOf(keys, r.id);
      if (anyVals !== '' && !seen.has(anyVals)) seen.set(anyVals, parseBinding(anyVals));
    }
  }
  return [...seen.values()];
}

/** Does the declared Input `dep` name the concrete `id.property`? */
export function inputNames(dep: DependencyRef, id: string, property: string): boolean {
  if (dep.property !== property) return false;
  if (!isWildcardId(dep.id)) return dep.id === id;
  return id.startsWith('{') && idMatchesPattern(parsedId(dep.id), parsedId(id));
}

/**
 * The instances (`anyVals`) a change of `id.property` fires for `def` (§3.4): bound to the trigger's
 * MATCH values when the outputs carry no MATCH (§3.7); otherwise every MATCH combination of the
 * outputs in the layout whose values agree with the trigger — equal on MATCH and ALL keys, greater
 * on ALLSMALLER keys, unconstrained for keys the input does not pattern on (e.g. a string id).
 */
export function triggerBindings(def: CallbackDef, id: string, property: string, layout: LayoutView): string[] {
  const keys = outputMatchKeys(def);
  const trigger = parsedId(id);
  const result = new Set<string>();
  let bindings: Binding[] | undefined;
  const outputs = (): Binding[] => (bindings ??= keys.length > 0 ? outputBindings(def, keys, layout) : []);
  for (const dep of def.inputs) {
    if (!inputNames(dep, id, property)) continue;
    const pattern = isWildcardId(dep.id) ? (parsedId(dep.id) as DictId) : undefined;
    if (keys.length === 0) {
      result.add(pattern ? bindingOf(wildcardKeys(pattern, 'MATCH'), trigger) : '');
      continue;
    }
    if (pattern && typeof trigger !== 'string' && keys.every((key) => wildcardOf(pattern[key]) === 'MATCH')) {
      // The input matches on every output key: the only agreeing binding is the trigger's own, and
      // it counts when an output exists under it (one lookup instead of a scan of every output).
      const anyVals = bindingOf(keys, trigger);
      if (anyVals !== '' && def.outputs.some((o) => resolveDependency(o, layout, anyVals).length > 0)) {
        result.add(anyVals);
      }
      continue;
    }
    for (const binding of outputs()) {
      const agrees = keys.every((key) => {
        const wildcard = pattern ? wildcardOf(pattern[key]) : undefined;
        if (wildcard === undefined || typeof trigger === 'string') return true;
        const value = trigger[key] as IdValue;
        const bound = binding[key] as IdValue;
        return wildcard === 'ALLSMALLER' ? compareIdValues(bound, value) > 0 : bound === value;
      });
      if (agrees) result.add(stringifyId(binding));
    }
  }
  return [...result];
}

/** Resolved outputs of an instance, one list per declared output. */
export function resolveOutputs(instance: Instance, layout: LayoutView): ResolvedProp[][] {
  return instance.def.outputs.map((o) => resolveDependency(o, layout, instance.anyVals));
}

/** Resolved inputs of an instance, one list per declared input. */
export function resolveInputs(instance: Instance, layout: LayoutView): ResolvedProp[][] {
  return instance.def.inputs.map((i) => resolveDependency(i, layout, instance.anyVals));
}

/** Resolved state of an instance, one list per declared state. */
export function resolveState(instance: Instance, layout: LayoutView): ResolvedProp[][] {
  return instance.def.state.map((s) => resolveDependency(s, layout, instance.anyVals));
}

/** Flat list of the prop ids of resolved outputs (clean props). */
export function outputPropIds(instance: Instance, layout: LayoutView): string[] {
  return resolveOutputs(instance, layout)
    .flat()
    .map((r) => r.propId);
}

/** Flat list of the prop ids of resolved inputs. */
export function inputPropIds(instance: Instance, layout: LayoutView): string[] {
  return resolveInputs(instance, layout)
    .flat()
    .map((r) => r.propId);
}

/** Does at least one output of this definition (under this binding) exist? */
export function hasAnyOutput(def: CallbackDef, layout: LayoutView, anyVals = ''): boolean {
  return def.outputs.some((o) => resolveDependency(o, layout, anyVals).length > 0);
}
