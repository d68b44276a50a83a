/**
 * dcc.Tab: one tab of a dcc.Tabs (its label in the bar, its children as content). Props: spec/components.md §3.19.
 */
import { z } from 'zod';
import { childrenSchema, defineComponent } from '../define.js';
import type { PropsOf } from './common.js';
import { baseProps, persistenceProps, styleSchema } from './common.js';

export const Tab = defineComponent({
  namespace: 'dash_core_components',
  type: 'Tab',
  description: 'One tab of a dcc.Tabs: a label in the tab bar and content shown while selected.',
  childrenProps: ['label'],
  props: {
    id: baseProps.id,
    label: childrenSchema.optional().describe('Text or components shown in the tab bar.'),
    children: childrenSchema.optional().describe('The content, rendered only while this tab is selected.'),
    value: z.string().optional().describe('Identifier compared with Tabs.value (default "tab-N" by position).'),
    disabled: z.boolean().optional().describe('The tab cannot be selected. Default false.'),
    disabled_style: styleSchema
      .optional()
      .describe('Style added while disabled. Default {color: "var(--Dash-Text-Disabled)"}.'),
    disabled_className: z.string().optional().describe('Class added while disabled.'),
    selected_className: z.string().optional().describe('Class added while selected.'),
    selected_style: styleSchema.optional().describe('Style added while selected.'),
    width: z
      .union([z.string(), z.number()])
      .optional()
      .describe('Fixed width of this tab ("50px", "20%", or px as a number); ignored when vertical.'),
    className: baseProps.className,
    style: baseProps.style,
    loading_state: baseProps.loading_state,
    ...persistenceProps,
  },
});

/** The props of dcc.Tab. */
export type TabProps = PropsOf<typeof Tab>;
