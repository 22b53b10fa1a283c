// Everything the analyses query, assembled once: files, resolved values, facts by site and by
// function, the call graph and the entry points. Checks read this; they never see an AST.
import type { EntryPoint } from '../graph/entries.js';
import type { CallEdge, CallGraph } from '../graph/call-graph.js';
import type { FileIR, FunctionIR } from '../model/ir.js';
import { fnKey, type Value } from '../model/values.js';
import type { Project } from '../project/discover.js';
import type { Recognizer } from '../recognizers/define.js';
import type { Vocabulary } from '../recognizers/vocabulary.js';
import type { SiteFact } from '../recognize/facts.js';
import type { Evaluator } from '../symbols/evaluate.js';
import { addTo } from '../util/multimap.js';

export interface Program {
  root: string;
  project: Project;
  files: Map<string, FileIR>;
  ev: Evaluator;
  recognizers: Recognizer[];
  vocabulary: Vocabulary;
  facts: SiteFact[];
  factsBySite: Map<string, SiteFact[]>;
  factsByFn: Map<string, SiteFact[]>;
  graph: CallGraph;
  entries: EntryPoint[];
  /**
   * Whether an entity name (model, table, collection) is booking-like, schema mappings included, as
   * the app of `file` knows it (other apps of the tree may map the same name elsewhere).
   */
  isBookingEntity(name: string, file: string): boolean;
}

export function siteKey(file: string, site: number): string {
  return `${file}:${site}`;
}

export function parseFnKey(key: string): { file: string; fn: number } {
  const i = key.lastIndexOf('#');
  return { file: key.slice(0, i), fn: Number(key.slice(i + 1)) };
}

export function functionOf(program: Program, key: string): { ir: FileIR; fn: FunctionIR; index: number } | null {
  const { file, fn } = parseFnKey(key);
  const ir = program.files.get(file);
  const f = ir?.functions[fn];
  return ir && f ? { ir, fn: f, index: fn } : null;
}

export function indexFacts(facts: SiteFact[]): { bySite: Map<string, SiteFact[]>; byFn: Map<string, SiteFact[]> } {
  const bySite = new Map<string, SiteFact[]>();
  const byFn = new Map<string, SiteFact[]>();
  for (const f of facts) {
    const s = siteKey(f.file, f.site);
    addTo(bySite, s, f);
    const k = fnKey({ file: f.file, fn: f.fn });
    addTo(byFn, k, f);
  }
  return { bySite, byFn };
}

/** Functions from which `targets` can be reached (including themselves), over the given edges. */
export function reachingSet(graph: CallGraph, targets: Iterable<string>, follow: (e: CallEdge) => boolean = () => true): Set<string> {
  const seen = new Set<string>(targets);
  const stack = [...seen];
  while (stack.length > 0) {
    const k = stack.pop()!;
    for (const e of graph.in.get(k) ?? []) {
      if (!follow(e) || seen.has(e.from)) continue;
      seen.add(e.from);
      stack.push(e.from);
    }
  }
  return seen;
}

const reached = new WeakMap<CallGraph, { sets: Map<string, ReadonlySet<string>>; size: number }>();
/** Functions kept in all the sets `reachableFrom` remembers for one graph: enough for the apps, bounded for a ring of thousands. */
const REACHED_KEPT = 2_000_000;

/**
 * Functions reachable from `start` (including it) over every edge. Each check asks it of every
 * entry point, and so do the helpers a check asks: the sets are remembered per graph, up to a
 * budget of functions.
 */
export function reachableFrom(graph: CallGraph, start: string): ReadonlySet<string> {
  let memo = reached.get(graph);
  if (!memo) reached.set(graph, (memo = { sets: new Map(), size: 0 }));
  const hit = memo.sets.get(start);
  if (hit) return hit;
  const set = reachableOver(graph, start);
  if (memo.size + set.size <= REACHED_KEPT) {
    memo.sets.set(start, set);
    memo.size += set.size;
  }
  return set;
}

function reachableOver(graph: CallGraph, start: string): Set<string> {
  const seen = new Set<string>([start]);
  const stack = [start];
  while (stack.length > 0) {
    const k = stack.pop()!;
    for (const e of graph.out.get(k) ?? []) {
      if (seen.has(e.to)) continue;
      seen.add(e.to);
      stack.push(e.to);
    }
  }
  return seen;
}

/**
 * Providers the app integrates: a manifest depends on one of its packages, or the code calls it
 * (SDK imported by URL or `npm:` specifier, REST API). Only these can send the app their events.
 */
export function integratedProviders(program: Program): Set<string> {
  const hit = integratedMemo.get(program);
  if (hit) return hit;
  const deps = new Set(program.project.manifests.flatMap((m) => m.dependencies));
  const out = new Set<string>();
  for (const r of program.recognizers) if (r.kind === 'provider' && r.packages.some((p) => deps.has(p))) out.add(r.id);
  for (const f of program.facts) if (f.kind === 'provider') out.add(f.recognizer.id);
  integratedMemo.set(program, out);
  return out;
}

const integratedMemo = new WeakMap<Program, Set<string>>();

/**
 * The facts at the last call a value's steps went through (`findUnique(...)` in
 * `prisma.status.findUnique(...).id`), and the steps taken after it.
 */
export function factsAtLastCall(program: Program, v: Value): { facts: SiteFact[]; after: string[] } | null {
  if (v.t !== 'ext' && v.t !== 'global') return null;
  const at = v.steps.findLastIndex((s) => s.site !== undefined && s.file !== undefined);
  const step = v.steps[at];
  if (!step) return null;
  return { facts: program.factsBySite.get(siteKey(step.file!, step.site!)) ?? [], after: v.steps.slice(at + 1).map((s) => s.p) };
}
