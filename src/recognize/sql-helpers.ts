// The app's own query helpers: `const query = async (sql, params) => { const [rows] = await
// pool.execute(sql, params); return rows; }`. The driver call inside runs whatever SQL its callers
// pass, so it says nothing by itself; each call of the helper is the statement it passes
// (`query('SELECT * FROM tickets WHERE id = ?', [id])`), recognized as the driver call would be.
import { isWithin, type Expr, type FileIR } from '../model/ir.js';
import { fnKey, type Value } from '../model/values.js';
import type { Match, Matcher } from '../recognizers/match.js';
import type { Evaluator } from '../symbols/evaluate.js';

export interface SqlHelper {
  /** The driver call's match, and the callee value it was matched on. */
  match: Match;
  value: Value;
}

const memo = new WeakMap<Evaluator, Map<string, SqlHelper | null>>();

/**
 * Whether a function of the scan hands its first parameter, as the statement, to a driver call that
 * reads its SQL from its first argument (directly, or in a callback it makes).
 */
export function sqlHelperOf(ev: Evaluator, matcher: Matcher, fn: Extract<Value, { t: 'fn' }>): SqlHelper | null {
  let known = memo.get(ev);
  if (!known) memo.set(ev, (known = new Map()));
  const key = fnKey(fn);
  if (known.has(key)) return known.get(key)!;
  known.set(key, null);
  const ir = ev.ir(fn.file);
  let found: SqlHelper | null = null;
  for (const site of ir?.sites ?? []) {
    if (found || !ir || !isWithin(ir, site.fn, fn.fn) || !isFirstParam(ir, site.args[0], fn.fn)) continue;
    for (const value of ev.values(fn.file, site.callee)) {
      const match = matcher.match(value).find((m) => (m.kind === 'read' || m.kind === 'write' || m.kind === 'update') && m.store?.entity.includes('sql'));
      if (match) {
        found = { match, value };
        break;
      }
    }
  }
  known.set(key, found);
  return found;
}

function isFirstParam(ir: FileIR, e: Expr | undefined, fn: number): boolean {
  if (e?.k !== 'ref') return false;
  const b = ir.bindings[e.b];
  return b?.kind === 'param' && b.defs.length === 1 && b.defs[0]!.k === 'param' && b.defs[0]!.fn === fn && b.defs[0]!.index === 0;
}

