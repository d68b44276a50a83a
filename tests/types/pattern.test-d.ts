// Typed pattern ids: ALL/ALLSMALLER dependencies carry lists, MATCH and plain ids carry one value.
import { ALL, ALLSMALLER, Dash, dcc, html, Input, MATCH, Output, State } from 'dash-ts';

const app = new Dash();

// Typed refs: the component's prop type, as a list for ALL.
app.callback(Output('total', 'children'), Input(dcc.Input.ref({ type: 'qty', index: ALL }), 'value'), (values) => {
  const list: (string | number | null)[] = values;
  return list.length;
});
// MATCH: one value, and the Output's value is one value too.
app.callback(
  Output(html.Div.ref({ type: 'out', index: MATCH }), 'children'),
  Input(dcc.Input.ref({ type: 'qty', index: MATCH }), 'value'),
  State(dcc.Input.ref({ type: 'qty', index: ALLSMALLER }), 'value'),
  (value, smaller) => {
    const one: string | number | null = value;
    const many: (string | number | null)[] = smaller;
    return `${String(one)} after ${many.length}`;
  },
);
// @ts-expect-error an ALL input is a list, not one value
app.callback(Output('x', 'children'), Input(dcc.Input.ref({ type: 'qty', index: ALL }), 'value'), (v: string) => v);
// Dict ids without a type argument: unknown values, a list for ALL.
app.callback(Output('y', 'children'), Input({ type: 'qty', index: ALL }, 'value'), (values) => {
  const list: unknown[] = values;
  return list.length;
});
// An ALL output takes a list.
app.callback(Output(html.Div.ref({ type: 'out', index: ALL }), 'children'), Input('go', 'n_clicks'), () => ['a', 'b']);
// @ts-expect-error an ALL output takes a list, not one value
app.callback(Output(html.Div.ref({ type: 'out', index: ALL }), 'children'), Input('go', 'n_clicks'), () => 'a');
// A plain component ref is unaffected.
app.callback(Output('z', 'children'), Input(dcc.Input({ id: { type: 'qty', index: 1 } }), 'value'), (v) => {
  const one: string | number | null = v;
  return one;
});
