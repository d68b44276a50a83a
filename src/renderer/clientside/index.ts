/**
 * Clientside callbacks in the renderer (spec/callbacks.md §6): the runner the scheduler calls instead
 * of the transport, with `dash_clientside`'s API bound to one runtime.
 */
import { Patch } from '../../shared/patch.js';
import type { CallbackError } from '../graph/types.js';
import type { ClientsideRunner } from './run.js';
import { clientsideRunner } from './run.js';
import type { SetPropsHost } from './set-props.js';
import { createSetProps } from './set-props.js';

export type { ClientsideRunner } from './run.js';

/** The parts of the Runtime the clientside API uses (read when called, so it may be half-built now). */
export interface ClientsideRuntime {
  readonly store: SetPropsHost['store'];
  readonly scheduler: SetPropsHost['scheduler'];
  reportError(error: CallbackError): void;
}

/** The URL check behind `clean_url`, set by the browser entry (see clean-url.ts). */
let urlCleaner: ((url: unknown, fallback: string) => string) | undefined;

export function setUrlCleaner(cleaner: (url: unknown, fallback: string) => string): void {
  urlCleaner = cleaner;
}

function cleanUrl(url: unknown, fallback = 'about:blank'): string {
  if (urlCleaner === undefined) throw new Error('dash_clientside.clean_url is only available in the browser renderer');
  return urlCleaner(url, fallback);
}

export function createClientside(
  runtime: ClientsideRuntime,
  options: { readonly suppressCallbackExceptions: boolean },
): ClientsideRunner {
  const report = (title: string, detail: string, callback: string): void =>
    runtime.reportError({ title, detail, callback, time: Date.now() });
  const setProps = createSetProps({
    get store() {
      return runtime.store;
    },
    get scheduler() {
      return runtime.scheduler;
    },
    report: (title, detail, missing) => {
      if (!(missing === true && options.suppressCallbackExceptions)) report(title, detail, '');
    },
  });
  return clientsideRunner(
    { set_props: setProps, clean_url: cleanUrl, Patch },
    { report: (title, detail, def) => report(title, detail, def.key) },
  );
}
