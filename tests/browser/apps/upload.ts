/**
 * dcc.Upload: a single-file zone with accept/max_size/min_size, a multiple zone, a disabled zone,
 * a zone with class variants, and an unlimited zone whose callback reports the size the server got.
 * The app allows 64 KiB callback bodies in general and `max_upload_bytes` for upload callbacks.
 */
import { Dash, dcc, html, Input, Output, State } from 'dash-ts';
import { echo } from './echo.js';

export const BODY_LIMIT = 64 * 1024;
export const UPLOAD_LIMIT = 512 * 1024;

export function createApp(): Dash {
  const app = new Dash({ title: 'dcc.Upload', body_limit: BODY_LIMIT, max_upload_bytes: UPLOAD_LIMIT });
  const big = html.Div({ id: 'big-size' });
  const note = html.Div({ id: 'note-out' });
  app.layout = html.Div([
    dcc.Upload(html.Div('Drop a text file here or click'), {
      id: 'single',
      accept: '.txt,text/plain',
      max_size: 1000,
      min_size: 1,
      // Longhands, as in Dash's docs: React cannot restore a shorthand after a state style's longhand is removed.
      style: { borderWidth: '2px', borderStyle: 'dashed', borderColor: '#999', padding: '20px' },
      style_active: { borderColor: 'rgb(0, 128, 0)' },
      style_reject: { borderColor: 'rgb(255, 0, 0)' },
    }),
    echo(app, 'single', 'contents'),
    echo(app, 'single', 'filename'),
    echo(app, 'single', 'last_modified'),
    dcc.Upload('Several files', { id: 'multi', multiple: true, className: 'multi-zone', className_active: 'dragging' }),
    echo(app, 'multi', 'contents'),
    echo(app, 'multi', 'filename'),
    dcc.Upload('Disabled', { id: 'off', disabled: true, style_disabled: { opacity: 0.25 } }),
    echo(app, 'off', 'contents'),
    dcc.Upload('Disabled with class', { id: 'off-class', disabled: true, className_disabled: 'is-off' }),
    dcc.Upload('Any size', { id: 'big' }),
    dcc.Upload('Drop only', { id: 'drop-only', disable_click: true }),
    echo(app, 'drop-only', 'filename'),
    dcc.Upload('A folder', { id: 'folder', multiple: true, enable_folder_selection: true }),
    big,
    // A callback with no Upload input: held to the general body limit.
    dcc.Input({ id: 'note', value: '' }),
    note,
  ]);
  app.callback(
    Output(big, 'children'),
    Input<string | null>('big', 'contents'),
    State<string | null>('big', 'filename'),
    (contents, filename) => (contents === null ? 'none' : `${filename ?? '?'}: ${contents.length} characters`),
  );
  app.callback(Output(note, 'children'), Input<string | null>('note', 'value'), (value) => `${(value ?? '').length}`);
  return app;
}
