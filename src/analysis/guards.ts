// The conditions a call runs under: the branches (assume nodes) that dominate it in its function
// and, along a chain, the branches that dominate each call leading to it. With the names each
// condition carries (`isRefundable(booking)`, `hoursUntilStart < 24` through the call it evaluates
// or the variable it compares, `booking.status === 'PENDING'`), so a check can tell a branch on a
// cancellation policy, or on the booking's state, from any other.
import type { CallEdge } from '../graph/call-graph.js';
import { soleDefinition, type Expr, type FlowNode } from '../model/ir.js';
import { PAYMENT_ENTITY_WORDS, singularNoun, words } from '../recognizers/vocabulary.js';
import { exprNames } from '../symbols/text.js';
import { stateOfText } from './booking-state.js';
import { factsAtLastCall, functionOf, type Program } from './program.js';
import { dominatorsOf, frameIndex } from './regions.js';

export interface Guard {
  fn: string;
  file: string;
  node: FlowNode;
  /** Names the condition carries: variables, properties, called functions, compared literals. */
  names: string[];
}

/** Branches that hold whenever `site` runs in `fn`, and whenever each call of `chain` leading there runs. */
export function guardsOf(program: Program, chain: CallEdge[], fn: string, site: number): Guard[] {
  const frames = [...chain.map((e) => ({ fn: e.from, site: e.site })), { fn, site }];
  return frames.flatMap((f) => guardsInFrame(program, f.fn, f.site));
}

function guardsInFrame(program: Program, fn: string, site: number): Guard[] {
  const found = functionOf(program, fn);
  const dom = dominatorsOf(program, fn);
  if (!found || !dom) return [];
  const nodes = found.fn.nodes;
  const { preds, callNodes } = frameIndex(program, fn, nodes);
  const targets = callNodes.get(site) ?? [];
  const out: Guard[] = [];
  const seen = new Set<number>();
  for (const t of targets) {
    for (let x = dom.idom[t]!; x !== -1 && x !== undefined; x = dom.idom[x]!) {
      const n = nodes[x]!;
      if (n.kind !== 'assume' || seen.has(x)) continue;
      seen.add(x);
      const names = [...exprNames(found.ir, n.expr), ...memberNames(n.expr), ...(n.compare ? [...exprNames(found.ir, n.compare.value), ...memberNames(n.compare.value), String(n.compare.literal)] : [])];
      for (const o of n.operands ?? []) names.push(...exprNames(found.ir, o), ...memberNames(o));
      // `hoursUntil(booking) < 24`: a comparison keeps no value, but the call it evaluated comes just before it.
      for (const p of preds[x] ?? []) {
        const q = nodes[p]!;
        const s = q.kind === 'call' && q.site !== undefined ? found.ir.sites[q.site] : undefined;
        if (s && s.start >= n.pos) names.push(...exprNames(found.ir, s.callee), ...memberNames(s.callee), ...s.args.flatMap((a) => [...exprNames(found.ir, a), ...memberNames(a)]));
      }
      if (n.expr?.k === 'call') {
        const s = found.ir.sites[n.expr.site];
        if (s) names.push(...exprNames(found.ir, s.callee), ...memberNames(s.callee));
      }
      out.push({ fn, file: found.ir.file, node: n, names: names.filter(Boolean) });
    }
  }
  return out;
}

/**
 * `if (!bookingWindow) throw`: a branch on whether a read found the booking at all. Its names are
 * the record's (a `BookingWindow` row names no cancellation window), and it decides nothing else.
 */
export function isFoundCheck(program: Program, g: Guard): boolean {
  const e = g.node.expr;
  if (g.node.compare || !e || e.k !== 'ref') return false;
  const values = program.ev.values(g.file, e);
  return values.length > 0 && values.every((v) => {
    const found = factsAtLastCall(program, v);
    // Only the booking's own record: `if (!policy)` after reading a cancellation policy still names one.
    return found !== null && found.facts.some((f) => f.kind === 'read' && f.bookingLike) && found.after.every((p) => p === '()');
  });
}

/**
 * Whether every path to `site` passes a branch (or a call) `holds` accepts, in its function or in
 * one of the calls leading there: `if (s === 'pending' || s === 'held')` guards its body though
 * neither branch dominates it.
 */
export function everyPathGuarded(program: Program, chain: CallEdge[], fn: string, site: number, holds: (n: FlowNode, fn: string) => boolean): boolean {
  const frames = [...chain.map((e) => ({ fn: e.from, site: e.site })), { fn, site }];
  return frames.some((f) => cutInFrame(program, f.fn, f.site, holds));
}

function cutInFrame(program: Program, fn: string, site: number, holds: (n: FlowNode, fn: string) => boolean): boolean {
  const nodes = functionOf(program, fn)?.fn.nodes;
  if (!nodes || nodes.length === 0) return false;
  const targets = new Set(nodes.flatMap((n, i) => (n.kind === 'call' && n.site === site ? [i] : [])));
  if (targets.size === 0) return false;
  const seen = new Set([0]);
  const stack = [0];
  while (stack.length > 0) {
    const i = stack.pop()!;
    if (targets.has(i)) return false;
    const n = nodes[i]!;
    // A call the path cannot get past unless the condition holds (a helper that throws otherwise).
    if ((n.kind === 'assume' || n.kind === 'call') && holds(n, fn)) continue;
    for (const s of [...n.next, ...n.exc]) {
      if (seen.has(s)) continue;
      seen.add(s);
      stack.push(s);
    }
  }
  return true;
}

/** Searches of a list whose result is falsy when no item passes the test. */
const SEARCHES = new Set(['some', 'find', 'findLast']);
const PAYMENT_WORDS = new Set(PAYMENT_ENTITY_WORDS);

/**
 * `payments.some((p) => p.status === 'succeeded')`, directly or through the variable holding it
 * (`const paid = ...`): a search of a booking's payments (`booking.payments`, `transactions`, not
 * its slots) for one in a paid state, every literal of its test naming a paid state. The branch
 * where it comes out falsy has no paid payment.
 */
export function searchesPaidPayment(program: Program, fn: string, expr: Expr): boolean {
  const ir = functionOf(program, fn)?.ir;
  if (!ir) return false;
  let e = soleDefinition(ir, expr) ?? expr;
  if (e.k === 'await') e = e.of;
  const site = e.k === 'call' ? ir.sites[e.site] : undefined;
  if (!site || site.callee.k !== 'member' || !SEARCHES.has(site.callee.prop ?? '')) return false;
  const list = site.callee.obj;
  const listName = list.k === 'member' ? list.prop : list.k === 'ref' ? ir.bindings[list.b]?.name : null;
  if (!listName || !words(listName).map(singularNoun).some((w) => PAYMENT_WORDS.has(w))) return false;
  const test = site.args[0];
  const literals = test?.k === 'fn' ? ir.functions[test.fn]?.strings ?? [] : [];
  return literals.length > 0 && literals.every((l) => stateOfText(l) === 'confirmed');
}

/** Every property name along a member chain (`booking.policy.refundable` -> policy, refundable). */
function memberNames(e: FlowNode['expr']): string[] {
  const out: string[] = [];
  for (let x = e, depth = 0; x && depth < 8; depth++) {
    if (x.k === 'member') {
      if (x.prop) out.push(x.prop);
      x = x.obj;
    } else if (x.k === 'await') x = x.of;
    else break;
  }
  return out;
}
