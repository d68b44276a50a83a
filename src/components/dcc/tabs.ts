/**
 * dcc.Tabs: a tab bar built from its dcc.Tab children, showing the selected tab's content.
 * Props: spec/components.md §3.18.
 */
import { z } from 'zod';
import { childrenSchema, defineComponent } from '../define.js';
import type { PropsOf } from './common.js';
import { baseProps, persistenceProps, styleSchema } from './common.js';

export const Tabs = defineComponent({
  namespace: 'dash_core_components',
  type: 'Tabs',
  persistedProps: ['value'],
  description: 'A set of tabs (dcc.Tab children); only the selected tab content is shown.',
  props: {
    id: baseProps.id,
    value: z
      .string()
      .nullable()
      .optional()
      .describe('Value of the selected Tab. If absent, the component writes the first Tab value (or "tab-1").'),
    content_className: z.string().optional().describe('Class of the content area.'),
    parent_className: z.string().optional().describe('Class of the outer wrapper.'),
    parent_style: styleSchema.optional().describe('Style of the outer wrapper.'),
    content_style: styleSchema.optional().describe('Style of the content area.'),
    vertical: z.boolean().optional().describe('Put the tab bar on the side. Default false.'),
    mobile_breakpoint: z
      .number()
      .optional()
      .describe('Viewport width (px) below which tabs stack full width. Default 800; 0 disables.'),
    children: childrenSchema.optional().describe('The dcc.Tab components.'),
    colors: z
      .object({
        border: z.string().optional(),
        primary: z.string().optional(),
        background: z.string().optional(),
      })
      .optional()
      .describe('Theme colours {border, primary, background}, applied as CSS variables.'),
    className: baseProps.className,
    style: styleSchema.optional().describe('Style of the tab bar.'),
    loading_state: baseProps.loading_state,
    ...persistenceProps,
  },
});

/** The props of dcc.Tabs. */
export type TabsProps = PropsOf<typeof Tabs>;
