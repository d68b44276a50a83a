/**
 * dcc.DatePickerSingle: picking, typing, clearing, limits, formats, overlay and persistence.
 * Each picker's `date` is echoed (tests/browser/apps/echo.ts).
 */
import { Dash, dcc, html, Input, Output } from 'dash-ts';
import { echo } from './echo.js';

export function createApp(): Dash {
  const app = new Dash({ title: 'dcc.DatePickerSingle' });
  const setter = html.Button('Set 22 March', { id: 'set' });
  app.callback(Output('single', 'date'), Input(setter, 'n_clicks'), () => '2024-03-22', { prevent_initial_call: true });
  app.layout = html.Div([
    setter,
    dcc.DatePickerSingle({
      id: 'single',
      date: '2024-03-05',
      min_date_allowed: '2024-03-02',
      max_date_allowed: '2024-03-25',
      disabled_days: ['2024-03-10'],
      display_format: 'DD/MM/YYYY',
      month_format: 'MMM YY',
      first_day_of_week: 1,
      clearable: true,
    }),
    dcc.DatePickerSingle({
      id: 'empty',
      placeholder: 'Pick a day',
      initial_visible_month: '2023-07-01',
      number_of_months_shown: 2,
      clearable: true,
      reopen_calendar_on_clear: true,
      display_format: 'MMM Do, YY',
    }),
    dcc.DatePickerSingle({ id: 'portal', date: '2024-01-15', with_portal: true }),
    dcc.DatePickerSingle({ id: 'kept', date: '2024-05-01', persistence: true }),
    dcc.DatePickerSingle({
      id: 'look',
      date: '2024-02-14',
      calendar_orientation: 'vertical',
      number_of_months_shown: 2,
      day_size: 50,
      is_RTL: true,
      show_outside_days: false,
      stay_open_on_select: true,
    }),
    dcc.DatePickerSingle({ id: 'full', date: '2024-02-14', with_full_screen_portal: true }),
    dcc.DatePickerSingle({ id: 'off', date: '2024-05-01', disabled: true, clearable: true }),
    ...['single', 'empty', 'portal', 'kept', 'look', 'full'].map((id) => echo(app, id, 'date')),
  ]);
  return app;
}
