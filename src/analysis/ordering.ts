// Why evidence does not dominate a call: how record writes on a chain relate to the call that
// leads on to the payment, frame by frame. The first relation found, in this order, names it:
// concurrent (same Promise.all), not awaited, on some paths only, after the payment.
import { dominates, reaches } from '../flow/dominators.js';
import type { CallEdge } from '../graph/call-graph.js';
import { fnKey } from '../model/values.js';
import type { SiteFact } from '../recognize/facts.js';
import type { FlowFacts } from './flow-facts.js';
import { reachingSet, type Program } from './program.js';

export type WriteRelation = 'concurrent' | 'not-awaited' | 'some-paths' | 'after';

export interface RelationFound {
  relation: WriteRelation;
  /** The write (or the call leading to one) in question. */
  file: string;
  site: number;
}

const ORDER: WriteRelation[] = ['concurrent', 'not-awaited', 'some-paths', 'after'];

export function relateWrites(
  program: Program, flow: FlowFacts, chain: CallEdge[], target: { fn: string; site: number }, isWrite: (f: SiteFact) => boolean,
): RelationFound | null {
  const writers = writerSets(program, flow, isWrite);
  const frames = [...chain.map((e) => ({ fn: e.from, site: e.site })), target];
  let best: RelationFound | null = null;
  for (const frame of frames) {
    // Memoized per frame: a ring of 4,000 modules puts the same frames on thousands of chains.
    const k = `${frame.fn}@${frame.site}`;
    let found = writers.byFrame.get(k);
    if (found === undefined) writers.byFrame.set(k, (found = relateInFrame(program, flow, frame, writers, isWrite)));
    if (found && (!best || ORDER.indexOf(found.relation) < ORDER.indexOf(best.relation))) best = found;
  }
  return best;
}

interface WriterSets {
  writers: Set<string>;
  laterWriters: Set<string>;
  /** Whether a call edge into a writer writes a record of interest at that call. */
  writesAt: (e: CallEdge) => boolean;
  byFunction: Map<string, FunctionWrites>;
  byFrame: Map<string, RelationFound | null>;
}

interface FunctionWrites {
  own: number[];
  viaCalls: number[];
  deferred: number[];
}

const writerCache = new WeakMap<FlowFacts, Map<(f: SiteFact) => boolean, WriterSets>>();

/** Functions that write a record (through calls; and through anything that runs later), once per flow and predicate. */
function writerSets(program: Program, flow: FlowFacts, isWrite: (f: SiteFact) => boolean): WriterSets {
  let byPredicate = writerCache.get(flow);
  if (!byPredicate) writerCache.set(flow, (byPredicate = new Map()));
  const hit = byPredicate.get(isWrite);
  if (hit) return hit;
  const writes = program.facts.filter(isWrite);
  const writeFns = writes.map((f) => fnKey({ file: f.file, fn: f.fn }));
  // A helper that writes whatever record it is handed writes a booking only where it is handed one.
  const own = new Map<string, SiteFact[]>();
  for (const w of writes) own.set(fnKey({ file: w.file, fn: w.fn }), [...(own.get(fnKey({ file: w.file, fn: w.fn })) ?? []), w]);
  // An edge into a function with its own writes counts where one of them holds for this call; an
  // edge into a function that writes only through its callees counts as those edges do.
  const writesAt = (e: CallEdge) => {
    const mine = own.get(e.to);
    if (!mine) return true;
    if (mine.some((w) => flow.recordAtCall(w, e.to, e.file, e.site))) return true;
    return (program.graph.out.get(e.to) ?? []).some((x) => x.to !== e.to && own.has(x.to));
  };
  const sets: WriterSets = {
    writesAt,
    byFunction: new Map(),
    byFrame: new Map(),
    writers: reachingSet(program.graph, writeFns, (e) => e.kind !== 'deferred' && writesAt(e)),
    // Writes handed to something that runs them later (`after(() => ...)`, a library callback).
    laterWriters: reachingSet(program.graph, writeFns, writesAt),
  };
  byPredicate.set(isWrite, sets);
  return sets;
}

/** A function's write sites (its own and its calls into writers) and the calls that hand a writer on to run later: once per function. */
function writesIn(program: Program, fn: string, sets: WriterSets, isWrite: (f: SiteFact) => boolean): FunctionWrites {
  const hit = sets.byFunction.get(fn);
  if (hit) return hit;
  const own: number[] = [];
  for (const fact of program.factsByFn.get(fn) ?? []) if (isWrite(fact)) own.push(fact.site);
  const ownSites = new Set(own);
  const viaCalls = new Set<number>();
  const deferred: number[] = [];
  for (const e of program.graph.out.get(fn) ?? []) {
    if (e.kind !== 'deferred' && sets.writers.has(e.to) && sets.writesAt(e) && !ownSites.has(e.site)) viaCalls.add(e.site);
    if (e.kind === 'deferred' && sets.laterWriters.has(e.to) && sets.writesAt(e)) deferred.push(e.site);
  }
  const found = { own, viaCalls: [...viaCalls], deferred };
  sets.byFunction.set(fn, found);
  return found;
}

function relateInFrame(
  program: Program, flow: FlowFacts, frame: { fn: string; site: number }, sets: WriterSets,
  isWrite: (f: SiteFact) => boolean,
): RelationFound | null {
  const f = flow.flow(frame.fn);
  const dom = flow.dominators(frame.fn);
  if (!f || !dom) return null;
  const points = flow.siteNodes(frame.fn, frame.site);
  const pointGroup = outermost(f.ir.sites, frame.site).group;
  // Writes here: direct record writes, and calls into functions that write one.
  const { own, viaCalls, deferred } = writesIn(program, frame.fn, sets, isWrite);
  const writes = [...own, ...viaCalls.filter((site) => site !== frame.site)];
  const found: RelationFound[] = deferred.map((site) => ({ relation: 'after', file: f.ir.file, site }));
  for (const w of writes) {
    const at = { file: f.ir.file, site: w };
    const group = outermost(f.ir.sites, w).group;
    if (group !== null && group === pointGroup) {
      found.push({ relation: 'concurrent', ...at });
      continue;
    }
    const starts = flow.siteNodes(frame.fn, w);
    const completes = flow.completionNodes(frame.fn, w);
    for (const p of points) {
      const started = starts.some((s) => dominates(dom, s, p));
      const completed = completes.some((c) => dominates(dom, c, p));
      if (started && !completed) found.push({ relation: 'not-awaited', ...at });
      else if (!completed && starts.some((s) => reaches(f.fn.nodes, s, p))) found.push({ relation: completes.length === 0 ? 'not-awaited' : 'some-paths', ...at });
      else if (completed) found.push({ relation: 'some-paths', ...at }); // the write's helper writes on some paths only
      else if (starts.some((s) => reaches(f.fn.nodes, p, s))) found.push({ relation: 'after', ...at });
    }
  }
  found.sort((a, b) => ORDER.indexOf(a.relation) - ORDER.indexOf(b.relation));
  return found[0] ?? null;
}

function outermost(sites: { chainedBy: number | null; group: number | null; fn: number }[], site: number): { group: number | null } {
  let s = sites[site]!;
  while (s.chainedBy !== null && sites[s.chainedBy]?.fn === s.fn) s = sites[s.chainedBy]!;
  return s;
}
