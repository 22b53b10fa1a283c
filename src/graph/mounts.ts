// Routers mounted under a path: `app.use('/api', bookings)` serves `bookings.post('/pay')` at
// `/api/pay`, and `api.use('/v1', bookings); app.use('/api', api)` at `/api/v1/pay`. A router is
// known by the call that made it (`express.Router()` at a site), however many names it travels under.
import type { Expr } from '../model/ir.js';
import type { Value } from '../model/values.js';
import type { SiteFact } from '../recognize/facts.js';
import type { Evaluator } from '../symbols/evaluate.js';
import { staticText } from '../symbols/text.js';

const MAX_NESTING = 6;

export class Mounts {
  /** Router (`file#site` of the call that made it) -> where it is mounted: the path and the parent router. */
  private readonly mounted = new Map<string, { path: string; parent: string | null }>();

  private readonly ev: Evaluator;

  constructor(ev: Evaluator, facts: SiteFact[]) {
    this.ev = ev;
    // Facts come in a fixed order (files, then sites): a router mounted twice keeps its first path.
    for (const f of facts) {
      const reg = f.kind === 'registration' ? f.match?.registration : undefined;
      const call = f.api.split('.').pop() ?? '';
      if (!reg?.mountCalls?.includes(call)) continue;
      const site = this.ev.ir(f.file)?.sites[f.site];
      const path = site ? staticText(this.ev.ir(f.file)!, site.args[0]) : null;
      if (!site || path === null || !path.startsWith('/')) continue;
      const parent = site.callee.k === 'member' ? this.routerOf(f.file, site.callee.obj) : null;
      for (const arg of site.args.slice(1)) {
        const child = this.routerOf(f.file, arg);
        if (child !== null && child !== parent && !this.mounted.has(child)) this.mounted.set(child, { path, parent });
      }
    }
  }

  /** A registration's route with the paths its router is mounted under in front. */
  route(fact: SiteFact, route: string): string {
    const site = this.ev.ir(fact.file)?.sites[fact.site];
    if (!fact.match?.registration?.mountCalls || site?.callee.k !== 'member') return route;
    let prefix = '';
    // `router.route('/x').post(...)`: the router is an earlier call of the receiver's chain.
    let router = this.routersOf(fact.file, site.callee.obj).find((r) => this.mounted.has(r)) ?? null;
    for (let depth = 0; router !== null && depth < MAX_NESTING; depth++) {
      const m = this.mounted.get(router);
      if (!m) break;
      prefix = join(m.path, prefix);
      router = m.parent;
    }
    return prefix ? join(prefix, route) : route;
  }

  /** The call that made the router an expression holds: the last call step of its value. */
  private routerOf(file: string, e: Expr): string | null {
    return this.routersOf(file, e)[0] ?? null;
  }

  /** Every call step of the expression's values, last first. */
  private routersOf(file: string, e: Expr): string[] {
    return this.ev.values(file, e).flatMap(callSteps);
  }
}

/** The route an earlier call of the receiver's chain names: `router.route('/x').post(h)` is at `/x`. */
export function routeOfChain(ev: Evaluator, fact: SiteFact): string | null {
  const calls = fact.match?.registration?.routeCalls;
  const site = ev.ir(fact.file)?.sites[fact.site];
  if (!calls || site?.callee.k !== 'member') return null;
  for (const v of ev.values(fact.file, site.callee.obj)) {
    if (v.t !== 'ext') continue;
    const i = v.steps.findLastIndex((s, k) => calls.includes(s.p) && v.steps[k + 1]?.p === '()');
    const call = i >= 0 ? v.steps[i + 1] : undefined;
    const ir = call?.file ? ev.ir(call.file) : undefined;
    const text = ir && call?.site !== undefined ? staticText(ir, ir.sites[call.site]?.args[0]) : null;
    if (text !== null && text !== undefined) return text;
  }
  return null;
}

function callSteps(v: Value): string[] {
  if (v.t !== 'ext') return [];
  return v.steps.flatMap((s) => (s.site !== undefined && s.file ? [`${s.file}#${s.site}`] : [])).reverse();
}

function join(prefix: string, path: string): string {
  const joined = `${prefix.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  return joined.length > 1 ? joined.replace(/\/+$/, '') : joined;
}
