/**
 * dcc.Graph: a scatter with customdata, a bar chart and a pie; clickData, hoverData, selectedData,
 * relayoutData and restyleData echoed; extendData from a button.
 */
import { Dash, dcc, html, Input, Output } from 'dash-ts';
import { echo } from './echo.js';

export function createApp(): Dash {
  const app = new Dash({ title: 'dcc.Graph' });
  app.layout = html.Div([
    dcc.Graph({
      id: 'scatter',
      figure: {
        data: [
          {
            type: 'scatter',
            mode: 'markers',
            x: [1, 2, 3],
            y: [4, 1, 2],
            customdata: ['a', 'b', 'c'],
            marker: { size: 24 },
          },
        ],
        layout: { width: 500, height: 350, margin: { l: 40, r: 10, t: 10, b: 40 }, dragmode: 'select' },
      },
      clear_on_unhover: true,
    }),
    echo(app, 'scatter', 'clickData'),
    echo(app, 'scatter', 'hoverData'),
    echo(app, 'scatter', 'selectedData'),
    echo(app, 'scatter', 'relayoutData'),
    dcc.Graph({
      id: 'bars',
      figure: {
        data: [
          { type: 'bar', name: 'one', x: ['a', 'b'], y: [3, 5] },
          { type: 'bar', name: 'two', x: ['a', 'b'], y: [2, 1] },
        ],
        layout: { height: 300 },
      },
      config: { displayModeBar: true },
      responsive: true,
      style: { height: '300px' },
    }),
    echo(app, 'bars', 'restyleData'),
    html.Button('Add a point', { id: 'extend' }),
    dcc.Graph({
      id: 'pie',
      figure: { data: [{ type: 'pie', labels: ['x', 'y'], values: [1, 2] }], layout: { height: 260, width: 260 } },
    }),
  ]);
  app.callback(Output('scatter', 'extendData'), Input<number | null>('extend', 'n_clicks'), (n) =>
    n ? [{ x: [[3 + n]], y: [[n]] }, [0]] : null,
  );
  return app;
}
