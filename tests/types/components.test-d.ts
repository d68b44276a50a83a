// Type tests of the html and dcc factories: checked by `npx tsc -p tsconfig.server.json`.
// Each @ts-expect-error line must fail to compile, or tsc reports the unused directive.
import { Dash, dcc, html, Input, Output, State } from 'dash-ts';

html.Div('text');
html.Div(['a', html.Span('b'), 3, null]);
html.Div({ id: 'd', className: 'c', style: { color: 'red', marginTop: 4 }, n_clicks: 0 });
html.Div([html.P('x')], { id: 'd2', 'data-row': 3, 'aria-label': 'row', hidden: 'HIDDEN', tabIndex: '1' });
html.A('docs', { href: '/docs', target: '_blank', rel: 'noopener' });
html.Img({ src: '/logo.png', alt: 'logo', width: 120, height: '80' });
html.Button('Go', { id: 'go', disabled: 'DISABLED', type: 'submit' });
html.Video({ autoPlay: 'autoplay', controls: true, playsInline: 'PLAYSINLINE' });
html.Td('cell', { colSpan: 2, rowSpan: '3' });
html.MapEl({ name: 'map' });
html.ObjectEl({ data: '/file.pdf', type: 'application/pdf' });
html.Textarea({ readOnly: 'readonly', rows: 4 });
html.Div({ id: { type: 'card', index: 1 } });

// @ts-expect-error misspelt prop
html.A({ hreff: '/x' });
// @ts-expect-error Div has no href
html.Div({ href: '/x' });
// @ts-expect-error boolean attributes take a bool or their own name only
html.Button({ disabled: 'yes' });
// @ts-expect-error width is a string or a number
html.Img({ width: true });
// @ts-expect-error style is an object, not a CSS string
html.Div({ style: 'color: red' });
// @ts-expect-error n_clicks is a number
html.Button({ n_clicks: '1' });
// @ts-expect-error html.Textarea.readOnly is typed as a string (as in Dash)
html.Textarea({ readOnly: true });

dcc.Input({ id: 'n', type: 'number', value: 3, debounce: 0.5, min: 0, max: '10', step: 'any' });
dcc.Input({ readOnly: 'READONLY', required: true, autoFocus: 'autofocus', inputMode: 'numeric' });
dcc.Textarea({ id: 't', value: 'a', rows: 3, disabled: 'DISABLED' });
dcc.Checklist({ id: 'c', options: ['a', 'b'], value: ['a'] });
dcc.Checklist({ options: [{ label: 'A', value: 'a', disabled: true }], inline: true });
dcc.RadioItems({ id: 'r', options: { a: 'A', b: 'B' }, value: 'a', labelStyle: { display: 'block' } });
dcc.Button('Save', { id: 'save', n_clicks: 0, type: 'submit' });
dcc.Store({ id: 's', storage_type: 'local', data: { rows: [1, 2, 3] } });
dcc.Interval({ id: 'tick', interval: 500, max_intervals: 10 });
dcc.Location({ id: 'url', refresh: 'callback-nav' });
dcc.Link('Home', { href: '/', refresh: false });
dcc.Markdown('# Title', { link_target: '_blank', dedent: true });
dcc.Markdown(['# Title', 'text']);
dcc.Loading(html.Div('content'), { type: 'circle', delay_show: 200, target_components: { g: 'figure' } });
dcc.Loading({ custom_spinner: html.Span('wait') });
dcc.Tabs([dcc.Tab('one', { label: 'One', value: 'one' }), dcc.Tab({ label: html.B('Two') })], { value: 'one' });

// @ts-expect-error Input type has no checkbox
dcc.Input({ type: 'checkbox' });
// @ts-expect-error misspelt prop
dcc.Input({ placehodler: 'x' });
// @ts-expect-error dcc components take no data-* attributes
dcc.Input({ 'data-x': 'y' });
// @ts-expect-error Checklist value is a list
dcc.Checklist({ value: 'a' });
// @ts-expect-error an option object needs a value
dcc.RadioItems({ options: [{ label: 'A' }] });
// @ts-expect-error Store needs an id
dcc.Store({ data: 1 });
// @ts-expect-error Location needs an id
dcc.Location({ pathname: '/' });
// @ts-expect-error refresh is a bool or 'callback-nav'
dcc.Location({ id: 'u', refresh: 'reload' });
// @ts-expect-error Loading type
dcc.Loading({ type: 'bars' });
// @ts-expect-error Interval takes no children
dcc.Interval('x');

const app = new Dash();
const checklist = dcc.Checklist({ id: 'cities', options: ['NYC', 'MTL'] });
const store = dcc.Store({ id: 'memory' });
const tabs = dcc.Tabs({ id: 'tabs' });
const button = html.Button('Go', { id: 'go' });
const out = html.Div({ id: 'out' });
app.callback(Output(out, 'children'), Input(checklist, 'value'), State(store, 'data'), (cities, data) => {
  const list: (string | number | boolean)[] | null = cities;
  return `${JSON.stringify(list)} ${JSON.stringify(data)}`;
});
app.callback(Output(store, 'data'), Input(button, 'n_clicks'), (n) => ({ clicks: n ?? 0 }));
app.callback(Output(tabs, 'value'), Input(button, 'n_clicks_timestamp'), (t) => (t === null ? 'a' : 'b'));
// @ts-expect-error misspelt prop in a dependency
Input(tabs, 'valeu');
// @ts-expect-error html.Button has no value written by the browser named n_click
State(button, 'n_click');
// @ts-expect-error Tabs.value is a string
app.callback(Output(tabs, 'value'), Input(button, 'n_clicks'), () => 3);
