// Values a framework hands later handlers by name through the request's context or the app
// (`contextValues` of a framework): Hono's `c.set('db', drizzle(c.env.DB))` read back as
// `c.get('db')` or `c.var.db`, Elysia's `app.decorate('db', new PrismaClient())` read as
// `({ db }) => ...`, Fastify's `fastify.decorate('prisma', prisma)` read as `fastify.prisma`, Koa's
// `app.context.db = db` read as `ctx.db`, React Router's `getLoadContext() { return { db } }` read
// as `context.db`, an Express middleware's `req.db = pool; next()` read as `req.db` in a route,
// Express's `app.set('db', pool)` read as `req.app.get('db')`, Fastify's decorations read through
// the request as `request.server.prisma`, hapi's `server.app.db = pool` read as
// `request.server.app.db`, Elysia's `.state('db', prisma)` read as `store.db` and
// `.derive(() => ({ db }))` read as `({ db }) => ...`. No parameter type says what they hold, so a route's
// `c.get('db').insert(bookings)` is a write only once the value set is known.
import type { Expr, FieldWrite, FileIR } from '../model/ir.js';
import { bindingsIn, sitesIn } from '../model/ir.js';
import type { Value } from '../model/values.js';
import type { ContextValuesRule, FrameworkRecognizer } from '../recognizers/define.js';
import { isModuleOrSubpath } from '../recognizers/match.js';
import type { ContextValues, Evaluator } from '../symbols/evaluate.js';
import { addTo } from '../util/multimap.js';

type Rule = ContextValuesRule & { packages: string[] };
/** Values set by name, the functions that return them all as one object, and what middleware put on requests by name. */
interface Index {
  byName: Map<string, { file: string; value: Expr }[]>;
  returners: { file: string; fn: number }[];
  onRequest: Map<string, { file: string; value: Expr }[]>;
}

export function contextValues(ev: Evaluator, frameworks: FrameworkRecognizer[]): ContextValues | null {
  const rules: Rule[] = frameworks.flatMap((fw) => [fw.contextValues ?? []].flat().map((rule) => ({ ...rule, packages: fw.packages })));
  if (rules.length === 0) return null;
  const ofPackage = (rule: Rule, module: string) => rule.packages.some((p) => isModuleOrSubpath(module, p));
  const importers = new Map<Rule, Set<string>>();
  const importersOf = (rule: Rule) => {
    let files = importers.get(rule);
    if (!files) importers.set(rule, (files = new Set([...ev.files.values()].filter((ir) => loaded(ir).some((s) => ofPackage(rule, s))).map((ir) => ir.file))));
    return files;
  };
  const imports = (rule: Rule, file: string) => importersOf(rule).has(file);
  // An app of the framework (`const app = express()`): a Map's or a cache's `set` is not its.
  const isInstance = (rule: Rule, file: string, e: Expr) => ev.values(file, e).some((v) => v.t === 'ext' && ofPackage(rule, v.module));
  const indexes = new Map<Rule, Index>();
  const indexFor = (rule: Rule) => {
    let index = indexes.get(rule);
    if (index) return index;
    // Telling an app's `set` evaluates its receiver, which may read these values again: that read
    // sees none, as a cycle answers nothing.
    indexes.set(rule, { byName: new Map(), returners: [], onRequest: new Map() });
    indexes.set(rule, (index = indexOf(rule, ev.files.values(), imports, isInstance)));
    return index;
  };
  const valuesOf = (rule: Rule, name: string, depth: number) => {
    const index = indexFor(rule);
    return [
      ...(index.byName.get(name) ?? []).flatMap((w) => ev.values(w.file, w.value, depth + 1)),
      ...index.returners.flatMap((r) => ev.fnReturns(r.file, r.fn, depth + 1).flatMap((v) => (v.t === 'obj' ? ev.member(v, name, depth + 1) : []))),
    ];
  };
  // The context itself: a parameter (in the framework's modules when nothing else says so), or a
  // value the framework's package gives (`fastify: FastifyInstance`, `c: Context`), read through
  // `last` (the bag or the getter's steps, `app.get`) when there is one. `c.req.get('x')` reads a header.
  const onContext = (rule: Rule, v: Value, last: string | null | undefined) => {
    if (last === undefined) return false;
    const path = last === null ? [] : last.split('.');
    const endsWithPath = (steps: { p: string }[]) => path.every((p, i) => steps[steps.length - path.length + i]?.p === p);
    if (v.t === 'ext') return ofPackage(rule, v.module) && endsWithPath(v.steps);
    if (v.t !== 'param') return false;
    // `request.server.prisma`: the context reached through a field of another parameter, in any module.
    if (rule.via !== undefined && v.steps[0]?.p === rule.via) return v.steps.length === path.length + 1 && endsWithPath(v.steps);
    return last === null ? v.steps.length === 0 && imports(rule, v.file) : v.steps.length === path.length && endsWithPath(v.steps);
  };
  // A handler's request: the first of two or more parameters (`(req, res) => ...`), wherever the
  // handler is declared (a controller module need not import the framework), in a scan that loads
  // the framework somewhere.
  const isRequest = (rule: Rule, v: Value) =>
    v.t === 'param' && v.index === 0 && v.steps.length === 0 && (ev.ir(v.file)?.functions[v.fn]?.params.length ?? 0) >= 2 && importersOf(rule).size > 0;
  const byModule = new Map<string, Rule[]>();
  const rulesOf = (module: string) => {
    let hit = byModule.get(module);
    if (!hit) byModule.set(module, (hit = rules.filter((r) => ofPackage(r, module))));
    return hit;
  };
  const onRequest = (rule: Rule, name: string, depth: number) => (indexFor(rule).onRequest.get(name) ?? []).flatMap((w) => ev.values(w.file, w.value, depth + 1));
  return {
    got(file, siteIndex, callee, depth) {
      const name = ev.ir(file)?.sites[siteIndex]?.args[0];
      if (name?.k !== 'lit' || typeof name.value !== 'string') return [];
      const key = name.value;
      return rules.flatMap((r) => (r.get !== undefined && callee.some((v) => onContext(r, v, r.get!)) ? valuesOf(r, key, depth) : []));
    },
    // Asked of every member read of a package's value or a parameter: a package's value is only
    // its own framework's context, so its rules are looked up once per package.
    field(v, prop, depth) {
      if (v.t !== 'ext' && v.t !== 'param') return [];
      const out: Value[] = [];
      for (const r of v.t === 'ext' ? rulesOf(v.module) : rules) {
        if (onContext(r, v, r.bag)) out.push(...valuesOf(r, prop, depth));
        if (r.middleware !== undefined && isRequest(r, v)) out.push(...onRequest(r, prop, depth));
        if (r.onRequest && isRequest(r, v)) out.push(...valuesOf(r, prop, depth));
      }
      return out;
    },
  };
}

/**
 * The values set by name. A context's `set` is a Map's too, so only one called on a parameter of
 * the framework's modules counts, or on an app of the framework (`setOn: 'instance'`); an app's
 * `decorate` is the framework's wherever it is called (a `fastify-plugin` module need not import `fastify`).
 */
function indexOf(rule: Rule, files: Iterable<FileIR>, imports: (rule: Rule, file: string) => boolean, isInstance: (rule: Rule, file: string, e: Expr) => boolean): Index {
  const out: Index['byName'] = new Map();
  const returners: Index['returners'] = [];
  const onRequest: Index['onRequest'] = new Map();
  for (const ir of files) {
    if (rule.returnedBy) ir.functions.forEach((f, fn) => f.name === rule.returnedBy && returners.push({ file: ir.file, fn }));
    if (rule.middleware !== undefined) for (const w of middlewareWrites(ir, rule.middleware)) addTo(onRequest, w.prop, { file: ir.file, value: w.value });
    if (rule.setOn === 'param' && !imports(rule, ir.file)) continue;
    if (rule.assignedOn) {
      for (const w of ir.fieldWrites ?? []) {
        if (w.op !== '=' || w.obj.k !== 'member' || w.obj.prop !== rule.assignedOn) continue;
        if (rule.setOn === 'instance' && !isInstance(rule, ir.file, w.obj.obj)) continue;
        addTo(out, w.prop, { file: ir.file, value: w.value });
      }
    }
    for (const site of ir.sites) {
      const c = site.callee;
      if (c.k !== 'member' || c.prop === null) continue;
      if (rule.returnedFrom?.includes(c.prop) && (rule.setOn !== 'instance' || isInstance(rule, ir.file, c.obj))) {
        for (const a of site.args) if (a.k === 'fn') returners.push({ file: ir.file, fn: a.fn });
      }
      if (!rule.set.includes(c.prop)) continue;
      if (rule.setOn === 'param' && !(c.obj.k === 'ref' && ir.bindings[c.obj.b]?.kind === 'param')) continue;
      if (rule.setOn === 'instance' && !isInstance(rule, ir.file, c.obj)) continue;
      const decorated = site.args[0];
      if (rule.decorates !== undefined && !(decorated?.k === 'lit' && decorated.value === rule.decorates)) continue;
      const [name, value] = rule.decorates === undefined ? site.args : site.args.slice(1);
      if (name?.k === 'lit' && typeof name.value === 'string' && value) addTo(out, name.value, { file: ir.file, value });
      else if (name?.k === 'obj') for (const p of name.props) if (p.key !== null && p.key !== '...') addTo(out, p.key, { file: ir.file, value: p.value });
    }
  }
  return { byName: out, returners, onRequest };
}

/**
 * Fields a middleware assigns on its request: `req.db = pool` in a function of `arity` parameters
 * that calls its last one (`next()`), the shape that tells a middleware from any function that
 * sets a field on its first parameter. Only a value held outside the middleware counts (a module's
 * client, or a factory's parameter: `(db) => (req, res, next) => { req.db = db; next(); }`): what it
 * computes per request (`req.user = rows[0]`, `req.tenantId = Number(id)`) is no client, and
 * following those into every handler of a large app multiplied the work many times over.
 */
function middlewareWrites(ir: FileIR, arity: number): FieldWrite[] {
  const isParamOf = (e: Expr, fn: number, index: number) => e.k === 'ref' && ir.bindings[e.b]?.defs.some((d) => d.k === 'param' && d.fn === fn && d.index === index) === true;
  const isMiddleware = (fn: number) => {
    const f = ir.functions[fn];
    return f !== undefined && f.params.length === arity && sitesIn(ir, fn).some((s) => isParamOf(s.callee, fn, arity - 1));
  };
  const heldOutside = (e: Expr, fn: number) => e.k === 'ref' && !bindingsIn(ir, fn).includes(ir.bindings[e.b]!);
  return (ir.fieldWrites ?? []).filter((w) => w.op === '=' && isParamOf(w.obj, w.fn, 0) && heldOutside(w.value, w.fn) && isMiddleware(w.fn));
}

/** The modules a file loads by `import`, or by `require` into a binding (`require('x')`, `require('x').Router`). */
function loaded(ir: FileIR): string[] {
  const out = ir.imports.map((i) => i.specifier);
  for (const b of ir.bindings) {
    for (const d of b.defs) {
      const e = d.k === 'member' ? d.obj : d;
      if (e.k === 'require') out.push(e.specifier);
    }
  }
  return out;
}
