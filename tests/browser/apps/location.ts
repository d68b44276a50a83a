/**
 * dcc.Location with dcc.Link: the parts filled on load, in-app navigation without reload,
 * a callback setting pathname (refresh=false: pushState only), back button.
 */
import { Dash, dcc, html, Input, Output } from 'dash-ts';
import { echo } from './echo.js';

export function createApp(): Dash {
  const app = new Dash({ title: 'dcc.Location' });
  const go = html.Button('Go', { id: 'go' });
  const url = dcc.Location({ id: 'url', refresh: false });
  app.callback(Output(url, 'pathname'), Input(go, 'n_clicks'), () => '/from-callback', { prevent_initial_call: true });
  app.layout = html.Div([
    url,
    dcc.Location({ id: 'other', refresh: 'callback-nav' }),
    dcc.Link('Page 2', { id: 'to-page-2', href: '/page-2?x=1#part' }),
    go,
    echo(app, 'url', 'pathname'),
    echo(app, 'url', 'search'),
    echo(app, 'url', 'hash'),
    echo(app, 'url', 'href'),
    echo(app, 'other', 'pathname'),
  ]);
  return app;
}
