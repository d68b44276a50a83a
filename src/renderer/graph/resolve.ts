/**
 * Resolving declared dependencies against the current layout (spec/callbacks.md §1.4: values are
 * read at dispatch time, so resolution always uses the layout as it is *now*).
 *
 * Exact ids resolve to zero or one component. Wildcard ids (pattern matching, §3) are recognised
 * here — `isMultiValued` is already right for ALL/ALLSMALLER — but resolve to nothing until
 * pattern matching is implemented; this module is where it goes.
 */
import { parseId } from '../../shared/prop-id.js';
import type { CallbackDef, DependencyRef, Instance, LayoutView, OutputRef, ResolvedProp } from './types.js';

/** True when a stringified id holds a wildcard (`["MATCH"]`, `["ALL"]`, `["ALLSMALLER"]`). */
export function isWildcardId(id: string): boolean {
  return id.startsWith('{') && /\[\s*"(?:MATCH|ALL|ALLSMALLER)"\s*\]/.test(id);
}

/** Does this dependency take a list of components (ALL / ALLSMALLER)? (`R:actions/dependencies.js#isMultiValued`) */
export function isMultiValued(dep: { readonly id: string }): boolean {
  return isWildcardId(dep.id) && /\[\s*"(?:ALL|ALLSMALLER)"\s*\]/.test(dep.id);
}

/** Resolve one dependency to the components it names right now. */
export function resolveDependency(dep: DependencyRef | OutputRef, layout: LayoutView): ResolvedProp[] {
  if (isWildcardId(dep.id)) return []; // pattern matching (§3) is not implemented yet
  if (!layout.has(dep.id)) return [];
  const property = 'clean' in dep ? dep.clean : dep.property;
  return [{ id: parseId(dep.id), idString: dep.id, property, propId: `${dep.id}.${property}` }];
}

/** Resolved outputs of an instance, one list per declared output. */
export function resolveOutputs(instance: Instance, layout: LayoutView): ResolvedProp[][] {
  return instance.def.outputs.map((o) => resolveDependency(o, layout));
}

/** Resolved inputs of an instance, one list per declared input. */
export function resolveInputs(instance: Instance, layout: LayoutView): ResolvedProp[][] {
  return instance.def.inputs.map((i) => resolveDependency(i, layout));
}

/** Resolved state of an instance, one list per declared state. */
export function resolveState(instance: Instance, layout: LayoutView): ResolvedProp[][] {
  return instance.def.state.map((s) => resolveDependency(s, layout));
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

/** Does at least one output of this definition exist (or is it a no-output callback)? */
export function hasAnyOutput(def: CallbackDef, layout: LayoutView): boolean {
  return def.outputs.some((o) => resolveDependency(o, layout).length > 0);
}
