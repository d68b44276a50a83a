/**
 * Props the two date pickers share (spec/components.md §3.10, §3.11): the allowed days, the
 * calendar's look and the text formats. Each picker spreads these after its own date props.
 */
import { z } from 'zod';

/** A day on the wire: 'YYYY-MM-DD' (a longer datetime string is accepted and cut to its day). */
export const daySchema = z.string();

export const dayLimitProps = {
  min_date_allowed: daySchema.nullable().optional().describe('First selectable day (YYYY-MM-DD).'),
  max_date_allowed: daySchema.nullable().optional().describe('Last selectable day (YYYY-MM-DD).'),
  disabled_days: z
    .array(daySchema)
    .nullable()
    .optional()
    .describe('Extra unselectable days inside the allowed range. Default [].'),
};

export const calendarProps = {
  initial_visible_month: daySchema
    .nullable()
    .optional()
    .describe('Month shown when the calendar opens (defaults to the date, then min_date_allowed).'),
  clearable: z.boolean().optional().describe('Show an x button that clears the date. Default false.'),
  reopen_calendar_on_clear: z.boolean().optional().describe('Open the calendar again after clearing. Default false.'),
  display_format: z
    .string()
    .optional()
    .describe('Moment-style format of the input text (YYYY, YY, MM, M, MMM, MMMM, DD, D, Do...). Default YYYY-MM-DD.'),
  month_format: z.string().optional().describe('Moment-style format of the month caption. Default MMMM YYYY.'),
  first_day_of_week: z
    .union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5), z.literal(6)])
    .optional()
    .describe('First column of the week: 0 = Sunday ... 6 = Saturday. Default 0.'),
  stay_open_on_select: z.boolean().optional().describe('Keep the calendar open after picking. Default false.'),
  calendar_orientation: z
    .enum(['vertical', 'horizontal'])
    .optional()
    .describe('Lay several months side by side (horizontal, default) or stacked (vertical).'),
  with_portal: z.boolean().optional().describe('Open the calendar in an overlay (horizontal only). Default false.'),
  with_full_screen_portal: z
    .boolean()
    .optional()
    .describe('Open the calendar in a full-screen overlay (wins over with_portal). Default false.'),
  day_size: z.number().optional().describe('Size in px of a day cell. Default 34.'),
  is_RTL: z.boolean().optional().describe('Right-to-left calendar. Default false.'),
  disabled: z.boolean().optional().describe('Disable the picker. Default false.'),
};
