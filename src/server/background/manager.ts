/**
 * The background-callback manager contract (spec/callbacks.md §5.5, "Manager lifecycle"): where jobs
 * run and where their progress, `setProps` updates and results wait for the browser's polls.
 *
 * Everything that crosses this interface is JSON-shaped data (job input, progress, side updates,
 * outcomes), and every method is async, so a manager backed by another process or a queue (Redis /
 * BullMQ, issue 6) fits the same contract: it would run `JobFunction`s in a worker that registered the
 * same functions under the same keys. `InProcessManager` (in-process.ts) runs them in this process.
 */

/** A job id as the manager knows it; the browser only ever sees it signed (handles.ts). */
export type JobId = string;

/** What a job needs to rebuild the callback context (`ctx`) away from the HTTP request. */
export interface JobContext {
  readonly changedPropIds: readonly string[];
  readonly inputs: readonly unknown[];
  readonly state: readonly unknown[];
  readonly outputs: readonly unknown[];
  readonly multi: boolean;
  /** The request's cookies and headers, so `ctx.cookies` / `ctx.headers` work inside the job. */
  readonly cookies: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
}

/** The arguments of one job: the function's argument values and the request context. */
export interface JobInput {
  readonly args: readonly unknown[];
  readonly context: JobContext;
}

/**
 * How a job ended. `value` is what the function (or its `on_error` handler) returned; `noUpdate` may
 * appear in it — a manager that serialises outcomes stores it as Dash's `{"_dash_no_update": …}` marker
 * and restores it when reading. `error` carries the message and stack only (no live objects).
 */
export type JobOutcome =
  | { readonly kind: 'value'; readonly value: unknown }
  | { readonly kind: 'prevented' }
  | { readonly kind: 'error'; readonly message: string; readonly stack?: string | undefined };

/** Where a running job reports: progress values and `setProps` updates, each delivered once. */
export interface JobSink {
  /** `set_progress(values)`: one value per `progress` output; a newer report replaces an unread one. */
  progress(values: readonly unknown[]): void;
  /** `setProps(id, props)` inside the job: merged per id until the next poll reads them. */
  sideUpdate(id: string, props: Readonly<Record<string, unknown>>): void;
}

/**
 * A registered background function: runs one job to its outcome. It must not throw (failures are an
 * `error` outcome) and should stop early when `signal` aborts (the job was cancelled or superseded).
 */
export type JobFunction = (input: JobInput, sink: JobSink, signal: AbortSignal) => Promise<JobOutcome>;

/** The manager contract; every method may be remote, hence async. */
export interface BackgroundManager {
  /**
   * Values mixed into every cache key (Dash's `cache_by`). With any, results are kept after delivery
   * and an identical call is answered from the cache; without, results are deleted once delivered.
   */
  readonly cacheBy: readonly (() => unknown)[];
  /** Secret for signing job handles; managers shared by several processes must share it. */
  readonly handleSecret: Uint8Array;
  /** Make a function known under `key` (at registration time, before any request). */
  register(key: string, fn: JobFunction): void;
  /** Start the function registered as `key`; results are stored under `cacheKey`. */
  start(key: string, cacheKey: string, input: JobInput): Promise<JobId>;
  /** The cache key a job was started with, or undefined for an unknown (expired) job. */
  cacheKeyOf(job: JobId): Promise<string | undefined>;
  /** Is the job still running (not finished, not terminated)? */
  running(job: JobId): Promise<boolean>;
  /** Stop a job: its result, progress and side updates are dropped. Unknown jobs are ignored. */
  terminate(job: JobId): Promise<void>;
  /** The newest unread progress values, then forgotten. */
  consumeProgress(job: JobId): Promise<readonly unknown[] | undefined>;
  /** The `setProps` updates made since the last read, then forgotten. */
  consumeSideUpdates(job: JobId): Promise<Record<string, Record<string, unknown>> | undefined>;
  /**
   * The outcome, if ready: from the job, or from the cache for `cacheKey` (with `cacheBy`). Reading it
   * does not forget the job; the caller `terminate`s it once delivered (a cached copy stays).
   */
  result(job: JobId, cacheKey: string): Promise<JobOutcome | undefined>;
}
