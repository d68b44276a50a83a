// Fetch the UNMODIFIED Dash front end from npm for `renderer: 'dash'` (the wire-compatibility proof):
// dash-renderer, the dcc/html bundles, React 18.3.1, prop-types, @babel/polyfill and a CSP-safe plotly.js.
// They are not npm dependencies: dash-renderer and dash-core-components list their build tools as
// `dependencies` (~700 packages), and only a handful of prebuilt browser files are used. So each
// package is `npm pack`ed at an exact version, its tarball checked against the sha512 pinned below
// (from `npm view <pkg>@<version> dist.integrity`), and extracted to .cache/dash-renderer/<pkg>/.
// Idempotent: a package whose folder carries the marker of a verified extraction is skipped; parallel
// runs (test files) take turns through a lock folder.
//
// Usage: node scripts/fetch-dash-renderer.mjs [--dir <folder>]   (default: $DASH_TS_DASH_RENDERER_DIR,
//        else .cache/dash-renderer in this repository). Needs `npm` and GNU/BSD `tar` on the PATH.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The pinned packages. Changing a version means: new integrity, new style hashes (capture script). */
const PACKAGES = [
  {
    name: 'dash-renderer',
    version: '3.4.1',
    integrity: 'sha512-dbl2emiVjUzX2H/areS3S0ujs5x5yMRkAlij9jlZQ6JtzuoyvuxIh2WM7dDP2VhNu+BSvPRLQjh40TzSUmnLnQ==',
  },
  {
    name: 'dash-core-components',
    version: '4.5.0',
    integrity: 'sha512-EBIOPsq0310LQovbn2+XjcuW9AGGtwddgaNzSatr6M2+D4blGCZ6IvP82nG0coVYA7KnFS3cqbcFzh9Tq2Ivjw==',
  },
  {
    name: 'dash-html-components',
    version: '4.5.0',
    integrity: 'sha512-qfw8vXNIo4umG/OeBZg6Ld0AX1KIt1+MPVkcpkqBDISVgp+nHk4ceA6oCtbjTq6suS5jmQCHnsvE5KXkiqpoxg==',
  },
  {
    name: 'react',
    version: '18.3.1',
    integrity: 'sha512-wS+hAgJShR0KhEvPJArfuPVN1+Hz1t0Y6n5jLrGQbkb4urgPE/0Rve+1kMB1v/oWgHgm4WIcV+i7F2pTVj+2iQ==',
  },
  {
    name: 'react-dom',
    version: '18.3.1',
    integrity: 'sha512-5m4nQKp+rZRb09LNH59GM4BxTh9251/ylbKIbpe7TpGxfJ+9kv6BLkLBXIjjspbgbnIBNqlI23tRnTWT0snUIw==',
  },
  {
    name: 'prop-types',
    version: '15.8.1',
    integrity: 'sha512-oj87CgZICdulUohogVAR7AjlC0327U4el4L6eAvOqCeudMDVU0NThNaV+b9Df4dXgSP1gXMTnPdhfe/2qDH5cg==',
  },
  {
    name: '@babel/polyfill',
    version: '7.12.1',
    integrity: 'sha512-X0pi0V6gxLi6lFZpGmeNa4zxtwEmCs42isWLNjZZDE0Y8yVfgu0T2OAHlzBbdYlqbW/YXVvoBHpATEM+goCj8g==',
  },
  {
    // The strict build: its WebGL (regl) code is precompiled, so no 'unsafe-eval' is needed.
    name: 'plotly.js-strict-dist-min',
    version: '4.1.1',
    integrity: 'sha512-/M2gRAF8LeqafKIO/bUU+DQk7RlonVbwpPb2G/jZsfqCl/DttBfvF+wQfZ6vT9y9EKy47eDI/zfIWC/uA1L6TQ==',
  },
];

/** Written into a package folder after a verified extraction; its content is the integrity. */
const MARKER = '.dash-ts-integrity';

function targetDir() {
  const flag = process.argv.indexOf('--dir');
  if (flag !== -1) {
    const value = process.argv[flag + 1];
    if (value === undefined) throw new Error('--dir needs a folder');
    return path.resolve(value);
  }
  const fromEnv = process.env['DASH_TS_DASH_RENDERER_DIR'];
  return fromEnv !== undefined && fromEnv !== '' ? path.resolve(fromEnv) : path.join(root, '.cache', 'dash-renderer');
}

function sri(bytes) {
  return `sha512-${createHash('sha512').update(bytes).digest('base64')}`;
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.error !== undefined) throw new Error(`${command} could not run: ${result.error.message}`);
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr.toString().trim()}`);
  }
  return result.stdout;
}

async function upToDate(dir, integrity) {
  try {
    return (await readFile(path.join(dir, MARKER), 'utf8')).trim() === integrity;
  } catch {
    return false;
  }
}

async function fetchPackage(pkg, dest) {
  const dir = path.join(dest, ...pkg.name.split('/'));
  if (await upToDate(dir, pkg.integrity)) return 'up to date';
  const work = await mkdtemp(path.join(dest, '.fetch-'));
  try {
    // --ignore-scripts: packing a registry spec runs none today; keep it that way.
    const out = run(
      'npm',
      ['pack', `${pkg.name}@${pkg.version}`, '--json', '--ignore-scripts', '--pack-destination', work],
      {
        cwd: work,
      },
    );
    const listed = JSON.parse(out.toString('utf8'));
    const filename = Array.isArray(listed) ? listed[0]?.filename : undefined;
    if (typeof filename !== 'string') throw new Error(`npm pack ${pkg.name}: no tarball name in its output`);
    const tarball = await readFile(path.join(work, path.basename(filename)));
    const actual = sri(tarball);
    if (actual !== pkg.integrity) {
      throw new Error(
        `integrity mismatch, the tarball is not the pinned one\n  expected ${pkg.integrity}\n  got      ${actual}`,
      );
    }
    // npm tarballs keep everything under `package/`. GNU tar refuses members with `..` and strips
    // leading `/`, and the bytes were verified above, so extraction stays inside `staging`.
    const staging = path.join(work, 'package');
    await mkdir(staging);
    run('tar', ['-x', '-f', '-', '-C', staging, '--strip-components=1', '--no-same-owner', '--no-same-permissions'], {
      input: gunzipSync(tarball),
    });
    await writeFile(path.join(staging, MARKER), `${pkg.integrity}\n`);
    await rm(dir, { recursive: true, force: true });
    await mkdir(path.dirname(dir), { recursive: true });
    await rename(staging, dir);
    return `fetched, ${actual.slice(0, 19)}… verified`;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * Run `body` holding `<dest>/.fetch.lock` (an atomic mkdir): test files run in parallel and each
 * calls this script, and two runs replacing the same folder would pull it from under each other.
 */
async function withLock(dest, body) {
  const lock = path.join(dest, '.fetch.lock');
  const started = Date.now();
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch (error) {
      if (error?.code !== 'EEXIST') throw error;
      const info = await stat(lock).catch(() => undefined);
      // Left behind by a run that was killed: a real fetch takes well under ten minutes.
      if (info !== undefined && Date.now() - info.mtimeMs > 10 * 60_000) {
        await rm(lock, { recursive: true, force: true });
      } else if (Date.now() - started > 15 * 60_000) {
        throw new Error(`${lock} is held by another fetch; remove it if none is running`, { cause: error });
      } else {
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }
  try {
    return await body();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

const dest = targetDir();
await mkdir(dest, { recursive: true });
let failed = false;
const current = await Promise.all(
  PACKAGES.map((pkg) => upToDate(path.join(dest, ...pkg.name.split('/')), pkg.integrity)),
);
const fetchAll = async () => {
  for (const pkg of PACKAGES) {
    try {
      const status = await fetchPackage(pkg, dest);
      console.log(`${pkg.name}@${pkg.version}: ${status}`);
    } catch (error) {
      failed = true;
      console.error(`${pkg.name}@${pkg.version}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
};
// Nothing to do needs no lock; otherwise re-check each package once the lock is ours.
if (current.every(Boolean)) for (const pkg of PACKAGES) console.log(`${pkg.name}@${pkg.version}: up to date`);
else await withLock(dest, fetchAll);
if (failed) process.exit(1);
console.log(`Dash renderer packages are in ${dest}`);
