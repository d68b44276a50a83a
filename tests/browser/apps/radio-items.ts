/** dcc.RadioItems: options forms, value written on pick. */
import { Dash, dcc, html } from 'dash-ts';
import { echo } from './echo.js';

export function createApp(): Dash {
  const app = new Dash({ title: 'dcc.RadioItems' });
  app.layout = html.Div([
    dcc.RadioItems({ id: 'radio', options: ['Red', 'Green', 'Blue'], value: 'Green' }),
    dcc.RadioItems({
      id: 'numbers',
      options: [
        { label: 'One', value: 1 },
        { label: 'Two', value: 2, disabled: true },
      ],
    }),
    echo(app, 'radio', 'value'),
    echo(app, 'numbers', 'value'),
  ]);
  return app;
}
