/**
 * Props shared by dcc components (spec/components.md §1): id, className, style, loading_state,
 * persistence. Spread into each component's `props`. Also the schema helpers several components use.
 */
import { z } from 'zod';
import type { ComponentNode } from '../define.js';

export const idSchema = z.union([
  z.string().min(1),
  z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
]);

export const loadingStateSchema = z.object({
  is_loading: z.boolean(),
  prop_name: z.string().optional(),
  component_name: z.string().optional(),
});

export const styleSchema = z.record(z.string(), z.union([z.string(), z.number()]));

export const baseProps = {
  id: idSchema.optional().describe('The id of this component, used to identify it in callbacks.'),
  className: z.string().optional().describe('CSS class names of the outer element.'),
  style: styleSchema.optional().describe('Inline CSS styles of the outer element (camelCase keys).'),
  loading_state: loadingStateSchema.optional().describe('Set by the renderer while a callback writes this component.'),
};

export const persistenceProps = {
  persistence: z
    .union([z.boolean(), z.string(), z.number()])
    .optional()
    .describe('Keep user edits across reloads; a new value discards what was stored.'),
  persisted_props: z.array(z.string()).optional().describe('Which props persist. Default: value.'),
  persistence_type: z
    .enum(['local', 'session', 'memory'])
    .optional()
    .describe('Where persisted values are kept. Default local.'),
};

/**
 * A boolean HTML attribute as Dash types it: `true`/`false` or the attribute's name in its own,
 * lower or upper case (`disabled`, `'disabled'`, `'DISABLED'`; `readOnly`, `'readonly'`, ...).
 */
export function booleanAttribute<const TName extends string>(name: TName, description: string) {
  const spellings = [...new Set([name, name.toLowerCase(), name.toUpperCase()])] as [
    TName | Lowercase<TName> | Uppercase<TName>,
  ];
  return z
    .union([z.boolean(), z.literal(spellings)])
    .optional()
    .describe(description);
}

/** A counter written by the component (`n_clicks`, `n_blur`, ...). */
export function counterProp(description: string) {
  return z.number().int().optional().describe(description);
}

/** The ms-since-epoch companion of a counter (`n_clicks_timestamp`, ...). Default -1. */
export function timestampProp(description: string) {
  return z.number().optional().describe(description);
}

/** The props type of a component factory (`PropsOf<typeof Input>`), for views and tests. */
export type PropsOf<TFactory> = TFactory extends (...args: never[]) => ComponentNode<infer TProps> ? TProps : never;
