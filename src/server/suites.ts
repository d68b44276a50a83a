/**
 * Component packages and `_dash-component-suites/<package>/<path>` (spec/protocol-core.md §1.5):
 * which files may be served (an allowlist per package — nothing outside it is ever opened), Dash's
 * fingerprinted URL form `<stem>.v<version>m<mtime>.<ext>`, and the cache headers that go with it.
 * Also the loader of our own browser bundle (dist/browser/manifest.json), registered as `dash_ts`.
 */
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DashError } from './errors.js';
import type { PageScripts } from './index-page.js';

/** A component package whose files the server may serve. */
export interface ComponentPackage {
  /** The URL segment after `_dash-component-suites/`: Dash's package namespace (`dash_ts`, `dash`, …). */
  readonly name: string;
  /** Goes into the fingerprint of every URL (`v0_1_0`). */
  readonly version: string;
  /** Absolute folder the files live in. */
  readonly root: string;
  /** The allowlist: paths relative to `root`, with `/` separators. Only these are served. */
  readonly files: readonly string[];
  /**
   * More allowlisted files, served under a path other than their own: URL path → path relative to
   * `root` (the Dash renderer fetches plotly.js from a fixed URL whatever the file is called).
   */
  readonly aliases?: Readonly<Record<string, string>>;
  /**
   * Every file name carries a hash of its content (esbuild's `[name]-[hash]`), so every file may be
   * cached for a year even when requested without a Dash fingerprint (chunks import each other so).
   */
  readonly contentHashed?: boolean;
}

/** Cache-Control of a file that can never change under its URL. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';

// Dash's `fingerprint.py`: the fingerprint segment, and the characters a version may keep.
const fingerprintPart = /^v[\w-]+m[0-9a-fA-F]+$/;
const versionUnsafe = /[^\w-]/g;

/**
 * Dash's fingerprinted form of a path: the last segment split at its FIRST dot, so `.min.js` and
 * `.js.map` stay whole: `build/renderer.min.js` → `build/renderer.v1_2_0m1717171717.min.js`.
 * A name without a dot has no extension to keep and is returned unchanged.
 */
export function fingerprintPath(file: string, version: string, mtime: number): string {
  const slash = file.lastIndexOf('/');
  const dir = file.slice(0, slash + 1);
  const name = file.slice(slash + 1);
  const dot = name.indexOf('.');
  if (dot <= 0) return file;
  const stem = name.slice(0, dot);
  const ext = name.slice(dot + 1);
  return `${dir}${stem}.v${version.replace(versionUnsafe, '_')}m${Math.trunc(mtime)}.${ext}`;
}

/** Dash's `check_fingerprint`: drop a `v…m…` part after the first dot of the last segment. */
export function stripFingerprint(file: string): { path: string; fingerprinted: boolean } {
  const slash = file.lastIndexOf('/');
  const parts = file.slice(slash + 1).split('.');
  const second = parts[1];
  if (parts.length > 2 && second !== undefined && fingerprintPart.test(second)) {
    parts.splice(1, 1);
    return { path: `${file.slice(0, slash + 1)}${parts.join('.')}`, fingerprinted: true };
  }
  return { path: file, fingerprinted: false };
}

const contentTypes: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  // Dash forces `.map` to JSON; browsers' dev tools expect it.
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

/** Content-Type by the LAST extension (charset for text); unknown → `application/octet-stream`. */
export function contentTypeFor(file: string): string {
  return contentTypes[path.posix.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * A relative path as the allowlist stores it, or undefined when it could name something outside its
 * folder: empty, absolute, backslashes, NUL, or `.`/`..`/empty segments.
 */
export function normalizeRelativePath(file: string): string | undefined {
  if (file.length === 0 || file.startsWith('/') || file.includes('\\') || file.includes('\0')) return undefined;
  const segments = file.split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..')) return undefined;
  return file;
}

interface RegisteredFile {
  readonly absolute: string;
  /** Integer Unix seconds at registration: the `m` part of the fingerprint. */
  readonly mtime: number;
}

interface RegisteredPackage {
  readonly pkg: ComponentPackage;
  readonly files: ReadonlyMap<string, RegisteredFile>;
}

/** A file a request may receive. */
export interface SuiteFile {
  readonly absolute: string;
  readonly relative: string;
  /** Fingerprinted URL or content-hashed name: cache for a year. Otherwise: ETag and 304. */
  readonly immutable: boolean;
}

/** The component packages of one app: the allowlist behind `_dash-component-suites`. */
export class SuiteRegistry {
  // A Map, not an object: package names come from URLs ("__proto__", "constructor" must not resolve).
  readonly #packages = new Map<string, RegisteredPackage>();

  /** Register (or replace) a package; every listed file must exist. */
  async register(pkg: ComponentPackage): Promise<void> {
    const files = new Map<string, RegisteredFile>();
    const entries: [string, string][] = [
      ...pkg.files.map((f): [string, string] => [f, f]),
      ...Object.entries(pkg.aliases ?? {}),
    ];
    for (const [served, file] of entries) {
      const url = normalizeRelativePath(served);
      const relative = normalizeRelativePath(file);
      if (url === undefined || relative === undefined) {
        throw new DashError(
          'DASH_ERR_BROWSER_BUNDLE',
          `Component package ${pkg.name}: "${url === undefined ? served : file}" is not a relative path`,
        );
      }
      const absolute = path.join(pkg.root, ...relative.split('/'));
      let mtime: number;
      try {
        mtime = Math.trunc((await stat(absolute)).mtimeMs / 1000);
      } catch (error) {
        throw new DashError('DASH_ERR_BROWSER_BUNDLE', `Component package ${pkg.name}: ${absolute} is missing`, {
          cause: error,
        });
      }
      files.set(url, { absolute, mtime });
    }
    this.#packages.set(pkg.name, { pkg, files });
  }

  /** Names of the registered packages (`packages` of `_reload-hash`). */
  packageNames(): string[] {
    return [...this.#packages.keys()];
  }

  /** The URL of a registered file after the requests prefix: `_dash-component-suites/<pkg>/<fingerprinted>`. */
  url(name: string, file: string): string {
    const registered = this.#packages.get(name);
    const entry = registered?.files.get(file);
    if (registered === undefined || entry === undefined) {
      throw new DashError('DASH_ERR_BROWSER_BUNDLE', `${name}/${file} is not a registered component file`);
    }
    const encoded = fingerprintPath(file, registered.pkg.version, entry.mtime)
      .split('/')
      .map((s) => encodeURIComponent(s))
      .join('/');
    return `_dash-component-suites/${encodeURIComponent(name)}/${encoded}`;
  }

  /** The file a request names, if it is on the allowlist (after stripping a fingerprint). */
  lookup(name: string, requested: string): SuiteFile | undefined {
    const registered = this.#packages.get(name);
    const relative = normalizeRelativePath(requested);
    if (registered === undefined || relative === undefined) return undefined;
    const { path: real, fingerprinted } = stripFingerprint(relative);
    const entry = registered.files.get(real);
    if (entry === undefined) return undefined;
    return {
      absolute: entry.absolute,
      relative: real,
      immutable: fingerprinted || registered.pkg.contentHashed === true,
    };
  }
}

// ETags by file, recomputed when the file's size or mtime changes.
const etags = new Map<string, { mtimeMs: number; size: number; etag: string }>();

async function etagFor(file: string, mtimeMs: number, size: number): Promise<string> {
  const cached = etags.get(file);
  if (cached !== undefined && cached.mtimeMs === mtimeMs && cached.size === size) return cached.etag;
  const digest = createHash('sha256')
    .update(await readFile(file))
    .digest('base64url')
    .slice(0, 27);
  const etag = `"${digest}"`;
  etags.set(file, { mtimeMs, size, etag });
  return etag;
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

/**
 * Send one allowlisted file: a year of caching when immutable, else an ETag (304 when it matches
 * `If-None-Match`) and `no-cache` so the browser revalidates. Returns false when the file vanished.
 */
export async function sendSuiteFile(request: FastifyRequest, reply: FastifyReply, file: SuiteFile): Promise<boolean> {
  let info;
  try {
    info = await stat(file.absolute);
  } catch {
    return false;
  }
  if (!info.isFile()) return false;
  if (file.immutable) {
    reply.header('cache-control', IMMUTABLE);
  } else {
    const etag = await etagFor(file.absolute, info.mtimeMs, info.size);
    reply.header('etag', etag).header('cache-control', 'no-cache');
    if (matchesEtag(request.headers['if-none-match'], etag)) {
      await reply.code(304).send();
      return true;
    }
  }
  reply.header('content-type', contentTypeFor(file.relative)).header('content-length', info.size);
  await reply.send(createReadStream(file.absolute));
  return true;
}

/** The shape of dist/browser/manifest.json, written by scripts/build.mjs. */
export interface BrowserManifest {
  entry: string;
  css: string[];
  files: string[];
  buildHash: string;
}

/** This package's dist/browser, or `$DASH_TS_BROWSER_DIR` (a separate build, e.g. for parallel test runs). */
export const defaultBundleDir =
  process.env['DASH_TS_BROWSER_DIR'] ?? fileURLToPath(new URL('../../dist/browser/', import.meta.url));

/** This package's version (it goes into fingerprints and the favicon link). */
export const packageVersion: string = (() => {
  const parsed = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version?: unknown;
  };
  return typeof parsed.version === 'string' ? parsed.version : '0.0.0';
})();

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/** Read and check dist/browser/manifest.json; a clear startup error when it is missing. */
export async function readBrowserManifest(dir: string): Promise<BrowserManifest> {
  const file = path.join(dir, 'manifest.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new DashError(
      'DASH_ERR_BROWSER_BUNDLE',
      `The browser bundle is missing: ${file} does not exist. Build it with "npm run build" (node scripts/build.mjs).`,
      { cause: error },
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new DashError('DASH_ERR_BROWSER_BUNDLE', `${file} is not valid JSON; rebuild with "npm run build"`, {
      cause: error,
    });
  }
  const m = (typeof parsed === 'object' && parsed !== null ? parsed : {}) as Partial<
    Record<keyof BrowserManifest, unknown>
  >;
  const { entry, css, files, buildHash } = m;
  if (
    typeof entry !== 'string' ||
    !isStringArray(css) ||
    !isStringArray(files) ||
    typeof buildHash !== 'string' ||
    !files.includes(entry) ||
    !css.every((c) => files.includes(c))
  ) {
    throw new DashError(
      'DASH_ERR_BROWSER_BUNDLE',
      `${file} does not have the shape {entry, css, files, buildHash}; rebuild with "npm run build"`,
    );
  }
  return { entry, css, files, buildHash };
}

/** The package name our renderer is served under. */
export const DASH_TS_PACKAGE = 'dash_ts';

/**
 * Register our browser bundle as package `dash_ts` and return what the page loads: the entry as one
 * module script (its chunks are imported by relative URL and trusted through 'strict-dynamic') and
 * the entry's CSS.
 */
export async function registerBrowserBundle(
  suites: SuiteRegistry,
  dir: string,
  requestsPrefix: string,
): Promise<{ manifest: BrowserManifest; page: PageScripts }> {
  const manifest = await readBrowserManifest(dir);
  await suites.register({
    name: DASH_TS_PACKAGE,
    version: packageVersion,
    root: dir,
    files: manifest.files,
    contentHashed: true,
  });
  return {
    manifest,
    page: {
      scripts: [{ src: requestsPrefix + suites.url(DASH_TS_PACKAGE, manifest.entry), module: true }],
      styles: manifest.css.map((css) => requestsPrefix + suites.url(DASH_TS_PACKAGE, css)),
    },
  };
}
