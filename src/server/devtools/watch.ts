/**
 * Finding changed source files for hot reload: a poll of the app's folder (as Dash's
 * `dash/_watch.py` polls), comparing each file's mtime and size with the previous scan. Polling
 * rather than fs.watch: it behaves the same on every platform and file system (containers, network
 * mounts), and a scan of an app folder every half second costs little.
 */
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** Files whose change restarts the server: code and data the app may import. */
export const SOURCE_EXTENSIONS = new Set(['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.json']);

/** Stop walking after this many files: a folder that large is not an app's own code. */
const MAX_FILES = 20_000;

export interface WatchSettings {
  /** Folder to watch (recursively). */
  readonly root: string;
  /** Folders left out (the assets folder: the page hot-swaps those itself). */
  readonly ignore?: readonly string[];
}

export type Snapshot = ReadonlyMap<string, string>;

function skippedName(name: string): boolean {
  return name.startsWith('.') || name === 'node_modules';
}

/** path → "mtime:size" of every source file under the root. */
export async function scanSources(settings: WatchSettings): Promise<Snapshot> {
  const ignore = (settings.ignore ?? []).map((folder) => path.resolve(folder));
  const out = new Map<string, string>();
  const folders = [path.resolve(settings.root)];
  while (folders.length > 0 && out.size < MAX_FILES) {
    const folder = folders.pop()!;
    if (ignore.includes(folder)) continue;
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      continue; // removed meanwhile, or unreadable
    }
    for (const entry of entries) {
      if (skippedName(entry.name)) continue;
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) folders.push(full);
      else if (entry.isFile() && SOURCE_EXTENSIONS.has(path.extname(entry.name))) {
        try {
          const info = await stat(full);
          out.set(full, `${info.mtimeMs}:${info.size}`);
        } catch {
          // removed between readdir and stat: counts as absent
        }
      }
    }
  }
  return out;
}

/** Files added, removed or modified between two snapshots. */
export function changedFiles(before: Snapshot, after: Snapshot): string[] {
  const changed: string[] = [];
  for (const [file, signature] of after) if (before.get(file) !== signature) changed.push(file);
  for (const file of before.keys()) if (!after.has(file)) changed.push(file);
  return changed;
}

export interface Watcher {
  /** Ignore these folders too (files under them stop counting as changes; the baseline is kept). */
  setIgnore(folders: readonly string[]): void;
  stop(): void;
}

function isUnder(file: string, folders: readonly string[]): boolean {
  return folders.some((folder) => file.startsWith(folder + path.sep));
}

/** Poll every `interval` ms and call `onChange` with the changed files. Scans never overlap. */
export function watchSources(settings: WatchSettings, onChange: (files: string[]) => void, interval = 500): Watcher {
  const initial = (settings.ignore ?? []).map((f) => path.resolve(f));
  let ignore = initial;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let previous: Snapshot | null = null;
  const tick = async (): Promise<void> => {
    const snapshot = await scanSources({ root: settings.root, ignore });
    if (stopped) return;
    // The ignore list may have changed during the scan: compare what both sides still count.
    const changed = previous === null ? [] : changedFiles(previous, snapshot).filter((f) => !isUnder(f, ignore));
    previous = snapshot;
    if (changed.length > 0) onChange(changed);
  };
  const loop = (): void => {
    if (stopped) return;
    timer = setTimeout(() => void tick().finally(loop), interval);
  };
  void tick().finally(loop);
  return {
    setIgnore(folders) {
      ignore = [...new Set([...initial, ...folders.map((f) => path.resolve(f))])];
    },
    stop() {
      stopped = true;
      if (timer !== undefined) clearTimeout(timer);
    },
  };
}
