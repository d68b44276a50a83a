/**
 * The app the unmodified Dash renderer drives: an Input whose value a server callback echoes into a
 * Div, and a Dropdown whose value a server callback turns into a Graph's figure.
 */
import { Dash, dcc, html, Input, Output } from 'dash-ts';

/** The bar heights and axis title the figure shows for each dropdown value. */
export const series: Readonly<Record<string, { y: number[]; axis: string }>> = {
  apples: { y: [1, 2, 3], axis: 'apples sold' },
  pears: { y: [7, 3, 5], axis: 'pears sold' },
};

export function figureFor(fruit: string): Record<string, unknown> {
  const { y, axis } = series[fruit] ?? { y: [], axis: 'nothing' };
  return {
    data: [{ type: 'bar', name: `trace-${fruit}`, x: ['mon', 'tue', 'wed'], y }],
    layout: { width: 500, height: 320, showlegend: true, yaxis: { title: { text: axis } } },
  };
}

export function createCompatApp(options: { requests_pathname_prefix?: string } = {}): Dash {
  const app = new Dash({ title: 'dash-ts with the Dash renderer', renderer: 'dash', ...options });
  const input = dcc.Input.ref('name');
  const dropdown = dcc.Dropdown.ref('fruit');
  app.layout = html.Div(
    [
      dcc.Input({ id: 'name', value: 'a', type: 'text' }),
      html.Div({ id: 'greeting' }),
      dcc.Dropdown({ id: 'fruit', options: ['apples', 'pears'], value: 'apples', clearable: false }),
      dcc.Graph({ id: 'chart' }),
    ],
    { id: 'root' },
  );
  app.callback(Output('greeting', 'children'), Input(input, 'value'), (value) => `hello ${String(value ?? '')}`);
  app.callback(Output('chart', 'figure'), Input(dropdown, 'value'), (value) => figureFor(String(value)));
  return app;
}
