/**
 * JSON shapes of the Dash routes (spec/protocol-core.md §2.3, §4, §5). Shared by server and renderer.
 */
import type { ComponentId } from './prop-id.js';

/** One `{id, property}` in `_dash-dependencies` (ids always stringified there). */
export interface DependencySpec {
  id: string;
  property: string;
  allow_optional?: boolean;
}

/** One entry of `_dash-dependencies`. Dash emits every key for every entry. */
export interface CallbackSpec {
  output: string;
  inputs: DependencySpec[];
  state: DependencySpec[];
  clientside_function: { namespace: string; function_name: string } | null;
  prevent_initial_call: boolean;
  background: { interval: number } | null;
  dynamic_creator: boolean | null;
  no_output: boolean;
  optional: boolean;
  hidden: boolean | null;
  websocket: boolean;
  persistent: boolean;
  running?: { running: Record<string, unknown>; runningOff: Record<string, unknown> };
}

/** An `{id, property, value}` item of a request's `inputs`/`state`; `value` missing means null. */
export interface CallbackArgument {
  id: ComponentId;
  property: string;
  value?: unknown;
}

/** A resolved output in a request. */
export interface CallbackOutputRef {
  id: ComponentId;
  property: string;
}

/** The body of `POST _dash-update-component`. */
export interface UpdateRequest {
  output: string;
  outputs?: CallbackOutputRef | (CallbackOutputRef | CallbackOutputRef[])[];
  inputs: (CallbackArgument | CallbackArgument[])[];
  state?: (CallbackArgument | CallbackArgument[])[];
  changedPropIds: string[];
  parsedChangedPropsIds?: unknown[];
}

/** A 200 answer of `_dash-update-component`: stringified id → {prop: value}. */
export interface UpdateResponse {
  multi: true;
  response: Record<string, Record<string, unknown>>;
  sideUpdate?: Record<string, Record<string, unknown>>;
}

/**
 * A background callback's first answer (spec/protocol-core.md §5.8): no `multi`/`response`; `job` is
 * an opaque handle (ours: a signed string) echoed as the `job`, `oldJob` and `cancelJob` query params.
 */
export interface BackgroundStartResponse {
  cacheKey: string;
  job: string | number;
  cancel?: DependencySpec[];
  progressDefault?: Record<string, unknown>;
}

/** A poll answer while the job runs: no `response` key; progress and `set_props` updates, each sent once. */
export interface BackgroundPollResponse {
  multi: true;
  progress?: Record<string, unknown>;
  sideUpdate?: Record<string, Record<string, unknown>>;
}

/** The `_dash-config` JSON embedded in the index page. */
export interface DashConfig {
  url_base_pathname: string | null;
  requests_pathname_prefix: string;
  ui: boolean;
  props_check: boolean;
  disable_version_check: boolean;
  show_undo_redo: boolean;
  suppress_callback_exceptions: boolean;
  update_title: string | null;
  children_props: Record<string, Record<string, string[]>>;
  /** dash-ts only: default `persisted_props` per namespace and component type (persistence, §8). */
  persisted_props?: Record<string, Record<string, string[]>>;
  /**
   * Dash's superset layout for "ID not found" checks; sent (as Dash does) only in `renderer: 'dash'`
   * mode, where Dash's renderer does the layout checks itself.
   */
  validation_layout?: unknown;
  /**
   * dash-ts only: the server's check of the callbacks against the (validation) layout
   * (spec/callbacks.md §9.5, docs/adr/0008); our renderer reports each entry when the page loads.
   */
  callback_layout_errors?: { title: string; detail: string; callback: string }[];
  serve_locally: boolean;
  dash_version: string;
  validate_callbacks: boolean;
  csrf_token_name: string;
  csrf_header_name: string;
  hot_reload?: { interval: number; max_retry: number };
  /** Dev-tools "about" fields; a Node server has no Python, DDK or plotly.py version (null). */
  python_version?: string | null;
  ddk_version?: string | null;
  plotly_version?: string | null;
  /** True hides Dash's "Plotly Cloud" button in the dev-tools menu. */
  plotly_cloud_installed?: boolean;
  /** Extra dev-tools components (only with `ui`). */
  dev_tools?: unknown[];
}

/** Error body of every 4xx/5xx JSON answer we send. `id` ties it to the server log line. */
export interface ErrorBody {
  error: string;
  id: string;
  message?: string;
  code?: string;
  /** Debug mode only: the stack of a server error, for the dev-tools overlay. */
  stack?: string;
}
