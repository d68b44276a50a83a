/**
 * dcc.DatePickerRange: two inputs and one calendar to pick a start and an end day.
 * Props: spec/components.md §3.11.
 */
import { z } from 'zod';
import { defineComponent } from '../define.js';
import type { PropsOf } from './common.js';
import { baseProps, persistenceProps } from './common.js';
import { calendarProps, dayLimitProps, daySchema } from './date-picker-props.js';

export const DatePickerRange = defineComponent({
  namespace: 'dash_core_components',
  type: 'DatePickerRange',
  persistedProps: ['start_date', 'end_date'],
  description: 'Two text inputs with a popover calendar for picking a range of days.',
  props: {
    ...baseProps,
    start_date: daySchema.nullable().optional().describe("Range start, written back as 'YYYY-MM-DD'."),
    end_date: daySchema.nullable().optional().describe("Range end, written back as 'YYYY-MM-DD'."),
    minimum_nights: z.number().optional().describe('Minimum number of days between start and end.'),
    updatemode: z
      .enum(['singledate', 'bothdates'])
      .optional()
      .describe("'singledate' (default): write each end as it is picked; 'bothdates': write once both are set."),
    start_date_placeholder_text: z.string().optional().describe('Text of the empty start input. Default "Start Date".'),
    end_date_placeholder_text: z.string().optional().describe('Text of the empty end input. Default "End Date".'),
    start_date_id: z.string().optional().describe('DOM id of the start input (for CSS).'),
    end_date_id: z.string().optional().describe('DOM id of the end input (for CSS).'),
    ...dayLimitProps,
    placeholder: z
      .string()
      .optional()
      .describe('Declared as in Dash; the range picker shows the two *_placeholder_text props instead.'),
    ...calendarProps,
    show_outside_days: z.boolean().optional().describe("Show neighbouring months' days in the grid. Default false."),
    number_of_months_shown: z.number().int().optional().describe('Months displayed side by side. Default 2.'),
    ...persistenceProps,
  },
});

/** The props of dcc.DatePickerRange. */
export type DatePickerRangeProps = PropsOf<typeof DatePickerRange>;
