/**
 * Gapminder cross-filtering dashboard: a continent dropdown and a year slider drive a bubble chart
 * and a summary (one multi-output callback); clicking a bubble picks a country, whose history is
 * drawn in a second chart (a chained callback: continents → country options → country → chart).
 *
 * Run: npx dash-ts run examples/gapminder/app.ts --port 8050
 */
import { fileURLToPath } from 'node:url';
import { Dash, ctx, dcc, html, Input, Output, State } from 'dash-ts';
import { continents, rows, years } from './data.js';

const colors: Record<string, string> = {
  Africa: '#636efa',
  Americas: '#ef553b',
  Asia: '#00cc96',
  Europe: '#ab63fa',
  Oceania: '#ffa15a',
};

const metrics = [
  { label: 'Life expectancy', value: 'lifeExp' },
  { label: 'GDP per capita', value: 'gdpPercap' },
  { label: 'Population', value: 'pop' },
] as const;
type Metric = (typeof metrics)[number]['value'];

const firstYear = years[0] ?? 1952;
const lastYear = years[years.length - 1] ?? 2007;

const continentPicker = dcc.Dropdown({
  id: 'continent',
  options: [...continents],
  value: [...continents],
  multi: true,
  clearable: false,
});
const yearSlider = dcc.Slider({
  id: 'year',
  min: firstYear,
  max: lastYear,
  step: 5,
  value: lastYear,
  marks: Object.fromEntries(years.map((y) => [String(y), String(y)])),
});
const scatter = dcc.Graph({ id: 'scatter', style: { height: '460px' } });
const summary = html.Div({ id: 'summary', className: 'summary' });
const countryPicker = dcc.Dropdown({ id: 'country', clearable: false });
const metricPicker = dcc.RadioItems({ id: 'metric', options: [...metrics], value: 'lifeExp', inline: true });
const detail = dcc.Graph({ id: 'detail', style: { height: '360px' } });

const app = new Dash({
  title: 'Gapminder explorer',
  // Absolute, so the assets are found however the app is started (CLI, bench, tests).
  assets_folder: fileURLToPath(new URL('./assets', import.meta.url)),
});

app.layout = html.Div(
  [
    html.H1('Gapminder explorer'),
    html.P(
      'Wealth and health of nations, 1952–2007. Pick continents and a year; click a bubble to see that country over time.',
      { className: 'lead' },
    ),
    html.Div([html.Label(['Continents', continentPicker]), html.Label(['Year', yearSlider])], {
      className: 'controls',
    }),
    summary,
    scatter,
    html.Div([html.Label(['Country', countryPicker]), html.Label(['Measure', metricPicker])], {
      className: 'controls',
    }),
    detail,
  ],
  { className: 'page' },
);

function selected(continentValue: unknown): string[] {
  if (Array.isArray(continentValue)) return continentValue.map(String);
  return typeof continentValue === 'string' ? [continentValue] : [];
}

/** Multi-output: the bubble chart and the summary for the chosen continents and year. */
app.callback(
  [Output(scatter, 'figure'), Output(summary, 'children')],
  Input(continentPicker, 'value'),
  Input(yearSlider, 'value'),
  (continentValue, year) => {
    const picked = selected(continentValue);
    const inYear = rows.filter((r) => r.year === year && picked.includes(r.continent));
    const traces = picked.map((continent) => {
      const group = inYear.filter((r) => r.continent === continent);
      return {
        type: 'scatter',
        mode: 'markers',
        name: continent,
        x: group.map((r) => r.gdpPercap),
        y: group.map((r) => r.lifeExp),
        text: group.map((r) => r.country),
        customdata: group.map((r) => r.country),
        marker: {
          size: group.map((r) => Math.sqrt(r.pop) / 800 + 4),
          color: colors[continent] ?? '#888',
          line: { width: 0.5, color: '#fff' },
        },
        hovertemplate: '%{text}<br>GDP/cap %{x:$,.0f}<br>Life exp. %{y:.1f}<extra></extra>',
      };
    });
    const figure = {
      data: traces,
      layout: {
        title: { text: `Life expectancy vs GDP per capita, ${year ?? ''}` },
        xaxis: { type: 'log', title: { text: 'GDP per capita (log)' } },
        yaxis: { title: { text: 'Life expectancy (years)' }, range: [20, 90] },
        margin: { l: 60, r: 20, t: 50, b: 50 },
        legend: { orientation: 'h' },
        clickmode: 'event+select',
      },
    };
    const population = inYear.reduce((sum, r) => sum + r.pop, 0);
    const meanLife = inYear.length === 0 ? 0 : inYear.reduce((sum, r) => sum + r.lifeExp * r.pop, 0) / population;
    const text =
      inYear.length === 0
        ? 'No country selected.'
        : `${inYear.length} countries, ${(population / 1e9).toFixed(2)} billion people, population-weighted life expectancy ${meanLife.toFixed(1)} years.`;
    return [figure, text];
  },
);

/** Chained, step 1: the country list follows the continents. */
app.callback(Output(countryPicker, 'options'), Input(continentPicker, 'value'), (continentValue) => {
  const picked = selected(continentValue);
  const names = new Set(rows.filter((r) => picked.includes(r.continent)).map((r) => r.country));
  return [...names].sort();
});

/** Chained, step 2: the country is the clicked bubble, or stays if still listed, else the first listed. */
app.callback(
  Output(countryPicker, 'value'),
  Input(scatter, 'clickData'),
  Input(countryPicker, 'options'),
  State(countryPicker, 'value'),
  (clickData, options, current) => {
    const listed = (Array.isArray(options) ? options : []).map((o: unknown) =>
      typeof o === 'object' && o !== null && 'value' in o ? o.value : o,
    );
    const clicked = (clickData as { points?: { customdata?: unknown }[] } | null)?.points?.[0]?.customdata;
    if (ctx.triggered_id === 'scatter' && typeof clicked === 'string') return clicked;
    if (typeof current === 'string' && listed.includes(current)) return current;
    return typeof listed[0] === 'string' ? listed[0] : null;
  },
);

/** The clicked (or chosen) country over time. */
app.callback(
  Output(detail, 'figure'),
  Input(countryPicker, 'value'),
  Input(metricPicker, 'value'),
  (country, metric) => {
    const key: Metric = metrics.some((m) => m.value === metric) ? (metric as Metric) : 'lifeExp';
    const label = metrics.find((m) => m.value === key)?.label ?? key;
    const name = typeof country === 'string' ? country : '';
    const history = rows.filter((r) => r.country === name);
    return {
      data: [
        { type: 'scatter', mode: 'lines+markers', x: history.map((r) => r.year), y: history.map((r) => r[key]), name },
      ],
      layout: {
        title: { text: name ? `${name}: ${label}` : 'Pick a country' },
        xaxis: { title: { text: 'Year' } },
        yaxis: { title: { text: label } },
        margin: { l: 70, r: 20, t: 50, b: 50 },
      },
    };
  },
);

export default app;
