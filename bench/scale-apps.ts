/**
 * The apps of bench/renderer-scale.ts (and tests/renderer/scale.browser.test.ts), written once so
 * that our renderer and the unmodified Dash renderer run exactly the same layout and callbacks.
 * Elements are found by class name, which both renderers put on the DOM as is.
 */
import type { ComponentJson } from 'dash-ts';
import { ALL, Dash, dcc, html, Input, MATCH, Output, State } from 'dash-ts';

export type RendererKind = 'dash-ts' | 'dash';

/** `count` html.Div children in one container `#grid`, no callbacks. */
export function createDivsApp(renderer: RendererKind, count: number): Dash {
  const app = new Dash({ title: 'divs', renderer });
  app.layout = html.Div(
    Array.from({ length: count }, (_, i) => html.Div(`d${i}`, { className: 'cell' })),
    { id: 'grid' },
  );
  return app;
}

/** The text a row's output shows for its three inputs. */
export function rowText(a: string | number | null | undefined, b: typeof a, c: typeof a): string {
  return `${a ?? ''}|${b ?? ''}|${c ?? ''}`;
}

/** Row `i`: three Inputs (`a` starts at `i`, so the ALL sum is known) and the Div its MATCH callback writes. */
export function row(i: number): ComponentJson {
  return html.Div(
    [
      dcc.Input({ id: { type: 'a', index: i }, value: String(i), className: 'in-a', type: 'text' }),
      dcc.Input({ id: { type: 'b', index: i }, value: 'b', className: 'in-b', type: 'text' }),
      dcc.Input({ id: { type: 'c', index: i }, value: 'c', className: 'in-c', type: 'text' }),
      html.Div({ id: { type: 'out', index: i }, className: 'row-out', style: { height: '20px' } }),
    ],
    { id: { type: 'row', index: i }, className: 'row' },
  );
}

/** The sum `#sum` shows initially for `count` rows (`a` of row i is i). */
export function initialSum(count: number): number {
  return (count * (count - 1)) / 2;
}

/**
 * `count` pattern-matched rows: a MATCH callback per row writes `a|b|c` into the row's Div, one ALL
 * callback writes the sum of every `a` into `#sum`, and `#add` appends a row (the callback returns
 * the rows it was given as State plus a new one, as a Dash app without Patch does).
 */
export function createRowsApp(renderer: RendererKind, count: number): Dash {
  const app = new Dash({ title: 'rows', renderer });
  app.layout = html.Div([
    html.Button('add', { id: 'add' }),
    html.Div({ id: 'sum' }),
    html.Div(
      Array.from({ length: count }, (_, i) => row(i)),
      { id: 'rows' },
    ),
  ]);
  app.callback(
    Output({ type: 'out', index: MATCH }, 'children'),
    Input(dcc.Input.ref({ type: 'a', index: MATCH }), 'value'),
    Input(dcc.Input.ref({ type: 'b', index: MATCH }), 'value'),
    Input(dcc.Input.ref({ type: 'c', index: MATCH }), 'value'),
    (a, b, c) => rowText(a, b, c),
  );
  app.callback(Output('sum', 'children'), Input({ type: 'a', index: ALL }, 'value'), (values) => {
    const total = values.reduce((sum: number, v) => sum + (Number(v) || 0), 0);
    return `sum:${total}`;
  });
  app.callback(
    Output('rows', 'children'),
    Input<number | undefined>('add', 'n_clicks'),
    State<unknown[] | undefined>('rows', 'children'),
    (_n, rows) => [...(rows ?? []), row((rows ?? []).length)],
    { prevent_initial_call: true },
  );
  return app;
}
