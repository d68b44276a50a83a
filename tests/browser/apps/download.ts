/**
 * dcc.Download: buttons whose callbacks return data built by the server helpers (text, bytes, a file,
 * a CSV table with cells that look like formulas), and a Download whose own `base64`/`type` props are
 * the defaults for data that does not say.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Dash, dcc, html, Input, Output, sendBytes, sendDataFrame, sendFile, sendString } from 'dash-ts';

/** The bytes of the served file and of the bytes download (every byte value once). */
export const BYTES = Uint8Array.from({ length: 256 }, (_, i) => i);
export const TEXT = 'héllo, wörld\n';
export const ROWS = [
  { name: 'Ann, "A"', formula: '=1+1', amount: -5 },
  { name: 'Bob', formula: '@cmd', amount: 2.5 },
];

export function createApp(): Dash {
  const dir = mkdtempSync(path.join(tmpdir(), 'dash-ts-download-app-'));
  const served = path.join(dir, 'served.bin');
  writeFileSync(served, BYTES);
  const app = new Dash({ title: 'dcc.Download', prevent_initial_callbacks: true });
  const download = dcc.Download({ id: 'dl' });
  const defaults = dcc.Download({ id: 'dl-defaults', base64: true, type: 'application/x-custom' });
  app.layout = html.Div([
    html.Button('Text', { id: 'text' }),
    html.Button('Bytes', { id: 'bytes' }),
    html.Button('File', { id: 'file' }),
    html.Button('CSV', { id: 'csv' }),
    html.Button('Defaults', { id: 'defaults' }),
    download,
    defaults,
  ]);
  app.callback(Output(download, 'data', { allow_duplicate: true }), Input<number | null>('text', 'n_clicks'), () =>
    sendString(TEXT, 'hello.txt'),
  );
  app.callback(Output(download, 'data', { allow_duplicate: true }), Input<number | null>('bytes', 'n_clicks'), () =>
    sendBytes(BYTES, 'bytes.bin', 'application/octet-stream'),
  );
  app.callback(Output(download, 'data', { allow_duplicate: true }), Input<number | null>('file', 'n_clicks'), () =>
    sendFile(served),
  );
  app.callback(Output(download, 'data', { allow_duplicate: true }), Input<number | null>('csv', 'n_clicks'), () =>
    sendDataFrame(ROWS, 'table.csv'),
  );
  app.callback(Output(defaults, 'data'), Input<number | null>('defaults', 'n_clicks'), () => ({
    filename: 'defaults.bin',
    content: Buffer.from('decoded').toString('base64'),
  }));
  return app;
}
