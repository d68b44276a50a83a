/**
 * dcc.DatePickerSingle: a text input that opens a calendar to pick one day. Props: spec/components.md §3.10.
 */
import { z } from 'zod';
import { defineComponent } from '../define.js';
import type { PropsOf } from './common.js';
import { baseProps, persistenceProps } from './common.js';
import { calendarProps, dayLimitProps, daySchema } from './date-picker-props.js';

export const DatePickerSingle = defineComponent({
  namespace: 'dash_core_components',
  type: 'DatePickerSingle',
  persistedProps: ['date'],
  description: 'A text input with a popover calendar for picking one day.',
  props: {
    ...baseProps,
    date: daySchema
      .nullable()
      .optional()
      .describe("The selected day, written back as 'YYYY-MM-DD' (None once cleared)."),
    ...dayLimitProps,
    placeholder: z.string().optional().describe('Text of the empty input. Default "Select Date".'),
    ...calendarProps,
    show_outside_days: z.boolean().optional().describe("Show neighbouring months' days in the grid. Default true."),
    number_of_months_shown: z.number().int().optional().describe('Months displayed side by side. Default 1.'),
    ...persistenceProps,
  },
});

/** The props of dcc.DatePickerSingle. */
export type DatePickerSingleProps = PropsOf<typeof DatePickerSingle>;
