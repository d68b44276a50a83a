/** dcc.Store: memory and local storage, data written by callbacks, clear_data, modified_timestamp. */
import { Dash, dcc, html, Input, Output, State } from 'dash-ts';
import { echo } from './echo.js';

export function createApp(): Dash {
  const app = new Dash({ title: 'dcc.Store' });
  const memory = dcc.Store({ id: 'memory', data: { n: 0 } });
  const local = dcc.Store({ id: 'local', storage_type: 'local' });
  const add = html.Button('Add', { id: 'add' });
  const clear = html.Button('Clear', { id: 'clear' });
  app.callback(Output(memory, 'data'), Input(add, 'n_clicks'), State(memory, 'data'), (n, data) => {
    const previous = typeof data === 'object' && data !== null && 'n' in data ? Number(data.n) : 0;
    return n === null ? { n: previous } : { n: previous + 1 };
  });
  app.callback(Output(local, 'data'), Input(add, 'n_clicks'), (n) => (n === null ? null : { clicks: n }), {
    prevent_initial_call: true,
  });
  app.callback(Output(local, 'clear_data'), Input(clear, 'n_clicks'), () => true, { prevent_initial_call: true });
  app.layout = html.Div([
    memory,
    local,
    add,
    clear,
    echo(app, 'memory', 'data'),
    echo(app, 'memory', 'modified_timestamp'),
    echo(app, 'local', 'data'),
    echo(app, 'local', 'modified_timestamp'),
    echo(app, 'local', 'clear_data'),
  ]);
  return app;
}
