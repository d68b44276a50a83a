/**
 * Renderer hooks (spec/callbacks.md §11.2, protocol.md §6.3–6.4). Dash passes them as JavaScript in an
 * inline bootstrap script; our CSP forbids inline script, so an app defines them in a file of its
 * assets folder, which the page loads before the renderer module runs:
 *
 *   window.dash_ts_hooks = {
 *     layout_pre() {}, layout_post(layout) {}, request_pre(payload) {},
 *     request_post(payload, response) {}, request_refresh_jwt(oldToken) { return newToken; },
 *   };
 *
 * They are read when used, so a script that registers them late still takes effect for later requests.
 */

export interface RendererHooks {
  /** Before the layout request. */
  layout_pre?: () => void;
  /** With the received layout; may mutate it before it renders. */
  layout_post?: (layout: unknown) => void;
  /** With each callback request body before it is sent; mutations reach the server. */
  request_pre?: (payload: unknown) => void;
  /** With each callback's request body and its `response` map, before outputs are applied (mutable). */
  request_post?: (payload: unknown, response: unknown) => void;
  /** On a 401 (or a 400 saying "JWT Expired"): a new bearer token, and the request is retried once. */
  request_refresh_jwt?: (
    oldToken: string | undefined,
  ) => string | undefined | null | Promise<string | undefined | null>;
}

/** The hooks the page registered, if any. */
export function rendererHooks(): RendererHooks {
  const value = (globalThis as { dash_ts_hooks?: unknown }).dash_ts_hooks;
  return typeof value === 'object' && value !== null ? value : {};
}
