/**
 * dcc.Tooltip: a box positioned around a bounding box (e.g. a Graph hover point), with an arrow.
 * Props: spec/components.md §3.25.
 */
import { z } from 'zod';
import { childrenSchema, defineComponent } from '../define.js';
import type { PropsOf } from './common.js';
import { baseProps } from './common.js';

export const Tooltip = defineComponent({
  namespace: 'dash_core_components',
  type: 'Tooltip',
  description: 'A tooltip box placed beside a bounding box (typically a Graph hoverData point bbox).',
  props: {
    id: baseProps.id.describe('Id of the content span, used to identify this component in callbacks.'),
    children: childrenSchema.optional().describe('The tooltip content.'),
    bbox: z
      .object({ x0: z.number(), y0: z.number(), x1: z.number(), y1: z.number() })
      .nullable()
      .optional()
      .describe('{x0, y0, x1, y1} in px relative to the positioned parent. No bbox: the tooltip is hidden.'),
    show: z.boolean().optional().describe('Show the tooltip. Default true.'),
    direction: z
      .enum(['top', 'right', 'bottom', 'left'])
      .optional()
      .describe('Side of the bbox the tooltip appears on. Default "right".'),
    border_color: z.string().optional().describe('Border colour. Default var(--Dash-Stroke-Weak).'),
    background_color: z.string().optional().describe('Background colour. Default var(--Dash-Fill-Inverse-Strong).'),
    loading_text: z
      .string()
      .optional()
      .describe('Text shown while a callback computes the tooltip content. Default "Loading...".'),
    zindex: z.number().optional().describe('CSS z-index of the tooltip. Default 1.'),
    targetable: z
      .boolean()
      .optional()
      .describe('Let the pointer interact with the tooltip (default false: hover events pass through).'),
    className: z.string().optional().describe('CSS class names of the content.'),
    style: baseProps.style.describe('Inline CSS styles of the content (camelCase keys).'),
    loading_state: baseProps.loading_state,
  },
});

/** The props of dcc.Tooltip. */
export type TooltipProps = PropsOf<typeof Tooltip>;
