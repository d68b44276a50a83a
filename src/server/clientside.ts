/**
 * Clientside callbacks, server half (spec/callbacks.md §6.1): what `app.clientside_callback` accepts,
 * the `clientside_function` spec entry, and the two JavaScript files the page loads for them.
 *
 * Our CSP has no `'unsafe-inline'` and no `'unsafe-eval'`, so nothing is injected into the page as
 * inline script and nothing is evaluated from a string in the browser. Instead:
 *
 * - the globals file (`_dash-clientside/globals-<hash>.js`) creates `window.dash_clientside` with its
 *   `no_update` and `PreventUpdate` sentinels before the assets folder's scripts run (the renderer adds
 *   `set_props`, `callback_context`, `clean_url` and `Patch` when it starts);
 * - inline functions (a JS source string, or a function of the app serialised with
 *   `Function.prototype.toString`) are written into ONE served file, `_dash-clientside/<hash>.js`,
 *   named after its content and cached as immutable. Each function is stored under the namespace
 *   `_dashprivate_clientside_funcs` with the sha256 of its source as name — the same name on every
 *   start, so a page served before a restart keeps working (checklist 121).
 *
 * Both files load through nonced `<script src>` tags, which `'strict-dynamic'` trusts.
 */
import { createHash } from 'node:crypto';
import { DashError } from './errors.js';

/** Names a function the app's assets define: `window.dash_clientside[namespace][function_name]`. */
export class ClientsideFunctionRef {
  readonly namespace: string;
  readonly function_name: string;

  constructor(namespace: string, functionName: string) {
    checkName(namespace, 'namespace');
    checkName(functionName, 'function name');
    if (namespace.startsWith(PRIVATE_PREFIX)) {
      throw registrationError(
        `the namespace "${namespace}" starts with "${PRIVATE_PREFIX}", which is reserved for inline functions. Rename the namespace (in your assets and here).`,
      );
    }
    if ((RESERVED as readonly string[]).includes(namespace)) {
      throw registrationError(
        `"${namespace}" cannot be a namespace: dash_clientside.${namespace} is a dash_clientside global. Rename the namespace (in your assets and here).`,
      );
    }
    this.namespace = namespace;
    this.function_name = functionName;
  }
}

/**
 * `ClientsideFunction('ns', 'fn')`: a clientside callback running `window.dash_clientside.ns.fn`,
 * which a script of the app's assets folder defines (`.js`, or an ES module `.mjs`).
 */
export function ClientsideFunction(namespace: string, functionName: string): ClientsideFunctionRef {
  return new ClientsideFunctionRef(namespace, functionName);
}

/** The `clientside_function` entry of `_dash-dependencies`. */
export interface ClientsideSpec {
  readonly namespace: string;
  readonly function_name: string;
}

/** Namespace of inline functions (Dash's name). */
export const INLINE_NAMESPACE = '_dashprivate_clientside_funcs';
const PRIVATE_PREFIX = '_dashprivate_';
const RESERVED = ['PreventUpdate', 'no_update'] as const;

function registrationError(message: string): DashError {
  return new DashError('DASH_ERR_CALLBACK_FN', `clientside_callback(): ${message}`);
}

function checkName(name: unknown, what: string): void {
  if (typeof name !== 'string' || name.trim() === '') {
    throw registrationError(`ClientsideFunction needs a non-empty ${what} string`);
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The source of an inline function, ready to be the right-hand side of an assignment: trimmed, a
 * trailing `;` dropped. A method shorthand (`name(x) { … }`) is not an expression: refused.
 */
function inlineSource(fn: string | ((...args: never[]) => unknown)): string {
  const text = (typeof fn === 'string' ? fn : Function.prototype.toString.call(fn)).trim().replace(/;+$/, '');
  if (text === '') throw registrationError('the inline function source is empty');
  if (typeof fn === 'function' && text.includes('[native code]')) {
    throw registrationError(
      'this function cannot be sent to the browser (it is native or bound); pass a plain function or arrow function',
    );
  }
  if (typeof fn === 'function' && !/^(async\s+)?(function\b|\(|[A-Za-z_$][\w$]*\s*=>)/.test(text)) {
    throw registrationError(
      `the function must be a function expression or an arrow function (a method shorthand such as "${text.slice(0, 30)}…" is not); write it as \`(a, b) => …\` or \`function (a, b) { … }\``,
    );
  }
  return text;
}

/** The clientside functions of one app: their specs, and the inline ones' served file. */
export class ClientsideScripts {
  /** name (sha256 of the source) → source, in registration order. */
  readonly #inline = new Map<string, string>();
  #file: { name: string; content: string } | null | undefined;
  #registered = false;

  /** Has the app any clientside callback? (Only then does the page load the globals file.) */
  get used(): boolean {
    return this.#registered;
  }

  /**
   * The spec for `fn`: a ClientsideFunction as is; a source string or a function of the app stored as
   * an inline function. A function is sent as its own text: it must be self-contained — no imports,
   * no variables from the module around it — because it runs in the browser, not in Node.
   */
  register(fn: unknown): ClientsideSpec {
    this.#registered = true;
    if (fn instanceof ClientsideFunctionRef) return { namespace: fn.namespace, function_name: fn.function_name };
    if (typeof fn !== 'string' && typeof fn !== 'function') {
      throw registrationError(
        'the first argument must be ClientsideFunction(namespace, name), a JavaScript source string, or a function',
      );
    }
    const source = inlineSource(fn as string | ((...args: never[]) => unknown));
    const name = sha256(source);
    if (!this.#inline.has(name)) {
      this.#inline.set(name, source);
      this.#file = undefined;
    }
    return { namespace: INLINE_NAMESPACE, function_name: name };
  }

  /** The served file with every inline function, or null when there are none. */
  inlineFile(): { name: string; content: string } | null {
    if (this.#file === undefined) {
      if (this.#inline.size === 0) {
        this.#file = null;
      } else {
        const content = inlineFileContent(this.#inline);
        this.#file = { name: `${sha256(content).slice(0, 20)}.js`, content };
      }
    }
    return this.#file;
  }
}

/**
 * The inline functions' file. `__name` is declared because a function serialised from code that
 * tsx or esbuild compiled with `keepNames` may call that helper for its inner named functions.
 */
function inlineFileContent(functions: ReadonlyMap<string, string>): string {
  const lines = [
    '// dash-ts: inline clientside callback functions (generated by app.clientside_callback).',
    '(function () {',
    '  var __name = function (target) { return target; };',
    '  var clientside = (window.dash_clientside = window.dash_clientside || {});',
    `  var ns = (clientside.${INLINE_NAMESPACE} = clientside.${INLINE_NAMESPACE} || {});`,
  ];
  for (const [name, source] of functions) lines.push(`  ns[${JSON.stringify(name)}] = (\n${source}\n);`);
  lines.push('})();', '');
  return lines.join('\n');
}

/**
 * The globals file: the sentinels exist before any asset script runs. Existing values are kept, so
 * an asset that replaced `window.dash_clientside` with a copy keeps comparing by identity.
 */
export const GLOBALS_CONTENT = [
  '// dash-ts: window.dash_clientside globals, loaded before the assets folder scripts.',
  '(function () {',
  "  'use strict';",
  '  var dc = (window.dash_clientside = window.dash_clientside || {});',
  "  if (!dc.no_update) dc.no_update = { description: 'Return to prevent updating an Output.' };",
  "  if (!dc.PreventUpdate) dc.PreventUpdate = { description: 'Throw to prevent updating all Outputs.' };",
  '})();',
  '',
].join('\n');

/** The globals file's served name (content-addressed). */
export const GLOBALS_FILE = `globals-${sha256(GLOBALS_CONTENT).slice(0, 20)}.js`;

/** The URL folder both files are served from, below the requests prefix. */
export const CLIENTSIDE_PATH = '_dash-clientside';

/**
 * What `app.clientside_callback` runs: `ClientsideFunction(namespace, name)`, a JavaScript source
 * string, or a function written in the app. The function is typed with the values of the callback's
 * Inputs and States, but it runs in the browser: it returns the output value(s) (an array for several
 * outputs), `dash_clientside.no_update`, a `dash_clientside.Patch`, or a promise of those.
 */
export type ClientsideCallbackFunction<TValues extends readonly unknown[]> =
  ClientsideFunctionRef | string | ((...values: TValues) => unknown);

/** Is this trailing argument the callback's options (an options object or the `prevent_initial_call` boolean)? */
export function isOptionsArgument(value: unknown): boolean {
  if (typeof value === 'boolean') return true;
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !('kind' in value);
}

/**
 * The arguments `CallbackRegistry.add` expects for a clientside callback: the dependencies, a
 * stand-in function (never called: the server refuses requests for clientside callbacks), then the
 * options. `running` is refused, as in Dash: clientside callbacks do not support it.
 */
export function registryArguments(rest: readonly unknown[]): unknown[] {
  const last = rest[rest.length - 1];
  const hasOptions = rest.length > 0 && isOptionsArgument(last);
  if (hasOptions && typeof last === 'object' && last !== null && 'running' in last) {
    throw registrationError('clientside callbacks do not support the running option; use app.callback for it');
  }
  const deps = hasOptions ? rest.slice(0, -1) : [...rest];
  const runsInBrowser = (): never => {
    throw new DashError('DASH_ERR_UNKNOWN_CALLBACK', 'A clientside callback runs in the browser only');
  };
  return [...deps, runsInBrowser, ...(hasOptions ? [last] : [])];
}
