/**
 * The multi-page state of one app: its page registry and, once it is served, the router callback.
 * `Dash` holds one; the server installs the router when it starts (Dash does it at the first request),
 * so every page is registered by then.
 */
import type { CallbackRegistry } from '../callbacks/registry.js';
import type { RoutingInputs } from './routing.js';
import { installRouter } from './routing.js';
import type { PageDefaults } from './registry.js';
import { PageRegistry } from './registry.js';

export class AppPages {
  readonly registry: PageRegistry;
  #installed = false;

  constructor(defaults: () => PageDefaults) {
    this.registry = new PageRegistry(defaults);
  }

  /** Does the app use pages? */
  get enabled(): boolean {
    return this.registry.size > 0;
  }

  /** Register the router on the app's callbacks, once; a no-op for apps without pages. */
  install(options: {
    callbacks: CallbackRegistry;
    routingInputs: RoutingInputs;
    /** The app layout when it is a tree (undefined for none or a layout function). */
    staticLayout: unknown;
    requestsPrefix: string;
    appTitle: string;
  }): void {
    if (this.#installed || !this.enabled) return;
    installRouter({ registry: options.callbacks, pages: this.registry, ...options });
    this.#installed = true;
  }
}
