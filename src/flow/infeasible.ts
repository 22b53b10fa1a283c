// Branches that cannot be taken because an earlier branch on every path to them already decided
// the same question the other way: `if (!booking) return;` ... `if (!booking) {...}`, or
// `if (seats.length === 0) return;` then `for (const seat of seats)`, whose zero-iteration branch
// asks `seats.length === 0` again. Only questions about a value that cannot change in between
// count: a binding assigned once, or its length when nothing in the file shrinks it.
import type { Expr, FileIR, FlowNode, FunctionIR } from '../model/ir.js';
import { computeDominators } from './dominators.js';

type Claim = { key: string; kind: 'truthy' | 'falsy' | 'empty' | 'non-empty' } | { key: string; kind: 'eq' | 'ne'; literal: string | number | boolean };

/** Assume nodes contradicted by an assume node that dominates them. */
export function infeasibleBranches(ir: FileIR, fn: FunctionIR): Set<number> {
  const dead = new Set<number>();
  const claims = fn.nodes.map((n) => (n.kind === 'assume' ? claimOf(ir, n) : null));
  if (!claims.some((c) => c !== null)) return dead;
  const dom = computeDominators(fn.nodes);
  claims.forEach((claim, i) => {
    if (!claim || !dom.reachable[i]) return;
    for (let x = dom.idom[i]!; x !== -1; x = dom.idom[x]!) {
      const earlier = claims[x];
      if (earlier && earlier.key === claim.key && contradicts(earlier, claim)) {
        dead.add(i);
        return;
      }
    }
  });
  return dead;
}

function contradicts(a: Claim, b: Claim): boolean {
  if (a.kind === 'eq' || a.kind === 'ne' || b.kind === 'eq' || b.kind === 'ne') {
    if (!('literal' in a) || !('literal' in b)) return false;
    if (a.kind === 'eq' && b.kind === 'eq') return a.literal !== b.literal;
    return a.kind !== b.kind && a.literal === b.literal;
  }
  const opposite = { truthy: 'falsy', falsy: 'truthy', empty: 'non-empty', 'non-empty': 'empty' } as const;
  return opposite[a.kind] === b.kind;
}

function claimOf(ir: FileIR, n: FlowNode): Claim | null {
  if (n.compare) {
    const count = countOf(ir, n.compare.value);
    if (count !== null && n.compare.literal === 0) return { key: count, kind: n.compare.equal ? 'empty' : 'non-empty' };
    const key = stableKey(ir, n.compare.value);
    return key === null ? null : { key, kind: n.compare.equal ? 'eq' : 'ne', literal: n.compare.literal };
  }
  if (!n.expr) return null;
  const count = countOf(ir, n.expr);
  if (count !== null) return { key: count, kind: n.truthy ? 'non-empty' : 'empty' };
  const key = stableKey(ir, n.expr);
  return key === null ? null : { key, kind: n.truthy ? 'truthy' : 'falsy' };
}

/** `rows.length`, `result.rowCount` of a binding assigned once that no call in the file shrinks. */
function countOf(ir: FileIR, e: Expr): string | null {
  if (e.k !== 'member' || (e.prop !== 'length' && e.prop !== 'rowCount')) return null;
  const list = stableKey(ir, e.obj);
  if (list === null || e.obj.k !== 'ref') return null;
  const b = (e.obj as { b: number }).b;
  const shrinks = ir.sites.some((s) => s.callee.k === 'member' && s.callee.obj.k === 'ref' && s.callee.obj.b === b && SHRINKING.has(s.callee.prop ?? ''));
  return shrinks ? null : `${list}#count`;
}

const SHRINKING = new Set(['pop', 'shift', 'splice']);

/** A binding assigned at most once (so every test of it asks about the same value). */
function stableKey(ir: FileIR, e: Expr): string | null {
  if (e.k !== 'ref') return null;
  const b = ir.bindings[e.b];
  if (!b || b.kind === 'import' || b.kind === 'function' || b.kind === 'class' || b.defs.length > 1) return null;
  return `b${e.b}`;
}
