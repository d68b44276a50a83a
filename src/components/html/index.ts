/**
 * The html components (`dash_html_components`): one typed factory per element, generated from
 * elements.ts by scripts/generate-html.ts. Usage: `html.Div([...])`, `html.A("docs", { href })`.
 */
export * from './elements.generated.js';
