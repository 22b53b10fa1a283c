// "On every chain from an entry point to a call site, does evidence dominate the call?" A chain
// is a sequence of call edges; the pair holds when, on each chain, some frame has evidence that
// dominates the call leading on (or the target call itself). Decided as reachability over the
// edges evidence does not cover, so cycles and many chains cost no more than one search.
import type { CallEdge, CallGraph } from '../graph/call-graph.js';
import type { Value } from '../model/values.js';
import { valueKey, type Evaluator } from '../symbols/evaluate.js';
import type { EvidenceNode, FlowFacts } from './flow-facts.js';
import { parseFnKey, reachableFrom, type Program } from './program.js';
import { addTo } from '../util/multimap.js';
import { keyedMemo } from '../util/memo.js';

export interface ChainResult {
  holds: boolean;
  /** A failing chain when the pair fails, the shortest chain when it holds. */
  chain: CallEdge[];
  /** Evidence on the reported chain (holding pairs), with the function it sits in. */
  evidence: (EvidenceNode & { fn: string }) | null;
  /**
   * Every step's evidence on that chain, outermost first (`evidence` is the first): a job that lists
   * pending bookings and hands a helper an id, which the helper reads the booking by again, has both.
   */
  covering: (EvidenceNode & { fn: string })[];
  approximate: boolean;
}

export interface ChainTarget {
  fn: string;
  site: number;
}

export function evidenceOnEveryChain(program: Program, flow: FlowFacts, entry: string, target: ChainTarget): ChainResult {
  const coverOf = (fn: string, site: number) => coverMemo(flow, fn, site);
  const targetCover = coverOf(target.fn, target.site);

  if (!targetCover) {
    const bad = chainIn(shortestTree(program, flow, entry, (e) => !edgeCover(flow, e)), entry, target.fn);
    if (bad) return { holds: false, chain: bad, evidence: null, covering: [], approximate: bad.some((e) => e.kind === 'approximate') };
  }
  const chain = chainIn(shortestTree(program, null, entry, () => true), entry, target.fn) ?? [];
  const covering: ChainResult['covering'] = [];
  for (const e of chain) {
    const c = edgeCover(flow, e);
    if (c) covering.push({ ...c, fn: e.from });
  }
  if (targetCover) covering.push({ ...targetCover, fn: target.fn });
  return { holds: true, chain, evidence: covering[0] ?? null, covering, approximate: chain.some((e) => e.kind === 'approximate') };
}

const covers = keyedMemo<FlowFacts, EvidenceNode | null>();

function coverMemo(flow: FlowFacts, fn: string, site: number): EvidenceNode | null {
  return covers(flow, `${fn}@${site}`, () => coveringEvidence(flow, fn, site));
}

const edgeCovers = new WeakMap<FlowFacts, WeakMap<CallEdge, EvidenceNode | null>>();

/** The evidence covering an edge's call, by the edge: a search from each entry asks it of every edge it meets. */
function edgeCover(flow: FlowFacts, e: CallEdge): EvidenceNode | null {
  let byEdge = edgeCovers.get(flow);
  if (!byEdge) edgeCovers.set(flow, (byEdge = new WeakMap()));
  let hit = byEdge.get(e);
  if (hit === undefined) byEdge.set(e, (hit = coverMemo(flow, e.from, e.site)));
  return hit;
}

const sortedOut = new WeakMap<CallGraph, Map<string, CallEdge[]>>();

/** A function's outgoing edges by file, then site: the order searches take them in, sorted once per graph. */
function outInOrder(program: Program, fn: string): CallEdge[] {
  let byFn = sortedOut.get(program.graph);
  if (!byFn) sortedOut.set(program.graph, (byFn = new Map()));
  let edges = byFn.get(fn);
  if (!edges) byFn.set(fn, (edges = [...(program.graph.out.get(fn) ?? [])].sort((a, b) => (a.file === b.file ? a.site - b.site : a.file < b.file ? -1 : 1))));
  return edges;
}

/**
 * Breadth-first trees from an entry (the edge each function was first reached by), kept per call
 * graph and evidence kind. One entry reaching 4,000 payments searched the graph once per payment
 * (27 s); a tree answers every target's shortest chain. A shortest chain to a target only passes
 * functions that reach the target, so the tree's chain is the one a search limited to them finds.
 * Trees are kept up to a total size: many entries over a large graph would otherwise hold a copy
 * of it each.
 */
type Tree = Map<string, CallEdge>;
const trees = new WeakMap<object, WeakMap<object, { byEntry: Map<string, Tree>; size: number }>>();
const TREE_BUDGET = 1_000_000;

function shortestTree(program: Program, flow: FlowFacts | null, entry: string, allowed: (e: CallEdge) => boolean): Tree {
  let byGraph = trees.get(program.graph);
  if (!byGraph) trees.set(program.graph, (byGraph = new WeakMap()));
  const owner = flow ?? program;
  let cache = byGraph.get(owner);
  if (!cache) byGraph.set(owner, (cache = { byEntry: new Map(), size: 0 }));
  const hit = cache.byEntry.get(entry);
  if (hit) return hit;
  const parent: Tree = new Map();
  const queue = [entry];
  const seen = new Set([entry]);
  for (let i = 0; i < queue.length; i++) {
    const fn = queue[i]!;
    // Deterministic order: by file, then site.
    for (const e of outInOrder(program, fn)) {
      if (seen.has(e.to) || !allowed(e)) continue;
      seen.add(e.to);
      parent.set(e.to, e);
      queue.push(e.to);
    }
  }
  for (const [k, t] of cache.byEntry) {
    if (cache.size + parent.size <= TREE_BUDGET) break;
    cache.byEntry.delete(k);
    cache.size -= t.size;
  }
  cache.byEntry.set(entry, parent);
  cache.size += parent.size;
  return parent;
}

function chainIn(tree: Tree, from: string, to: string): CallEdge[] | null {
  if (from === to) return [];
  if (!tree.has(to)) return null;
  const chain: CallEdge[] = [];
  for (let x: string = to; x !== from; x = tree.get(x)!.from) chain.push(tree.get(x)!);
  return chain.reverse();
}

/**
 * Evidence holding on every path to every flow node of a call site (a site can have several:
 * finally copies), before the call runs: what the call itself guarantees holds only after it.
 */
function coveringEvidence(flow: FlowFacts, fn: string, site: number): EvidenceNode | null {
  const nodes = flow.siteNodes(fn, site);
  const dom = flow.dominators(fn);
  if (!dom || nodes.length === 0) return null;
  let found: EvidenceNode | null = null;
  for (const node of nodes) {
    if (!dom.reachable[node]) continue;
    const e = flow.stateBefore(fn, node);
    if (!e) return null;
    found ??= e;
  }
  return found;
}

/**
 * Up to `limit` call chains from `entry` to `target` that visit no function twice, in a stable
 * order (edges by file, then site): enough to evaluate a helper as each of a few callers binds it.
 */
export function chainsTo(program: Program, entry: string, target: string, limit = 8): CallEdge[][] {
  const onChain = onChainsBetween(program, entry, target);
  const out: CallEdge[][] = [];
  const chain: CallEdge[] = [];
  const visiting = new Set<string>([entry]);
  let budget = 4096; // edges tried: dense graphs give up early rather than enumerate
  const walk = (fn: string) => {
    if (out.length >= limit || --budget < 0) return;
    if (fn === target) {
      out.push([...chain]);
      return;
    }
    const edges = outInOrder(program, fn).filter((e) => e.kind !== 'deferred' && onChain.has(e.to) && !visiting.has(e.to));
    for (const e of edges) {
      visiting.add(e.to);
      chain.push(e);
      walk(e.to);
      chain.pop();
      visiting.delete(e.to);
    }
  };
  walk(entry);
  return out;
}

/**
 * Functions on some chain from `entry` to `target`: reached from the entry and reaching the target.
 * Searched backwards inside the forward set only, so a helper that a thousand routes call costs
 * each route its own chain, not the thousand callers.
 */
function onChainsBetween(program: Program, entry: string, target: string): Set<string> {
  const forward = reachableFrom(program.graph, entry);
  if (!forward.has(target)) return new Set<string>();
  // The target's callers outside the forward set never matter: walk back over the forward set's own edges.
  const callers = forwardCallers(program.graph, entry, forward);
  const on = new Set<string>([target]);
  const stack = [target];
  while (stack.length > 0) {
    for (const from of callers.get(stack.pop()!) ?? []) {
      if (on.has(from)) continue;
      on.add(from);
      stack.push(from);
    }
  }
  return on;
}

const callersKept = new WeakMap<CallGraph, { byEntry: Map<string, Map<string, string[]>>; size: number }>();
/** Caller lists kept per graph, in edges: a route that reaches 2,000 helpers asks for chains to each. */
const CALLERS_KEPT = 2_000_000;

/** Callers of each function of an entry's forward set, over the set's own edges: built once per entry, within a budget. */
function forwardCallers(graph: CallGraph, entry: string, forward: ReadonlySet<string>): Map<string, string[]> {
  let kept = callersKept.get(graph);
  if (!kept) callersKept.set(graph, (kept = { byEntry: new Map(), size: 0 }));
  const hit = kept.byEntry.get(entry);
  if (hit) return hit;
  const callers = new Map<string, string[]>();
  let edges = 0;
  for (const from of forward) {
    for (const e of graph.out.get(from) ?? []) {
      addTo(callers, e.to, from);
      edges++;
    }
  }
  if (kept.size + edges <= CALLERS_KEPT) {
    kept.byEntry.set(entry, callers);
    kept.size += edges;
  }
  return callers;
}

/**
 * An evaluator that follows one chain: a parameter of a function called on the chain holds what
 * that call passes, not what every caller of the function passes.
 */
export function chainEvaluator(program: Program, chain: CallEdge[], entry: string | null = chain[0]?.from ?? null): Evaluator {
  const passed = new Map<string, CallEdge>();
  // A call resolved by method name is, on this chain, the call taken: its arguments count as a direct call's.
  for (const e of chain) if ((e.kind === 'call' || e.kind === 'approximate' || e.message) && !e.filledParams) passed.set(e.to, e);
  const ev: Evaluator = program.ev.fork((file, fn, index) => {
    const edge = passed.get(`${file}#${fn}`);
    if (!edge) return `${file}#${fn}` === entry ? entryParam(program, entry, index) : null;
    const arg = program.files.get(edge.file)?.sites[edge.site]?.args[edge.argMap?.[index] ?? index];
    return arg ? ev.values(edge.file, arg) : [];
  });
  return ev;
}

/**
 * An entry point's parameter holds what the request or event brings: not what other callers in the
 * scan hand it (a job that reuses a handler), though what its framework fills in still counts.
 */
function entryParam(program: Program, entry: string, index: number): Value[] | null {
  const callers = (program.graph.in.get(entry) ?? []).filter((e) => (e.kind === 'call' || e.message) && !e.filledParams);
  if (callers.length === 0) return null;
  const { file, fn } = parseFnKey(entry);
  const fromCallers = new Set<string>();
  for (const e of callers) {
    const arg = program.files.get(e.file)?.sites[e.site]?.args[e.argMap?.[index] ?? index];
    if (arg) for (const v of program.ev.values(e.file, arg)) fromCallers.add(valueKey(v));
  }
  return (program.ev.paramSource?.(file, fn, index) ?? []).filter((v) => !fromCallers.has(valueKey(v)));
}
