/**
 * A multi-page app for the pages conformance tests (spec/callbacks.md §10): a home page, a page with
 * a title, description and a redirect, a path template with query parameters and routing inputs,
 * a slow page (to see `update_title`), and a custom 404 page.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Dash, dcc, html, Input, page_container, State } from 'dash-ts';
import type { PageArguments } from 'dash-ts';

const here = path.dirname(fileURLToPath(import.meta.url));

/** How many times each page's layout function ran (the router's calls). */
export interface PagesAppCalls {
  report: PageArguments[];
}

export function createPagesApp(): { app: Dash; calls: PagesAppCalls } {
  const calls: PagesAppCalls = { report: [] };
  const app = new Dash({
    title: 'Pages app',
    description: 'An app with pages',
    assets_folder: path.join(here, 'assets'),
    routing_callback_inputs: { lang: Input('lang', 'value'), theme: State('theme', 'value') },
  });
  app.layout = html.Div([
    html.Nav([
      dcc.Link('Home', { id: 'to-home', href: '/' }),
      dcc.Link('About', { id: 'to-about', href: '/about' }),
      dcc.Link('Report', { id: 'to-report', href: '/report/42?x=1&x=2&y=z' }),
      dcc.Link('Slow', { id: 'to-slow', href: '/slow' }),
      dcc.Link('Nowhere', { id: 'to-nowhere', href: '/nowhere' }),
    ]),
    dcc.Input({ id: 'lang', value: 'en' }),
    dcc.Input({ id: 'theme', value: 'dark' }),
    page_container,
  ]);
  app.registerPage({ path: '/', layout: html.Div({ id: 'home', children: 'home page' }) });
  app.registerPage({
    path: '/about',
    name: 'About',
    title: 'About us',
    description: 'All about us',
    redirect_from: ['/old-about'],
    order: 1,
    layout: () => html.Div({ id: 'about', children: 'about page' }),
  });
  app.registerPage({
    path_template: '/report/<id>',
    title: (vars) => `Report ${vars['id'] ?? ''}`,
    description: (vars) => `The report "${vars['id'] ?? ''}"`,
    image_url: 'https://example.com/report.png',
    layout: (args) => {
      calls.report.push(args);
      return html.Pre({ id: 'report', children: JSON.stringify(args) });
    },
  });
  app.registerPage({
    path: '/slow',
    title: 'Slow page',
    layout: async () => {
      await new Promise((resolve) => setTimeout(resolve, 600));
      return html.Div({ id: 'slow', children: 'slow page' });
    },
  });
  app.registerPage({ module: 'pages.not_found_404', layout: html.Div({ id: 'custom-404', children: 'nothing here' }) });
  return { app, calls };
}
