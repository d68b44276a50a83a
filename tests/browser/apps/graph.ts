/**
 * dcc.Graph: a scatter with customdata, a bar chart and a pie; clickData, hoverData, selectedData,
 * relayoutData and restyleData echoed; extendData from a button; drawn shapes written into the figure.
 */
import { Dash, dcc, html, Input, Output } from 'dash-ts';
import { echo } from './echo.js';

/** One point that moves up with each click (fixed axes, so the move is visible). */
function movingFigure(step: number) {
  return {
    data: [{ type: 'scatter', mode: 'markers', x: [1], y: [step], marker: { size: 20 } }],
    layout: { width: 300, height: 260, xaxis: { range: [0, 2] }, yaxis: { range: [-1, 5] } },
  };
}

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
      id: 'draw',
      figure: {
        data: [{ type: 'scatter', x: [0, 1], y: [0, 1] }],
        layout: { dragmode: 'drawrect', width: 320, height: 260, margin: { l: 30, r: 10, t: 10, b: 30 } },
      },
    }),
    html.Div({ id: 'draw-shapes' }),
    html.Button('Move', { id: 'move' }),
    dcc.Graph({ id: 'anim', animate: true, figure: movingFigure(0) }),
    dcc.Graph({
      id: 'pie',
      figure: { data: [{ type: 'pie', labels: ['x', 'y'], values: [1, 2] }], layout: { height: 260, width: 260 } },
    }),
  ]);
  app.callback(Output('scatter', 'extendData'), Input<number | null>('extend', 'n_clicks'), (n) =>
    n ? [{ x: [[3 + n]], y: [[n]] }, [0]] : null,
  );
  // animate=true: a new figure with as many traces is animated to.
  app.callback(Output('anim', 'figure'), Input<number | null>('move', 'n_clicks'), (n) => movingFigure(n ?? 0));
  // Drawn shapes are written back into the figure.
  app.callback(
    Output('draw-shapes', 'children'),
    Input<{ layout?: { shapes?: unknown[] } } | null>('draw', 'figure'),
    (figure) => String(figure?.layout?.shapes?.length ?? 0),
  );
  return app;
}
