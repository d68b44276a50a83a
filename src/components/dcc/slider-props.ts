/**
 * Props shared by Slider and RangeSlider (spec/components.md §3.3–3.4), declared once and spread
 * into both definitions. Declaration order follows Dash's tables.
 */
import { z } from 'zod';
import { idSchema, loadingStateSchema, persistenceProps, styleSchema } from './common.js';

/** A mark key must be a number (JSON object keys arrive as strings). */
const markPosition = z.string().refine((key) => key.trim() !== '' && Number.isFinite(Number(key)), {
  message: 'Slider mark positions must be numbers',
});

export const sliderMarkSchema = z.union([
  z.string(),
  z.object({ label: z.string().optional(), style: styleSchema.optional() }).strict(),
]);

export const sliderMarksSchema = z.record(markPosition, sliderMarkSchema);

export const tooltipPlacements = [
  'left',
  'right',
  'top',
  'bottom',
  'topLeft',
  'topRight',
  'bottomLeft',
  'bottomRight',
] as const;

export const sliderTooltipSchema = z
  .object({
    always_visible: z
      .boolean()
      .optional()
      .describe('Show the tooltip all the time, not only while hovering or dragging.'),
    placement: z
      .enum(tooltipPlacements)
      .optional()
      .describe("Where the tooltip sits around the handle. Default 'top'."),
    template: z.string().optional().describe('Tooltip text; "{value}" is replaced by the value.'),
    style: styleSchema.optional().describe('Inline style of the tooltip text.'),
    transform: z
      .string()
      .optional()
      .describe('Name of a function in window.dccFunctions applied to the value before the template.'),
  })
  .strict();

/** Props before `value`/`drag_value` (min, max, step, marks), in Dash's order. */
export const sliderRangeProps = {
  id: idSchema.optional().describe('The id of this component, used to identify it in callbacks.'),
  min: z.number().optional().describe('Lowest value. Default: the smallest mark, else 0.'),
  max: z.number().optional().describe('Highest value. Default: the largest mark, else 1.'),
  step: z
    .number()
    .positive()
    .nullable()
    .optional()
    .describe('Increment. Omitted: 1 for integer bounds, else computed. null: only mark positions can be chosen.'),
  marks: sliderMarksSchema
    .nullable()
    .optional()
    .describe('Labels at positions: {position: label | {label, style}}. Omitted: generated; null: none.'),
};

export const sliderDisabledProp = {
  disabled: z.boolean().optional().describe('If true, the handles cannot be moved.'),
};

/** Props after `disabled`, in Dash's order. */
export const sliderDisplayProps = {
  dots: z.boolean().optional().describe('Draw a dot at every step.'),
  included: z.boolean().optional().describe('Highlight the track up to the handle (false: handle only). Default true.'),
  reverse: z.boolean().optional().describe('Put max on the left (or bottom when vertical).'),
  tooltip: sliderTooltipSchema.optional().describe('Tooltip shown on the handles.'),
  updatemode: z
    .enum(['mouseup', 'drag'])
    .optional()
    .describe("'mouseup' (default): value is written when the drag ends; 'drag': written continuously."),
  vertical: z.boolean().optional().describe('Vertical orientation.'),
  verticalHeight: z.number().positive().optional().describe('Height in px when vertical. Default 400.'),
  allow_direct_input: z
    .boolean()
    .optional()
    .describe('Show number boxes to type values (horizontal sliders with a step only). Default true.'),
  className: z.string().optional().describe('Extra CSS class names of the root element.'),
  ...persistenceProps,
  loading_state: loadingStateSchema.optional().describe('Set by the renderer while a callback writes this component.'),
};
