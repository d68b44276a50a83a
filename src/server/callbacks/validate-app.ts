/**
 * The layout checks of one app, as `_dash-config` fields (spec/callbacks.md §9.2, §9.5,
 * docs/adr/0008): which layout the callbacks are checked against, and the result. Cached per app
 * until a callback is added or a layout is replaced, so page loads do not walk the layout each time.
 */
import type { Dash, Layout } from '../dash.js';
import type { Child } from '../../shared/layout.js';
import type { DashConfig } from '../../shared/protocol.js';
import type { LayoutIssue } from './validate-layout.js';
import { validateCallbacksToLayout } from './validate-layout.js';

export type LayoutValidationConfig = Pick<DashConfig, 'validation_layout' | 'callback_layout_errors'>;

interface Cached {
  readonly size: number;
  readonly layout: Layout | undefined;
  readonly validation: Layout | undefined;
  readonly renderer: string;
  readonly value: Promise<LayoutValidationConfig>;
}

const cache = new WeakMap<Dash, Cached>();

async function call(layout: Layout): Promise<Child> {
  return typeof layout === 'function' ? await layout() : layout;
}

/**
 * The layout callbacks are checked against, and whether it is a validation layout Dash would send:
 * the explicit `validation_layout`; for a multi-page app the app layout plus every page (§10.4); for
 * a layout function its result called once (Dash's trick); else the layout itself. With
 * `suppress_callback_exceptions` only the page layout matters (props of present ids).
 */
async function checkedLayout(app: Dash, suppress: boolean): Promise<{ layout: unknown; isValidation: boolean }> {
  const explicit = app.validation_layout;
  if (!suppress && explicit !== undefined) return { layout: await call(explicit), isValidation: true };
  if (!suppress && app.pages.enabled) {
    const pages = await Promise.all(
      app.pages.registry
        .entries()
        .map(async (page) => (typeof page.layout === 'function' ? await page.layout({}) : page.layout)),
    );
    return { layout: [await app.resolveLayout(), ...pages], isValidation: true };
  }
  return { layout: await app.resolveLayout(), isValidation: !suppress && typeof app.layout === 'function' };
}

async function compute(app: Dash, renderer: string): Promise<LayoutValidationConfig> {
  const suppress = app.options.suppress_callback_exceptions ?? false;
  let checked: { layout: unknown; isValidation: boolean };
  try {
    checked = await checkedLayout(app, suppress);
  } catch {
    // A layout function that needs a request (or fails outside one) cannot be checked ahead: skip,
    // as the page itself will show the layout error.
    return {};
  }
  if (renderer === 'dash') {
    // Dash's renderer does its own checks; give it the superset as Dash would.
    return checked.isValidation ? { validation_layout: checked.layout } : {};
  }
  const issues: LayoutIssue[] = validateCallbacksToLayout(checked.layout, app.registry.specs(), { suppress });
  return issues.length > 0 ? { callback_layout_errors: issues.map((i) => ({ ...i })) } : {};
}

/** The `_dash-config` fields of the layout checks (empty when there is nothing to report). */
export function layoutValidationConfig(app: Dash, renderer: 'dash-ts' | 'dash'): Promise<LayoutValidationConfig> {
  const hit = cache.get(app);
  if (
    hit &&
    hit.size === app.registry.size &&
    hit.layout === app.layout &&
    hit.validation === app.validation_layout &&
    hit.renderer === renderer
  ) {
    return hit.value;
  }
  const value = compute(app, renderer);
  cache.set(app, {
    size: app.registry.size,
    layout: app.layout,
    validation: app.validation_layout,
    renderer,
    value,
  });
  return value;
}
