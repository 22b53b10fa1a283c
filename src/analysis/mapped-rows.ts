// Rows built one per item: `seats.map((seat) => ({ seat, status: 'PENDING' }))` handed to a
// `createMany`, or line items mapped from a cart. The callback's return values are the rows, so
// payload readers look into them as they look into the items of an array literal.
import type { Expr } from '../model/ir.js';
import type { Value } from '../model/values.js';
import type { Evaluator } from '../symbols/evaluate.js';

const MAPPERS = new Set(['map', 'flatMap']);

export interface MappingCall {
  /** The list mapped: `seats` of `seats.map(cb)`, `xs` of `Array.from(xs, cb)`. */
  list: Expr;
  /** The callbacks the call may run on each item. */
  callbacks: Extract<Value, { t: 'fn' }>[];
}

/** The mapping call an expression is (or holds): `xs.map(cb)`, `xs.flatMap(cb)`, `Array.from(xs, cb)`, through `await` and variables. */
export function mappingCall(ev: Evaluator, file: string, e: Expr, depth = 0): MappingCall | null {
  if (depth > 4) return null;
  if (e.k === 'await') return mappingCall(ev, file, e.of, depth + 1);
  const ir = ev.ir(file);
  if (e.k === 'ref') {
    const b = ir?.bindings[e.b];
    const defs = b && b.kind !== 'import' && b.kind !== 'param' ? b.defs : [];
    for (const d of defs) {
      const found = mappingCall(ev, file, d, depth + 1);
      if (found) return found;
    }
    return null;
  }
  if (e.k !== 'call') return null;
  const site = ir?.sites[e.site];
  const c = site?.callee;
  if (!site || c?.k !== 'member') return null;
  const isFrom = c.prop === 'from' && c.obj.k === 'global' && c.obj.name === 'Array';
  const list = isFrom ? site.args[0] : c.prop !== null && MAPPERS.has(c.prop) ? c.obj : undefined;
  const callback = isFrom ? site.args[1] : site.args[0];
  if (!list || !callback) return null;
  const callbacks = ev.values(file, callback).filter((v): v is Extract<Value, { t: 'fn' }> => v.t === 'fn');
  return callbacks.length > 0 ? { list, callbacks } : null;
}

/** The expressions a mapping callback returns: the rows, one per item. */
export function mappedRows(ev: Evaluator, file: string, e: Expr): { file: string; expr: Expr }[] {
  return (mappingCall(ev, file, e)?.callbacks ?? []).flatMap((v) => (ev.ir(v.file)?.functions[v.fn]?.returns ?? []).map((expr) => ({ file: v.file, expr })));
}
