/**
 * dcc.Tooltip: one tooltip per direction around the same bbox in a positioned box, colours and
 * z-index, show toggled by a callback, no bbox (hidden), targetable, and loading_text while a slow
 * callback computes the content.
 */
import { Dash, dcc, html, Input, Output } from 'dash-ts';
import { sleep } from './echo.js';

/** The bbox every tooltip points at, in px inside the #stage box. */
export const bbox = { x0: 200, y0: 150, x1: 240, y1: 170 };

export function createApp(): Dash {
  const app = new Dash({ title: 'dcc.Tooltip' });
  const toggle = html.Button('Toggle', { id: 'toggle' });
  const load = html.Button('Load', { id: 'load' });
  const right = dcc.Tooltip('Right side', {
    id: 'tip-right',
    bbox,
    background_color: 'rgb(255, 240, 200)',
    border_color: 'rgb(0, 0, 255)',
    zindex: 7,
    className: 'mine',
    style: { fontSize: '13px' },
  });
  const slow = dcc.Tooltip('Not yet', { id: 'tip-slow', bbox, direction: 'bottom', loading_text: 'Please wait' });
  app.callback(Output(right, 'show'), Input(toggle, 'n_clicks'), (n) => (n ?? 0) % 2 === 0);
  app.callback(
    Output(slow, 'children'),
    Input(load, 'n_clicks'),
    async (n) => {
      await sleep(800);
      return `Loaded ${n}`;
    },
    { prevent_initial_call: true },
  );
  app.layout = html.Div([
    toggle,
    load,
    html.Div(
      [
        html.Button('Under', {
          id: 'under',
          style: { position: 'absolute', left: '280px', top: '140px', width: '120px', height: '40px' },
        }),
        right,
        dcc.Tooltip('Left side', { id: 'tip-left', bbox, direction: 'left' }),
        dcc.Tooltip('Top side', { id: 'tip-top', bbox, direction: 'top', targetable: true }),
        slow,
        dcc.Tooltip('Never shown', { id: 'tip-nobox' }),
      ],
      { id: 'stage', style: { position: 'relative', width: '500px', height: '320px', margin: '20px' } },
    ),
  ]);
  return app;
}
