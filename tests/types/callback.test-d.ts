import { Dash, dcc, html, Input, Output, PreventUpdate, State, noUpdate } from 'dash-ts';

const app = new Dash({ title: 'Hello' });
app.layout = html.Div([dcc.Input({ id: 'name', value: 'world' }), html.Div({ id: 'greeting' })]);
app.callback(Output('greeting', 'children'), Input('name', 'value'), (name) => `Hello ${String(name)}`);

const name = dcc.Input({ id: 'n', value: 'x' });
const out = html.Div({ id: 'o' });
app.callback(Output(out, 'children'), Input(name, 'value'), State(name, 'n_submit'), (v, n) => {
  const s: string | number | null = v;
  const k: number | null = n;
  return `${s}${k}`;
});
app.callback([Output(out, 'children'), Output(name, 'value')], Input(name, 'value'), (v) => [noUpdate, v]);
// @ts-expect-error misspelt prop
Input(name, 'valeu');
// @ts-expect-error wrong return type: value is string | number
app.callback(Output(name, 'value'), Input(out, 'n_clicks'), () => ({ a: 1 }));
app.callback(Output(name, 'value'), Input(out, 'n_clicks'), () => noUpdate, { prevent_initial_call: true });
// @ts-expect-error wrong tuple slot
app.callback([Output(out, 'n_clicks'), Output(name, 'value')], Input(name, 'value'), () => ['x', 'y']);
html.Div('text', { id: 'a' });
html.Div({ id: 'b', 'data-x': 'y' });

// Regression: a parameterless multi-output function returning an array literal stays a tuple
// (the multi-output overloads are listed first in Dash#callback for this).
app.callback([Output('a', 'children'), Output('b', 'children')], Input('x', 'value'), () => ['a', 'b']);
// String ids: values are unknown unless typed explicitly.
app.callback(Output('a', 'children'), Input<number>('n', 'value'), (n) => {
  const typed: number = n;
  return typed * 2;
});
// Async functions and thrown PreventUpdate.
app.callback(Output(out, 'children'), Input(name, 'value'), async (v) => {
  await Promise.resolve();
  if (v === null) throw new PreventUpdate();
  return String(v);
});
// @ts-expect-error an Output where an Input belongs
app.callback(Output(out, 'children'), Output(name, 'value'), (v: unknown) => String(v));
// @ts-expect-error a misspelt prop on an Output
Output(out, 'childrn');
