/**
 * `_reload-hash` (spec/protocol-core.md §7): hot reload, in debug mode only (404 otherwise).
 * The renderer polls it; a new `reloadHash` with `hard: true` makes it swap the changed stylesheets
 * in place, or reload the page when any changed file is not CSS (assets scripts, a rebuilt renderer).
 * Changes are found by comparing the assets folder and the bundle's build hash with what the
 * previous poll saw; as in Dash, `hard` and `files` are reset once read.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { assetUrl } from '../assets.js';
import { DashError } from '../errors.js';
import { encodeJson } from '../json.js';
import { JSON_TYPE } from '../security.js';
import { DASH_TS_PACKAGE } from '../suites.js';
import type { Site } from './site.js';

/** One changed file; `modified` is the new mtime in seconds, or -1 when the file was deleted. */
export interface ReloadFile {
  url: string;
  modified: number;
  is_css: boolean;
}

/** The `_reload-hash` answer. */
export interface ReloadHash {
  reloadHash: string;
  hard: boolean;
  packages: string[];
  files: ReloadFile[];
}

function newHash(): string {
  return randomBytes(16).toString('hex');
}

export async function reloadHashRoute(instance: FastifyInstance, site: Site): Promise<void> {
  if (!site.debug) {
    instance.get('/_reload-hash', () => {
      throw new DashError('DASH_ERR_NOT_FOUND', 'Hot reload is on only in debug mode', { statusCode: 404 });
    });
    return;
  }
  let hash = newHash();
  let hard = false;
  const pending = new Map<string, ReloadFile>();
  let seenAssets = new Map((await site.assets()).all.map((f) => [f.relative, f.mtime]));
  let seenBuild = site.manifest?.buildHash ?? null;
  const urlOf = (relative: string): string => assetUrl(site.requestsPrefix, site.options.assetsUrlPath, relative);

  instance.get('/_reload-hash', async (_request, reply) => {
    const changes: ReloadFile[] = [];
    const assets = new Map((await site.assets()).all.map((f) => [f.relative, f.mtime]));
    for (const [relative, mtime] of assets) {
      if (seenAssets.get(relative) !== mtime) {
        changes.push({ url: urlOf(relative), modified: Math.trunc(mtime), is_css: relative.endsWith('.css') });
      }
    }
    for (const relative of seenAssets.keys()) {
      if (!assets.has(relative))
        changes.push({ url: urlOf(relative), modified: -1, is_css: relative.endsWith('.css') });
    }
    seenAssets = assets;
    await site.refreshBundle();
    const manifest = site.manifest;
    if (manifest !== null && manifest.buildHash !== seenBuild) {
      seenBuild = manifest.buildHash;
      // A new renderer build: the entry script changed, which makes the page reload.
      const url = site.requestsPrefix + site.suites.url(DASH_TS_PACKAGE, manifest.entry);
      changes.push({ url, modified: Math.trunc(Date.now() / 1000), is_css: false });
    }
    if (changes.length > 0) {
      hash = newHash();
      hard = true;
      for (const change of changes) pending.set(change.url, change);
    }
    const body: ReloadHash = {
      reloadHash: hash,
      hard,
      packages: site.suites.packageNames(),
      files: [...pending.values()],
    };
    hard = false;
    pending.clear();
    return reply.type(JSON_TYPE).send(encodeJson(body));
  });
}
