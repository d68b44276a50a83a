/**
 * The `_dash-config` JSON the index page embeds (spec/protocol-core.md §2.3, protocol.md §2.4).
 * Fixed per app and mount: computed once, not per request.
 */
import * as dcc from '../components/dcc/index.js';
import type { ComponentMeta } from '../components/define.js';
import * as html from '../components/html/index.js';
import type { DashConfig } from '../shared/protocol.js';
import type { ResolvedOptions } from './options.js';

/** The Dash version whose wire protocol we speak (the renderer's dev tools show it). */
export const DASH_PROTOCOL_VERSION = '4.3.0';

/** Hot reload polling, Dash's defaults. */
export const HOT_RELOAD = { interval: 3000, max_retry: 8 } as const;

function metaOf(value: unknown): ComponentMeta | undefined {
  if (typeof value !== 'function') return undefined;
  const meta = (value as { meta?: Partial<ComponentMeta> }).meta;
  return typeof meta?.namespace === 'string' && typeof meta.type === 'string' && Array.isArray(meta.childrenProps)
    ? (meta as ComponentMeta)
    : undefined;
}

/**
 * `children_props`: for each component with props other than `children` that hold components, those
 * props in Dash's path grammar (`{"dash_core_components": {"Tab": ["label"]}}`). Components without
 * such props are left out: the renderer treats a missing entry as none.
 */
export function childrenPropsOf(...modules: readonly Record<string, unknown>[]): DashConfig['children_props'] {
  const out: DashConfig['children_props'] = {};
  for (const module of modules) {
    for (const value of Object.values(module)) {
      const meta = metaOf(value);
      if (meta === undefined || meta.childrenProps.length === 0) continue;
      const byType = (out[meta.namespace] ??= {});
      byType[meta.type] = [...meta.childrenProps];
    }
  }
  return out;
}

/**
 * `persisted_props`: the default persisted props of each component that supports persistence
 * (spec/callbacks.md §8), e.g. `{"dash_core_components": {"Input": ["value"]}}`. Dash's renderer reads
 * them from the component classes; ours has no component metadata in the browser, so they travel here.
 */
export function persistedPropsOf(
  ...modules: readonly Record<string, unknown>[]
): Record<string, Record<string, string[]>> {
  const out: Record<string, Record<string, string[]>> = {};
  for (const module of modules) {
    for (const value of Object.values(module)) {
      const meta = metaOf(value);
      if (meta?.persistedProps === undefined) continue;
      (out[meta.namespace] ??= {})[meta.type] = [...meta.persistedProps];
    }
  }
  return out;
}

/**
 * The config of one mounted app. Deliberately absent: `plotlyjs_url` (we always serve locally),
 * `dash_version_url` (no third-party requests; the version check is disabled), `validation_layout`
 * and `websocket` (not offered).
 */
export function buildDashConfig(
  options: ResolvedOptions,
  context: { debug: boolean; requestsPrefix: string },
): DashConfig {
  const config: DashConfig = {
    url_base_pathname: options.urlBasePathname,
    requests_pathname_prefix: context.requestsPrefix,
    ui: context.debug,
    props_check: context.debug,
    disable_version_check: true,
    show_undo_redo: false,
    suppress_callback_exceptions: options.suppressCallbackExceptions,
    update_title: options.updateTitle,
    children_props: childrenPropsOf(html, dcc),
    persisted_props: persistedPropsOf(html, dcc),
    serve_locally: true,
    dash_version: DASH_PROTOCOL_VERSION,
    python_version: null,
    ddk_version: null,
    plotly_version: null,
    plotly_cloud_installed: true,
    validate_callbacks: context.debug,
    csrf_token_name: '_csrf_token',
    csrf_header_name: 'X-CSRFToken',
  };
  if (context.debug) {
    config.hot_reload = { interval: options.hotReloadInterval, max_retry: options.hotReloadMaxRetry };
    config.dev_tools = [];
  }
  return config;
}
