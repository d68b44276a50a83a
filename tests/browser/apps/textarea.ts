/** dcc.Textarea: value on every change, n_blur, n_clicks. */
import { Dash, dcc, html } from 'dash-ts';
import { echo } from './echo.js';

export function createApp(): Dash {
  const app = new Dash({ title: 'dcc.Textarea' });
  app.layout = html.Div([
    dcc.Textarea({ id: 'area', value: 'first', rows: 3 }),
    html.Button('elsewhere', { id: 'elsewhere' }),
    echo(app, 'area', 'value'),
    echo(app, 'area', 'n_blur'),
    echo(app, 'area', 'n_clicks'),
  ]);
  return app;
}
