/** dcc.Slider: marks, mouseup and drag update modes, mark-only steps, tooltip; value and drag_value echoed. */
import { Dash, dcc, html } from 'dash-ts';
import { echo } from './echo.js';

export function createApp(): Dash {
  const app = new Dash({ title: 'dcc.Slider' });
  app.layout = html.Div(
    [
      dcc.Slider({ id: 'slider', min: 0, max: 10, step: 1, value: 3, tooltip: { template: '{value} kg' } }),
      echo(app, 'slider', 'value'),
      echo(app, 'slider', 'drag_value'),
      dcc.Slider({ id: 'drag', min: 0, max: 100, value: 50, updatemode: 'drag', allow_direct_input: false }),
      echo(app, 'drag', 'value'),
      dcc.Slider({
        id: 'marks',
        min: 0,
        max: 10,
        step: null,
        marks: { 0: 'zero', 2: 'two', 7: 'seven', 10: 'ten' },
        value: 2,
        tooltip: { always_visible: true, placement: 'bottom' },
      }),
      echo(app, 'marks', 'value'),
      dcc.Slider({ id: 'vertical', min: -5, max: 5, value: 0, vertical: true, verticalHeight: 200, dots: true }),
      echo(app, 'vertical', 'value'),
      dcc.Slider({ id: 'big', min: 0, max: 1e6, step: 1000, value: 250_000, disabled: true }),
    ],
    { style: { width: '500px', padding: '24px' } },
  );
  return app;
}
