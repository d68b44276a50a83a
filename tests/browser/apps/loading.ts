/** dcc.Loading: spinner while a callback writes a descendant; target_components; delays. */
import { Dash, dcc, html, Input, Output } from 'dash-ts';
import { sleep } from './echo.js';

export function createApp(): Dash {
  const app = new Dash({ title: 'dcc.Loading' });
  const start = html.Button('Start', { id: 'start' });
  const result = html.Div('idle', { id: 'result' });
  const other = html.Div('idle', { id: 'other' });
  app.callback(
    Output(result, 'children'),
    Input(start, 'n_clicks'),
    async (n) => {
      await sleep(700);
      return `result ${n}`;
    },
    { prevent_initial_call: true },
  );
  app.callback(
    Output(other, 'children'),
    Input(start, 'n_clicks'),
    async (n) => {
      await sleep(700);
      return `other ${n}`;
    },
    { prevent_initial_call: true },
  );
  app.layout = html.Div([
    start,
    dcc.Loading(html.Div([result]), { id: 'loading', type: 'circle', show_initially: false }),
    dcc.Loading(html.Div([other]), {
      id: 'targeted',
      target_components: { result: 'children' },
      show_initially: false,
    }),
  ]);
  return app;
}
