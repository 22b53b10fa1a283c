// Routers mounted under a path: `app.use('/api', bookings)` serves `bookings.post('/pay')` at
// `/api/pay`, and `api.use('/v1', bookings); app.use('/api', api)` at `/api/v1/pay`. A router is
// known by the call that made it (`express.Router()` at a site), however many names it travels
// under; a plugin function (Fastify `app.register(plugin, { prefix })`) by the function, whose
// first parameter is the router its routes are registered on. A router may carry a prefix of its
// own: an options object of the call that made it (`new Router({ prefix: '/api' })`) or a call of
// its chain (`new Hono().basePath('/api')`). An AdonisJS group's callback, which takes no router, is
// a plugin of the router in scope.
import type { Expr } from '../model/ir.js';
import { fnKey, type Value } from '../model/values.js';
import type { RegistrationRule } from '../recognizers/define.js';
import type { SiteFact } from '../recognize/facts.js';
import type { Evaluator } from '../symbols/evaluate.js';
import { staticText } from '../symbols/text.js';
import { entryFunctions, optionHandlers } from './entries.js';

const MAX_NESTING = 6;

interface PrefixRules {
  calls: string[];
  keys: string[];
}

export class Mounts {
  /**
   * Router (`file#site` of a call of the chain that made it, or `fn:file#fn` of a plugin) -> where it
   * is mounted: the path, the parent router, the parent's own prefix and the mount call.
   */
  private readonly mounted = new Map<string, { path: string; parent: string | null; parentPrefix: string; at: SiteFact }>();

  /** Per framework: the prefix calls and options keys of its registration rules. */
  private readonly prefixRules = new Map<string, PrefixRules>();

  private readonly ev: Evaluator;

  constructor(ev: Evaluator, facts: SiteFact[]) {
    this.ev = ev;
    // Facts come in a fixed order (files, then sites): a router mounted twice keeps its first path.
    for (const f of facts) {
      const reg = f.kind === 'registration' ? f.match?.registration : undefined;
      if (!reg) continue;
      const rules = this.rulesOf(f);
      const call = f.api.split('.').pop() ?? '';
      const plugin = reg.pluginCalls?.includes(call) ?? false;
      if (!plugin && !reg.mountCalls?.includes(call)) continue;
      const ir = this.ev.ir(f.file);
      const site = ir?.sites[f.site];
      if (!ir || !site) continue;
      const first = staticText(ir, site.args[0], 0, this.ev.follow);
      // A URL path, or a name prefix for procedures routed by dotted names (tRPC v9 `merge('booking.', r)`).
      const pathArg = first !== null && (first.startsWith('/') || /^[\w-]+(\.[\w-]+)*\.$/.test(first));
      const path = pathArg ? first : this.optionsPrefix(f.file, site.args, rules.keys) ?? this.chainedPrefix(f.file, site.chainedBy, rules.calls) ?? (plugin ? '' : null);
      if (path === null) continue;
      const parents = [...(site.callee.k === 'member' ? this.routersOf(f.file, site.callee.obj) : []), ...this.scopeOf(f.file, site.fn)];
      const parent = parents[0] ?? null;
      const parentPrefix = site.callee.k === 'member' ? this.ownPrefix(f.file, site.callee.obj, rules) : '';
      for (const arg of site.args.slice(pathArg ? 1 : 0)) {
        // hapi's `register([health, { plugin: sessions, routes: { prefix: '/v1' } }])`: each plugin of
        // the list below its own prefix, else the one the call's options give them all.
        const items = plugin ? this.listItems(f.file, arg) : [];
        for (const item of items.length > 0 ? items : [{ file: f.file, expr: arg }]) {
          const own = items.length > 0 ? this.optionsPrefix(item.file, [item.expr], rules.keys) : null;
          for (const child of this.childrenOf(item.file, item.expr, reg, plugin)) {
            if (!parents.includes(child) && !this.mounted.has(child)) this.mounted.set(child, { path: own ?? path, parent, parentPrefix, at: f });
          }
        }
      }
    }
  }

  /**
   * The routers a mount call's argument mounts: a mounted router is known by every call of its chain
   * (`other.routes()` is `other`'s), but for a call a factory returns (`createRouter()` returning
   * `trpc.router()`), which makes every router of the app. A plugin's function is one too, and a
   * plugin may also be a router of its own (Elysia `app.use(bookings)`, `bookings = new Elysia({ prefix })`).
   */
  private childrenOf(file: string, arg: Expr, reg: RegistrationRule, plugin: boolean): string[] {
    const ir = this.ev.ir(file);
    if (!ir) return [];
    const routers = this.callsOf(file, arg).filter((key) => !this.returned(key));
    if (!plugin) return routers;
    // hapi's plugin object holds its function: `{ name, register: async (server) => ... }`.
    const fns = [...entryFunctions(this.ev, ir, arg), ...optionHandlers(this.ev, ir, arg, reg).map((h) => h.fn)];
    return [...fns.map((fn) => `fn:${fn}`), ...routers];
  }

  /** The items of an array literal an argument is (directly or through a binding), each with its file. */
  private listItems(file: string, arg: Expr): { file: string; expr: Expr }[] {
    const list = this.ev.definitions(file, arg).find((d) => d.expr.k === 'arr');
    return list?.expr.k === 'arr' ? list.expr.items.map((expr) => ({ file: list.file, expr })) : [];
  }

  /** A registration's route with its router's own prefix and the paths it is mounted under in front. */
  route(fact: SiteFact, route: string): string {
    const site = this.ev.ir(fact.file)?.sites[fact.site];
    if (site?.callee.k !== 'member') return route;
    let router = this.routerOf(fact);
    // A mounted plugin's instance takes its prefix from the mount (which holds its parent's), whatever its values.
    let prefix = router?.startsWith('fn:') ? '' : this.ownPrefix(fact.file, site.callee.obj, this.rulesOf(fact));
    for (let depth = 0; router !== null && depth < MAX_NESTING; depth++) {
      const m = this.mounted.get(router);
      if (!m) break;
      prefix = join(join(m.parentPrefix, m.path), prefix);
      router = m.parent;
    }
    return prefix && prefix !== '/' ? join(prefix, route) : route;
  }

  /**
   * `router.route('/x').post(...)`: the router is an earlier call of the receiver's chain; in
   * `createRouter().mutation('a', ...).query('b', ...)` the registrations are the chain.
   */
  private routerOf(fact: SiteFact): string | null {
    const site = this.ev.ir(fact.file)?.sites[fact.site];
    if (site?.callee.k !== 'member') return null;
    const routers = [`${fact.file}#${fact.site}`, ...this.routersOf(fact.file, site.callee.obj), ...this.scopeOf(fact.file, site.fn)];
    return routers.find((r) => this.mounted.has(r)) ?? null;
  }

  /**
   * The argument of a call chained on a registration, else on the groups it sits in, nearest first:
   * AdonisJS v5 `Route.group(...).namespace('App/Controllers/Http/admin')`.
   */
  chainedText(fact: SiteFact, calls: string[]): string | null {
    const own = this.chainedArg(fact.file, this.ev.ir(fact.file)?.sites[fact.site]?.chainedBy ?? null, calls);
    if (own !== null) return own;
    let router = this.routerOf(fact);
    for (let depth = 0; router !== null && depth < MAX_NESTING; depth++) {
      const m = this.mounted.get(router);
      if (!m) break;
      const text = this.chainedArg(m.at.file, this.ev.ir(m.at.file)?.sites[m.at.site]?.chainedBy ?? null, calls);
      if (text !== null) return text;
      router = m.parent;
    }
    return null;
  }

  private rulesOf(fact: SiteFact): PrefixRules {
    let hit = this.prefixRules.get(fact.recognizer.id);
    if (!hit) {
      const regs = fact.recognizer.kind === 'framework' ? fact.recognizer.registrations ?? [] : [];
      hit = { calls: regs.flatMap((r) => r.prefixCalls ?? []), keys: regs.flatMap((r) => r.prefixKeys ?? []) };
      this.prefixRules.set(fact.recognizer.id, hit);
    }
    return hit;
  }

  /**
   * The routers a receiver expression is: the plugin whose first parameter it is, then every call
   * step of its values, last first.
   */
  private routersOf(file: string, e: Expr): string[] {
    const ir = this.ev.ir(file);
    const b = e.k === 'ref' ? ir?.bindings[e.b] : undefined;
    const owner = b?.kind === 'param' && e.k === 'ref' ? ir?.functions[b.fn] : undefined;
    const plugin = owner && e.k === 'ref' && owner.params[0] === e.b ? [`fn:${fnKey({ file, fn: b!.fn })}`] : [];
    return [...plugin, ...this.callsOf(file, e)];
  }

  /**
   * A group's callback that takes no router registers on the router in scope (AdonisJS
   * `router.group(() => { router.post(...) }).prefix('/api')`): the function a call sits in, as a plugin.
   */
  private scopeOf(file: string, fn: number): string[] {
    return this.ev.ir(file)?.functions[fn]?.params.length === 0 ? [`fn:${fnKey({ file, fn })}`] : [];
  }

  /** The path a prefix call chained on a mount gives it (`router.group(...).prefix('/api').use(auth)`). */
  private chainedPrefix(file: string, next: number | null, calls: string[]): string | null {
    const text = this.chainedArg(file, next, calls);
    // AdonisJS takes `prefix('api/v1')` as `/api/v1`.
    return text ? (text.startsWith('/') ? text : `/${text}`) : null;
  }

  /** The text of the first argument of the first of these calls in a chain, from the site given on. */
  private chainedArg(file: string, next: number | null, calls: string[]): string | null {
    const ir = this.ev.ir(file);
    for (let depth = 0; ir && next !== null && depth < MAX_NESTING; depth++) {
      const site = ir.sites[next];
      if (!site) break;
      const text = site.callee.k === 'member' && site.callee.prop !== null && calls.includes(site.callee.prop) ? staticText(ir, site.args[0], 0, this.ev.follow) : null;
      if (text) return text;
      next = site.chainedBy;
    }
    return null;
  }

  private returned(key: string): boolean {
    const at = key.lastIndexOf('#');
    return this.ev.ir(key.slice(0, at))?.sites[Number(key.slice(at + 1))]?.completion === 'return';
  }

  private callsOf(file: string, e: Expr): string[] {
    return this.ev.values(file, e).flatMap(callSteps);
  }

  /** The prefix a router's own chain gives it: `basePath('/api')` calls, `new Router({ prefix })` options. */
  private ownPrefix(file: string, e: Expr, rules: PrefixRules): string {
    if (rules.calls.length === 0 && rules.keys.length === 0) return '';
    for (const v of this.ev.values(file, e)) {
      if (v.t !== 'ext') continue;
      let prefix = '';
      v.steps.forEach((s, i) => {
        const ir = s.file ? this.ev.ir(s.file) : undefined;
        const site = ir && s.site !== undefined ? ir.sites[s.site] : undefined;
        if (!ir || !site) return;
        const text = rules.calls.includes(v.steps[i - 1]?.p ?? '') && s.p === '()'
          ? staticText(ir, site.args[0], 0, this.ev.follow)
          : this.optionsPrefix(s.file!, site.args, rules.keys);
        if (text?.startsWith('/')) prefix = join(prefix, text);
      });
      if (prefix) return prefix;
    }
    return '';
  }

  /** The text at a prefix key of an options-object argument. */
  private optionsPrefix(file: string, args: Expr[], keys: string[]): string | null {
    if (keys.length === 0) return null;
    for (const arg of args) {
      for (const v of this.ev.values(file, arg)) {
        if (v.t !== 'obj') continue;
        for (const key of keys) {
          // A dotted key is a path of options objects (hapi's `{ routes: { prefix: '/api' } }`).
          const [first, ...rest] = key.split('.');
          const prop = v.props.find((p) => p.key === first);
          if (!prop) continue;
          const text = rest.length > 0 ? this.optionsPrefix(v.file, [prop.value], [rest.join('.')]) : staticText(this.ev.ir(v.file)!, prop.value, 0, this.ev.follow);
          if (text !== null && text.startsWith('/')) return text;
        }
      }
    }
    return null;
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
    const text = ir && call?.site !== undefined ? staticText(ir, ir.sites[call.site]?.args[0], 0, ev.follow) : null;
    if (text !== null && text !== undefined) return text;
  }
  return null;
}

function callSteps(v: Value): string[] {
  if (v.t !== 'ext') return [];
  return v.steps.flatMap((s) => (s.site !== undefined && s.file ? [`${s.file}#${s.site}`] : [])).reverse();
}

/**
 * A path under a prefix: `/api` + `pay` is `/api/pay`; a prefix that is no URL path is a name
 * prefix, put in front as it is (tRPC v9 `merge('booking.', router)` + `create` is `booking.create`).
 */
function join(prefix: string, path: string): string {
  if (prefix === '') return path;
  if (!prefix.startsWith('/')) return prefix + path;
  const joined = `${prefix.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  return joined.length > 1 ? joined.replace(/\/+$/, '') : joined;
}
