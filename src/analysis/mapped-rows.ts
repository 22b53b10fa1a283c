// Rows built one per item: `seats.map((seat) => ({ seat, status: 'PENDING' }))` handed to a
// `createMany`, or line items mapped from a cart. The callback's return values are the rows, so
// payload readers look into them as they look into the items of an array literal.
import type { Expr } from '../model/ir.js';
import type { Evaluator } from '../symbols/evaluate.js';

const MAPPERS = new Set(['map', 'flatMap']);

/** The expressions a mapping callback returns, for an expression that is (or holds) `xs.map(cb)` or `Array.from(xs, cb)`. */
export function mappedRows(ev: Evaluator, file: string, e: Expr, depth = 0): { file: string; expr: Expr }[] {
  if (depth > 4) return [];
  if (e.k === 'await') return mappedRows(ev, file, e.of, depth + 1);
  const ir = ev.ir(file);
  if (e.k === 'ref') {
    const b = ir?.bindings[e.b];
    return b && b.kind !== 'import' && b.kind !== 'param' ? b.defs.flatMap((d) => mappedRows(ev, file, d, depth + 1)) : [];
  }
  if (e.k !== 'call') return [];
  const site = ir?.sites[e.site];
  const c = site?.callee;
  if (!site || c?.k !== 'member') return [];
  const isFrom = c.prop === 'from' && c.obj.k === 'global' && c.obj.name === 'Array';
  const callback = isFrom ? site.args[1] : c.prop !== null && MAPPERS.has(c.prop) ? site.args[0] : undefined;
  if (!callback) return [];
  return ev.values(file, callback).flatMap((v) => {
    if (v.t !== 'fn') return [];
    return (ev.ir(v.file)?.functions[v.fn]?.returns ?? []).map((expr) => ({ file: v.file, expr }));
  });
}
