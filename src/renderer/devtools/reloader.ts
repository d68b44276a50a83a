/**
 * Hot reload, the page's half (spec/protocol.md §7, `R:components/core/Reloader.react.js`): poll
 * `_reload-hash` every `hot_reload.interval` ms. The first answer is the baseline; a later answer
 * with another hash means the app changed:
 *  - `hard` (or a changed package set) and only CSS files changed → swap those stylesheets in place;
 *  - `hard` otherwise → reload the page;
 *  - not `hard` (the server process restarted with new code) → soft reload: fetch layout and
 *    callbacks again and re-render.
 * A 500 counts as a failure and polling stops after more than `max_retry` of them; a network error
 * or another status is ignored (the server is restarting).
 */
import type { ReloadStatus } from './status.js';

export interface ReloadFile {
  readonly url: string;
  readonly modified: number;
  readonly is_css: boolean;
}

export interface ReloadAnswer {
  readonly reloadHash: string | null;
  readonly hard: boolean;
  readonly packages: readonly string[];
  readonly files: readonly ReloadFile[];
}

export type ReloadAction =
  | { readonly kind: 'none' }
  | { readonly kind: 'css'; readonly files: readonly ReloadFile[] }
  | { readonly kind: 'hard' }
  | { readonly kind: 'soft' };

function isAnswer(value: unknown): value is ReloadAnswer {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    (typeof v['reloadHash'] === 'string' || v['reloadHash'] === null) &&
    Array.isArray(v['packages'] ?? []) &&
    Array.isArray(v['files'] ?? [])
  );
}

/** Parse a `_reload-hash` body; null when it is not one. */
export function parseAnswer(text: string): ReloadAnswer | null {
  try {
    const value: unknown = JSON.parse(text);
    if (!isAnswer(value)) return null;
    return {
      reloadHash: value.reloadHash,
      hard: value.hard === true,
      packages: value.packages ?? [],
      files: value.files ?? [],
    };
  } catch {
    return null;
  }
}

/** What to do with `next`, given the baseline `previous`. */
export function decide(previous: ReloadAnswer, next: ReloadAnswer): ReloadAction {
  if (next.reloadHash === null || next.reloadHash === previous.reloadHash) return { kind: 'none' };
  const samePackages =
    previous.packages.length === next.packages.length && previous.packages.every((p) => next.packages.includes(p));
  if (next.hard || !samePackages) {
    if (next.files.length > 0 && next.files.every((f) => f.is_css)) return { kind: 'css', files: next.files };
    return { kind: 'hard' };
  }
  return { kind: 'soft' };
}

export interface ReloaderHost {
  /** GET `_reload-hash`: status and body text; rejects on a network failure. */
  fetch(): Promise<{ status: number; body: string }>;
  act(action: Exclude<ReloadAction, { kind: 'none' }>): void | Promise<void>;
  status(status: ReloadStatus): void;
  readonly interval: number;
  readonly maxRetry: number;
}

/** Start polling; returns a function that stops it. */
export function startReloader(host: ReloaderHost): () => void {
  let baseline: ReloadAnswer | null = null;
  let failures = 0;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const poll = async (): Promise<void> => {
    let answered: { status: number; body: string };
    try {
      answered = await host.fetch();
    } catch {
      host.status('unreachable');
      return;
    }
    const { status, body } = answered;
    if (status === 500) {
      failures += 1;
      if (failures > host.maxRetry) {
        stopped = true;
        host.status('stopped');
        return;
      }
      host.status('unreachable');
      return;
    }
    if (status !== 200) return;
    const answer = parseAnswer(body);
    if (answer === null) return;
    host.status('connected');
    if (baseline === null) {
      baseline = answer;
      return;
    }
    const action = decide(baseline, answer);
    baseline = answer;
    if (action.kind !== 'none') await host.act(action);
  };

  const loop = (): void => {
    if (stopped) return;
    timer = setTimeout(() => {
      void poll().finally(loop);
    }, host.interval);
  };
  void poll().finally(loop);
  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
  };
}
