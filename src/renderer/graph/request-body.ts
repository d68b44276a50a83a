/**
 * The body of `POST _dash-update-component`, exactly as Dash's renderer sends it
 * (spec/protocol-core.md §5.1; `R:actions/callbacks.ts#executeCallback`, `#fillVals`,
 * `#unwrapIfNotMulti`), and the missing-component rules of spec/callbacks.md §1.11.
 */
import type { CallbackArgument, CallbackOutputRef, UpdateRequest } from '../../shared/protocol.js';
import { parseId } from '../../shared/prop-id.js';
import { isMultiValued, resolveDependency } from './resolve.js';
import type { DependencyRef, Instance, LayoutView, OutputRef, ResolvedProp } from './types.js';

type Kind = 'Input' | 'State' | 'Output';

function nonexistentMessage(dep: DependencyRef | OutputRef, kind: Kind, layout: LayoutView): string {
  const isString = !dep.id.startsWith('{');
  const idText = isString ? `\`${dep.id}\`` : dep.id;
  const tail = isString
    ? `\`. The string ids in the current layout are: [${[...layout.stringIds()].join(', ')}]`
    : '`. The wildcard ids currently available are logged above.';
  return `A nonexistent object was used in an \`${kind}\` of a Dash callback. The id of this object is ${idText} and the property is \`${dep.property}${tail}`;
}

function argument(r: ResolvedProp, layout: LayoutView): CallbackArgument {
  const value = layout.getProp(r.idString, r.property);
  // JSON.stringify drops an undefined value; keep the object identical to what goes on the wire.
  return value === undefined ? { id: r.id, property: r.property } : { id: r.id, property: r.property, value };
}

interface Filled<T> {
  values: (T | T[])[];
  errors: string[];
  emptyMulti: number;
}

function fill<T>(
  deps: readonly (DependencyRef | OutputRef)[],
  kind: Kind,
  layout: LayoutView,
  anyVals: string,
  toValue: (r: ResolvedProp) => T,
  optional: (dep: DependencyRef | OutputRef) => T,
): Filled<T> {
  const result: Filled<T> = { values: [], errors: [], emptyMulti: 0 };
  for (const dep of deps) {
    const resolved = resolveDependency(dep, layout, anyVals);
    if (isMultiValued(dep)) {
      if (resolved.length === 0) result.emptyMulti += 1;
      result.values.push(resolved.map(toValue));
      continue;
    }
    const only = resolved[0];
    if (resolved.length === 1 && only) {
      result.values.push(toValue(only));
    } else if (resolved.length === 0 && 'allowOptional' in dep && dep.allowOptional) {
      result.values.push(optional(dep));
    } else {
      result.errors.push(
        resolved.length === 0
          ? nonexistentMessage(dep, kind, layout)
          : `Multiple objects were found for an \`${kind}\` of a callback that only takes one value. The id spec is ${dep.id} and the property is \`${dep.property}\`.`,
      );
      result.values.push(optional(dep));
    }
  }
  return result;
}

/** The outcome of preparing a dispatch: a request, a silent skip, or a client-side error. */
export type Prepared =
  | { kind: 'request'; body: UpdateRequest; outputs: ResolvedProp[] }
  | { kind: 'skip' }
  | { kind: 'error'; message: string };

/** `parsedChangedPropsIds`: dict ids parsed (their prop dropped), string prop ids unchanged. */
function parsedChangedIds(changed: readonly string[]): unknown[] {
  return changed.map((propId) =>
    propId.startsWith('{') ? parseId(propId.slice(0, propId.lastIndexOf('}') + 1)) : propId,
  );
}

/** Build the request for an instance from the layout as it is now (§1.4: values read at dispatch). */
export function prepareRequest(instance: Instance, layout: LayoutView): Prepared {
  // Clientside callbacks get the same payload: the scheduler hands it to the clientside runner (§6.2).
  const { def } = instance;
  const optionalArg = (dep: DependencyRef | OutputRef): CallbackArgument => ({
    id: parseId(dep.id),
    property: dep.property,
    value: null,
  });
  const inputs = fill(def.inputs, 'Input', layout, instance.anyVals, (r) => argument(r, layout), optionalArg);
  if (inputs.errors.length > 0) {
    // Every input missing (empty multi-valued ones count) with at least one single-valued: skip silently.
    if (inputs.errors.length + inputs.emptyMulti === def.inputs.length) return { kind: 'skip' };
    return { kind: 'error', message: inputs.errors[0]! };
  }
  const toRef = (r: ResolvedProp): CallbackOutputRef => ({ id: r.id, property: r.property });
  // Outputs keep the declared property (with an `@hash`), as the server matches them to the key.
  const outputs = fill(
    def.outputs,
    'Output',
    layout,
    instance.anyVals,
    (r) => r,
    (dep) => ({ id: parseId(dep.id), idString: dep.id, property: dep.property, propId: '' }),
  );
  if (outputs.errors.length > 0) {
    if (inputs.values.flat().length > 0) return { kind: 'error', message: outputs.errors[0]! };
    return { kind: 'skip' }; // all inputs are empty multi-valued lists: treated like missing inputs
  }
  const declared = (r: ResolvedProp, i: number): CallbackOutputRef => ({
    ...toRef(r),
    property: def.outputs[i]?.property ?? r.property,
  });
  const outputRefs = outputs.values.map((v, i) => (Array.isArray(v) ? v.map((r) => declared(r, i)) : declared(v, i)));
  const changedPropIds = [...instance.changed.keys()];
  const body: UpdateRequest = {
    output: def.key,
    ...(def.noOutput ? {} : { outputs: def.multi ? outputRefs : outputRefs[0] }),
    inputs: inputs.values,
    changedPropIds,
    parsedChangedPropsIds: parsedChangedIds(changedPropIds),
  };
  if (def.state.length > 0) {
    const state = fill(def.state, 'State', layout, instance.anyVals, (r) => argument(r, layout), optionalArg);
    if (state.errors.length > 0) return { kind: 'error', message: state.errors[0]! };
    body.state = state.values;
  }
  return { kind: 'request', body, outputs: outputs.values.flat() };
}
