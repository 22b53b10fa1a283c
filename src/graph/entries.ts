// Entry points: where a request or event enters the app, found from the frameworks' route-file
// conventions, directives, route registrations and decorators, plus every function that reaches
// a payment call and has no caller in the scanned code.
import { soleDefinition, type ExportDecl, type Expr, type FileIR } from '../model/ir.js';
import { fnKey, type Value } from '../model/values.js';
import type { FrameworkRecognizer, RegistrationRule, RouteFileRule } from '../recognizers/define.js';
import { isModuleOrSubpath } from '../recognizers/match.js';
import type { SiteFact } from '../recognize/facts.js';
import type { Evaluator } from '../symbols/evaluate.js';
import { staticText } from '../symbols/text.js';
import { globMatcher, type PathMatcher } from '../util/glob.js';
import { appFolders } from './app-folders.js';
import { Mounts, routeOfChain } from './mounts.js';
import { resourceActions, resourceRoute } from './resources.js';
import { tableRoutes, type TableRoutes } from './route-tables.js';
import { defaultExport, filesAtStem, fillGroups, frameworkModule, methodKeys } from './framework-modules.js';
import type { DeclaredHandler } from '../project/deployment.js';
import type { SchemaEntity } from '../project/discover.js';
import { addTo } from '../util/multimap.js';

export interface EntryPoint {
  fn: string;
  file: string;
  pos: number;
  kind: string;
  name: string;
  /** Route path or URL pattern, when known. */
  route: string | null;
  framework: string | null;
  /** The HTTP method the route answers (`app.get`, `export function POST`); absent when any or unknown. */
  method?: string;
}

const HTTP_METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

/** `{ method }` when `verb` names one HTTP method (`all`, `use`, `route` answer any), to spread into an entry. */
export function httpMethod(verb: string | null | undefined): { method?: string } {
  const upper = verb?.toUpperCase() ?? '';
  return HTTP_METHODS.has(upper) ? { method: upper } : {};
}

/** Whether a framework is in use for a file (its package is a dependency of the app the file belongs to). */
export type FrameworkActive = (fw: FrameworkRecognizer, file: string) => boolean;
/** A file's path relative to the app (the nearest package.json) it belongs to. */
export type AppRelative = (file: string) => string;

/**
 * The entry points frameworks declare. `unserved` is filled with the functions a framework is told
 * not to serve (a Strapi core router's `except`): no entry point, nor a root of their own.
 */
export function findEntries(
  ev: Evaluator, files: FileIR[], frameworks: FrameworkRecognizer[], facts: SiteFact[],
  active: FrameworkActive = () => true, appRelative: AppRelative = (f) => f, schema: SchemaEntity[] = [], unserved = new Set<string>(),
): EntryPoint[] {
  const entries = new Map<string, EntryPoint>();
  const tables = new Map<RouteFileRule, TableRoutes>();
  const add = (e: EntryPoint) => {
    const had = entries.get(e.fn);
    if (!had) entries.set(e.fn, e);
    // One function under several methods (`export { handler as GET, handler as POST }`) answers each.
    else if (had.method !== e.method) delete had.method;
  };
  const folders = appFolders(ev, files, frameworks);
  for (const fw of frameworks) {
    for (const rule of fw.routeFiles ?? []) {
      const re = globMatcher(rule.glob);
      for (const ir of files) {
        // Where the framework's conventions see the file: `src/routes/` is `app/routes/` under `appDirectory: 'src'`.
        const path = folders.conventionalPath(fw.id, ir.file);
        if (!fileMatches(re, path, appRelative(path)) || !active(fw, ir.file)) continue;
        const { route, method } = rule.routeStyle === 'remix' ? { route: remixRouteOfFile(path), method: null }
          : rule.routeStyle === 'nitro' ? nitroRouteOfFile(path) : { route: routeOfFile(path), method: null };
        if (rule.module) add({ fn: fnKey({ file: ir.file, fn: 0 }), file: ir.file, pos: 0, kind: rule.entry, name: route, route, framework: fw.id });
        // Route-file rules name ESM exports: `module.exports = handler` answers to none of them, unless the rule says so.
        forEachExportedEntry(ev, ir, rule.exports, rule.commonJs ?? false, (name, x, fns) => {
          if (rule.routeTable) {
            // Actions routed by tables elsewhere: named after their controller when no table routes them.
            const table = tables.get(rule) ?? tables.set(rule, tableRoutes(ev, files, rule.routeTable, appRelative, schema)).get(rule)!;
            const stem = ir.file.replace(/\.[^/.]+$/, '');
            for (const [key, fn, pos] of valueFunctions(ev, frameworkModule(ev, frameworks, ir.file, 0))) {
              const routed = table.routes.get(`${stem}#${key}`);
              if (!routed && table.unserved.has(`${stem}#${key}`)) {
                unserved.add(fn);
                continue;
              }
              const label = routed ? [routed.method, routed.route].filter(Boolean).join(' ') : `${stem.slice(stem.lastIndexOf('/') + 1)}.${key}`;
              add({ fn, file: ir.file, pos, kind: rule.entry, name: label, route: routed?.route ?? null, framework: fw.id });
            }
            return;
          }
          const label = name === 'default' ? [method, route].filter(Boolean).join(' ') : `${name} ${route}`;
          const answers = httpMethod(name === 'default' ? method : name);
          for (const fn of fns) add({ fn, file: ir.file, pos: x.pos, kind: rule.entry, name: label, route, framework: fw.id, ...answers });
          // `export const actions = { default: ..., book: ... }`: each function is an entry point.
          for (const [key, fn, pos] of objectFunctions(ev, ir, x.value)) {
            add({ fn, file: ir.file, pos, kind: rule.entry, name: `${name}.${key} ${route}`, route, framework: fw.id });
          }
        });
      }
    }
    for (const d of fw.directives ?? []) addDirectiveEntries(ev, files.filter((ir) => active(fw, ir.file)), fw, d, add);
  }
  const keyRoutes = new KeyRoutes(ev, facts);
  const mounts = new Mounts(ev, facts);
  const clientDirectives = frameworks.flatMap((fw) => fw.clientDirectives ?? []);
  for (const f of facts) {
    if (f.kind !== 'registration') continue;
    const ir = ev.ir(f.file)!;
    // Browser code: its timers and listeners serve one open page, not the server.
    if (clientDirectives.some((d) => ir.directives.includes(d))) continue;
    const site = ir.sites[f.site]!;
    const reg = f.match!.registration!;
    const routeText = reg.routeArg !== undefined ? staticText(ir, site.args[reg.routeArg], 0, ev.follow) : null;
    const chainRoute = routeText ?? routeOfChain(ev, f);
    const route = (chainRoute === null ? null : mounts.route(f, chainRoute))
      ?? (reg.routeFromFile && matchesFile(reg.routeFromFile, ir.file, appRelative(ir.file)) ? routeOfFile(ir.file) : null)
      ?? (reg.routeFromKeys ? keyRoutes.route(f.file, f.site) : null)
      ?? (reg.routeFromExport ? exportRoute(ir, f.site, reg.routeFromExport) : null);
    const call = f.api.split('.').pop()!;
    let namespace: string | null | undefined;
    const namespaceOf = () => (namespace === undefined ? (namespace = mounts.chainedText(f, reg.namespaces?.calls ?? [])) : namespace);
    // A plugin is no handler; a mounted router's chain holds handlers registered on it, not here.
    if (reg.pluginCalls?.includes(call)) continue;
    const mount = reg.mountCalls?.includes(call) ?? false;
    if (reg.resources && reg.resourceCalls?.includes(call)) {
      // `router.resource('bookings', BookingsController)`: an entry per action, below the resource's route.
      const base = routeText === null ? null : mounts.route(f, resourceRoute(routeText, reg.resources));
      for (const a of resourceActions(ev, ir, site, reg.resources)) {
        const aRoute = base === null ? null : joinRoute([base, a.path]);
        for (const fn of [...entryFunctions(ev, ir, a.handler), ...namedHandler(ev, ir, a.handler, reg, namespaceOf)]) {
          add({ fn, file: ir.file, pos: site.start, kind: reg.entry, name: [a.method, aRoute].filter(Boolean).join(' '), route: aRoute, framework: f.recognizer.id, ...httpMethod(a.method) });
        }
      }
      continue;
    }
    const method = reg.methodFromCall ? call.toUpperCase() : '';
    site.args.forEach((arg, i) => {
      if (i === reg.routeArg && routeText !== null) return;
      if (mount && ev.values(ir.file, arg).some((v) => v.t === 'ext' && f.recognizer.packages.some((p) => isModuleOrSubpath(v.module, p)))) return;
      for (const fn of [...entryFunctions(ev, ir, arg), ...namedHandler(ev, ir, arg, reg, namespaceOf)]) {
        // Unrouted (`export const bookSlot = functions.region('eu').https.onCall(async () => ...)`):
        // named after its function, which takes the name it is exported or registered under, else after the call.
        add({ fn, file: ir.file, pos: site.start, kind: reg.entry, name: [method, route].filter(Boolean).join(' ') || ownName(ev, fn) || f.api || functionName(ev, fn), route, framework: f.recognizer.id, ...httpMethod(method) });
      }
      // `app.route({ method: 'POST', url: '/x', handler })`, Payload's `endpoints: [{ path, method, handler }]`.
      for (const h of optionHandlers(ev, ir, arg, reg)) {
        // Without keys of its own, the options object is routed by the registration (tRPC v9 `.mutation('name', { resolve })`).
        const hRoute = h.route === null ? route : mounts.route(f, h.route);
        add({ fn: h.fn, file: h.file, pos: h.pos ?? site.start, kind: reg.entry, name: [h.method || method, hRoute].filter(Boolean).join(' ') || f.api, route: hRoute, framework: f.recognizer.id, ...httpMethod(h.method || method) });
      }
    });
  }
  addDecoratedEntries(ev, files, frameworks, add);
  return [...entries.values()];
}

const MAX_GROUP_DEPTH = 8;

/**
 * Routes made of the keys a registration sits under in route groups (`routeFromKeys`): each group
 * call's object arguments are read once, recording under which keys (through plain nested objects)
 * the result of each call is placed; a route is those keys, then the keys its group sits under.
 */
export class KeyRoutes {
  /** `file#site` of a placed call -> where: the group call it sits in and the keys within it. */
  private readonly placed = new Map<string, { group: string; keys: string[] }>();
  /** group -> the calls placed in it, with their keys (built on first use). */
  private below: Map<string, { keys: string[]; at: string }[]> | null = null;

  private readonly ev: Evaluator;

  constructor(ev: Evaluator, facts: SiteFact[]) {
    this.ev = ev;
    // Facts come in a fixed order (files, then sites): the first placement found for a call is kept.
    for (const f of facts) {
      if (f.kind !== 'route-group') continue;
      const site = ev.ir(f.file)?.sites[f.site];
      for (const arg of site?.args ?? []) this.place(f.file, arg, `${f.file}#${f.site}`, [], 0);
    }
  }

  private place(file: string, e: Expr, group: string, keys: string[], depth: number): void {
    if (depth > MAX_GROUP_DEPTH) return;
    for (const v of this.ev.values(file, e)) {
      if (v.t === 'obj') {
        for (const p of v.props) if (p.key !== null && p.key !== '...') this.place(v.file, p.value, group, [...keys, p.key], depth + 1);
        continue;
      }
      const last = v.t === 'ext' ? v.steps[v.steps.length - 1] : undefined;
      if (last?.site === undefined || !last.file) continue;
      const key = `${last.file}#${last.site}`;
      if (key !== group && !this.placed.has(key)) this.placed.set(key, { group, keys });
    }
  }

  /**
   * The calls (`file#site`) a group holds under exactly these keys, through the groups placed in it:
   * `['booking', 'create']` on the app's router is the `create` procedure of its booking router.
   */
  placedAt(group: string, names: string[], depth = 0): string[] {
    if (depth > MAX_GROUP_DEPTH) return [];
    if (!this.below) {
      this.below = new Map();
      for (const [at, { group: g, keys }] of this.placed) addTo(this.below, g, { keys, at });
    }
    return (this.below.get(group) ?? []).flatMap(({ keys, at }) => {
      if (keys.length > names.length || keys.some((k, i) => names[i] !== k)) return [];
      return keys.length === names.length ? [at] : this.placedAt(at, names.slice(keys.length), depth + 1);
    });
  }

  /** The dotted keys above a call, outermost first; null when it sits in no group. */
  route(file: string, site: number): string | null {
    const keys: string[] = [];
    const seen = new Set<string>();
    let at = this.placed.get(`${file}#${site}`);
    if (!at) return null;
    while (at && !seen.has(at.group)) {
      seen.add(at.group);
      keys.unshift(...at.keys);
      at = this.placed.get(at.group);
    }
    return keys.join('.') || null;
  }
}

/** `payments:checkout` for `export const checkout = action(...)` in `convex/payments.ts` (folder `convex`). */
function exportRoute(ir: FileIR, site: number, folder: string): string | null {
  const at = ir.file.lastIndexOf(`${folder}/`);
  if (at !== 0 && ir.file[at - 1] !== '/') return null;
  const module = ir.file.slice(at + folder.length + 1).replace(/\.[^/.]+$/, '');
  for (const x of ir.exports) {
    const value = x.kind === 'local' ? soleDefinition(ir, x.value) ?? x.value : null;
    if (x.kind === 'local' && value?.k === 'call' && value.site === site) return `${module}:${x.name}`;
  }
  return null;
}

/** A route-file glob holds for a file by its scan path or its path in its app (monorepos). */
function fileMatches(re: PathMatcher, file: string, inApp: string): boolean {
  return re.test(file) || re.test(`/${file}`) || re.test(inApp);
}

function matchesFile(globs: string[], file: string, inApp: string): boolean {
  return globs.some((g) => fileMatches(globMatcher(g), file, inApp));
}

/** Handlers a deployment descriptor names (`Handler: app.lambdaHandler` with `CodeUri: bookings/`). */
export function declaredEntries(ev: Evaluator, files: FileIR[], handlers: DeclaredHandler[]): EntryPoint[] {
  const out: EntryPoint[] = [];
  for (const h of handlers) {
    const ir = files.find((f) => f.file.replace(/\.[mc]?[jt]sx?$/, '') === h.stem);
    if (!ir) continue;
    for (const x of ir.exports) {
      if (x.kind !== 'local' || x.name !== h.export) continue;
      for (const fn of entryFunctions(ev, ir, x.value)) {
        out.push({ fn, file: ir.file, pos: x.pos, kind: 'lambda-handler', name: h.route ?? `${h.export} (${h.descriptor})`, route: h.route, framework: 'aws-lambda' });
      }
    }
  }
  return out;
}

export type ObjValue = Extract<Value, { t: 'obj' }>;

function optionsObjects(ev: Evaluator, ir: FileIR, e: Expr): ObjValue[] {
  return ev.values(ir.file, e).filter((v): v is ObjValue => v.t === 'obj');
}

export interface OptionHandler {
  fn: string;
  /** The options object that holds it. */
  options: ObjValue;
  /** Where the options object is, when it is not the argument itself. */
  file: string;
  pos: number | null;
  route: string | null;
  method: string;
}

/**
 * The handlers in options objects of a registration's argument (`handlerKeys`), found at the rule's
 * `optionPaths`, with the route and method their sibling keys name.
 */
export function optionHandlers(ev: Evaluator, ir: FileIR, arg: Expr, reg: RegistrationRule): OptionHandler[] {
  if (!reg.handlerKeys) return [];
  const out: OptionHandler[] = [];
  const textOf = (obj: ObjValue, keys: string[] | undefined) => {
    const prop = obj.props.find((p) => p.key !== null && (keys ?? []).includes(p.key));
    const objIr = ev.ir(obj.file);
    return prop && objIr ? staticText(objIr, prop.value, 0, ev.follow) : null;
  };
  for (const path of reg.optionPaths ?? ['']) {
    const nested = path !== '';
    for (const { obj, scope, outer } of objectsAt(ev, ir.file, arg, path === '' ? [] : path.split('.'), [], reg.routeScopeKeys ?? [], textOf)) {
      const objIr = ev.ir(obj.file);
      if (!objIr) continue;
      const own = textOf(obj, reg.routeKeys);
      const route = scope.length === 0 ? own : joinRoute([...scope, own ?? '']);
      // hapi's `{ method: 'POST', path, options: { handler } }`: the method of the route that holds the options.
      const method = [obj, ...outer].map((o) => textOf(o, reg.methodKeys)).find((m) => m !== null)?.toUpperCase() ?? '';
      for (const prop of obj.props) {
        if (prop.key === null || !reg.handlerKeys.includes(prop.key)) continue;
        for (const fn of entryFunctions(ev, objIr, prop.value)) out.push({ fn, options: obj, file: nested ? obj.file : ir.file, pos: nested ? obj.pos : null, route, method });
      }
    }
  }
  return out;
}

/**
 * The objects at a path of keys and `[]` steps below an expression, with the scope texts passed on
 * the way and the objects that hold them (nearest first).
 */
export function objectsAt(
  ev: Evaluator, file: string, e: Expr, steps: string[], scope: string[], scopeKeys: string[],
  textOf: (obj: ObjValue, keys: string[]) => string | null, depth = 0, outer: ObjValue[] = [],
): { obj: ObjValue; scope: string[]; outer: ObjValue[] }[] {
  if (depth > 8) return [];
  const [step, ...rest] = steps;
  if (step === '[]') {
    return arrayItems(ev, file, e).flatMap((item) => objectsAt(ev, item.file, item.expr, rest, scope, scopeKeys, textOf, depth + 1, outer));
  }
  // A key of a module's exports (hapi's `exports.plugin = { name, register }`, loaded with require()).
  const exported = step !== undefined && ev.values(file, e).some((v) => v.t === 'ns')
    ? ev.definitions(file, { k: 'member', obj: e, prop: step }).flatMap((d) => objectsAt(ev, d.file, d.expr, rest, scope, scopeKeys, textOf, depth + 1, outer))
    : [];
  return exported.concat(optionsObjects(ev, ev.ir(file)!, e).flatMap((obj) => {
    if (step === undefined) return [{ obj, scope, outer }];
    const here = textOf(obj, scopeKeys);
    const inner = here === null ? scope : [...scope, here];
    return obj.props.filter((p) => p.key === step).flatMap((p) => objectsAt(ev, obj.file, p.value, rest, inner, scopeKeys, textOf, depth + 1, [obj, ...outer]));
  }));
}

/** The elements of an array expression, following variables that hold one. */
function arrayItems(ev: Evaluator, file: string, e: Expr, depth = 0): { file: string; expr: Expr }[] {
  if (depth > 4) return [];
  if (e.k === 'arr') return e.items.map((expr) => ({ file, expr }));
  return ev.definitions(file, e).filter((d) => d.expr !== e).flatMap((d) => arrayItems(ev, d.file, d.expr, depth + 1));
}

/** `['tours', '/:id/pay']` -> `/tours/:id/pay`. */
function joinRoute(parts: string[]): string {
  return '/' + parts.map((s) => s.replace(/^\/|\/$/g, '')).filter(Boolean).join('/');
}

/** The function-valued properties of an exported object: [key, function, position]. */
function objectFunctions(ev: Evaluator, ir: FileIR, e: Expr): [string, string, number][] {
  return valueFunctions(ev, optionsObjects(ev, ir, e));
}

/** The functions held by the properties of object values, by key. */
function valueFunctions(ev: Evaluator, values: Value[]): [string, string, number][] {
  const out: [string, string, number][] = [];
  for (const obj of values.filter((v): v is ObjValue => v.t === 'obj')) {
    for (const p of obj.props) {
      if (p.key === null || p.key === '...') continue;
      for (const v of ev.values(obj.file, p.value)) {
        if (v.t === 'fn') out.push([p.key, fnKey(v), ev.ir(v.file)?.functions[v.fn]?.start ?? obj.pos]);
      }
    }
  }
  return out;
}

function addDirectiveEntries(
  ev: Evaluator, files: FileIR[], fw: FrameworkRecognizer, d: { directive: string; entry: string }, add: (e: EntryPoint) => void,
): void {
  for (const ir of files) {
    if (ir.directives.includes(d.directive)) {
      for (const x of ir.exports) {
        if (x.kind !== 'local') continue;
        for (const fn of entryFunctions(ev, ir, x.value)) add({ fn, file: ir.file, pos: x.pos, kind: d.entry, name: x.name, route: null, framework: fw.id });
      }
    }
    ir.functions.forEach((f, i) => {
      if (i > 0 && f.directives.includes(d.directive)) {
        add({ fn: fnKey({ file: ir.file, fn: i }), file: ir.file, pos: f.start, kind: d.entry, name: f.name, route: null, framework: fw.id });
      }
    });
  }
}

function addDecoratedEntries(ev: Evaluator, files: FileIR[], frameworks: FrameworkRecognizer[], add: (e: EntryPoint) => void): void {
  const rules = frameworks.flatMap((fw) => (fw.decorators ?? []).map((rule) => ({ fw, rule })));
  if (rules.length === 0) return;
  for (const ir of files) {
    for (const cls of ir.classes) {
      for (const { fw, rule } of rules) {
        const classDeco = cls.decorators.find((d) => decoratorIs(ev, ir, d.name, rule.classModule ?? rule.module, rule.classDecorators));
        if (!classDeco) continue;
        const base = staticText(ir, classDeco.args[0], 0, ev.follow) ?? '';
        for (const fnIndex of Object.values(cls.methods)) {
          const f = ir.functions[fnIndex]!;
          const deco = f.decorators.find((d) => decoratorIs(ev, ir, d.name, rule.module, rule.methodDecorators));
          if (!deco) continue;
          const decoName = ev.values(ir.file, deco.name).find((v) => v.t === 'ext');
          const verb = decoName?.t === 'ext' ? decoName.steps[decoName.steps.length - 1]?.p ?? '' : '';
          if (rule.patterns) {
            const pattern = patternText(ev, ir, deco.args[0]) ?? '?';
            add({ fn: fnKey({ file: ir.file, fn: fnIndex }), file: ir.file, pos: f.start, kind: rule.entry, name: `${verb.toUpperCase()} ${pattern} (${f.name})`, route: null, framework: fw.id });
            continue;
          }
          const sub = staticText(ir, deco.args[0], 0, ev.follow) ?? '';
          const route = joinRoute([base, sub]);
          add({ fn: fnKey({ file: ir.file, fn: fnIndex }), file: ir.file, pos: f.start, kind: rule.entry, name: `${verb.toUpperCase()} ${route} (${f.name})`, route, framework: fw.id, ...httpMethod(verb) });
        }
      }
    }
  }
}

/** Whether a decorator is one of `names` exported by `module` (or a subpath of it). */
export function decoratorIs(ev: Evaluator, ir: FileIR, name: Expr, module: string, names: string[]): boolean {
  return ev.values(ir.file, name).some((v) => v.t === 'ext' && isModuleOrSubpath(v.module, module) && v.steps.length === 1 && names.includes(v.steps[0]!.p));
}

/** A message pattern as it is written: `booking.created`, `{ cmd: charge }`; null when it is not static. */
export function patternText(ev: Evaluator, ir: FileIR, e: Expr | undefined): string | null {
  if (!e) return null;
  const text = staticText(ir, e, 0, ev.follow);
  if (text !== null) return text;
  const obj = ev.values(ir.file, e).find((v) => v.t === 'obj');
  if (obj?.t !== 'obj') return null;
  const objIr = ev.ir(obj.file)!;
  return `{ ${obj.props.map((p) => `${p.key}: ${staticText(objIr, p.value, 0, ev.follow) ?? '?'}`).join(', ')} }`;
}

type LocalExport = Extract<ExportDecl, { kind: 'local' }>;

/**
 * Each local export of a file that `names` ask for ('*': every one), by the name it answers to, with
 * the functions it stands for. `module.exports = handler` answers to 'default' when
 * `commonJsDefault`, else it is left out.
 */
export function forEachExportedEntry(
  ev: Evaluator, ir: FileIR, names: string[], commonJsDefault: boolean, found: (name: string, x: LocalExport, fns: string[]) => void,
): void {
  for (const x of ir.exports) {
    if (x.kind !== 'local' || (x.name === 'module.exports' && !commonJsDefault)) continue;
    const name = x.name === 'module.exports' ? 'default' : x.name;
    if (names.includes('*') || names.includes(name)) found(name, x, entryFunctions(ev, ir, x.value));
  }
}

/**
 * The functions an exported or registered value stands for. A wrapper call such as
 * `withAuth(handler)` or `asyncHandler(async (req, res) => ...)` stands for the function it wraps:
 * the wrapper's own returned closure is shared by every route and would merge them. The wrapper
 * call may sit in another module (`router.post(path, controller.pay)` with
 * `exports.pay = catchAsync(async (req, res) => ...)`).
 */
export function entryFunctions(ev: Evaluator, ir: FileIR, e: Expr, depth = 0): string[] {
  if (depth > 6) return [];
  const method = controllerMethod(ev, ir, e);
  if (method) return method;
  for (const def of ev.definitions(ir.file, e)) {
    const defIr = ev.ir(def.file);
    if (!defIr || def.expr.k !== 'call') continue;
    const site = defIr.sites[def.expr.site]!;
    const wrapped = site.args.flatMap((a) => entryFunctions(ev, defIr, a, depth + 1));
    if (wrapped.length > 0) return wrapped;
  }
  return ev.values(ir.file, e).filter((v): v is Extract<Value, { t: 'fn' }> => v.t === 'fn').map((v) => fnKey(v));
}

/**
 * `[BookingsController, 'store']`: a controller class and the name of its method (AdonisJS routes),
 * the class imported or loaded lazily (`const BookingsController = () => import('#controllers/bookings_controller')`).
 */
function controllerMethod(ev: Evaluator, ir: FileIR, e: Expr): string[] | null {
  const [target, named] = e.k === 'arr' && e.items.length === 2 ? e.items : [];
  const name = named?.k === 'lit' && typeof named.value === 'string' ? named.value : null;
  if (!target || name === null) return null;
  const loaded = ev.values(ir.file, target).flatMap((v) => (v.t === 'fn' ? ev.fnReturns(v.file, v.fn, 0).flatMap((m) => [m, ...ev.member(m, 'default', 0)]) : [v]));
  return methodKeys(ev, loaded, name);
}

/**
 * The controller method a string names (`'BookingsController.store'`), by the rule's `namedHandlers`,
 * below the folder a namespace names (`namespaces`) when the registration has one.
 */
function namedHandler(ev: Evaluator, ir: FileIR, arg: Expr, reg: RegistrationRule, namespace: () => string | null): string[] {
  const text = reg.namedHandlers ? staticText(ir, arg, 0, ev.follow) : null;
  if (text === null) return [];
  for (const h of reg.namedHandlers ?? []) {
    const m = new RegExp(h.key).exec(text);
    if (!m) continue;
    const ns = reg.namespaces && h.namespaced !== undefined ? namespace() : null;
    const folder = ns === null ? null : new RegExp(reg.namespaces!.key).exec(ns);
    const file = folder ? `${fillGroups(reg.namespaces!.folder, folder)}/${fillGroups(h.namespaced!, m)}` : fillGroups(h.file, m);
    return methodKeys(ev, filesAtStem(ev, file).flatMap((f) => defaultExport(ev, f, 0)), fillGroups(h.method, m));
  }
  return [];
}

/** A function's own name: null for one known only as an argument (`onCall callback`, `anonymous`). */
function ownName(ev: Evaluator, key: string): string | null {
  const name = functionName(ev, key);
  return name === key || name === 'anonymous' || name.endsWith(' callback') ? null : name;
}

function functionName(ev: Evaluator, key: string): string {
  const at = key.lastIndexOf('#');
  return ev.ir(key.slice(0, at))?.functions[Number(key.slice(at + 1))]?.name ?? key;
}

/** `apps/web/src/app/api/checkout/[id]/route.ts` -> `/api/checkout/[id]`. */
export function routeOfFile(file: string): string {
  const m = /(?:^|\/)(?:app|pages|routes|functions|api)\/(.*)$/.exec(file);
  let route = m ? m[0].replace(/^\/?(?:app|pages|routes)\//, '/').replace(/^\/?functions\//, '/') : `/${file}`;
  route = route.replace(/\/\([^)]*\)/g, '').replace(/\/(?:route|page|index|\+server|\+page\.server)\.[^/]+$/, '').replace(/\.[^/.]+$/, '');
  return route || '/';
}

/** Nitro file routes: `server/api/checkout.post.ts` is `POST /api/checkout`, `bookings/index.get.ts` `GET /api/bookings`. */
export function nitroRouteOfFile(file: string): { route: string; method: string | null } {
  const m = /\.(get|post|put|patch|delete|head|options)(?=\.[^/.]+$)/i.exec(file);
  if (!m) return { route: routeOfFile(file), method: null };
  return { route: routeOfFile(file.slice(0, m.index) + file.slice(m.index + m[0].length)), method: m[1]!.toUpperCase() };
}

/**
 * Remix / React Router file routes (https://remix.run/docs/en/main/file-conventions/routes): below
 * `app/routes`, dots and folders separate segments, `$id` is a parameter, `_index` an index route,
 * a leading `_` a layout without a segment, a trailing `_` no nesting (a trailing `+` a folder of such files, remix-flat-routes), `[.]` a literal character;
 * `tours.$tourId.book.tsx`, `tours.$tourId.book/route.tsx` and `tours/$tourId/book.tsx` are all
 * `/tours/:tourId/book`. `app/root.tsx` is `/`.
 */
export function remixRouteOfFile(file: string): string {
  const m = /(?:^|\/)app\/routes\/(.*)$/.exec(file);
  if (!m) return /(?:^|\/)app\/root\.[^/]+$/.test(file) ? '/' : routeOfFile(file);
  return remixRouteBelow(m[1]!);
}

/** The route of a module by the file-route convention, from its path below the routes folder. */
export function remixRouteBelow(path: string): string {
  const rel = path.replace(/\.[^/.]+$/, '').replace(/\/route$/, '');
  const segments = (rel.match(/(?:\[[^\]]*\]|[^./])+/g) ?? [])
    .filter((seg) => seg !== '_index' && seg !== 'index' && !seg.startsWith('_'))
    .map((seg) => seg.replace(/[_+]$/, '').replace(/^\(?(.*?)\)?$/, '$1'))
    .map((seg) => (seg === '$' ? '*' : seg.startsWith('$') ? `:${seg.slice(1)}` : seg.replace(/\[([^\]]*)\]/g, '$1')));
  return `/${segments.join('/')}`;
}
