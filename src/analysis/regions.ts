// Regions of code: the part of a function's flow graph that runs from some nodes on (a webhook
// event's branch, a catch block, a failure branch), and every function called from there. The facts
// a region reaches come with the transaction each runs in: the callback of a store transaction
// (`$transaction(async (tx) => ...)`), a grouped call (`$transaction([a, b])`), a transaction handle
// passed as one of the store's `transactionOptions` (`{ transaction: t }`, `{ session }`), or SQL after
// a BEGIN in a function that commits.
import { computeDominators, dominates, type Dominators } from '../flow/dominators.js';
import type { Expr, FileIR, FlowNode } from '../model/ir.js';
import type { SiteFact } from '../recognize/facts.js';
import { sqlText } from '../recognize/facts.js';
import { functionOf, siteKey, type Program } from './program.js';
import { keyedMemo, objectMemo } from '../util/memo.js';
import { addTo } from '../util/multimap.js';
import { append } from '../util/append.js';

export interface Region {
  /** Functions in the region: the nodes of the root function that are in it, null for a whole function. */
  nodes: Map<string, Set<number> | null>;
  /** Transaction each function runs in when it was entered through a transaction callback. */
  scopes: Map<string, string>;
}

export interface RegionFact {
  fact: SiteFact;
  fn: string;
  /** The transaction it runs in, or null. */
  tx: string | null;
}

/**
 * Nodes reachable from `starts` in function `fn` (normal and exceptional edges), without entering
 * nodes `skip` rejects, nor the nodes reachable over normal edges from `minus` (the way the code
 * continues when it did not take this branch), plus every function called from there. A handler
 * the region reaches only through that continuation (the catch of the next `try`) is not in it:
 * it runs when later code fails, whichever way this branch went.
 */
export function regionFrom(program: Program, fn: string, starts: number[], skip: (n: FlowNode) => boolean = () => false, minus: number[] = []): Region {
  const found = functionOf(program, fn);
  const region: Region = { nodes: new Map(), scopes: new Map() };
  if (!found) return region;
  const nodes = found.fn.nodes;
  const reach = (from: number[], avoid: (n: number) => boolean, exceptional: boolean) => {
    const seen = new Set<number>();
    const stack = from.filter((n) => nodes[n] && !avoid(n));
    for (const n of stack) seen.add(n);
    while (stack.length > 0) {
      const n = stack.pop()!;
      // A `throw` goes on to its handler, not the way the code continues normally.
      const onward = exceptional ? [...nodes[n]!.next, ...nodes[n]!.exc] : nodes[n]!.kind === 'throw' ? [] : nodes[n]!.next;
      for (const s of onward) {
        if (seen.has(s) || !nodes[s] || avoid(s)) continue;
        seen.add(s);
        stack.push(s);
      }
    }
    return seen;
  };
  const continuation = minus.length > 0 ? reach(minus, () => false, false) : new Set<number>();
  const inside = reach(starts, (n) => continuation.has(n) || skip(nodes[n]!), true);
  region.nodes.set(fn, inside);
  const sites = new Set<number>();
  for (const n of inside) if (nodes[n]!.kind === 'call' && nodes[n]!.site !== undefined) sites.add(nodes[n]!.site!);
  const queue: string[] = [];
  const enter = (from: string, fileSites: (e: { site: number; file: string }) => boolean, scope: string | null) => {
    for (const e of program.graph.out.get(from) ?? []) {
      if (!fileSites(e) || region.nodes.has(e.to)) continue;
      const tx = isTransactionCall(program, e.file, e.site) && e.kind === 'callback' ? `tx:${e.file}:${e.site}` : scope;
      region.nodes.set(e.to, null);
      if (tx) region.scopes.set(e.to, tx);
      queue.push(e.to);
    }
  };
  enter(fn, (e) => e.file === found.ir.file && sites.has(e.site), null);
  for (let head = 0; head < queue.length; head++) {
    const next = queue[head]!;
    enter(next, () => true, region.scopes.get(next) ?? null);
  }
  return region;
}

/** Store facts (writes, reads, updates) and provider calls the region reaches, with their transactions. */
export function factsInRegion(program: Program, region: Region): RegionFact[] {
  const out: RegionFact[] = [];
  for (const [fn, nodes] of region.nodes) {
    const found = functionOf(program, fn);
    if (!found) continue;
    let facts = program.factsByFn.get(fn) ?? [];
    if (nodes) {
      // The facts at the region's calls, in the function's order: a function of 2,000 catch blocks
      // has 2,000 small regions, each of which went through all of its facts.
      const bySite = factIndex(program, fn);
      const at: number[] = [];
      for (const n of nodes) {
        const site = found.fn.nodes[n]!.kind === 'call' ? found.fn.nodes[n]!.site : undefined;
        if (site !== undefined) append(at, bySite.get(site) ?? []);
      }
      facts = [...new Set(at)].sort((a, b) => a - b).map((i) => facts[i]!);
    }
    for (const fact of facts) {
      if (!REGION_FACTS.has(fact.kind)) continue;
      out.push({ fact, fn, tx: localTransaction(program, fn, fact) ?? region.scopes.get(fn) ?? null });
    }
  }
  return out;
}

const REGION_FACTS = new Set<SiteFact['kind']>(['write', 'read', 'update', 'provider']);

const factIndexMemo = keyedMemo<Program, Map<number, number[]>>();

/** Where each of a function's call sites has facts: their indexes in `factsByFn`. */
function factIndex(program: Program, fn: string): Map<number, number[]> {
  return factIndexMemo(program, fn, () => {
    const bySite = new Map<number, number[]>();
    (program.factsByFn.get(fn) ?? []).forEach((f, i) => addTo(bySite, f.site, i));
    return bySite;
  });
}

/**
 * Writes a rollback in the region undoes: a store's `rollbackCalls` on a transaction handle
 * (`await t.rollback()`, `session.abortTransaction()`) or a SQL ROLLBACK after a BEGIN, in a function
 * whose queries joined that transaction. They keep their transaction: what one rollback undoes is
 * given back together.
 */
export function rolledBack(program: Program, region: Region): RegionFact[] {
  const out: RegionFact[] = [];
  for (const [fn, inside] of region.nodes) {
    const undone = new Set<string>();
    let sqlRollback = false;
    for (const r of rollbacksOf(program, fn)) {
      if (inside && !inside.has(r.node)) continue;
      if (r.handle) undone.add(r.handle);
      if (r.sql) sqlRollback = true;
    }
    if (undone.size === 0 && !sqlRollback) continue;
    for (const fact of program.factsByFn.get(fn) ?? []) {
      if (fact.kind !== 'write' && fact.kind !== 'update') continue;
      const tx = localTransaction(program, fn, fact);
      if (tx && (undone.has(tx) || (sqlRollback && tx.startsWith(`begin:${fn}:`)))) out.push({ fact, fn, tx });
    }
  }
  return out;
}

/** A rollback call at a flow node: on a transaction handle (its key), or a SQL ROLLBACK. */
interface RollbackCall {
  node: number;
  handle: string | null;
  sql: boolean;
}

const rollbackMemo = keyedMemo<Program, RollbackCall[]>();

/**
 * A function's rollback calls, once per function: the handle a store's `rollbackCalls` is made on,
 * or a SQL ROLLBACK. 2,000 failure regions of one function each read all of its calls.
 */
function rollbacksOf(program: Program, fn: string): RollbackCall[] {
  return rollbackMemo(program, fn, () => {
    const found = functionOf(program, fn);
    if (!found) return [];
    const { ir } = found;
    const methods = new Set(program.recognizers.flatMap((r) => (r.kind === 'store' ? r.rollbackCalls ?? [] : [])));
    const out: RollbackCall[] = [];
    for (const [i, node] of found.fn.nodes.entries()) {
      if (node.kind !== 'call' || node.site === undefined) continue;
      const site = ir.sites[node.site]!;
      const c = site.callee;
      const handle = c.k === 'member' && c.prop !== null && methods.has(c.prop) && c.obj.k === 'ref' ? `handle:${ir.file}:b${c.obj.b}` : null;
      const sql = /^\s*rollback\b/i.test(sqlText(ir, site));
      if (handle || sql) out.push({ node: i, handle, sql });
    }
    return out;
  });
}

function isTransactionCall(program: Program, file: string, site: number): boolean {
  return (program.factsBySite.get(siteKey(file, site)) ?? []).some((f) => f.kind === 'transaction');
}

/**
 * A transaction visible at the fact itself: an element of a grouped call (`$transaction([a, b])`),
 * a transaction handle in its options (`{ transaction: t }`, `{ session }`),
 * or a BEGIN statement that dominates it in its function.
 */
function localTransaction(program: Program, fn: string, fact: SiteFact): string | null {
  // Asked per fact for every region that reaches it: 2,000 failure branches each asked of every write.
  // A fact belongs to one function of one program.
  return txMemo(fact, () => localTransactionOf(program, fn, fact));
}

const txMemo = objectMemo<SiteFact, string | null>();

function localTransactionOf(program: Program, fn: string, fact: SiteFact): string | null {
  const found = functionOf(program, fn);
  if (!found) return null;
  const { ir } = found;
  let s = ir.sites[fact.site]!;
  let outer = fact.site;
  while (s.chainedBy !== null && ir.sites[s.chainedBy]?.fn === s.fn) {
    outer = s.chainedBy;
    s = ir.sites[outer]!;
  }
  if (s.group !== null && (program.factsBySite.get(siteKey(ir.file, s.group)) ?? []).some((f) => f.kind === 'group')) return `group:${ir.file}:${s.group}`;
  // An element of the array handed to a store's group call (`$transaction([a, b])`, `db.batch([...])`).
  for (const g of groupsOf(program, fn)) {
    if ((ir.sites[g.site]?.args ?? []).some((a) => elementSites(ir, a, 0).includes(outer))) return `group:${ir.file}:${g.site}`;
  }
  // Queued on a write batch (`const batch = db.batch(); batch.update(ref, ...)`): it commits with the batch's other writes.
  const batches = fact.recognizer.kind === 'store' ? fact.recognizer.batches ?? [] : [];
  if (batches.length > 0) {
    for (const v of program.ev.values(ir.file, ir.sites[fact.site]!.callee)) {
      if (v.t !== 'ext') continue;
      const made = v.steps.findIndex((step, i) => step.p === '()' && step.site !== undefined && batches.includes(v.steps[i - 1]?.p ?? ''));
      if (made >= 0) return `batch:${v.steps[made]!.file}:${v.steps[made]!.site}`;
    }
  }
  const options = fact.recognizer.kind === 'store' ? fact.recognizer.transactionOptions ?? [] : [];
  for (let i = fact.site; ; ) {
    const site = ir.sites[i]!;
    const handle = transactionHandle(site.args, options);
    if (handle) return `handle:${ir.file}:${handle}`;
    if (site.chainedBy === null || ir.sites[site.chainedBy]?.fn !== site.fn) break;
    i = site.chainedBy;
  }
  const dom = dominatorsOf(program, fn);
  const at = frameIndex(program, fn, found.fn.nodes).callNodes.get(fact.site)?.[0];
  if (!dom || at === undefined) return null;
  const { begins, commits } = sqlBoundaries(program, fn, ir, found.fn.nodes);
  const begin = begins.find((b) => dominates(dom, b, at));
  return begin !== undefined && commits ? `begin:${fn}:${begin}` : null;
}

const groupMemo = keyedMemo<Program, SiteFact[]>();

/** A function's group calls (`$transaction([a, b])`), once per function, not once per fact. */
function groupsOf(program: Program, fn: string): SiteFact[] {
  return groupMemo(program, fn, () => (program.factsByFn.get(fn) ?? []).filter((f) => f.kind === 'group'));
}

const boundaryMemo = keyedMemo<Program, { begins: number[]; commits: boolean }>();

/** The nodes of a function that BEGIN a SQL transaction, and whether it COMMITs one: read once per function. */
function sqlBoundaries(program: Program, fn: string, ir: FileIR, nodes: FlowNode[]): { begins: number[]; commits: boolean } {
  return boundaryMemo(program, fn, () => ({
    begins: nodes.flatMap((n, i) => (n.kind === 'call' && n.site !== undefined && /^\s*(begin|start\s+transaction)\b/i.test(sqlText(ir, ir.sites[n.site]!)) ? [i] : [])),
    commits: nodes.some((n) => n.kind === 'call' && n.site !== undefined && /^\s*commit\b/i.test(sqlText(ir, ir.sites[n.site]!))),
  }));
}

/** Call sites an array argument holds: its items, or the items of the array a variable holds. */
function elementSites(ir: FileIR, e: Expr, depth: number): number[] {
  if (depth > 3) return [];
  if (e.k === 'call') return [e.site];
  if (e.k === 'await') return elementSites(ir, e.of, depth + 1);
  if (e.k === 'arr') return e.items.flatMap((x) => elementSites(ir, x, depth + 1));
  if (e.k === 'ref') {
    const b = ir.bindings[e.b];
    return b && b.kind !== 'import' ? b.defs.flatMap((d) => elementSites(ir, d, depth + 1)) : [];
  }
  return [];
}

/** An option of the arguments (`{ transaction: t }`) that hands over a transaction: the handle's binding. */
function transactionHandle(args: Expr[], options: string[]): string | null {
  for (const a of args) {
    if (a.k !== 'obj') continue;
    for (const p of a.props) if (p.key !== null && options.includes(p.key) && p.value.k === 'ref') return `b${p.value.b}`;
  }
  return null;
}

const domMemo = keyedMemo<Program, Dominators | null>();

export function dominatorsOf(program: Program, fn: string): Dominators | null {
  return domMemo(program, fn, () => {
    const found = functionOf(program, fn);
    return found ? computeDominators(found.fn.nodes) : null;
  });
}

/** Two facts run in one transaction: the same one, or both in the same transaction scope. */
export function sameTransaction(a: RegionFact, b: RegionFact): boolean {
  return a.fact === b.fact || (a.tx !== null && a.tx === b.tx);
}

const frameMemo = keyedMemo<Program, { preds: number[][]; callNodes: Map<number, number[]> }>();

/**
 * A function's predecessor lists and call nodes by site, once per function: 5,000 writes in one
 * function each scanned all its nodes (14 s), and so did the failure branches of 2,000 payments.
 */
export function frameIndex(program: Program, fn: string, nodes: FlowNode[]): { preds: number[][]; callNodes: Map<number, number[]> } {
  return frameMemo(program, fn, () => {
    const callNodes = new Map<number, number[]>();
    nodes.forEach((n, i) => {
      if (n.kind === 'call' && n.site !== undefined) addTo(callNodes, n.site, i);
    });
    return { preds: predecessors(nodes), callNodes };
  });
}

/** The assume node(s) of the other outcome of the test assume node `a` stands for: where the code goes when it came out the other way. */
export function otherBranch(nodes: FlowNode[], preds: number[][], a: number): number[] {
  return preds[a]!.flatMap((q) => nodes[q]!.next).filter((s) => s !== a && nodes[s]!.kind === 'assume' && nodes[s]!.pos === nodes[a]!.pos);
}

/** Predecessors of each node of a function (normal and exceptional edges). */
export function predecessors(nodes: FlowNode[]): number[][] {
  const preds: number[][] = nodes.map(() => []);
  nodes.forEach((n, i) => {
    for (const s of [...n.next, ...n.exc]) preds[s]?.push(i);
  });
  return preds;
}
