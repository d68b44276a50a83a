/** dcc.Input: value (per debounce mode and type), n_submit, n_blur and their timestamps. */
import { Dash, dcc, html } from 'dash-ts';
import { echo } from './echo.js';

export function createApp(): Dash {
  const app = new Dash({ title: 'dcc.Input' });
  const rows = [
    dcc.Input({ id: 'text', value: 'start' }),
    dcc.Input({ id: 'lazy', debounce: true, placeholder: 'lazy' }),
    dcc.Input({ id: 'timed', debounce: 0.4 }),
    dcc.Input({ id: 'num', type: 'number', value: 2, min: 0, max: 4, step: 1 }),
    dcc.Input({ id: 'pwd', type: 'password', disabled: 'DISABLED' }),
  ];
  app.layout = html.Div([
    ...rows,
    ...['text', 'lazy', 'timed', 'num'].map((id) => echo(app, id, 'value')),
    echo(app, 'text', 'n_submit'),
    echo(app, 'text', 'n_submit_timestamp'),
    echo(app, 'text', 'n_blur'),
    echo(app, 'text', 'n_blur_timestamp'),
    echo(app, 'lazy', 'n_submit'),
  ]);
  return app;
}
