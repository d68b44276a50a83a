/**
 * dcc.Loading: wraps content and shows a spinner while a callback is updating any of it.
 * Props: spec/components.md §3.20.
 */
import { z } from 'zod';
import { childrenSchema, defineComponent } from '../define.js';
import type { PropsOf } from './common.js';
import { baseProps, persistenceProps, styleSchema } from './common.js';

export const Loading = defineComponent({
  namespace: 'dash_core_components',
  type: 'Loading',
  description: 'Shows a spinner while any component inside it is being updated by a callback.',
  childrenProps: ['custom_spinner'],
  props: {
    id: baseProps.id,
    children: childrenSchema.optional().describe('The content watched for loading.'),
    type: z
      .enum(['graph', 'cube', 'circle', 'dot', 'default'])
      .optional()
      .describe('Built-in spinner: "default", "graph", "cube", "circle" or "dot".'),
    fullscreen: z.boolean().optional().describe('The spinner covers the whole page.'),
    debug: z.boolean().optional().describe('The spinner shows which component and prop are loading.'),
    parent_className: z.string().optional().describe('Class of the outer wrapper.'),
    parent_style: styleSchema.optional().describe('Style of the outer wrapper.'),
    overlay_style: styleSchema
      .optional()
      .describe('Style of the content while loading. Default {visibility: "hidden"}.'),
    color: z.string().optional().describe('Spinner colour. Default var(--Dash-Fill-Interactive-Strong).'),
    display: z
      .enum(['auto', 'show', 'hide'])
      .optional()
      .describe('"auto" (default) follows the loading state; "show"/"hide" force the spinner.'),
    delay_hide: z.number().optional().describe('Keep the spinner this many ms after loading ends. Default 0.'),
    delay_show: z.number().optional().describe('Show the spinner only after this many ms of loading. Default 0.'),
    show_initially: z
      .boolean()
      .optional()
      .describe('Show the spinner on first render, before the loading state is known. Default true.'),
    target_components: z
      .record(z.string(), z.union([z.string(), z.array(z.string())]))
      .optional()
      .describe('Only react to these components: {id: prop, [props] or "*"}.'),
    custom_spinner: childrenSchema.optional().describe('Components shown instead of the built-in spinner.'),
    className: baseProps.className,
    style: baseProps.style,
    loading_state: baseProps.loading_state,
    ...persistenceProps,
  },
});

/** The props of dcc.Loading. */
export type LoadingProps = PropsOf<typeof Loading>;
