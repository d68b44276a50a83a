/**
 * dcc.RangeSlider: several handles on one track (usually two), same engine as Slider.
 * Props: spec/components.md §3.4 (Dash's names and order).
 */
import { z } from 'zod';
import { defineComponent } from '../define.js';
import type { PropsOf } from './common.js';
import { sliderDisabledProp, sliderDisplayProps, sliderRangeProps } from './slider-props.js';

export const RangeSlider = defineComponent({
  namespace: 'dash_core_components',
  type: 'RangeSlider',
  persistedProps: ['value'],
  description: 'A slider with several handles (usually two) for choosing a range of numbers.',
  props: {
    ...sliderRangeProps,
    value: z
      .array(z.number())
      .nullable()
      .optional()
      .describe('The committed handle values (written when the user releases a handle).'),
    drag_value: z.array(z.number()).nullable().optional().describe('The handle values while dragging.'),
    allowCross: z
      .boolean()
      .optional()
      .describe('If false, a handle stops at its neighbour instead of passing it. Default: handles may pass.'),
    pushable: z
      .union([z.number().nonnegative(), z.boolean()])
      .optional()
      .describe('Minimum distance between handles, in steps (a number); true has no effect.'),
    ...sliderDisabledProp,
    count: z.number().int().optional().describe('Kept from the old API; the handle count is the length of value.'),
    ...sliderDisplayProps,
  },
});

export type RangeSliderProps = PropsOf<typeof RangeSlider>;
