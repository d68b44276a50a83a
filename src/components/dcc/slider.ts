/**
 * dcc.Slider: one handle on a track, with marks, tooltip and an optional number box.
 * Props: spec/components.md §3.3 (Dash's names and order).
 */
import { z } from 'zod';
import { defineComponent } from '../define.js';
import type { PropsOf } from './common.js';
import { sliderDisabledProp, sliderDisplayProps, sliderRangeProps } from './slider-props.js';

export const Slider = defineComponent({
  namespace: 'dash_core_components',
  type: 'Slider',
  persistedProps: ['value'],
  description: 'A slider with a single handle for choosing a number between min and max.',
  props: {
    ...sliderRangeProps,
    value: z
      .number()
      .nullable()
      .optional()
      .describe('The committed value (written when the user releases the handle).'),
    drag_value: z.number().nullable().optional().describe('The value while dragging, written continuously.'),
    ...sliderDisabledProp,
    ...sliderDisplayProps,
  },
});

export type SliderProps = PropsOf<typeof Slider>;
