/** dcc.Tabs and dcc.Tab: initial value written, selection by click, disabled tab, component labels. */
import { Dash, dcc, html } from 'dash-ts';
import { echo } from './echo.js';

export function createApp(): Dash {
  const app = new Dash({ title: 'dcc.Tabs' });
  app.layout = html.Div([
    dcc.Tabs(
      [
        dcc.Tab(html.Div('First content', { id: 'content-1' }), { label: 'First', id: 'tab-first' }),
        dcc.Tab(html.Div('Second content', { id: 'content-2' }), {
          label: html.B('Second', { id: 'label-2' }),
          value: 'second',
          selected_className: 'picked',
        }),
        dcc.Tab('Never', { label: 'Disabled', value: 'off', disabled: true, id: 'tab-off' }),
      ],
      { id: 'tabs' },
    ),
    echo(app, 'tabs', 'value'),
  ]);
  return app;
}
