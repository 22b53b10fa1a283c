// Branches that test a state's membership in a literal list of states, however the list gets
// there: inline (`['pending', 'held'].includes(booking.status)`), through a constant, as the
// argument of a helper that asserts it (`assertStatus(booking, ['pending', 'held'])`, which throws
// otherwise), or through a predicate helper returning the test (`isCancellable(booking.status)`).
import { soleDefinition, type Expr, type FileIR, type FlowNode } from '../model/ir.js';
import { keyedMemo } from '../util/memo.js';
import { functionOf, type Program } from './program.js';

/** The caller's argument a helper's parameter is bound to, for the one call being judged. */
type Bind = (index: number) => { ir: FileIR; arg: Expr } | null;

const noBind: Bind = () => null;

/**
 * The states a branch admits, when it is the truthy side of a membership test of a literal list
 * (inline or through a predicate helper called in it); null when it is no such test.
 */
export function statesAdmitted(program: Program, fn: string, n: FlowNode): string[] | null {
  const found = functionOf(program, fn);
  if (!found || n.kind !== 'assume' || n.compare || !n.expr || n.truthy !== true) return null;
  return listTested(program, fn, found.ir, n.expr, noBind, 0);
}

/**
 * The states the helper called at `site` lets through: every way from its entry to its normal end
 * passes the truthy side of a membership test, the list bound to this call's arguments where the
 * helper takes it as a parameter. Null when some way through tests no such list.
 */
export function statesAssertedByCall(program: Program, fn: string, site: number): string[] | null {
  // Asked of every call on every path to a cancellation: once per call site.
  return assertedMemo(program, `${fn}#${site}`, () => assertedByCall(program, fn, site));
}

const assertedMemo = keyedMemo<Program, string[] | null>();

function assertedByCall(program: Program, fn: string, site: number): string[] | null {
  const caller = functionOf(program, fn);
  const call = caller?.ir.sites[site];
  if (!caller || !call) return null;
  const bind: Bind = (index) => (call.args[index] ? { ir: caller.ir, arg: call.args[index]! } : null);
  const targets = (program.graph.out.get(fn) ?? []).filter((e) => e.site === site && e.file === caller.ir.file && e.kind === 'call');
  if (targets.length === 0) return null;
  const states: string[] = [];
  for (const t of targets) {
    const helper = functionOf(program, t.to);
    const nodes = helper?.fn.nodes;
    if (!helper || !nodes) return null;
    // Walk from the entry, stopping at each branch that admits a list: reaching the normal end means a way through untested.
    const seen = new Set([0]);
    const stack = [0];
    let tested = false;
    while (stack.length > 0) {
      const i = stack.pop()!;
      if (i === 1) return null;
      const n = nodes[i]!;
      const admitted = n.kind === 'assume' && !n.compare && n.expr && n.truthy === true ? listTested(program, t.to, helper.ir, n.expr, bind, 0) : null;
      if (admitted) {
        states.push(...admitted);
        tested = true;
        continue;
      }
      for (const s of n.next) {
        if (seen.has(s)) continue;
        seen.add(s);
        stack.push(s);
      }
    }
    if (!tested) return null;
  }
  return states;
}

/** `list.includes(x)` where the list holds only string literals, or a call of a helper every return of which is one. */
function listTested(program: Program, fn: string, ir: FileIR, expr: Expr, bind: Bind, depth: number): string[] | null {
  let e = soleDefinition(ir, expr) ?? expr;
  if (e.k === 'await') e = e.of;
  if (e.k !== 'call' || depth > 2) return null;
  const site = ir.sites[e.site];
  if (!site) return null;
  if (site.callee.k === 'member' && site.callee.prop === 'includes') return literalList(ir, site.callee.obj, bind);
  // A predicate helper: `return ['pending', 'held'].includes(status)`.
  const targets = (program.graph.out.get(fn) ?? []).filter((t) => t.site === e.site && t.file === ir.file && t.kind === 'call');
  const callBind: Bind = (index) => (site.args[index] ? { ir, arg: site.args[index]! } : null);
  const states: string[] = [];
  for (const t of targets) {
    const helper = functionOf(program, t.to);
    if (!helper || helper.fn.returns.length === 0) return null;
    for (const r of helper.fn.returns) {
      const found = listTested(program, t.to, helper.ir, r, callBind, depth + 1);
      if (!found) return null;
      states.push(...found);
    }
  }
  return targets.length > 0 ? states : null;
}

/** The string literals of an array literal, directly, through a constant, or through a parameter bound to a literal argument. */
function literalList(ir: FileIR, expr: Expr, bind: Bind): string[] | null {
  const e = soleDefinition(ir, expr) ?? expr;
  if (e.k === 'param') {
    const bound = bind(e.index);
    return bound ? literalList(bound.ir, bound.arg, noBind) : null;
  }
  if (e.k !== 'arr' || e.items.length === 0) return null;
  const out: string[] = [];
  for (const item of e.items) {
    if (item.k !== 'lit' || typeof item.value !== 'string') return null;
    out.push(item.value);
  }
  return out;
}
