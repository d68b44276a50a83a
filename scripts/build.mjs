// Build everything we ship: the browser bundles (the renderer entry plus code-split component
// chunks: esbuild, ESM, content-hashed names) into dist/browser/ with a manifest the server uses as
// its allowlist, and the server code compiled by tsc into lib/ (what `import "dash-ts"` loads
// outside the repo's `dash-ts-source` condition), with the server's static files beside it.
// Usage: node scripts/build.mjs [--dev]   (--dev: no minification, with sourcemaps)
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// DASH_TS_BROWSER_DIR lets parallel work build into its own folder (the server reads the same variable).
const outdir = process.env.DASH_TS_BROWSER_DIR
  ? path.resolve(process.env.DASH_TS_BROWSER_DIR)
  : path.join(root, 'dist', 'browser');
const dev = process.argv.includes('--dev');

await rm(outdir, { recursive: true, force: true });
await mkdir(outdir, { recursive: true });

const result = await build({
  absWorkingDir: root,
  entryPoints: { main: 'src/renderer/main.tsx' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2022', 'chrome110', 'firefox110', 'safari16'],
  outdir,
  entryNames: '[name]-[hash]',
  chunkNames: 'chunks/[name]-[hash]',
  assetNames: 'assets/[name]-[hash]',
  minify: !dev,
  sourcemap: dev ? 'linked' : false,
  legalComments: 'none',
  metafile: true,
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': dev ? '"development"' : '"production"' },
  loader: { '.css': 'css', '.woff2': 'file', '.svg': 'file' },
  logLevel: 'warning',
});

// The manifest: every output file (relative to dist/browser), the entry script and its CSS.
const files = Object.keys(result.metafile.outputs).map((f) => path.relative(outdir, path.join(root, f)));
const entry = files.find((f) => /^main-[A-Z0-9]+\.js$/.test(f));
const css = files.filter((f) => f.endsWith('.css') && f.startsWith('main-'));
if (!entry) throw new Error('build: no main entry in the output');
const hash = createHash('sha256');
for (const f of files.sort()) hash.update(f).update(await readFile(path.join(outdir, f)));
const manifest = { entry, css, files: files.sort(), buildHash: hash.digest('hex').slice(0, 16) };
await writeFile(path.join(outdir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
await writeFile(path.join(outdir, 'meta.json'), JSON.stringify(result.metafile));
console.log(`build: ${files.length} files in ${path.relative(root, outdir)} (entry ${entry})`);

// The server, compiled. lib/ mirrors src/ one level below the package root, so the paths the
// server resolves from import.meta.url (../../dist/browser, ./static) hold in both.
await rm(path.join(root, 'lib'), { recursive: true, force: true });
execFileSync(
  process.execPath,
  [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.lib.json'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
await cp(path.join(root, 'src', 'server', 'static'), path.join(root, 'lib', 'server', 'static'), { recursive: true });
await cp(
  path.join(root, 'src', 'server', 'dash-renderer-styles.json'),
  path.join(root, 'lib', 'server', 'dash-renderer-styles.json'),
);
console.log('build: server compiled into lib/');
