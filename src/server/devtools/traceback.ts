/**
 * Debug-mode tracebacks limited to the app's code (spec/callbacks.md §12.3, checklist C150): Dash's
 * `prune_errors` keeps the frames from the callback function down and drops Flask's and Dash's own.
 * A V8 stack lists the newest frame first, so we keep the header (the error's message lines) and
 * every frame that is not dash-ts itself, a dependency (`node_modules`) or Node's internals.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** This package's folder: frames from its src/, lib/ (compiled), bin/ and dist/ are dash-ts internals. */
const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const internalFolders = ['src', 'lib', 'bin', 'dist'].map((folder) => path.join(packageRoot, folder) + path.sep);

const FRAME = /^\s+at /;

/** The file a V8 frame line points at (`at fn (file:1:2)` or `at file:1:2`), as a path; null if none. */
export function frameFile(line: string): string | null {
  const text = line.replace(FRAME, '');
  const inParens = /\(([^()]*)\)\s*$/.exec(text);
  let location = (inParens?.[1] ?? text).trim();
  // `async fn (file…)` and `new Promise (<anonymous>)` also end in parentheses.
  location = location.replace(/:\d+(?::\d+)?$/, '');
  if (location.startsWith('file://')) {
    try {
      return fileURLToPath(location);
    } catch {
      return null;
    }
  }
  return path.isAbsolute(location) ? location : null;
}

/** True for a frame of the app's own code (not dash-ts, a dependency, Node, or an anonymous native frame). */
export function isUserFrame(line: string): boolean {
  const file = frameFile(line);
  if (file === null) return false;
  if (file.split(path.sep).includes('node_modules')) return false;
  return !internalFolders.some((folder) => file.startsWith(folder));
}

/**
 * Keep the stack's header and the app's frames. When no frame is left (the error came from dash-ts
 * itself), say so rather than show an empty trace.
 */
export function pruneStack(stack: string): string {
  const lines = stack.split('\n');
  const firstFrame = lines.findIndex((line) => FRAME.test(line));
  if (firstFrame === -1) return stack;
  const header = lines.slice(0, firstFrame);
  const frames = lines.slice(firstFrame).filter((line) => FRAME.test(line) && isUserFrame(line));
  if (frames.length === 0) {
    frames.push("    (no frames from the app's code; dev_tools_prune_errors: false shows the full trace)");
  }
  return [...header, ...frames].join('\n');
}
