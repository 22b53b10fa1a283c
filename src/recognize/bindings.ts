// Platform bindings the scan has no type for. Cloudflare's `env.DB` is declared in an `Env`
// interface (or a generated worker-configuration.d.ts), so `env.DB.prepare(sql).run()` resolves
// to a handler's parameter, a field of a Hono context or an unresolved import, never to a
// package. A store recognizer with `boundOn: 'env'` takes such a call as one made on its global
// client: the steps after `env.<NAME>` are matched as if taken from that global (`D1Database`).
import type { FileIR } from '../model/ir.js';
import type { Step, Value } from '../model/values.js';
import type { Match, Matcher } from '../recognizers/match.js';
import type { Recognizer } from '../recognizers/define.js';

export interface BoundCall {
  value: Value;
  match: Match;
}

/** The record operations a call is on a binding, when its callee resolved to nothing a recognizer knows. */
export function boundStoreCalls(irOf: (file: string) => FileIR | undefined, callee: Value[], matcher: Matcher, recognizers: Recognizer[]): BoundCall[] {
  const out: BoundCall[] = [];
  for (const r of recognizers) {
    if (r.kind !== 'store' || !r.boundOn) continue;
    for (const client of r.clients) {
      if (!client.global || client.path !== '') continue;
      for (const v of callee) {
        const rest = afterBinding(irOf, v, r.boundOn);
        if (!rest) continue;
        const value: Value = { t: 'global', steps: [{ p: client.global }, ...rest] };
        for (const match of matcher.match(value)) if (match.kind !== 'client' && match.recognizer === r) out.push({ value, match });
      }
    }
  }
  return out;
}

/** The steps taken after `<holder>.<NAME>`: `env.DB.prepare.()` -> `prepare.()`. The holder may be the parameter itself. */
function afterBinding(irOf: (file: string) => FileIR | undefined, v: Value, holder: string): Step[] | null {
  if (v.t !== 'param' && v.t !== 'ext' && v.t !== 'opaque') return null;
  const names = v.steps.map((s) => s.p);
  let at = names.indexOf(holder);
  // `fetch(request, env)`: the holder is the parameter the steps start from.
  if (at < 0 && v.t === 'param' && paramName(irOf(v.file), v.fn, v.index) === holder) at = -1;
  else if (at < 0) return null;
  const name = names[at + 1];
  if (!name || !/^[\w$]+$/.test(name)) return null;
  return v.steps.slice(at + 2);
}

function paramName(ir: FileIR | undefined, fn: number, index: number): string | undefined {
  const b = ir?.functions[fn]?.params[index];
  return b !== undefined && b >= 0 ? ir?.bindings[b]?.name : undefined;
}
