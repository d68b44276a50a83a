/**
 * The shapes the scheduler works with (spec/callbacks.md §1.1–§1.4). Pure data: no DOM, no React,
 * so the whole graph/ folder runs under Node for its tests.
 *
 * Ids are always compared as *stringified* ids (`stringifyId`), the way Dash's renderer does; a
 * dependency whose id holds a wildcard (`["MATCH"]`, `["ALL"]`, `["ALLSMALLER"]`) is resolved by
 * `resolve.ts`, the one place that will learn pattern matching.
 */
import type { ComponentId } from '../../shared/prop-id.js';
import type { CallbackSpec } from '../../shared/protocol.js';

/** One declared Input or State: `id` as written in `_dash-dependencies` (stringified). */
export interface DependencyRef {
  readonly id: string;
  readonly property: string;
  readonly allowOptional: boolean;
}

/** One declared Output. `property` keeps an `allow_duplicate` `@hash`; `clean` is the prop name. */
export interface OutputRef {
  readonly id: string;
  readonly property: string;
  readonly clean: string;
}

/** One entry of `_dash-dependencies`, parsed (a callback *definition*). */
export interface CallbackDef {
  /** Position in `_dash-dependencies` (stable order for iteration). */
  readonly index: number;
  /** The callback key (`output` of the spec), echoed as `output` in every request. */
  readonly key: string;
  readonly outputs: readonly OutputRef[];
  readonly inputs: readonly DependencyRef[];
  readonly state: readonly DependencyRef[];
  /** Multi-output key (`..a.b...c.d..`): the request's `outputs` is an array. */
  readonly multi: boolean;
  readonly noOutput: boolean;
  readonly preventInitialCall: boolean;
  /** Excluded from the global "busy" state (`update_title`). */
  readonly persistent: boolean;
  /** `running` side updates, applied when dispatched and when settled (§5.4). */
  readonly running: { readonly on: Record<string, unknown>; readonly off: Record<string, unknown> } | undefined;
  readonly spec: CallbackSpec;
}

/** A dependency resolved against the current layout: one concrete component prop. */
export interface ResolvedProp {
  readonly id: ComponentId;
  /** The stringified id. */
  readonly idString: string;
  /** The clean prop name (no `@hash`). */
  readonly property: string;
  /** `idString.property`. */
  readonly propId: string;
}

/** How strongly a prop id triggered an instance: a user edit (2) or a callback output (1). */
export const DIRECT = 2;
export const INDIRECT = 1;

/**
 * A callback *instance*: a definition bound to its MATCH values (`anyVals`: the stringified
 * `{key: value}` of the bound MATCH keys, `''` when none; see resolve.ts) and
 * the reasons it was requested. Instances are immutable; merging makes a new one.
 */
export interface Instance {
  readonly def: CallbackDef;
  readonly anyVals: string;
  /** De-duplication key (§1.4 unique identifier). */
  readonly uid: string;
  /** prop id → strength, in trigger order; its keys become `changedPropIds`. */
  readonly changed: ReadonlyMap<string, number>;
  /** Scheduled because its outputs appeared (page load or a new layout chunk). */
  readonly initialCall: boolean;
  /** The wave (execution group) it belongs to, for pruning after PreventUpdate (§2.5). */
  readonly executionGroup: number | undefined;
  /** Definitions of the chain that produced it (§2.9). */
  readonly predecessors: readonly CallbackDef[] | undefined;
}

/** What the scheduler reads from the layout. Implemented by the renderer's store. */
export interface LayoutView {
  /** Is a component with this stringified id in the layout? */
  has(id: string): boolean;
  /** A prop's value as component JSON (undefined when unset or the component is missing). */
  getProp(id: string, property: string): unknown;
  /** Every stringified string id in the layout (for the "nonexistent object" message). */
  stringIds(): Iterable<string>;
  /** Every stringified dict id in the layout, in document order (pattern matching, §3.3–§3.4). */
  dictIds(): Iterable<string>;
}

/** A component-valued prop that an update replaced: the ids inside the new value, in document order. */
export interface ReplacedChunk {
  readonly property: string;
  readonly addedIds: readonly string[];
  readonly removedIds: readonly string[];
}

/** What applying props to one component did. */
export interface AppliedProps {
  readonly chunks: readonly ReplacedChunk[];
}

/** The `{status, body}` a transport returns; `body` is parsed JSON or the raw text. */
export interface TransportResponse {
  readonly status: number;
  readonly body: unknown;
}

/** A callback error to show (dev tools) or log (production), spec/callbacks.md §12.2. */
export interface CallbackError {
  readonly title: string;
  /** Server response text (traceback in debug mode), or the client-side error message. */
  readonly detail: string;
  readonly callback: string;
  readonly time: number;
}
