/**
 * `window.dash_clientside` (spec/callbacks.md §6.3): the sentinels `no_update` and `PreventUpdate`
 * (compared by identity), `callback_context` while a clientside function runs, and the API the
 * renderer adds — `set_props`, `clean_url`, `Patch`. User namespaces live on the same object.
 *
 * The served globals file (src/server/clientside.ts) creates the object and the sentinels before the
 * assets folder's scripts run; the renderer adds its API when it starts. The object is looked up on
 * every use, never cached: an asset may have replaced it with a copy (`Object.assign({}, …)`).
 */
import type { ComponentId } from '../../shared/prop-id.js';
import type { CallbackArgument, CallbackOutputRef } from '../../shared/protocol.js';

/** `dash_clientside.callback_context` (§4.4). */
export interface ClientsideContext {
  triggered: { prop_id: string; value: unknown }[];
  triggered_id: ComponentId | undefined;
  inputs: Record<string, unknown>;
  inputs_list: (CallbackArgument | CallbackArgument[])[];
  states: Record<string, unknown>;
  states_list: (CallbackArgument | CallbackArgument[])[] | undefined;
  outputs_list: CallbackOutputRef | (CallbackOutputRef | CallbackOutputRef[])[] | undefined;
}

/** What the renderer adds to the globals. */
export interface ClientsideApi {
  set_props(idOrPath: ComponentId | readonly (string | number)[], props: Record<string, unknown>): void;
  clean_url(url: unknown, fallback?: string): string;
  Patch: unknown;
}

/** The `dash_clientside` object as the renderer reads it; namespaces are any other key. */
export interface ClientsideGlobals extends Partial<ClientsideApi> {
  no_update: object;
  PreventUpdate: object;
  callback_context?: ClientsideContext;
  [key: string]: unknown;
}

interface GlobalHolder {
  dash_clientside?: Partial<ClientsideGlobals>;
}

/** The current `window.dash_clientside`, created (with its sentinels) when missing. */
export function clientsideGlobals(): ClientsideGlobals {
  const holder = globalThis as unknown as GlobalHolder;
  const dc = (holder.dash_clientside ??= {});
  // Same texts as Dash's (and as the served globals file): some apps print them.
  dc.no_update ??= { description: 'Return to prevent updating an Output.' };
  dc.PreventUpdate ??= { description: 'Throw to prevent updating all Outputs.' };
  return dc as ClientsideGlobals;
}

/** Add the renderer's API to the globals (again when an asset replaced the object without it). */
export function installClientsideApi(api: ClientsideApi): ClientsideGlobals {
  const dc = clientsideGlobals();
  if (dc.set_props !== api.set_props) Object.assign(dc, api);
  return dc;
}
