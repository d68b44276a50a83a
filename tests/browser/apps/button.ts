/** dcc.Button: n_clicks, n_clicks_timestamp, n_blur. */
import { Dash, dcc, html } from 'dash-ts';
import { echo } from './echo.js';

export function createApp(): Dash {
  const app = new Dash({ title: 'dcc.Button' });
  app.layout = html.Div([
    dcc.Button('Save', { id: 'save' }),
    dcc.Button('Off', { id: 'off', disabled: true }),
    html.Div('elsewhere', { id: 'elsewhere' }),
    echo(app, 'save', 'n_clicks'),
    echo(app, 'save', 'n_clicks_timestamp'),
    echo(app, 'save', 'n_blur'),
    echo(app, 'off', 'n_clicks'),
  ]);
  return app;
}
