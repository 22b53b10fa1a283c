// The app's own query helpers: `const query = async (sql, params) => { const [rows] = await
// pool.execute(sql, params); return rows; }`. The driver call inside runs whatever SQL its callers
// pass, so it says nothing by itself; each call of the helper is the statement it passes
// (`query('SELECT * FROM tickets WHERE id = ?', [id])`), recognized as the driver call would be.
import { isWithin, type CallSite, type FileIR } from '../model/ir.js';
import { fnKey, type Value } from '../model/values.js';
import type { Match, Matcher } from '../recognizers/match.js';
import type { Evaluator } from '../symbols/evaluate.js';
import { addTo } from '../util/multimap.js';

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
  for (const site of (ir && firstParamCalls(ir).get(fn.fn)) ?? []) {
    if (found || !ir || !isWithin(ir, site.fn, fn.fn)) continue;
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

const firstParamMemo = new WeakMap<FileIR, Map<number, CallSite[]>>();

/**
 * A file's calls whose first argument is a function's first parameter, by that function: asked of
 * every function, a scan of all the file's calls each time is quadratic in a generated file.
 */
function firstParamCalls(ir: FileIR): Map<number, CallSite[]> {
  let byFn = firstParamMemo.get(ir);
  if (byFn) return byFn;
  firstParamMemo.set(ir, (byFn = new Map()));
  for (const site of ir.sites) {
    const e = site.args[0];
    const b = e?.k === 'ref' ? ir.bindings[e.b] : undefined;
    const def = b?.kind === 'param' && b.defs.length === 1 ? b.defs[0]! : undefined;
    if (def?.k === 'param' && def.index === 0) addTo(byFn, def.fn, site);
  }
  return byFn;
}

