/**
 * Shared by the component test apps: an html.Div whose text is the JSON of one prop of another
 * component, kept up to date by a callback. Tests read `#<id>-<prop>` to see what was written back.
 */
import type { Dash } from 'dash-ts';
import { html, Input, Output } from 'dash-ts';

/** The id of the echo Div of `id.prop`. */
export function echoId(id: string, prop: string): string {
  return `${id}-${prop}`;
}

/** An html.Div showing `JSON.stringify(id.prop)` (`null` when unset). */
export function echo(app: Dash, id: string, prop: string) {
  const div = html.Div({ id: echoId(id, prop), className: 'echo' });
  app.callback(Output(div, 'children'), Input<unknown>(id, prop), (value) => JSON.stringify(value ?? null));
  return div;
}

/** Wait `ms` milliseconds (slow callbacks, to see loading states). */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
