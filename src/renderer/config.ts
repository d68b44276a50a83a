/**
 * Reading `_dash-config` (spec/protocol-core.md §2.3): the JSON data block the index page embeds.
 */
import type { DashConfig } from '../shared/protocol.js';

const defaults: DashConfig = {
  url_base_pathname: null,
  requests_pathname_prefix: '/',
  ui: false,
  props_check: false,
  disable_version_check: false,
  show_undo_redo: false,
  suppress_callback_exceptions: false,
  update_title: 'Updating...',
  children_props: {},
  serve_locally: true,
  dash_version: '',
  validate_callbacks: false,
  csrf_token_name: '_csrf_token',
  csrf_header_name: 'X-CSRFToken',
};

/** Parse the config text; missing fields take Dash's defaults. */
export function parseConfig(text: string): DashConfig {
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new TypeError('_dash-config is not a JSON object');
  }
  const config = { ...defaults, ...(parsed as Partial<DashConfig>) };
  if (typeof config.requests_pathname_prefix !== 'string') config.requests_pathname_prefix = '/';
  return config;
}

/** The config of this page (`<script id="_dash-config" type="application/json">`). */
export function readConfig(doc: Document): DashConfig {
  const element = doc.getElementById('_dash-config');
  if (!element?.textContent) throw new Error('The page has no _dash-config');
  return parseConfig(element.textContent);
}
