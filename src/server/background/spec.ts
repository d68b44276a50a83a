/**
 * Registration of a `background: true` callback (spec/callbacks.md §5.5): its options checked and
 * normalised, and the job function the manager runs.
 */
import { createHash } from 'node:crypto';
import type { AnyInput, AnyOutput, CallbackErrorHandler, CallbackOptions } from '../../shared/dependencies.js';
import { NoUpdate, noUpdate, PreventUpdate } from '../../shared/dependencies.js';
import { propIdString, stringifyId } from '../../shared/prop-id.js';
import type { CallbackArgument, CallbackOutputRef } from '../../shared/protocol.js';
import { hasWildcard } from '../../shared/wildcards.js';
import { DashError } from '../errors.js';
import { runInContext } from '../callbacks/context.js';
import type { BackgroundManager, JobFunction } from './manager.js';

/** A background callback's settings, as the server keeps them. */
export interface BackgroundSpec {
  readonly manager: BackgroundManager;
  /** The function's key with its manager: callback key + function source. */
  readonly fnKey: string;
  /** Hash of the function source: the first part of every cache key. */
  readonly sourceHash: string;
  readonly interval: number;
  readonly progress: readonly AnyOutput[];
  /** One value per progress output, or undefined when not given. */
  readonly progressDefault: readonly unknown[] | undefined;
  readonly cancel: readonly AnyInput[];
  readonly cacheArgsToIgnore: readonly number[];
  readonly cacheIgnoreTriggered: boolean;
}

function list<T>(value: T | readonly T[] | undefined): readonly T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

function fail(message: string): never {
  throw new DashError('DASH_ERR_CALLBACK_ARGS', `callback(): ${message}`);
}

/** Check and normalise the background options of a callback keyed `key`. */
export function backgroundSpec(
  key: string,
  fn: (...values: unknown[]) => unknown,
  options: CallbackOptions,
  defaultManager: () => BackgroundManager,
): BackgroundSpec {
  const interval = options.interval ?? 1000;
  if (typeof interval !== 'number' || !Number.isFinite(interval) || interval <= 0) {
    fail(`background interval must be a positive number of milliseconds, got ${String(interval)}`);
  }
  const progress = list(options.progress);
  const cancel = list(options.cancel);
  for (const dep of [...progress, ...cancel]) {
    if (dep === null || typeof dep !== 'object' || (dep.kind !== 'output' && dep.kind !== 'input')) {
      fail('progress takes Output(...)s and cancel takes Input(...)s');
    }
    // WildcardInLongCallback: a job's progress/cancel targets must be fixed components.
    if (hasWildcard(dep.id)) {
      fail(
        `${propIdString(dep.id, dep.property)}: progress and cancel dependencies of a background callback cannot use wildcards`,
      );
    }
  }
  if (progress.some((o) => o.kind !== 'output')) fail('progress takes Output(...)s');
  if (cancel.some((i) => i.kind !== 'input')) fail('cancel takes Input(...)s');
  let progressDefault: readonly unknown[] | undefined;
  if (options.progress_default !== undefined) {
    // One output: the value itself; several: one value per output (Dash's rule).
    progressDefault = progress.length === 1 ? [options.progress_default] : list(options.progress_default);
    if (progressDefault.length !== progress.length) {
      fail(`progress_default needs ${progress.length} values, one per progress output`);
    }
  }
  const manager = (options.manager as BackgroundManager | undefined) ?? defaultManager();
  const sourceHash = createHash('sha256').update(fn.toString()).digest('hex');
  return {
    manager,
    fnKey: createHash('sha256').update(`${key}\n${sourceHash}`).digest('hex'),
    sourceHash,
    interval,
    progress,
    progressDefault,
    cancel,
    cacheArgsToIgnore: options.cache_args_to_ignore ?? [],
    cacheIgnoreTriggered: options.cache_ignore_triggered ?? true,
  };
}

/** `"<id>.<prop>"` keys, as `progress` and `progressDefault` travel (protocol §5.7). */
export function progressKeys(spec: BackgroundSpec): string[] {
  return spec.progress.map((o) => `${stringifyId(o.id)}.${o.property}`);
}

/** The `cancel` list of the start answer: `[{id, property}]` with ids as in `_dash-dependencies`. */
export function cancelSpecs(spec: BackgroundSpec): { id: string; property: string }[] {
  return spec.cancel.map((i) => ({ id: stringifyId(i.id), property: i.property }));
}

function isPrevent(error: unknown): boolean {
  return error instanceof PreventUpdate || error === PreventUpdate;
}

/**
 * The job: the user's function in a callback context rebuilt from the request (ctx works), with
 * `set_progress` first when `progress` is set, `setProps` streamed to the sink, and `on_error`
 * applied inside the job (as Dash does), so the outcome is plain data.
 */
export function jobFunction(
  fn: (...values: unknown[]) => unknown,
  spec: BackgroundSpec,
  onError: () => CallbackErrorHandler | undefined,
): JobFunction {
  return async (input, sink, signal) => {
    const setProgress = (value: unknown): void => {
      sink.progress(spec.progress.length === 1 ? [value] : list(value as readonly unknown[]));
    };
    const args = spec.progress.length > 0 ? [setProgress, ...input.args] : [...input.args];
    const handler = onError();
    try {
      const { result } = await runInContext(
        {
          changedPropIds: input.context.changedPropIds,
          inputs: input.context.inputs as (CallbackArgument | CallbackArgument[])[],
          state: input.context.state as (CallbackArgument | CallbackArgument[])[],
          outputs: input.context.outputs as (CallbackOutputRef | CallbackOutputRef[])[],
          multi: input.context.multi,
          request: { cookies: input.context.cookies, headers: input.context.headers },
          onSetProps: (id, props) => sink.sideUpdate(id, props),
          signal,
        },
        async () => {
          try {
            return await fn(...args);
          } catch (error) {
            if (isPrevent(error) || handler === undefined) throw error;
            const handled = await handler(error);
            return handled === null || handled === undefined ? noUpdate : handled;
          }
        },
        true,
      );
      return { kind: 'value', value: result instanceof NoUpdate ? noUpdate : result };
    } catch (error) {
      if (isPrevent(error)) return { kind: 'prevented' };
      const e = error instanceof Error ? error : new Error(String(error));
      return { kind: 'error', message: e.message, stack: e.stack };
    }
  };
}
