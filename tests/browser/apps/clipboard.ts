/**
 * dcc.Clipboard: copying an element's text (string and dict target_id), an input's value, content
 * filled by a slow callback on n_clicks, html_content, and custom children / copied_children.
 */
import { Dash, dcc, html, Input, Output } from 'dash-ts';
import { echo, sleep } from './echo.js';

export function createApp(): Dash {
  const app = new Dash({ title: 'dcc.Clipboard' });
  const fromCallback = dcc.Clipboard({ id: 'copy-content', content: 'stale' });
  app.callback(
    Output(fromCallback, 'content'),
    Input(fromCallback, 'n_clicks'),
    async (n) => {
      await sleep(400);
      return `computed ${n}`;
    },
    { prevent_initial_call: true },
  );
  app.layout = html.Div([
    html.P('copy me, please', { id: 'source' }),
    dcc.Clipboard({ id: 'copy-target', target_id: 'source', title: 'Copy the paragraph', className: 'extra' }),
    dcc.Input({ id: 'field', value: 'typed text' }),
    dcc.Clipboard({ id: 'copy-input', target_id: 'field' }),
    html.Span('dict text', { id: { type: 'src', index: 1 } }),
    dcc.Clipboard({ id: 'copy-dict', target_id: { type: 'src', index: 1 } }),
    fromCallback,
    dcc.Clipboard({ id: 'copy-html', content: 'plain part', html_content: '<b>bold part</b>' }),
    dcc.Clipboard('Copy', {
      id: 'copy-custom',
      content: 'custom',
      copied_children: 'Copied!',
      style: { color: 'red' },
    }),
    echo(app, 'copy-target', 'n_clicks'),
    echo(app, 'copy-content', 'n_clicks'),
    echo(app, 'copy-content', 'content'),
  ]);
  return app;
}
