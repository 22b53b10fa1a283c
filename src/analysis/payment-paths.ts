// Payment initiation paths: (entry point, payment initiation call site) pairs joined by the call
// graph, plus the locations and traces the report shows for them.
import { describeExpr } from '../debug/flow-dump.js';
import type { CallEdge } from '../graph/call-graph.js';
import type { EntryPoint } from '../graph/entries.js';
import type { Location, TraceStep } from '../model/report.js';
import { fnKey } from '../model/values.js';
import { columnOf, lineOf } from '../parse/source-guards.js';
import type { SiteFact } from '../recognize/facts.js';
import { functionOf, reachableFrom, type Program } from './program.js';

export interface PaymentPath {
  entry: EntryPoint;
  payment: SiteFact;
}

export function isInitiation(f: SiteFact): boolean {
  return f.kind === 'provider' && f.role === 'initiation';
}

const memo = new WeakMap<Program, PaymentPath[]>();

/** Every check counts the same paths: computed once per program. */
export function paymentPaths(program: Program): PaymentPath[] {
  const hit = memo.get(program);
  if (hit) return hit;
  const payments = program.facts.filter(isInitiation).map((payment) => ({ payment, fn: fnKey({ file: payment.file, fn: payment.fn }) }));
  const out: PaymentPath[] = [];
  for (const entry of program.entries) {
    const reach = reachableFrom(program.graph, entry.fn);
    const reached = payments.filter(({ fn }) => reach.has(fn)).map(({ payment }) => payment);
    // A form's hash signed on the way to the form the app hands the browser is part of that one payment.
    const formed = (f: SiteFact) => reached.some((x) => !x.signsForm && x.recognizer === f.recognizer && x.api === f.api);
    for (const payment of reached) if (!payment.signsForm || !formed(payment)) out.push({ entry, payment });
  }
  const sorted = out.sort(
    (a, b) => cmp(a.payment.file, b.payment.file) || a.payment.site - b.payment.site || cmp(a.entry.file, b.entry.file) || a.entry.pos - b.entry.pos,
  );
  memo.set(program, sorted);
  return sorted;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function locate(program: Program, file: string, offset: number): Location {
  const ir = program.files.get(file);
  if (!ir) return { file, line: 1, column: 1 };
  return { file, line: lineOf(ir.lineStarts, offset), column: columnOf(ir.lineStarts, offset) };
}

export function siteStart(program: Program, file: string, site: number): number {
  return program.files.get(file)?.sites[site]?.start ?? 0;
}

/** Human name of a call site's callee: `stripe.checkout.sessions.create`. */
export function calleeText(program: Program, file: string, site: number): string {
  const ir = program.files.get(file);
  const s = ir?.sites[site];
  return ir && s ? describeExpr(ir, s.callee) : '?';
}

export function functionName(program: Program, key: string): string {
  return functionOf(program, key)?.fn.name ?? key;
}

const TRACE_HEAD = 20;
const TRACE_TAIL = 20;
const TRACE_CALLS = TRACE_HEAD + TRACE_TAIL + 1;

/** Index in `traceOf`'s steps of the call chain[i] makes (the entry is step 0); the elision step for a call not shown. */
export function traceIndexOfCall(chainLength: number, i: number): number {
  if (chainLength <= TRACE_CALLS || i < TRACE_HEAD) return i + 1;
  if (i < chainLength - TRACE_TAIL) return TRACE_HEAD + 1;
  return i - (chainLength - TRACE_TAIL) + TRACE_HEAD + 2;
}

/** entry -> each call on the chain -> (evidence) -> payment call, in source terms. */
export function traceOf(program: Program, entry: EntryPoint, chain: CallEdge[], payment: SiteFact, extra: TraceStep[] = []): TraceStep[] {
  const steps: TraceStep[] = [{ ...line(program, entry.file, entry.pos), note: `entry point ${entry.name} (${entry.kind})` }];
  const step = (e: CallEdge): TraceStep => ({ ...line(program, e.file, siteStart(program, e.file, e.site)), note: `calls ${functionName(program, e.to)}${e.kind === 'approximate' ? ' (resolved by method name)' : ''}` });
  if (chain.length <= TRACE_CALLS) {
    for (const e of chain) steps.push(step(e));
  } else {
    // A chain thousands of calls long (a generated require ring) gave every path a trace as long,
    // and the report grew with the square of the ring (520 MB at 2,000 modules): its ends are shown.
    for (const e of chain.slice(0, TRACE_HEAD)) steps.push(step(e));
    const next = chain[chain.length - TRACE_TAIL]!;
    steps.push({ ...line(program, next.file, siteStart(program, next.file, next.site)), note: `... ${chain.length - TRACE_HEAD - TRACE_TAIL} calls not shown` });
    for (const e of chain.slice(chain.length - TRACE_TAIL)) steps.push(step(e));
  }
  steps.push(...extra);
  steps.push({ ...line(program, payment.file, siteStart(program, payment.file, payment.site)), note: `payment: ${payment.recognizer.name} ${payment.api}` });
  return steps;
}

function line(program: Program, file: string, offset: number): { file: string; line: number } {
  const { line } = locate(program, file, offset);
  return { file, line };
}
