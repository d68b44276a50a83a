/**
 * The callback scheduler (spec/callbacks.md §1–§2, §7, §12): takes triggers (page load, edits,
 * outputs, inserted chunks), runs the passes of `queues.ts`, dispatches at most 12 requests at a
 * time in FIFO order, applies results (side updates first, then outputs), and reports loading,
 * errors and "busy". Pure TypeScript: the layout, the transport and the timer are injected.
 */
import { propIdString } from '../../shared/prop-id.js';
import type { UpdateRequest } from '../../shared/protocol.js';
import type { Query } from './background.js';
import { BackgroundJobs } from './background.js';
import type { CallbackGraph } from './callback-graph.js';
import { createInstance } from './instance.js';
import { initialWave, layoutWave, removalWave } from './layout-callbacks.js';
import { applyPatch, isPatch } from './patch.js';
import type { Queues } from './queues.js';
import { cleanStored, emptyQueues, pendingInstances, requestedPass } from './queues.js';
import { prepareRequest } from './request-body.js';
import { hasAnyOutput, isWildcardId, outputPropIds, resolveDependency, triggerBindings } from './resolve.js';
import type { PropUpdates } from './response.js';
import { classifyResponse, normalizeSideUpdate } from './response.js';
import type { AppliedProps, CallbackDef, CallbackError, Instance, LayoutView, TransportResponse } from './types.js';
import { DIRECT, INDIRECT } from './types.js';

/**
 * Sends one callback request; `query` carries the background-callback parameters (`cacheKey`, `job`,
 * `oldJob`, `cancelJob`), appended to the URL as `name=value` pairs in order.
 */
export type Transport = (request: UpdateRequest, query?: Query) => Promise<TransportResponse>;

/** A loading entry: an output prop being computed by an in-flight request (§7). */
export interface LoadingEntry {
  readonly id: string;
  readonly property: string;
}

/** What the scheduler needs from its environment. */
export interface SchedulerHost {
  readonly layout: LayoutView;
  /** Write props to the component with this id; `undefined` when it is not in the layout. */
  applyProps(id: string, props: Record<string, unknown>): AppliedProps | undefined;
  readonly transport: Transport;
  /** Run `fn` after a zero-delay timer (default `setTimeout(fn, 0)`): one pass per task (§2.2). */
  readonly defer?: ((fn: () => void) => void) | undefined;
  readonly onLoading?: ((entries: readonly LoadingEntry[], loading: boolean) => void) | undefined;
  readonly onError?: ((error: CallbackError) => void) | undefined;
  /** Called when "any non-persistent callback pending" flips (drives `update_title`, §7). */
  readonly onBusyChange?: ((busy: boolean) => void) | undefined;
  readonly suppressCallbackExceptions?: boolean | undefined;
  /** Runs a clientside callback (§6) in place of the transport, answering like the server would. */
  readonly clientside?: ((def: CallbackDef, request: UpdateRequest) => Promise<TransportResponse>) | undefined;
  /** After a `_allow_dynamic_callbacks` callback's outputs are applied: fetch the callback list again. */
  readonly refreshCallbacks?: (() => void) | undefined;
}

/** At most this many requests in flight (§2.7). */
export const MAX_IN_FLIGHT = 12;

export class Scheduler {
  readonly #graph: CallbackGraph;
  readonly #host: SchedulerHost;
  readonly #queues: Queues = emptyQueues();
  /** Background jobs being polled (§5.5). */
  readonly #jobs = new BackgroundJobs();
  #nextTicket = 1;
  #passScheduled = false;
  #busy = false;
  #idleWaiters: (() => void)[] = [];

  constructor(graph: CallbackGraph, host: SchedulerHost) {
    this.#graph = graph;
    this.#host = host;
  }

  /** Hydration (§1.5): request the initial wave for the components with these ids (document order). */
  start(ids: readonly string[]): void {
    this.#request(initialWave(this.#graph, this.#host.layout, ids));
  }

  /** A component changed props itself (user edit, derived props): trigger callbacks with those Inputs (§2.1). */
  propsChanged(id: string, properties: readonly string[]): void {
    this.#request(this.#byInput(id, properties, DIRECT, undefined));
  }

  /** Instances, requested through in flight. */
  get pending(): number {
    return pendingInstances(this.#queues).length;
  }

  /** Resolves once nothing is pending and no pass is scheduled (tests, "callbacks settled"). */
  idle(): Promise<void> {
    if (this.#isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  #isIdle(): boolean {
    return !this.#passScheduled && this.pending === 0;
  }

  /** Callbacks having one of these props as an Input, with at least one output present. */
  #byInput(
    id: string,
    properties: readonly string[],
    strength: number,
    predecessors: readonly CallbackDef[] | undefined,
  ): Instance[] {
    const found: Instance[] = [];
    for (const property of properties) {
      for (const def of this.#graph.inputsTo(id, property)) {
        // One instance per MATCH binding the trigger fires (§3.4); `''` for plain callbacks.
        for (const anyVals of triggerBindings(def, id, property, this.#host.layout)) {
          if (!def.noOutput && !hasAnyOutput(def, this.#host.layout, anyVals)) continue;
          const changed = new Map([[`${id}.${property}`, strength]]);
          found.push(createInstance(def, { anyVals, changed, predecessors }));
        }
      }
    }
    return found;
  }

  #request(instances: readonly Instance[]): void {
    if (instances.length === 0) return;
    this.#queues.requested.push(...instances);
    this.#schedulePass();
  }

  #schedulePass(): void {
    if (this.#passScheduled) return;
    this.#passScheduled = true;
    this.#updateBusy();
    const defer = this.#host.defer ?? ((fn: () => void) => void setTimeout(fn, 0));
    defer(() => {
      this.#passScheduled = false;
      requestedPass(this.#queues, this.#graph, this.#host.layout);
      this.#dispatch();
      this.#updateBusy();
    });
  }

  /** Move prioritized instances into flight while slots are free (FIFO, §2.6–§2.7). */
  #dispatch(): void {
    while (this.#queues.executing.size < MAX_IN_FLIGHT) {
      const instance = this.#queues.prioritized.shift();
      if (!instance) return;
      this.#execute(instance);
    }
  }

  #execute(instance: Instance): void {
    const layout = this.#host.layout;
    const prepared = prepareRequest(instance, layout);
    if (prepared.kind === 'skip') {
      this.#schedulePass(); // like a completion: others may now be ready
      return;
    }
    if (prepared.kind === 'error') {
      this.#report(prepared.message, '', instance.def);
      this.#store(instance, []);
      this.#schedulePass();
      return;
    }
    const ticket = this.#nextTicket++;
    this.#queues.executing.set(ticket, { ticket, instance });
    const loading = prepared.outputs.map((o) => ({ id: o.idString, property: o.property }));
    this.#host.onLoading?.(loading, true);
    this.#applyRunning(instance, 'on');
    const request = prepared.body;
    const clientside = instance.def.spec.clientside_function ? this.#host.clientside : undefined;
    Promise.resolve()
      .then(() => (clientside ? clientside(instance.def, request) : this.#serverside(instance, request)))
      .then(
        (response) => this.#settled(ticket, instance, request, response, loading),
        () => this.#failed(ticket, loading),
      )
      // A bug while applying a result must not become an unhandled rejection that stalls the queue.
      .catch((error: unknown) => {
        this.#report('dash-ts renderer: applying a callback result failed', String(error), instance.def);
        this.#queues.executing.delete(ticket);
        this.#completed();
      });
  }

  /** The server call; a background callback polls its job until it ends (background.ts, §5.5). */
  #serverside(instance: Instance, request: UpdateRequest): Promise<TransportResponse> {
    return this.#jobs.run(instance.def, request, {
      transport: this.#host.transport,
      applySide: (updates) => this.#applySideUpdate(normalizeSideUpdate(updates), instance),
    });
  }

  #settled(
    ticket: number,
    dispatched: Instance,
    request: UpdateRequest,
    response: TransportResponse,
    loading: readonly LoadingEntry[],
  ): void {
    this.#host.onLoading?.(loading, false);
    const execution = this.#queues.executing.get(ticket);
    const outcome = classifyResponse(response, request.output);
    // Side updates are applied when the answer is parsed — as Dash does, even for a superseded
    // request — and `running` off values on success, 204 and HTTP errors alike.
    const def = dispatched.def;
    if (outcome.kind === 'data' && outcome.sideUpdate) this.#applySideUpdate(outcome.sideUpdate, dispatched);
    this.#applyRunning(dispatched, 'off');
    if (!execution) {
      this.#schedulePass(); // superseded or pruned (§2.8): the response is discarded
      return;
    }
    this.#queues.executing.delete(ticket);
    const { instance } = execution;
    if (outcome.kind === 'data') {
      this.#store(instance, this.#applyOutputs(instance, outcome.data));
      // It may have registered callbacks: re-read the callback list (§1.12; no initial calls for them).
      if (def.spec.dynamic_creator === true) this.#host.refreshCallbacks?.();
    } else if (outcome.kind === 'prevented') {
      this.#store(instance, []);
    } else {
      this.#report(errorTitle(instance, request), outcome.detail, def);
      this.#store(instance, []);
    }
    this.#completed();
  }

  #failed(ticket: number, loading: readonly LoadingEntry[]): void {
    this.#host.onLoading?.(loading, false);
    const execution = this.#queues.executing.get(ticket);
    if (execution) {
      this.#queues.executing.delete(ticket);
      this.#report('Callback failed: the server did not respond.', '', execution.instance.def);
      this.#store(execution.instance, []);
    }
    this.#completed();
  }

  #completed(): void {
    cleanStored(this.#queues);
    this.#dispatch();
    this.#schedulePass();
  }

  /** Apply a response's outputs (§2.10); returns the prop ids actually updated. */
  #applyOutputs(instance: Instance, data: PropUpdates): string[] {
    const predecessors = [...(instance.predecessors ?? []), instance.def];
    const layout = this.#host.layout;
    const requests: Instance[] = [];
    const updated: string[] = [];
    for (const [id, given] of Object.entries(data)) {
      // A Patch that does not fit the current value is reported and that prop left alone (§5.2).
      const props = this.#resolvePatches(id, given, instance.def);
      const properties = Object.keys(props);
      if (properties.length === 0) continue;
      for (const p of properties) updated.push(`${id}.${p}`);
      // Dependants are found before the update, as Dash does with the old paths.
      const dependants = this.#byInput(id, properties, INDIRECT, predecessors);
      const applied = this.#host.applyProps(id, props);
      requests.push(...dependants);
      for (const chunk of applied?.chunks ?? []) {
        requests.push(...removalWave(this.#graph, layout, chunk.removedIds, predecessors));
        if (chunk.addedIds.length === 0) continue;
        const chunkIds = new Set(chunk.addedIds);
        requests.push(...layoutWave(this.#graph, layout, chunk.addedIds, { chunkIds, predecessors }));
      }
    }
    this.#request(requests);
    return updated;
  }

  /** A callback's `running` values (§5.4): `on` when dispatched, `off` when its answer arrives. */
  #applyRunning(instance: Instance, phase: 'on' | 'off'): void {
    const running = instance.def.running;
    if (running) this.#applySideUpdate(normalizeSideUpdate(running[phase]), instance);
  }

  /**
   * `set_props` / `running` updates (§5.3): applied, dependants triggered; no chunk waves, no
   * predecessors. Wildcard ids resolve relative to the instance (§3.8): MATCH to its bound values,
   * ALL to every matching component.
   */
  #applySideUpdate(updates: PropUpdates, instance: Instance): void {
    const def = instance.def;
    for (const [target, props] of Object.entries(updates)) {
      const ids = isWildcardId(target)
        ? resolveDependency(
            { id: target, property: '', allowOptional: false },
            this.#host.layout,
            instance.anyVals,
          ).map((r) => r.idString)
        : [target];
      for (const id of ids) this.#applySideProps(id, props, def);
    }
  }

  #applySideProps(id: string, given: Record<string, unknown>, def: CallbackDef): void {
    if (!this.#host.layout.has(id)) {
      if (!this.#host.suppressCallbackExceptions) {
        const detail = [
          'Component defined in running keyword not found in layout.',
          `Component id: "${id}"`,
          'This ID was used in the callback(s) for Output(s):',
          def.key,
          'You can suppress this exception by setting',
          '`suppress_callback_exceptions=True`.',
        ].join('\n');
        this.#report('ID running component not found in layout', detail, def);
      }
      return;
    }
    const props = this.#resolvePatches(id, given, def);
    if (Object.keys(props).length === 0) return;
    this.#host.applyProps(id, props);
    this.#request(this.#byInput(id, Object.keys(props), DIRECT, undefined));
  }

  /** Replace `Patch` values by the patched current values (§5.2); a failing patch is reported and skipped. */
  #resolvePatches(id: string, props: Record<string, unknown>, def: CallbackDef): Record<string, unknown> {
    if (!Object.values(props).some(isPatch)) return props;
    const out: Record<string, unknown> = {};
    for (const [property, value] of Object.entries(props)) {
      if (!isPatch(value)) {
        out[property] = value;
        continue;
      }
      try {
        out[property] = applyPatch(this.#host.layout.getProp(id, property), value);
      } catch (error) {
        this.#report(
          `Callback error updating ${id}.${property}`,
          error instanceof Error ? error.message : String(error),
          def,
        );
      }
    }
    return out;
  }

  /** Record a wave member's result for wave pruning (§2.5). */
  #store(instance: Instance, updatedProps: readonly string[]): void {
    const group = instance.executionGroup;
    if (group === undefined) return;
    const allProps = outputPropIds(instance, this.#host.layout);
    this.#queues.stored.push({ executionGroup: group, allProps, updatedProps });
  }

  #report(title: string, detail: string, def: CallbackDef | undefined): void {
    this.#host.onError?.({ title, detail, callback: def?.key ?? '', time: Date.now() });
  }

  #updateBusy(): void {
    const busy = pendingInstances(this.#queues).some((i) => !i.def.persistent);
    if (busy !== this.#busy) {
      this.#busy = busy;
      this.#host.onBusyChange?.(busy);
    }
    if (this.#isIdle() && this.#idleWaiters.length > 0) {
      const waiters = this.#idleWaiters;
      this.#idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }
}

/** "Callback error updating a.children, b.style" (or the no-output form), §12.2. */
function errorTitle(instance: Instance, request: UpdateRequest): string {
  if (instance.def.noOutput)
    return `Callback error with no output from input ${[...instance.changed.keys()].join(', ')}`;
  const outputs = [request.outputs ?? []].flat(2).map((o) => propIdString(o.id, o.property));
  return `Callback error updating ${outputs.join(', ')}`;
}
