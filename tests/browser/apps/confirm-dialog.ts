/**
 * dcc.ConfirmDialog and dcc.ConfirmDialogProvider: a dialog opened by a callback, one displayed at
 * load, and a provider around a button (whose own n_clicks must not count).
 */
import { Dash, dcc, html, Input, Output } from 'dash-ts';
import { echo } from './echo.js';

export function createApp(): Dash {
  const app = new Dash({ title: 'dcc.ConfirmDialog' });
  const ask = html.Button('Ask', { id: 'ask' });
  const confirm = dcc.ConfirmDialog({ id: 'confirm', message: 'Are you sure?' });
  app.callback(Output(confirm, 'displayed'), Input(ask, 'n_clicks'), () => true, { prevent_initial_call: true });
  app.layout = html.Div([
    ask,
    confirm,
    dcc.ConfirmDialog({ id: 'startup', message: 'Shown at load?', displayed: true }),
    dcc.ConfirmDialogProvider(html.Button('Delete', { id: 'delete' }), { id: 'provider', message: 'Delete it?' }),
    echo(app, 'confirm', 'submit_n_clicks'),
    echo(app, 'confirm', 'submit_n_clicks_timestamp'),
    echo(app, 'confirm', 'cancel_n_clicks'),
    echo(app, 'confirm', 'cancel_n_clicks_timestamp'),
    echo(app, 'confirm', 'displayed'),
    echo(app, 'startup', 'submit_n_clicks'),
    echo(app, 'startup', 'displayed'),
    echo(app, 'provider', 'submit_n_clicks'),
    echo(app, 'provider', 'submit_n_clicks_timestamp'),
    echo(app, 'provider', 'cancel_n_clicks'),
    echo(app, 'provider', 'cancel_n_clicks_timestamp'),
    echo(app, 'provider', 'displayed'),
    echo(app, 'delete', 'n_clicks'),
  ]);
  return app;
}
