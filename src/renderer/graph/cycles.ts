/**
 * Debug-mode cycle check of the callback graph (spec/callbacks.md §1.5 step 4, §2.9;
 * `R:actions/dependencies.js#computeGraphs`): a graph of declared prop ids, input → output per
 * callback, sorted topologically; a cycle is reported as "Circular Dependencies" and the app keeps
 * running (the runtime rule of §2.9 stops the loops). A prop that is both an Input and an Output of
 * the same callback is not a cycle by itself (§1.7), so that self-edge is left out.
 */
import type { CallbackDef } from './types.js';

/** The first cycle found, as prop ids with the start repeated at the end; undefined when acyclic. */
export function findDependencyCycle(callbacks: readonly CallbackDef[]): string[] | undefined {
  const edges = new Map<string, Set<string>>();
  for (const def of callbacks) {
    for (const input of def.inputs) {
      const from = `${input.id}.${input.property}`;
      for (const output of def.outputs) {
        const to = `${output.id}.${output.clean}`;
        if (to === from) continue;
        let targets = edges.get(from);
        if (!targets) edges.set(from, (targets = new Set()));
        targets.add(to);
      }
    }
  }
  // Iterative DFS with colours; the grey path is the current chain.
  const state = new Map<string, 'grey' | 'black'>();
  for (const start of edges.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [];
    const stack: { node: string; next: Iterator<string> }[] = [];
    const enter = (node: string): void => {
      state.set(node, 'grey');
      path.push(node);
      stack.push({ node, next: (edges.get(node) ?? new Set<string>()).values() });
    };
    enter(start);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const step = top.next.next();
      if (step.done) {
        state.set(top.node, 'black');
        stack.pop();
        path.pop();
        continue;
      }
      const seen = state.get(step.value);
      if (seen === 'grey') return [...path.slice(path.indexOf(step.value)), step.value];
      if (seen === undefined) enter(step.value);
    }
  }
  return undefined;
}

/** Dash's dev-tools text for a cycle. */
export function cycleMessage(cycle: readonly string[]): string {
  return `Dependency Cycle Found: ${cycle.join(' -> ')}`;
}
