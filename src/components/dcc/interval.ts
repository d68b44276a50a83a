/**
 * dcc.Interval: a timer that increments `n_intervals`; renders nothing. Props: spec/components.md §3.15.
 */
import { z } from 'zod';
import { defineComponent } from '../define.js';
import type { PropsOf } from './common.js';
import { idSchema } from './common.js';

export const Interval = defineComponent({
  namespace: 'dash_core_components',
  type: 'Interval',
  description: 'Fires a callback periodically: `n_intervals` is incremented every `interval` ms.',
  props: {
    id: idSchema.optional().describe('The id of this component, used to identify it in callbacks.'),
    interval: z.number().optional().describe('Milliseconds between ticks. Default 1000; a change restarts the timer.'),
    disabled: z.boolean().optional().describe('Pause the timer.'),
    n_intervals: z.number().int().optional().describe('Number of ticks so far. Default 0.'),
    max_intervals: z
      .number()
      .int()
      .optional()
      .describe('Stop after this many ticks: -1 (default) never stops, 0 never starts.'),
  },
});

/** The props of dcc.Interval. */
export type IntervalProps = PropsOf<typeof Interval>;
