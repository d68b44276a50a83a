/**
 * `defineComponent`: the one place a component's props are declared (DESIGN.md principle 2).
 * From the zod schema come the TypeScript props type, the typed layout factory
 * (`html.Div(...)`, `dcc.Input({...})`), server-side validation, and reference docs.
 * Runs anywhere: no DOM, no Node.
 */
import { z } from 'zod';
import type { ComponentRef } from '../shared/dependencies.js';
import type { Child, ComponentJson } from '../shared/layout.js';
import { isComponentJson } from '../shared/layout.js';
import type { ComponentId } from '../shared/prop-id.js';

/** Children as a user writes them in a layout. */
export type Children = Child;

/** The zod schema for a prop holding components (children and the like). */
export const childrenSchema: z.ZodType<Child, Child> = z.custom<Child>(() => true, { message: 'Invalid children' });

/** A component produced by a factory: its JSON plus a phantom props type (so it is a typed ref). */
export interface ComponentNode<TProps> extends ComponentJson, ComponentRef<TProps> {
  readonly props: Readonly<TProps> & { readonly id?: ComponentId | undefined };
}

/** The static description of a component, used by the server (config, docs, validation). */
export interface ComponentMeta {
  readonly namespace: string;
  readonly type: string;
  readonly description: string;
  /** zod schema of the props (object, with catch-all for wildcard attributes when allowed). */
  readonly schema: z.ZodType<Record<string, unknown>>;
  /** Non-`children` props that hold components, in Dash's `children_props` path grammar. */
  readonly childrenProps: readonly string[];
  /** Prop names, in declaration order. */
  readonly propNames: readonly string[];
  /** Default `persisted_props` when the component supports persistence (spec/callbacks.md §8). */
  readonly persistedProps?: readonly string[] | undefined;
}

type HasChildren<TProps> = 'children' extends keyof TProps ? true : false;

/** A typed factory: `X(props)`, and for components with children `X(children)` / `X(children, props)`. */
export type ComponentFactory<TProps> = (HasChildren<TProps> extends true
  ? {
      (children?: Children, props?: Omit<TProps, 'children'>): ComponentNode<TProps>;
      (props: TProps): ComponentNode<TProps>;
    }
  : (props?: TProps) => ComponentNode<TProps>) & {
  /**
   * A typed reference to a component of this type by id, for callbacks on ids made elsewhere. A dict
   * id with `ALL`/`ALLSMALLER` makes its dependencies carry lists.
   */
  ref<const TId extends ComponentId>(id: TId): ComponentRef<TProps, TId>;
  readonly meta: ComponentMeta;
};

/** Is the first factory argument the props object (not children)? */
function isPropsArgument(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isComponentJson(value);
}

/** Drop props whose value is `undefined`: Dash sends only props that were set. */
function definedProps(props: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props)) if (value !== undefined) out[key] = value;
  return out;
}

export interface DefineOptions<TShape extends z.ZodRawShape> {
  readonly namespace: string;
  readonly type: string;
  /** One sentence: what the component is. */
  readonly description: string;
  readonly props: TShape;
  readonly childrenProps?: readonly string[];
  /** Accept `data-*` and `aria-*` attributes (html components, some dcc ones). */
  readonly wildcardAttributes?: boolean;
  /** Default `persisted_props`, for components whose user edits can persist (spec/components.md §1.6). */
  readonly persistedProps?: readonly string[];
}

/** Wildcard attributes accepted as props by html elements (`data-*`, `aria-*`). */
export interface WildcardAttributes {
  [attribute: `data-${string}`]: string | number | boolean | undefined;
  [attribute: `aria-${string}`]: string | number | boolean | undefined;
}

const wildcardKey = /^(?:data|aria)-[a-zA-Z0-9_.:-]+$/;

/** Define a component once; see the module comment. With `wildcardAttributes`, `data-*`/`aria-*` props are typed too. */
export function defineComponent<TShape extends z.ZodRawShape>(
  options: DefineOptions<TShape> & { readonly wildcardAttributes: true },
): ComponentFactory<z.input<z.ZodObject<TShape>> & WildcardAttributes>;
export function defineComponent<TShape extends z.ZodRawShape>(
  options: DefineOptions<TShape>,
): ComponentFactory<z.input<z.ZodObject<TShape>>>;
export function defineComponent<TShape extends z.ZodRawShape>(options: DefineOptions<TShape>): unknown {
  const base = z.object(options.props).strict();
  const schema: z.ZodType<Record<string, unknown>> = options.wildcardAttributes
    ? z
        .object(options.props)
        .catchall(z.union([z.string(), z.number(), z.boolean(), z.null()]))
        .superRefine((value, check) => {
          for (const key of Object.keys(value)) {
            if (!(key in options.props) && !wildcardKey.test(key)) {
              check.addIssue({ code: 'custom', message: `Unknown prop "${key}"`, path: [key] });
            }
          }
        })
    : base;
  const meta: ComponentMeta = {
    namespace: options.namespace,
    type: options.type,
    description: options.description,
    schema,
    childrenProps: options.childrenProps ?? [],
    propNames: Object.keys(options.props),
    persistedProps: options.persistedProps,
  };
  const hasChildren = 'children' in options.props;
  const factory = (first?: unknown, second?: unknown): ComponentJson => {
    let props: Record<string, unknown>;
    if (second !== undefined) {
      if (!isPropsArgument(second)) throw new TypeError(`${options.type}(children, props): props must be an object`);
      props = { ...second, children: first };
    } else if (isPropsArgument(first)) {
      props = { ...first };
    } else if (first === undefined) {
      props = {};
    } else if (hasChildren) {
      props = { children: first };
    } else {
      throw new TypeError(`${options.type} takes a props object, not children`);
    }
    return { type: options.type, namespace: options.namespace, props: definedProps(props) };
  };
  const ref = (id: ComponentId): ComponentRef<unknown> => ({ props: { id } });
  return Object.assign(factory, { ref, meta });
}
