/**
 * html components: clicks (n_clicks, n_clicks_timestamp, disable_n_clicks), attributes and
 * wildcards, URL sanitizing, dict ids, a script that must not run, and the loading attribute.
 */
import { Dash, html, Input, Output } from 'dash-ts';
import { echo, sleep } from './echo.js';

export function createApp(): Dash {
  const app = new Dash({ title: 'html components' });
  const slowButton = html.Button('Slow', { id: 'slow-button' });
  const slowTarget = html.Div('idle', { id: 'slow-target' });
  app.callback(Output(slowTarget, 'children'), Input(slowButton, 'n_clicks'), async (n) => {
    if (n === null) return 'idle';
    await sleep(800);
    return `done ${n}`;
  });
  app.layout = html.Div(
    [
      html.Button('Click', { id: 'btn' }),
      echo(app, 'btn', 'n_clicks'),
      echo(app, 'btn', 'n_clicks_timestamp'),
      html.Div('No clicks', { id: 'static', disable_n_clicks: true }),
      echo(app, 'static', 'n_clicks'),
      html.Div('attributes', {
        id: 'attrs',
        className: 'a b',
        style: { color: 'rgb(255, 0, 0)', marginTop: 7 },
        title: 'tip',
        'data-row': 3,
        'aria-label': 'labelled',
        role: 'note',
        tabIndex: '2',
      }),
      html.Div('hidden', { id: 'hidden', hidden: 'HIDDEN' }),
      html.Button('Disabled', { id: 'disabled-btn', disabled: 'DISABLED' }),
      html.Div('dict id', { id: { type: 'card', index: 1 } }),
      html.A('bad link', { id: 'bad-link', href: 'javascript:alert(1)' }),
      html.A('encoded bad link', { id: 'bad-link-2', href: ' JaVaScRiPt:alert(1)' }),
      html.A('good link', { id: 'good-link', href: '/page?q=1' }),
      html.Img({ id: 'data-img', src: 'data:image/png;base64,iVBORw0KGgo=', alt: '' }),
      html.Iframe({ id: 'bad-iframe', src: 'javascript:alert(1)' }),
      html.Form({ id: 'bad-form', action: 'javascript:alert(1)' }),
      html.ObjectEl({ id: 'bad-object', data: 'data:text/html,<script>alert(1)</script>' }),
      html.Script('window.__pwned = true;', { id: 'script' }),
      html.Br(),
      html.Hr({ id: 'rule' }),
      html.Ul([html.Li('one'), html.Li('two')], { id: 'list' }),
      slowButton,
      slowTarget,
    ],
    { id: 'root' },
  );
  return app;
}
