/**
 * `dash_clientside.set_props(idOrPath, props)` (spec/callbacks.md §5.3; Dash's
 * `R:utils/clientsideFunctions.ts#set_props`): update any component — named by a string id, a dict
 * id, or a layout path — and trigger the callbacks that have those props as Inputs. Works inside a
 * clientside callback and anywhere else once the renderer runs (an asset's event handler).
 */
import type { ComponentId } from '../../shared/prop-id.js';
import { isDictId, stringifyId } from '../../shared/prop-id.js';
import { applyPatch, isPatch } from '../graph/patch.js';

/** What set_props needs from the renderer. */
export interface SetPropsHost {
  readonly store: {
    has(id: string): boolean;
    getProp(id: string, property: string): unknown;
    updatePropsById(id: string, props: Readonly<Record<string, unknown>>): unknown;
    layoutJson(): unknown;
  };
  readonly scheduler: { propsChanged(id: string, properties: readonly string[]): void };
  /** Report a problem (dev tools in debug mode, the console always). `missing`: the target is not in the layout. */
  report(title: string, detail: string, missing?: boolean): void;
}

type Path = readonly (string | number)[];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The stringified id of the component at a layout path (`['props', 'children', 1]`), if it has one. */
function idAtPath(layout: unknown, path: Path): string | undefined {
  let node: unknown = layout;
  for (const step of path) {
    if (Array.isArray(node) && typeof step === 'number') node = node[step];
    else if (isRecord(node) && typeof step === 'string' && Object.hasOwn(node, step)) node = node[step];
    else return undefined;
  }
  const id = isRecord(node) && isRecord(node['props']) ? node['props']['id'] : undefined;
  if (typeof id === 'string' && id !== '') return id;
  return isDictId(id) ? stringifyId(id) : undefined;
}

function targetId(host: SetPropsHost, idOrPath: unknown): string | undefined {
  if (typeof idOrPath === 'string') return idOrPath;
  if (Array.isArray(idOrPath)) return idAtPath(host.store.layoutJson(), idOrPath as Path);
  return isDictId(idOrPath) ? stringifyId(idOrPath) : undefined;
}

export function createSetProps(
  host: SetPropsHost,
): (idOrPath: ComponentId | readonly (string | number)[], props: Record<string, unknown>) => void {
  return (idOrPath, props) => {
    const id = targetId(host, idOrPath);
    if (id === undefined || !host.store.has(id)) {
      host.report(
        'dash_clientside.set_props: component not found',
        `No component with the id or layout path ${JSON.stringify(idOrPath)} is in the layout.`,
        true,
      );
      return;
    }
    if (!isRecord(props)) {
      host.report('dash_clientside.set_props: props must be an object', `Got ${JSON.stringify(props)} for ${id}.`);
      return;
    }
    const resolved: Record<string, unknown> = {};
    for (const [property, value] of Object.entries(props)) {
      if (!isPatch(value)) {
        resolved[property] = value;
        continue;
      }
      try {
        resolved[property] = applyPatch(host.store.getProp(id, property), value);
      } catch (error) {
        host.report(
          `Callback error updating ${id}.${property}`,
          error instanceof Error ? error.message : String(error),
        );
      }
    }
    const properties = Object.keys(resolved);
    if (properties.length === 0) return;
    host.store.updatePropsById(id, resolved);
    host.scheduler.propsChanged(id, properties);
  };
}
