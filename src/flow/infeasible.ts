// Branches that cannot be taken because an earlier branch on every path to them already decided
// the same question the other way: `if (!booking) return;` ... `if (!booking) {...}`, or
// `if (seats.length === 0) return;` then `for (const seat of seats)`, whose zero-iteration branch
// asks `seats.length === 0` again. Only questions about a value that cannot change in between
// count: a binding assigned once, or its length when nothing in the file shrinks it.
import type { Expr, FileIR, FlowNode, FunctionIR } from '../model/ir.js';
import { computeDominators } from './dominators.js';

type Claim = { key: string; kind: 'truthy' | 'falsy' | 'empty' | 'non-empty' } | { key: string; kind: 'eq' | 'ne'; literal: string | number | boolean };

/** The claims in force on one value: counts, so nested branches on the same value undo cleanly. */
interface ValueState {
  flags: Record<'truthy' | 'falsy' | 'empty' | 'non-empty', number>;
  eq: Map<string | number | boolean, number>;
  eqTotal: number;
  ne: Map<string | number | boolean, number>;
}

const OPPOSITE = { truthy: 'falsy', falsy: 'truthy', empty: 'non-empty', 'non-empty': 'empty' } as const;
const memo = new WeakMap<FunctionIR, Set<number>>();

/**
 * Assume nodes contradicted by an assume node that dominates them: one walk down the dominator
 * tree with the claims of the branches above in force (a switch of 20,000 cases stays linear).
 */
export function infeasibleBranches(ir: FileIR, fn: FunctionIR): Set<number> {
  const hit = memo.get(fn);
  if (hit) return hit;
  const dead = new Set<number>();
  memo.set(fn, dead);
  const claims = fn.nodes.map((n) => (n.kind === 'assume' ? claimOf(ir, n) : null));
  if (!claims.some((c) => c !== null)) return dead;
  const dom = computeDominators(fn.nodes);
  const children: number[][] = fn.nodes.map(() => []);
  fn.nodes.forEach((_, i) => {
    if (i !== 0 && dom.reachable[i] && dom.idom[i]! >= 0) children[dom.idom[i]!]!.push(i);
  });
  const states = new Map<string, ValueState>();
  // Entering a node pushes it as `~node` to leave it again once its subtree is done.
  const stack: number[] = [0];
  while (stack.length > 0) {
    const x = stack.pop()!;
    const leaving = x < 0;
    const node = leaving ? ~x : x;
    const claim = claims[node];
    if (claim) {
      let state = states.get(claim.key);
      if (!state) states.set(claim.key, (state = { flags: { truthy: 0, falsy: 0, empty: 0, 'non-empty': 0 }, eq: new Map(), eqTotal: 0, ne: new Map() }));
      if (!leaving && contradicted(state, claim)) dead.add(node);
      apply(state, claim, leaving ? -1 : 1);
    }
    if (leaving) continue;
    stack.push(~node);
    for (const c of children[node]!) stack.push(c);
  }
  return dead;
}

function contradicted(s: ValueState, c: Claim): boolean {
  if (c.kind === 'eq') return s.eqTotal - (s.eq.get(c.literal) ?? 0) > 0 || (s.ne.get(c.literal) ?? 0) > 0;
  if (c.kind === 'ne') return (s.eq.get(c.literal) ?? 0) > 0;
  return s.flags[OPPOSITE[c.kind]] > 0;
}

function apply(s: ValueState, c: Claim, by: 1 | -1): void {
  if (c.kind === 'eq') {
    s.eq.set(c.literal, (s.eq.get(c.literal) ?? 0) + by);
    s.eqTotal += by;
  } else if (c.kind === 'ne') s.ne.set(c.literal, (s.ne.get(c.literal) ?? 0) + by);
  else s.flags[c.kind] += by;
}

function claimOf(ir: FileIR, n: FlowNode): Claim | null {
  if (n.compare) {
    const count = countOf(ir, n.compare.value);
    if (count !== null && n.compare.literal === 0) return { key: count, kind: n.compare.equal ? 'empty' : 'non-empty' };
    // `x <= 0` claims zero only for a value that is never negative: no claim, unless it is a count.
    if (n.compare.relational && n.compare.equal) return null;
    // An enum member's name is not its value: `Status.PENDING` may equal the literal 'pending'.
    if (n.compare.member) return null;
    const key = stableKey(ir, n.compare.value);
    return key === null ? null : { key, kind: n.compare.equal ? 'eq' : 'ne', literal: n.compare.literal };
  }
  if (!n.expr) return null;
  const count = countOf(ir, n.expr);
  if (count !== null) return { key: count, kind: n.truthy ? 'non-empty' : 'empty' };
  const key = stableKey(ir, n.expr);
  return key === null ? null : { key, kind: n.truthy ? 'truthy' : 'falsy' };
}

/**
 * `rows.length`, `result.rowCount`, `body.dates.length` of a list held by a binding assigned once
 * (or read off one by names) that no call in the file shrinks.
 */
function countOf(ir: FileIR, e: Expr): string | null {
  if (e.k !== 'member' || (e.prop !== 'length' && e.prop !== 'rowCount')) return null;
  const list = listKey(ir, e.obj, 0);
  if (list === null) return null;
  const shrinks = ir.sites.some((s) => s.callee.k === 'member' && SHRINKING.has(s.callee.prop ?? '') && listKey(ir, s.callee.obj, 0) === list);
  return shrinks ? null : `${list}#count`;
}

/**
 * The list a stable binding or a chain of property names off one holds. `const dates = body.dates`
 * names the same list as `body.dates`, so a check of one decides a loop over the other.
 */
function listKey(ir: FileIR, e: Expr, depth: number): string | null {
  if (depth > 8) return null;
  if (e.k === 'member') {
    const obj = e.prop === null ? null : listKey(ir, e.obj, depth + 1);
    return obj === null ? null : `${obj}.${e.prop}`;
  }
  const key = stableKey(ir, e);
  if (key === null || e.k !== 'ref') return null;
  const b = ir.bindings[e.b]!;
  const def = b.defs[0];
  return (b.kind === 'const' && def?.k === 'member' ? listKey(ir, def, depth + 1) : null) ?? key;
}

const SHRINKING = new Set(['pop', 'shift', 'splice']);

/**
 * A binding assigned at most once (so every test of it asks about the same value). `let x;`
 * counts its missing initializer as a value, so `let x;` then `x = load()` is two.
 */
function stableKey(ir: FileIR, e: Expr): string | null {
  if (e.k !== 'ref') return null;
  const b = ir.bindings[e.b];
  if (!b || b.kind === 'import' || b.kind === 'function' || b.kind === 'class' || b.defs.length > 1) return null;
  return `b${e.b}`;
}
