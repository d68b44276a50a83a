/** dcc.RangeSlider: two handles, number boxes, pushable, drag_value on mount; value and drag_value echoed. */
import { Dash, dcc, html } from 'dash-ts';
import { echo } from './echo.js';

export function createApp(): Dash {
  const app = new Dash({ title: 'dcc.RangeSlider' });
  app.layout = html.Div(
    [
      dcc.RangeSlider({ id: 'range', min: 0, max: 20, step: 1, value: [5, 15], pushable: 2 }),
      echo(app, 'range', 'value'),
      echo(app, 'range', 'drag_value'),
      dcc.RangeSlider({
        id: 'three',
        min: 0,
        max: 1,
        step: 0.05,
        value: [0.1, 0.5, 0.9],
        allowCross: false,
        reverse: true,
        tooltip: { always_visible: true },
      }),
      echo(app, 'three', 'value'),
    ],
    { style: { width: '520px', padding: '24px' } },
  );
  return app;
}
