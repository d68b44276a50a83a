/**
 * The callbacks checked against the (validation) layout: Dash's `validateCallbacksToLayout`
 * (spec/callbacks.md §9.2, §9.5), done on the server, which knows every component's props from its
 * definition (docs/adr/0008). The result travels in `_dash-config` and our renderer reports each
 * entry at load, with Dash's titles, where the dev tools show it (console in production).
 *
 * - "ID not found in layout": a string id of an Output, Input or State that no component has —
 *   one error per id and kind, naming every callback using it. Not with `suppress_callback_exceptions`.
 * - "Invalid prop for this component": the component with that id has no such prop (`data-*` and
 *   `aria-*` are accepted where the component takes them). Checked even when suppressed.
 */
import * as dcc from '../../components/dcc/index.js';
import type { ComponentMeta } from '../../components/define.js';
import * as html from '../../components/html/index.js';
import type { ComponentJson } from '../../shared/layout.js';
import { walkComponents } from '../../shared/layout.js';
import type { ComponentId } from '../../shared/prop-id.js';
import { parseId, splitOutputKey, splitPropId, stringifyId } from '../../shared/prop-id.js';
import type { CallbackSpec, DependencySpec } from '../../shared/protocol.js';
import { idMatchesPattern, wildcardKeys } from '../../shared/wildcards.js';

/** One problem found, as the renderer reports it (a `CallbackError` without its time). */
export interface LayoutIssue {
  readonly title: string;
  readonly detail: string;
  /** The key of the (first) callback concerned. */
  readonly callback: string;
}

type Kind = 'Output' | 'Input' | 'State';

/** What the check needs to know about a component type. */
export interface PropTable {
  /** Does a component of this type take this prop? Undefined when the type is unknown (not checked). */
  accepts(namespace: string, type: string, prop: string): boolean | undefined;
}

function metaOf(value: unknown): ComponentMeta | undefined {
  if (typeof value !== 'function') return undefined;
  const meta = (value as { meta?: Partial<ComponentMeta> }).meta;
  return typeof meta?.namespace === 'string' && typeof meta.type === 'string' && Array.isArray(meta.propNames)
    ? (meta as ComponentMeta)
    : undefined;
}

const wildcardProp = /^(?:data|aria)-[a-zA-Z0-9_.:-]+$/;

/** Does the schema take `data-*`/`aria-*` attributes? Asked once per type, with a probe key. */
function takesWildcardAttributes(meta: ComponentMeta): boolean {
  const probe = 'data-dash-ts-probe';
  const result = meta.schema.safeParse({ [probe]: 'x' });
  if (result.success) return true;
  return !result.error.issues.some((issue) => {
    const keys = (issue as { keys?: unknown }).keys;
    return issue.path[0] === probe || (Array.isArray(keys) && keys.includes(probe));
  });
}

/** The prop table of the built-in html and dcc components. */
export function builtinPropTable(...modules: readonly Record<string, unknown>[]): PropTable {
  const types = new Map<string, { names: ReadonlySet<string>; meta: ComponentMeta; wildcard?: boolean }>();
  for (const module of modules.length > 0 ? modules : [html, dcc]) {
    for (const value of Object.values(module)) {
      const meta = metaOf(value);
      if (meta) types.set(`${meta.namespace}\0${meta.type}`, { names: new Set(meta.propNames), meta });
    }
  }
  return {
    accepts(namespace, type, prop) {
      const entry = types.get(`${namespace}\0${type}`);
      if (entry === undefined) return undefined;
      if (entry.names.has(prop) || prop === 'id') return true;
      if (!wildcardProp.test(prop)) return false;
      entry.wildcard ??= takesWildcardAttributes(entry.meta);
      return entry.wildcard;
    },
  };
}

interface Use {
  readonly spec: CallbackSpec;
  readonly id: string;
  /** Clean prop name (no `allow_duplicate` `@hash`). */
  readonly property: string;
  readonly optional: boolean;
}

function outputsOf(spec: CallbackSpec): DependencySpec[] {
  if (spec.no_output) return [];
  return splitOutputKey(spec.output).map((propId) => {
    const [id, property] = splitPropId(propId);
    return { id, property: property.split('@')[0] ?? property };
  });
}

/** `a.children, b.value` per callback, one line each: Dash's "This ID was used in the callback(s)…" tail. */
function tail(specs: readonly CallbackSpec[]): string {
  const lines = [...new Set(specs)].map((spec) => {
    const outputs = outputsOf(spec);
    if (outputs.length > 0) return outputs.map((o) => `${o.id}.${o.property}`).join(', ');
    return `(no output; inputs ${spec.inputs.map((i) => `${i.id}.${i.property}`).join(', ') || 'none'})`;
  });
  return ['This ID was used in the callback(s) for Output(s):', ...lines.map((l) => `  ${l}`)].join('\n');
}

/**
 * Check every callback against `layout`. `suppress` is `suppress_callback_exceptions`: ids may be
 * missing then (components made later), only the props of present components are checked.
 */
export function validateCallbacksToLayout(
  layout: unknown,
  specs: readonly CallbackSpec[],
  options: { suppress: boolean; props?: PropTable },
): LayoutIssue[] {
  const props = options.props ?? builtinPropTable();
  const byId = new Map<string, ComponentJson>();
  const dictIds: { id: ComponentId; component: ComponentJson }[] = [];
  walkComponents(layout, (component) => {
    const id = component.props['id'];
    if (typeof id === 'string') byId.set(id, component);
    else if (typeof id === 'object' && id !== null) {
      byId.set(stringifyId(id as ComponentId), component);
      dictIds.push({ id: id as ComponentId, component });
    }
  });
  const issues: LayoutIssue[] = [];

  const missingId = (id: string, kind: Kind, uses: readonly Use[]): void => {
    issues.push({
      title: 'ID not found in layout',
      detail: [
        `Attempting to connect a callback ${kind} item to component:`,
        `  "${id}"`,
        'but no components with that id exist in the layout.',
        '',
        'If you are assigning callbacks to components that are',
        'generated by other callbacks (and therefore not in the',
        'initial layout), list them in `app.validation_layout`, or',
        'suppress this exception with `suppress_callback_exceptions: true`.',
        tail(uses.map((u) => u.spec)),
      ].join('\n'),
      callback: uses[0]?.spec.output ?? '',
    });
  };

  const checkProp = (
    id: string,
    component: ComponentJson,
    property: string,
    kind: Kind,
    uses: readonly Use[],
  ): void => {
    if (props.accepts(component.namespace, component.type, property) !== false) return;
    issues.push({
      title: 'Invalid prop for this component',
      detail: [
        `Property "${property}" was used with component ID:`,
        `  ${JSON.stringify(id.startsWith('{') ? parseId(id) : id)}`,
        `in one of the ${kind} items of a callback.`,
        `This ID is assigned to a ${component.namespace}.${component.type} component`,
        'in the layout, which does not support this property.',
        tail(uses.map((u) => u.spec)),
      ].join('\n'),
      callback: uses[0]?.spec.output ?? '',
    });
  };

  /** A wildcard dependency: the props of every component it matches. */
  const checkPattern = (pattern: ComponentId, property: string, kind: Kind, uses: readonly Use[]): void => {
    for (const { id, component } of dictIds) {
      if (idMatchesPattern(pattern, id)) checkProp(stringifyId(id), component, property, kind, uses);
    }
  };

  // State is checked once per callback reached through its outputs (as Dash does).
  const stateChecked = new Set<CallbackSpec>();
  const checkState = (spec: CallbackSpec): void => {
    if (stateChecked.has(spec)) return;
    stateChecked.add(spec);
    for (const dep of spec.state ?? []) {
      const use: Use = { spec, id: dep.id, property: dep.property, optional: dep.allow_optional === true };
      if (dep.id.startsWith('{')) {
        const pattern = parseId(dep.id);
        // MATCH/ALLSMALLER State resolves against an instance; Dash skips those.
        if (wildcardKeys(pattern, 'MATCH').length === 0 && wildcardKeys(pattern, 'ALLSMALLER').length === 0) {
          checkPattern(pattern, dep.property, 'State', [use]);
        }
        continue;
      }
      const component = byId.get(dep.id);
      if (component) checkProp(dep.id, component, dep.property, 'State', [use]);
      else if (!options.suppress && !use.optional) missingId(dep.id, 'State', [use]);
    }
  };

  const checkKind = (kind: 'Output' | 'Input', depsOf: (spec: CallbackSpec) => DependencySpec[]): void => {
    // id → uses, in first-seen order, so each missing id is reported once per kind.
    const exact = new Map<string, Use[]>();
    const patterns = new Map<string, Use[]>();
    for (const spec of specs) {
      for (const dep of depsOf(spec)) {
        const use: Use = {
          spec,
          id: dep.id,
          property: dep.property.split('@')[0] ?? dep.property,
          optional: dep.allow_optional === true,
        };
        const isPattern = dep.id.startsWith('{') && /\["(?:MATCH|ALL|ALLSMALLER)"\]/.test(dep.id);
        const map = isPattern ? patterns : exact;
        const list = map.get(dep.id);
        if (list) list.push(use);
        else map.set(dep.id, [use]);
      }
    }
    for (const [id, uses] of exact) {
      if (uses.every((u) => u.optional)) continue;
      const component = byId.get(id);
      if (!component) {
        if (!options.suppress) missingId(id, kind, uses);
        continue;
      }
      for (const property of new Set(uses.map((u) => u.property))) {
        const propUses = uses.filter((u) => u.property === property);
        checkProp(id, component, property, kind, propUses);
        if (kind === 'Output') for (const u of propUses) checkState(u.spec);
      }
    }
    for (const [id, uses] of patterns) {
      const pattern = parseId(id);
      for (const property of new Set(uses.map((u) => u.property))) {
        const propUses = uses.filter((u) => u.property === property);
        checkPattern(pattern, property, kind, propUses);
        if (kind === 'Output') for (const u of propUses) checkState(u.spec);
      }
    }
  };

  checkKind('Output', outputsOf);
  checkKind('Input', (spec) => spec.inputs);
  return issues;
}
