// Dominator trees over a function's flow graph (Cooper, Harvey & Kennedy, "A Simple, Fast
// Dominance Algorithm"), with normal and exceptional edges; iterative, so no recursion depth.
import type { FileIR, FlowNode } from '../model/ir.js';

export interface Dominators {
  /** Immediate dominator of each node; -1 for the entry and for unreachable nodes. */
  idom: Int32Array;
  reachable: Uint8Array;
}

/**
 * `terminal(i)` marks nodes after which control never continues normally (a call that never
 * returns): their normal successors are dropped, their exceptional ones kept.
 */
export function computeDominators(nodes: FlowNode[], terminal: (i: number) => boolean = () => false): Dominators {
  const n = nodes.length;
  const succ = (i: number): number[] => (terminal(i) ? nodes[i]!.exc : [...nodes[i]!.next, ...nodes[i]!.exc]);
  const order = reversePostorder(n, succ);
  const rpo = new Int32Array(n).fill(-1);
  order.forEach((node, i) => (rpo[node] = i));
  const preds: number[][] = Array.from({ length: n }, () => []);
  for (const i of order) for (const s of succ(i)) preds[s]!.push(i);
  const idom = new Int32Array(n).fill(-1);
  idom[0] = 0;
  let changed = true;
  while (changed) {
    changed = false;
    for (const b of order) {
      if (b === 0) continue;
      let best = -1;
      for (const p of preds[b]!) {
        if (idom[p] === -1) continue;
        best = best === -1 ? p : intersect(idom, rpo, p, best);
      }
      if (best !== -1 && idom[b] !== best) {
        idom[b] = best;
        changed = true;
      }
    }
  }
  idom[0] = -1;
  const reachable = new Uint8Array(n);
  for (const i of order) reachable[i] = 1;
  return { idom, reachable };
}

function intersect(idom: Int32Array, rpo: Int32Array, a: number, b: number): number {
  while (a !== b) {
    while (rpo[a]! > rpo[b]!) a = idom[a] === -1 ? 0 : idom[a]!;
    while (rpo[b]! > rpo[a]!) b = idom[b] === -1 ? 0 : idom[b]!;
  }
  return a;
}

/** Does `a` dominate `b` (every path from the entry to b passes through a)? Reflexive. */
export function dominates(d: Dominators, a: number, b: number): boolean {
  if (!d.reachable[b] || !d.reachable[a]) return false;
  for (let x = b; x !== -1; x = d.idom[x]!) if (x === a) return true;
  return false;
}

/** Is `to` reachable from `from` along normal and exceptional edges? */
export function reaches(nodes: FlowNode[], from: number, to: number, terminal: (i: number) => boolean = () => false): boolean {
  const seen = new Uint8Array(nodes.length);
  const stack = [from];
  while (stack.length > 0) {
    const x = stack.pop()!;
    if (x === to) return true;
    if (seen[x]) continue;
    seen[x] = 1;
    const node = nodes[x]!;
    for (const s of terminal(x) ? node.exc : [...node.next, ...node.exc]) if (!seen[s]) stack.push(s);
  }
  return false;
}

/** Nodes reached from `starts` (included), following the edges `onward` picks for each node. */
export function reachFrom(nodes: FlowNode[], starts: number[], onward: (node: FlowNode) => number[]): Set<number> {
  const seen = new Set(starts.filter((n) => nodes[n]));
  const stack = [...seen];
  while (stack.length > 0) {
    for (const s of onward(nodes[stack.pop()!]!)) {
      if (seen.has(s) || !nodes[s]) continue;
      seen.add(s);
      stack.push(s);
    }
  }
  return seen;
}

/**
 * Call sites of a file no run reaches: each of their flow nodes is past an unconditional `return`
 * or `throw` (a handler switched off by an early answer). Sites without a node are not among them.
 */
export function deadSites(ir: FileIR): Set<number> {
  let dead = deadSiteMemo.get(ir);
  if (dead) return dead;
  const live = new Set<number>();
  const placed = new Set<number>();
  for (const f of ir.functions) {
    const reached = reachFrom(f.nodes, [0], (n) => [...n.next, ...n.exc]);
    f.nodes.forEach((n, i) => {
      if (n.site === undefined) return;
      placed.add(n.site);
      if (reached.has(i)) live.add(n.site);
    });
  }
  dead = new Set([...placed].filter((s) => !live.has(s)));
  deadSiteMemo.set(ir, dead);
  return dead;
}

const deadSiteMemo = new WeakMap<FileIR, Set<number>>();

/** Nodes reachable from node 0 in reverse postorder (every node before its successors, loops aside). */
export function reversePostorder(n: number, succ: (i: number) => number[]): number[] {
  const order: number[] = [];
  const seen = new Uint8Array(n);
  const stack: [number, number][] = [[0, 0]];
  seen[0] = 1;
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const out = succ(top[0]);
    if (top[1] < out.length) {
      const next = out[top[1]++]!;
      if (!seen[next]) {
        seen[next] = 1;
        stack.push([next, 0]);
      }
    } else {
      order.push(top[0]);
      stack.pop();
    }
  }
  return order.reverse();
}
