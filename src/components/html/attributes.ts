/**
 * The zod building blocks of the html components: the props every element has (spec/components.md
 * §2.2) and one helper per attribute kind, so `elements.generated.ts` stays one line per prop.
 */
import { z } from 'zod';
import { childrenSchema } from '../define.js';
import { booleanAttribute, idSchema, loadingStateSchema, styleSchema } from '../dcc/common.js';

export { booleanAttribute };

/** A string-valued attribute. */
export function stringAttribute(description: string) {
  return z.string().optional().describe(description);
}

/** An attribute that takes a string or a number (width, height, rows, ...); the type given is kept. */
export function numericAttribute(description: string) {
  return z.union([z.string(), z.number()]).optional().describe(description);
}

/** Props of every html component: Dash's common props and the global HTML attributes. */
export const commonProps = {
  id: idSchema.optional().describe('Callback address of the component, also its DOM id (dict ids are stringified).'),
  children: childrenSchema.optional().describe('The content: text, numbers, components, or a list of them.'),
  n_clicks: z
    .number()
    .optional()
    .describe('Number of times the element was clicked (counted only when it has an id). Default 0.'),
  n_clicks_timestamp: z.number().optional().describe('Time of the last click, in ms since the epoch. Default -1.'),
  disable_n_clicks: z
    .boolean()
    .optional()
    .describe('Do not listen to clicks at all (no `n_clicks`); better for screen readers.'),
  key: z.string().optional().describe('React key, to keep the identity of a child across re-renders.'),
  accessKey: z.string().optional().describe('Keyboard shortcut that activates or focuses the element.'),
  className: z.string().optional().describe('CSS class names (space separated).'),
  contentEditable: z.string().optional().describe('Whether the user can edit the content (`true`/`false`).'),
  dir: z.string().optional().describe('Text direction: `ltr`, `rtl` or `auto`.'),
  draggable: z.string().optional().describe('Whether the element can be dragged (`true`/`false`).'),
  hidden: z
    .union([z.boolean(), z.literal(['hidden', 'HIDDEN'])])
    .optional()
    .describe('Hide the element: `true`, `"hidden"` or `"HIDDEN"`.'),
  lang: z.string().optional().describe('Language of the content, e.g. `en`.'),
  role: z.string().optional().describe('ARIA role of the element.'),
  spellCheck: z.string().optional().describe('Whether to spell-check the content (`true`/`false`).'),
  style: styleSchema.optional().describe('Inline CSS styles, with camelCase property names.'),
  tabIndex: z
    .union([z.string(), z.number()])
    .optional()
    .describe('Position in the tab order (a string stays a string).'),
  title: z.string().optional().describe('Advisory text, shown as a native tooltip.'),
  loading_state: loadingStateSchema.optional().describe('Set by the renderer while a callback writes this component.'),
};

/** The props every html component accepts (what the generic html view reads). */
export type HtmlCommonProps = z.input<z.ZodObject<typeof commonProps>>;
