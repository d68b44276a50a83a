/**
 * dcc.Geolocation: position at load with the given options, update_now from a button, a changed
 * option (high_accuracy) asking again; a second component with show_alert for the error case.
 */
import { Dash, dcc, html, Input, Output } from 'dash-ts';
import { echo } from './echo.js';

export function createApp(): Dash {
  const app = new Dash({ title: 'dcc.Geolocation' });
  const geo = dcc.Geolocation({ id: 'geo', maximum_age: 1000, timeout: 5000 });
  const refresh = html.Button('Refresh', { id: 'refresh' });
  const precise = html.Button('Precise', { id: 'precise' });
  app.callback(Output(geo, 'update_now'), Input(refresh, 'n_clicks'), () => true, { prevent_initial_call: true });
  app.callback(Output(geo, 'high_accuracy'), Input(precise, 'n_clicks'), () => true, { prevent_initial_call: true });
  app.layout = html.Div([
    geo,
    dcc.Geolocation({ id: 'alerting', show_alert: true }),
    refresh,
    precise,
    echo(app, 'geo', 'position'),
    echo(app, 'geo', 'position_error'),
    echo(app, 'geo', 'timestamp'),
    echo(app, 'geo', 'local_date'),
    echo(app, 'geo', 'update_now'),
    echo(app, 'alerting', 'position_error'),
  ]);
  return app;
}
