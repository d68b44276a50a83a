/** dcc.Link: in-app navigation, refresh, sanitized href, external target. */
import { Dash, dcc, html } from 'dash-ts';
import { echo } from './echo.js';

export function createApp(): Dash {
  const app = new Dash({ title: 'dcc.Link' });
  app.layout = html.Div([
    dcc.Location({ id: 'url', refresh: false }),
    dcc.Link('In app', { id: 'in-app', href: '/inside' }),
    dcc.Link('Reload', { id: 'reload', href: '/reloaded', refresh: true }),
    dcc.Link('Bad', { id: 'bad', href: 'javascript:alert(1)' }),
    dcc.Link('New tab', { id: 'new-tab', href: 'https://example.com/', target: '_blank' }),
    dcc.Link({ id: 'no-children', href: '/text-of-href' }),
    html.Div('marker', { id: 'marker' }),
    echo(app, 'url', 'pathname'),
  ]);
  return app;
}
