/**
 * What dcc.Graph writes back from plotly.js events, as pure functions (spec/components.md §3.1):
 * point filtering (no figure objects, customdata looked up), annotation clicks, shape edits, the
 * extendData/prependData argument forms, and the responsive overrides. No DOM; tested in Node.
 */

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keep a field of a plotly point? Only scalars: objects and arrays (data, fullData, xaxis...) are dropped. */
function isScalar(value: unknown): boolean {
  if (value === null) return true;
  return typeof value !== 'object' && typeof value !== 'function' && value !== undefined;
}

/** The customdata of one point, looked up in the trace the way Dash does. */
function pointCustomdata(point: Json, traces: readonly unknown[]): { found: boolean; value?: unknown } {
  const curve = point['curveNumber'];
  if (typeof curve !== 'number') return { found: false };
  const trace = traces[curve];
  if (!isRecord(trace) || !('customdata' in trace)) return { found: false };
  const customdata = trace['customdata'];
  const pick = (index: unknown): unknown =>
    Array.isArray(customdata) && typeof index === 'number' ? customdata[index] : undefined;
  if ('pointNumber' in point) {
    const pointNumber = point['pointNumber'];
    if (typeof pointNumber === 'number') return { found: true, value: pick(pointNumber) };
    // A line hovered as a whole (e.g. fills) has no point number: Dash hands over the whole array.
    const data = point['data'];
    const mode = isRecord(data) ? data['mode'] : undefined;
    if (!pointNumber && typeof mode === 'string' && mode.includes('lines')) return { found: true, value: customdata };
    return { found: false };
  }
  const pointNumbers = point['pointNumbers'];
  if (Array.isArray(pointNumbers)) return { found: true, value: pointNumbers.map(pick) };
  return { found: false };
}

/** One event point reduced to what Dash sends: scalars, bbox, customdata, pointNumbers. */
export function filterPoint(point: unknown, traces: readonly unknown[]): Json {
  if (!isRecord(point)) return {};
  const out: Json = {};
  for (const [key, value] of Object.entries(point)) if (isScalar(value)) out[key] = value;
  if (isRecord(point['bbox'])) out['bbox'] = { ...point['bbox'] };
  const custom = pointCustomdata(point, traces);
  if (custom.found) out['customdata'] = custom.value;
  if (Array.isArray(point['pointNumbers'])) out['pointNumbers'] = [...(point['pointNumbers'] as unknown[])];
  return out;
}

/**
 * click / hover / selected event data as Dash writes it: `{points}` (plus `range` or
 * `lassoPoints` for selections), or null when plotly sent nothing.
 * `traces` is the graph div's `data` (the input traces, where customdata lives).
 */
export function filterPointsEvent(eventData: unknown, traces: readonly unknown[]): Json | null {
  if (!isRecord(eventData)) return null;
  const points = Array.isArray(eventData['points']) ? eventData['points'] : [];
  const out: Json = { points: points.map((p) => filterPoint(p, traces)) };
  if ('range' in eventData && eventData['range'] !== undefined) out['range'] = eventData['range'];
  if ('lassoPoints' in eventData && eventData['lassoPoints'] !== undefined)
    out['lassoPoints'] = eventData['lassoPoints'];
  return out;
}

/** clickData: the filtered points plus a timestamp, so clicking the same point twice still changes the prop. */
export function clickEvent(eventData: unknown, traces: readonly unknown[], now: number): Json | null {
  const filtered = filterPointsEvent(eventData, traces);
  return filtered ? { ...filtered, timestamp: now } : null;
}

/** clickAnnotationData: plotly's payload without the DOM event and the full (defaulted) annotation. */
export function clickAnnotationEvent(eventData: unknown, now: number): Json | null {
  if (!isRecord(eventData)) return null;
  const out: Json = {};
  for (const [key, value] of Object.entries(eventData)) {
    if (key !== 'event' && key !== 'fullAnnotation') out[key] = value;
  }
  return { ...out, timestamp: now };
}

/** Does a relayout edit touch `layout.shapes` (drawing, moving or deleting shapes)? */
export function isShapeEdit(relayoutData: unknown): boolean {
  if (!isRecord(relayoutData)) return false;
  return Object.keys(relayoutData).some((key) => key === 'shapes' || key.startsWith('shapes['));
}

/** One Plotly.extendTraces / prependTraces call. */
export interface TraceUpdate {
  readonly update: Record<string, unknown[]>;
  readonly indices: number[];
  readonly maxPoints?: unknown;
}

/**
 * Read an extendData/prependData value: `[update, traceIndices?, maxPoints?]` or a bare update
 * object. Trace indices default to 0..n-1, n being the length of the update's first array.
 * Returns null for a value that is not an update (it is then ignored).
 */
export function parseTraceUpdate(value: unknown): TraceUpdate | null {
  let update: unknown = value;
  let indices: unknown;
  let maxPoints: unknown;
  if (Array.isArray(value) && typeof value[0] === 'object' && value[0] !== null) {
    [update, indices, maxPoints] = value as unknown[];
  }
  if (!isRecord(update)) return null;
  const entries = Object.entries(update);
  if (entries.length === 0 || !entries.every(([, v]) => Array.isArray(v))) return null;
  const first = entries[0]?.[1] as unknown[];
  const traceIndices = Array.isArray(indices)
    ? indices.filter((i): i is number => Number.isInteger(i))
    : Array.from({ length: first.length }, (_, i) => i);
  return {
    update: update as Record<string, unknown[]>,
    indices: traceIndices,
    ...(maxPoints === undefined || maxPoints === null ? {} : { maxPoints }),
  };
}

export type Responsive = boolean | 'auto' | undefined;

/** Config keys forced by `responsive` (true forces resizing on, false off, 'auto' leaves config alone). */
export function configOverride(responsive: Responsive): Json {
  if (responsive === true) return { responsive: true };
  if (responsive === false) return { responsive: false };
  return {};
}

/** Layout keys forced by `responsive`: true autosizes and drops fixed width/height; false turns autosize off. */
export function layoutOverride(responsive: Responsive): Json {
  if (responsive === true) return { autosize: true, width: undefined, height: undefined };
  if (responsive === false) return { autosize: false };
  return {};
}

/** Should the plot follow its container's size? ('auto': config.responsive and a layout that can autosize.) */
export function isResponsive(responsive: Responsive, config: Json | undefined, layout: Json | undefined): boolean {
  if (typeof responsive === 'boolean') return responsive;
  if (!config?.['responsive']) return false;
  if (!layout) return true;
  const autosize = layout['autosize'];
  const canAutosize = autosize === undefined || autosize === null || Boolean(autosize);
  const height = layout['height'];
  const width = layout['width'];
  return canAutosize && (height === undefined || height === null || width === undefined || width === null);
}

/** The outer div's style: with responsive=true and no height given, fill the parent's height. */
export function graphStyle(
  style: Record<string, string | number> | undefined,
  responsive: Responsive,
): Record<string, string | number> | undefined {
  if (responsive !== true) return style;
  if (style?.['height']) return style;
  return { ...style, height: '100%' };
}
