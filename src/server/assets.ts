/**
 * The assets folder (spec/protocol-core.md §1.8): every file in it is served under `assets/` by
 * @fastify/static; its `.css` files are linked by the page, its `.js`/`.mjs` files loaded as nonced
 * scripts, both walked sorted and recursively as Dash does (`dash.py#_walk_assets_directory`);
 * `favicon.ico` at its top replaces the default icon.
 */
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** One file of the assets folder. */
export interface AssetFile {
  /** Path relative to the assets folder, `/`-separated. */
  readonly relative: string;
  /** Modification time in seconds, with fractions (Dash's `?m=` value). */
  readonly mtime: number;
}

/** What the page takes from the assets folder. */
export interface AssetScan {
  readonly css: readonly AssetFile[];
  /** `.js` and `.mjs` (the latter become module scripts). */
  readonly js: readonly AssetFile[];
  readonly favicon: AssetFile | null;
  /** Every file, ignored ones included (hot reload watches them all). */
  readonly all: readonly AssetFile[];
}

const emptyScan: AssetScan = { css: [], js: [], favicon: null, all: [] };

async function listDir(dir: string): Promise<Dirent[]> {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/**
 * Walk the assets folder: files sorted by folder, then by name (Dash's order), hidden files and
 * folders skipped. `ignore` (the `assets_ignore` option) is matched against each relative path and
 * keeps a file off the page; it is still served, as in Dash.
 */
export async function scanAssets(folder: string, ignore: RegExp | null): Promise<AssetScan> {
  const found: { dir: string; name: string; mtime: number }[] = [];
  const pending = [''];
  for (let dir = pending.pop(); dir !== undefined; dir = pending.pop()) {
    for (const entry of await listDir(path.join(folder, dir))) {
      if (entry.name.startsWith('.')) continue;
      const relative = dir === '' ? entry.name : `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        pending.push(relative);
      } else if (entry.isFile() || entry.isSymbolicLink()) {
        try {
          const info = await stat(path.join(folder, relative));
          if (info.isFile()) found.push({ dir, name: entry.name, mtime: info.mtimeMs / 1000 });
        } catch {
          // A dangling symlink, or a file deleted while walking: nothing to serve.
        }
      }
    }
  }
  if (found.length === 0) return emptyScan;
  const byPath = (a: { dir: string; name: string }, b: { dir: string; name: string }): number =>
    a.dir === b.dir ? compare(a.name, b.name) : compare(a.dir, b.dir);
  const all = found
    .sort(byPath)
    .map((f) => ({ relative: f.dir === '' ? f.name : `${f.dir}/${f.name}`, mtime: f.mtime }));
  const linked = all.filter((f) => ignore === null || !ignore.test(f.relative));
  return {
    css: linked.filter((f) => f.relative.endsWith('.css')),
    js: linked.filter((f) => f.relative.endsWith('.js') || f.relative.endsWith('.mjs')),
    favicon: all.find((f) => f.relative === 'favicon.ico') ?? null,
    all,
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** An asset's URL as the browser uses it (Dash's `get_asset_url`): `{req}assets/<path>`, no query. */
export function assetUrl(requestsPrefix: string, assetsUrlPath: string, relative: string): string {
  const encoded = relative
    .split('/')
    .map((s) => encodeURIComponent(s))
    .join('/');
  return `${requestsPrefix}${assetsUrlPath}/${encoded}`;
}

/** An asset's URL in the page, with Dash's `?m=<mtime>` cache buster. */
export function assetPageUrl(requestsPrefix: string, assetsUrlPath: string, file: AssetFile): string {
  return `${assetUrl(requestsPrefix, assetsUrlPath, file.relative)}?m=${file.mtime}`;
}

/**
 * Serve the assets folder under `/<urlPath>/` in this Fastify scope. Missing files (and a missing
 * folder) answer through the scope's not-found handler, never the index page; dotfiles are never
 * served; no directory listings.
 */
export async function registerAssets(instance: FastifyInstance, folder: string, urlPath: string): Promise<void> {
  const exists = await stat(folder).then(
    (info) => info.isDirectory(),
    () => false,
  );
  if (!exists) {
    instance.get(`/${urlPath}/*`, (_request, reply) => reply.callNotFound());
    return;
  }
  await instance.register(fastifyStatic, {
    root: folder,
    prefix: `/${urlPath}/`,
    // The host server may use @fastify/static itself: do not claim reply.sendFile.
    decorateReply: false,
    dotfiles: 'ignore',
    index: false,
    list: false,
    wildcard: true,
  });
}
