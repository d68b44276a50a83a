/** dcc.Checklist: the three options forms, disabled options, value written on toggle. */
import { Dash, dcc, html } from 'dash-ts';
import { echo } from './echo.js';

export function createApp(): Dash {
  const app = new Dash({ title: 'dcc.Checklist' });
  app.layout = html.Div([
    dcc.Checklist({ id: 'list', options: ['NYC', 'MTL', 'SF'], value: ['MTL'], inline: true }),
    dcc.Checklist({
      id: 'objects',
      options: [
        { label: 'One', value: 1 },
        { label: 'Two', value: 2, disabled: true },
        { label: 'Yes', value: true },
      ],
      labelClassName: 'lbl',
      inputClassName: 'inp',
    }),
    dcc.Checklist({ id: 'dict', options: { a: 'Alpha', b: 'Beta' } }),
    dcc.Checklist({
      id: 'rich',
      options: [{ label: html.Span('Bold choice', { id: 'rich-label', className: 'rich' }), value: 'r' }],
    }),
    echo(app, 'rich', 'value'),
    echo(app, 'list', 'value'),
    echo(app, 'objects', 'value'),
    echo(app, 'dict', 'value'),
  ]);
  return app;
}
