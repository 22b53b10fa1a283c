// A helper's record operation guarantees a record of interest only where the helper is handed one:
// `getDocument(ref)` reads whatever `ref` names, and a base repository's `this.model.create()`
// writes whatever model the subclass handed to `super()`. Both are evaluated again with that
// call's context bound; an operation whose record cannot be named there keeps its own verdict.
import { soleDefinition, type Expr, type FileIR } from '../model/ir.js';
import { fnKey, type Value } from '../model/values.js';
import type { SiteFact } from '../recognize/facts.js';
import type { Evaluator } from '../symbols/evaluate.js';
import { reachableFrom, type Program } from './program.js';
import { keyedMemo } from '../util/memo.js';

export function recordAtCall(program: Program, fact: SiteFact, fn: string, callerFile: string, callerSite: number): boolean {
  if (fnKey({ file: fact.file, fn: fact.fn }) !== fn) return true;
  // Asked for every call edge in every flow round: answered once per program.
  let answers = handedMemo.get(program);
  if (!answers) handedMemo.set(program, (answers = new Map()));
  const key = `${fact.file}#${fact.site}|${callerFile}#${callerSite}`;
  let answer = answers.get(key);
  if (answer === undefined) answers.set(key, (answer = handedAtCall(program, fact, callerFile, callerSite)));
  return answer;
}

const handedMemo = new WeakMap<Program, Map<string, boolean>>();
const reachedMemo = keyedMemo<Program, SiteFact[]>();

function handedAtCall(program: Program, fact: SiteFact, callerFile: string, callerSite: number): boolean {
  const ir = program.files.get(fact.file)!;
  const site = ir.sites[fact.site]!;
  const root = receiverRoot(ir, site.callee, 0);
  const caller = program.files.get(callerFile)?.sites[callerSite];
  if (root === null || !caller) return true;
  let evaluators: Evaluator[];
  if (root === 'this') {
    evaluators = caller.callee.k === 'member' ? subclassContexts(program, ir, fact.fn, program.ev.values(callerFile, caller.callee.obj)) : [];
  } else {
    const arg = caller.args[root];
    evaluators = arg ? [program.ev.fork((file, f, index) => (file === fact.file && f === fact.fn && index === root ? program.ev.values(callerFile, arg) : null))] : [];
  }
  if (evaluators.length === 0) return true;
  const names = evaluators.flatMap((ev) => ev.values(fact.file, site.callee).flatMap((v) => recordNames(program, v)));
  return names.length === 0 || names.some((n) => program.isBookingEntity(n, fact.file));
}

/**
 * The facts of every function reachable from `start`, in key order; a record operation of a helper
 * only where some call on the way hands it a record it can name as a booking-like one or not at all
 * (`#createDocument(doc, ref)` called for employees and for bookings is a booking write only for the latter).
 */
export function reachedFacts(program: Program, start: string): SiteFact[] {
  return reachedMemo(program, start, () => computeReachedFacts(program, start));
}

function computeReachedFacts(program: Program, start: string): SiteFact[] {
  const reach = reachableFrom(program.graph, start);
  const handed = (f: SiteFact, k: string) =>
    k === start || (f.kind !== 'write' && f.kind !== 'read' && f.kind !== 'update')
    || (program.graph.in.get(k) ?? []).some((e) => reach.has(e.from) && recordAtCall(program, f, k, e.file, e.site));
  return [...reach].sort().flatMap((k) => (program.factsByFn.get(k) ?? []).filter((f) => handed(f, k)));
}

/** Literal names along a client chain (`collection('bookings')`, `model('Booking')`) and its type arguments. */
function recordNames(program: Program, v: Value): string[] {
  if (v.t !== 'ext') return [];
  const names: string[] = [];
  for (const step of v.steps) {
    const call = step.site !== undefined && step.file ? program.files.get(step.file)?.sites[step.site] : undefined;
    for (const a of call?.args ?? []) if (a.k === 'lit' && typeof a.value === 'string') names.push(a.value);
  }
  return [...names, ...(v.typeArgs ?? [])];
}

/**
 * For a method of class B called on an instance of a subclass S: an evaluator in which B's
 * constructor parameters hold what S's constructor passes to `super(...)`.
 */
function subclassContexts(program: Program, ir: FileIR, fn: number, receivers: Value[]): Evaluator[] {
  const cls = classOf(ir, fn);
  const baseCtor = cls === null ? undefined : ir.classes[cls]!.methods['constructor'];
  if (baseCtor === undefined) return [];
  const out: Evaluator[] = [];
  for (const r of receivers) {
    if (r.t !== 'inst' || (r.file === ir.file && r.cls === cls)) continue;
    const sub = program.files.get(r.file);
    const ctor = sub?.classes[r.cls]?.methods['constructor'];
    const superCall = ctor === undefined ? undefined : sub!.sites.find((s) => s.fn === ctor && s.callee.k === 'super');
    if (!superCall) continue;
    out.push(program.ev.fork((file, f, index) => {
      if (file !== ir.file || f !== baseCtor) return null;
      const arg = superCall.args[index];
      return arg ? program.ev.values(r.file, arg) : [];
    }));
  }
  return out;
}

function classOf(ir: FileIR, fn: number): number | null {
  for (let f = ir.functions[fn]; f; f = f.parent >= 0 ? ir.functions[f.parent] : undefined) if (f.cls !== null) return f.cls;
  return null;
}

/** What a call's receiver chain starts from: one of the function's parameters, `this`, or neither. */
function receiverRoot(ir: FileIR, e: Expr, depth: number): number | 'this' | null {
  if (depth > 8) return null;
  if (e.k === 'member') return receiverRoot(ir, e.obj, depth + 1);
  if (e.k === 'await') return receiverRoot(ir, e.of, depth + 1);
  if (e.k === 'call') {
    const callee = ir.sites[e.site]?.callee;
    return callee ? receiverRoot(ir, callee, depth + 1) : null;
  }
  if (e.k === 'param') return e.index;
  if (e.k === 'this' && !e.obj && !e.static) return 'this';
  if (e.k === 'ref') {
    const def = soleDefinition(ir, e);
    return def ? receiverRoot(ir, def, depth + 1) : null;
  }
  return null;
}
