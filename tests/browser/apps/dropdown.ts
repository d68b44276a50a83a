/**
 * dcc.Dropdown: single, multi, not clearable/searchable, pruned values, debounce, server-side search;
 * value and search_value echoed.
 */
import { Dash, dcc, html, Input, Output, PreventUpdate } from 'dash-ts';
import { echo } from './echo.js';

const cities = [
  { label: 'New York City', value: 'NYC' },
  { label: 'Montréal', value: 'MTL', search: 'montreal quebec' },
  { label: 'San Francisco', value: 'SF' },
  { label: 'Boston', value: 'BOS', disabled: true },
];

export function createApp(): Dash {
  const app = new Dash({ title: 'dcc.Dropdown' });
  app.layout = html.Div(
    [
      dcc.Dropdown({ id: 'single', options: cities, value: 'MTL', placeholder: 'Pick a city' }),
      echo(app, 'single', 'value'),
      echo(app, 'single', 'search_value'),
      dcc.Dropdown({ id: 'multi', options: cities, value: ['SF'], multi: true }),
      echo(app, 'multi', 'value'),
      dcc.Dropdown({ id: 'fixed', options: { x: 'Ex', y: 'Why' }, value: 'x', clearable: false, searchable: false }),
      echo(app, 'fixed', 'value'),
      dcc.Dropdown({ id: 'pruned', options: ['a', 'b', 'c'], value: ['a', 'c'], multi: true }),
      html.Button('Drop c', { id: 'drop-c' }),
      echo(app, 'pruned', 'value'),
      dcc.Dropdown({ id: 'debounced', options: ['p', 'q', 'r'], value: [], multi: true, debounce: true }),
      echo(app, 'debounced', 'value'),
      dcc.Dropdown({ id: 'server-search', options: [], placeholder: 'Type to search' }),
      echo(app, 'server-search', 'value'),
    ],
    { style: { width: '420px', padding: '16px' } },
  );
  // Removing an option drops it from the selected values (written back by the component).
  app.callback(Output('pruned', 'options'), Input<number | null>('drop-c', 'n_clicks'), (n) =>
    n ? ['a', 'b'] : ['a', 'b', 'c'],
  );
  // Server-side search: options follow search_value; an emptied search keeps the options (Dash's
  // documented pattern), so the picked value stays offered.
  app.callback(Output('server-search', 'options'), Input<string | null>('server-search', 'search_value'), (text) => {
    if (!text) throw new PreventUpdate();
    return [`${text}-1`, `${text}-2`];
  });
  return app;
}
