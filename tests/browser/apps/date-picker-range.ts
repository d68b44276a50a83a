/**
 * dcc.DatePickerRange: picking both ends in 'singledate' and 'bothdates' mode, minimum_nights,
 * typing, clearing and persistence. Each picker's start_date and end_date are echoed.
 */
import { Dash, dcc, html } from 'dash-ts';
import { echo } from './echo.js';

export function createApp(): Dash {
  const app = new Dash({ title: 'dcc.DatePickerRange' });
  app.layout = html.Div([
    dcc.DatePickerRange({
      id: 'range',
      start_date: '2024-03-05',
      end_date: '2024-03-08',
      minimum_nights: 2,
      clearable: true,
      start_date_id: 'range-start',
      end_date_id: 'range-end',
    }),
    dcc.DatePickerRange({
      id: 'both',
      updatemode: 'bothdates',
      initial_visible_month: '2024-06-01',
      start_date_placeholder_text: 'From',
      end_date_placeholder_text: 'To',
      display_format: 'D MMM YYYY',
    }),
    dcc.DatePickerRange({ id: 'kept', start_date: '2024-01-01', end_date: '2024-01-31', persistence: true }),
    ...['range', 'both', 'kept'].flatMap((id) => [echo(app, id, 'start_date'), echo(app, id, 'end_date')]),
  ]);
  return app;
}
