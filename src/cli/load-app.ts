/**
 * Loading the user's app module for `dash-ts run`: its default export must be a `Dash`. Checked by
 * shape, not `instanceof` — an app may import "dash-ts" through another copy of the package.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Dash } from '../server/dash.js';
import { DashError } from '../server/errors.js';

/** True when `value` has the parts of a `Dash` app the CLI uses. */
export function isDashApp(value: unknown): value is Dash {
  if (typeof value !== 'object' || value === null) return false;
  const app = value as Partial<Record<keyof Dash, unknown>>;
  return (
    typeof app.server === 'function' &&
    typeof app.resolveLayout === 'function' &&
    typeof app.callback === 'function' &&
    typeof app.baseDir === 'string'
  );
}

/** Import `file` (TypeScript or JavaScript) and return its default export, with `baseDir` set to its folder. */
export async function loadApp(file: string): Promise<Dash> {
  const absolute = path.resolve(file);
  const exists = await stat(absolute).then(
    (info) => info.isFile(),
    () => false,
  );
  if (!exists) throw new DashError('DASH_ERR_APP_MODULE', `No app file at ${absolute}`);
  const module = (await import(pathToFileURL(absolute).href)) as { default?: unknown };
  const app = module.default;
  if (!isDashApp(app)) {
    throw new DashError(
      'DASH_ERR_APP_MODULE',
      `${file} must export a Dash app as its default export: \`const app = new Dash(...); export default app;\``,
    );
  }
  // Relative paths in the options (assets_folder) are relative to the app, not to where the CLI runs.
  app.baseDir = path.dirname(absolute);
  return app;
}
