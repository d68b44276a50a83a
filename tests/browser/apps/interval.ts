/** dcc.Interval: n_intervals up to max_intervals; a disabled one never ticks. */
import { Dash, dcc, html } from 'dash-ts';
import { echo } from './echo.js';

export function createApp(): Dash {
  const app = new Dash({ title: 'dcc.Interval' });
  app.layout = html.Div([
    dcc.Interval({ id: 'tick', interval: 100, max_intervals: 3 }),
    dcc.Interval({ id: 'paused', interval: 100, disabled: true }),
    echo(app, 'tick', 'n_intervals'),
    echo(app, 'paused', 'n_intervals'),
  ]);
  return app;
}
