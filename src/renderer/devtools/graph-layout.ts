/**
 * A layered (Sugiyama-style) layout of the callback graph for the dev tools, small enough to write
 * here instead of shipping a graph library: prop nodes (`id.prop`) and callback nodes, edges from
 * Inputs/States to their callback and from the callback to its Outputs, flowing left to right.
 * Steps: reverse back edges (cycles are possible: circular callbacks), longest-path layering,
 * barycenter ordering sweeps to reduce crossings, then coordinates. Pure; no DOM.
 */

export interface GraphCallback {
  readonly key: string;
  readonly inputs: readonly { readonly id: string; readonly property: string }[];
  readonly state: readonly { readonly id: string; readonly property: string }[];
  readonly outputs: readonly { readonly id: string; readonly property: string }[];
}

export type EdgeKind = 'input' | 'state' | 'output';

export interface LaidNode {
  readonly key: string;
  readonly kind: 'prop' | 'callback';
  /** Prop nodes: the component id and the prop; callback nodes: the callback key. */
  readonly lines: readonly string[];
  readonly callback?: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface LaidEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  /** SVG path data. */
  readonly d: string;
}

export interface GraphLayout {
  readonly nodes: readonly LaidNode[];
  readonly edges: readonly LaidEdge[];
  readonly width: number;
  readonly height: number;
}

/** Sizes in SVG user units; text is estimated at CHAR px per character (monospace). */
export const CHAR = 7;
const LINE = 15;
const PAD = 8;
const GAP_X = 70;
const GAP_Y = 14;
const MAX_CHARS = 40;
/** Height of a dummy node (where a long edge crosses a layer). */
const DUMMY_HEIGHT = 6;
/** Lines of a callback node besides its key (the stats line). */
const CALLBACK_EXTRA_LINES = 1;

function clip(text: string): string {
  return text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text;
}

export function propNodeKey(id: string, property: string): string {
  return `p:${id}.${property}`;
}

export function callbackNodeKey(key: string): string {
  return `c:${key}`;
}

interface RawNode {
  key: string;
  kind: 'prop' | 'callback';
  lines: string[];
  callback?: string;
}

export function layoutGraph(callbacks: readonly GraphCallback[]): GraphLayout {
  const nodes = new Map<string, RawNode>();
  const edges: { from: string; to: string; kind: EdgeKind }[] = [];
  const propNode = (id: string, property: string): string => {
    const key = propNodeKey(id, property);
    if (!nodes.has(key)) nodes.set(key, { key, kind: 'prop', lines: [clip(id), `.${clip(property)}`] });
    return key;
  };
  for (const cb of callbacks) {
    const key = callbackNodeKey(cb.key);
    nodes.set(key, {
      key,
      kind: 'callback',
      lines: [clip(cb.outputs.length === 0 ? 'callback (no output)' : 'callback')],
      callback: cb.key,
    });
    for (const dep of cb.inputs) edges.push({ from: propNode(dep.id, dep.property), to: key, kind: 'input' });
    for (const dep of cb.state) edges.push({ from: propNode(dep.id, dep.property), to: key, kind: 'state' });
    for (const out of cb.outputs) edges.push({ from: key, to: propNode(out.id, out.property), kind: 'output' });
  }
  const order = [...nodes.keys()];

  // 1. Acyclic: a DFS in insertion order; an edge to a node on the stack is a back edge, reversed for layering.
  const out = new Map<string, string[]>(order.map((k) => [k, []]));
  for (const e of edges) out.get(e.from)?.push(e.to);
  const state = new Map<string, 1 | 2>();
  const back = new Set<string>();
  for (const start of order) {
    if (state.has(start)) continue;
    const stack: { node: string; next: number }[] = [{ node: start, next: 0 }];
    state.set(start, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const targets = out.get(top.node) ?? [];
      if (top.next >= targets.length) {
        state.set(top.node, 2);
        stack.pop();
        continue;
      }
      const to = targets[top.next++]!;
      if (state.get(to) === 1) back.add(`${top.node}\u0000${to}`);
      else if (!state.has(to)) {
        state.set(to, 1);
        stack.push({ node: to, next: 0 });
      }
    }
  }
  const dag = edges.map((e) => (back.has(`${e.from}\u0000${e.to}`) ? { from: e.to, to: e.from } : e));

  // 2. Longest-path layers (Kahn's order over the DAG).
  const preds = new Map<string, string[]>(order.map((k) => [k, []]));
  const succs = new Map<string, string[]>(order.map((k) => [k, []]));
  const indegree = new Map<string, number>(order.map((k) => [k, 0]));
  for (const e of dag) {
    if (e.from === e.to) continue;
    preds.get(e.to)!.push(e.from);
    succs.get(e.from)!.push(e.to);
    indegree.set(e.to, indegree.get(e.to)! + 1);
  }
  const layerOf = new Map<string, number>();
  const queue = order.filter((k) => indegree.get(k) === 0);
  for (let i = 0; i < queue.length; i += 1) {
    const node = queue[i]!;
    const layer = Math.max(0, ...preds.get(node)!.map((p) => (layerOf.get(p) ?? 0) + 1));
    layerOf.set(node, layer);
    for (const s of succs.get(node)!) {
      indegree.set(s, indegree.get(s)! - 1);
      if (indegree.get(s) === 0) queue.push(s);
    }
  }
  // Edges spanning several layers pass through one dummy node per layer crossed, so that they are
  // ordered with the real nodes and never run through a box.
  const dummies = new Set<string>();
  const chains = dag.map((e, i) => {
    const chain = [e.from];
    for (let l = (layerOf.get(e.from) ?? 0) + 1; l < (layerOf.get(e.to) ?? 0); l += 1) {
      const key = `d:${i}:${l}`;
      layerOf.set(key, l);
      dummies.add(key);
      chain.push(key);
    }
    chain.push(e.to);
    return chain;
  });
  const all = [...order, ...dummies];
  const up = new Map<string, string[]>(all.map((k) => [k, []]));
  const down = new Map<string, string[]>(all.map((k) => [k, []]));
  for (const chain of chains) {
    for (let j = 1; j < chain.length; j += 1) {
      up.get(chain[j]!)!.push(chain[j - 1]!);
      down.get(chain[j - 1]!)!.push(chain[j]!);
    }
  }
  const layers: string[][] = [];
  for (const k of all) {
    const layer = layerOf.get(k) ?? 0;
    (layers[layer] ??= []).push(k);
  }

  // 3. Barycenter sweeps: order each layer by the mean position of its neighbours in the previous one.
  const position = new Map<string, number>();
  layers.forEach((layer) => layer.forEach((k, i) => position.set(k, i)));
  for (let sweep = 0; sweep < 4; sweep += 1) {
    const downward = sweep % 2 === 0;
    const range = downward ? [...layers.keys()] : [...layers.keys()].reverse();
    for (const l of range) {
      const layer = layers[l];
      if (!layer) continue;
      const weight = new Map(
        layer.map((k) => {
          const near = (downward ? up : down).get(k)!;
          const mean =
            near.length === 0 ? position.get(k)! : near.reduce((s, n) => s + position.get(n)!, 0) / near.length;
          return [k, mean] as const;
        }),
      );
      layer.sort((a, b) => weight.get(a)! - weight.get(b)! || position.get(a)! - position.get(b)!);
      layer.forEach((k, i) => position.set(k, i));
    }
  }

  // 4. Coordinates: one column per layer, nodes stacked and centred vertically.
  const size = (key: string): { width: number; height: number } => {
    const node = nodes.get(key);
    if (!node) return { width: 0, height: DUMMY_HEIGHT };
    const lines = node.lines.length + (node.kind === 'callback' ? CALLBACK_EXTRA_LINES : 0);
    const chars = Math.max(...node.lines.map((l) => l.length), node.kind === 'callback' ? 18 : 0);
    return { width: chars * CHAR + 2 * PAD, height: lines * LINE + PAD };
  };
  const boxes = new Map<string, { x: number; y: number; width: number; height: number }>();
  const columns = layers.map((layer) => layer.map((key) => ({ key, ...size(key) })));
  const heights = columns.map((c) => c.reduce((s, n) => s + n.height, 0) + GAP_Y * Math.max(0, c.length - 1));
  const height = Math.max(0, ...heights) + 2 * PAD;
  let x = PAD;
  columns.forEach((column, l) => {
    const width = Math.max(0, ...column.map((n) => n.width));
    let y = PAD + (height - 2 * PAD - heights[l]!) / 2;
    for (const n of column) {
      boxes.set(n.key, { x: x + (width - n.width) / 2, y, width: n.width, height: n.height });
      y += n.height + GAP_Y;
    }
    x += width + GAP_X;
  });
  const width = Math.max(2 * PAD, x - GAP_X + PAD);
  const laid: LaidNode[] = order.map((key) => {
    const node = nodes.get(key)!;
    return {
      key,
      kind: node.kind,
      lines: node.lines,
      ...(node.callback === undefined ? {} : { callback: node.callback }),
      ...boxes.get(key)!,
    };
  });

  // Edges: from the right side of the source through the dummies to the left side of the target,
  // as horizontal-tangent curves; a reversed (back) edge is drawn the other way round.
  const laidEdges = edges.map((e, i): LaidEdge => {
    const chain = chains[i]!;
    const points = chain.map((key, j) => {
      const box = boxes.get(key)!;
      const side = j === 0 ? box.width : j === chain.length - 1 ? 0 : box.width / 2;
      return { x: box.x + side, y: box.y + box.height / 2 };
    });
    if (dag[i] !== e) points.reverse();
    let d = `M${points[0]!.x},${points[0]!.y}`;
    for (let j = 1; j < points.length; j += 1) {
      const p = points[j - 1]!;
      const q = points[j]!;
      const dx = (q.x - p.x) / 2;
      d += ` C${p.x + dx},${p.y} ${q.x - dx},${q.y} ${q.x},${q.y}`;
    }
    return { ...e, d };
  });
  return { nodes: laid, edges: laidEdges, width, height };
}
