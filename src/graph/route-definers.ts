// Routes a Remix config declares with a function (`remix.config.js`, or the options of the Vite
// plugin): `routes(defineRoutes) { return defineRoutes((route) => { route('cabins/:id', 'cabins/reserve.tsx') }) }`,
// or a package's convention handed the define function (`flatRoutes('pages', defineRoutes)`).
// Route modules can then live anywhere below the app folder; the config is read statically, never run.
import { posix } from 'node:path';
import { soleDefinition, type Expr, type FileIR } from '../model/ir.js';
import type { FrameworkRecognizer, RouteDefinerRule } from '../recognizers/define.js';
import type { Evaluator } from '../symbols/evaluate.js';
import { staticText } from '../symbols/text.js';
import { globMatcher } from '../util/glob.js';
import { appFolders } from './app-folders.js';
import type { EntryPoint } from './entries.js';
import { conventionModules, declaredModuleEntries, joinSegments, moduleOf, type Declared } from './route-configs.js';

/** The entry points of the route modules each config file's `routes` function declares. */
export function routeDefinerEntries(ev: Evaluator, files: FileIR[], frameworks: FrameworkRecognizer[]): EntryPoint[] {
  const out: EntryPoint[] = [];
  const folders = appFolders(ev, files, frameworks);
  for (const fw of frameworks) {
    for (const rule of fw.routeDefiners ?? []) {
      const isConfig = globMatcher(rule.configs);
      for (const ir of files) {
        if (!isConfig.test(ir.file)) continue;
        // Files are named from the app folder, which the config may move (`appDirectory: 'src'`).
        const appFolder = folders.realFolder(fw.id, posix.join(posix.dirname(ir.file), rule.folder));
        const declared: Declared[] = [];
        for (const fn of routesFunctions(ev, rule, ir)) declared.push(...definedRoutes(ev, rule, ir, fn, appFolder));
        out.push(...declaredModuleEntries(ev, declared, rule.exports, fw.id));
      }
    }
  }
  return out;
}

/** The config's functions handed the define function: named by the rule's key, or handed to an adapter call. */
function routesFunctions(ev: Evaluator, rule: RouteDefinerRule, ir: FileIR): number[] {
  const out = ir.functions.flatMap((fn, i) => (fn.name === rule.key && fn.params.length > 0 ? [i] : []));
  for (const site of rule.adapters ? ir.sites : []) {
    const adapted = ev.values(ir.file, site.callee).some((v) => v.t === 'ext' && v.steps.length === 1 && rule.adapters!.some((a) => a.module === v.module && a.call === v.steps[0]!.p));
    const fn = adapted ? functionArg(ir, site.args[0]) : null;
    if (fn !== null && ir.functions[fn]!.params.length > 0) out.push(fn);
  }
  return out;
}

/** Route modules the function `routesFn` declares through the define function it is handed. */
function definedRoutes(ev: Evaluator, rule: RouteDefinerRule, ir: FileIR, routesFn: number, appFolder: string): Declared[] {
  const out: Declared[] = [];
  const define = ir.functions[routesFn]!.params[0]!;
  const text = textIn(ev, ir);
  for (const site of ir.sites) {
    if (isRef(site.callee, define)) {
      // defineRoutes((route) => { ... }): calls of the callback's first parameter declare routes.
      // The callback may be written in another module (`defineRoutes(routes)`, imported).
      for (const v of site.args[0] ? ev.values(ir.file, site.args[0]) : []) {
        const at = v.t === 'fn' ? ev.ir(v.file) : undefined;
        const route = at && v.t === 'fn' ? at.functions[v.fn]!.params[0] : undefined;
        if (at && v.t === 'fn' && route !== undefined && route >= 0) out.push(...declaredByRouteCalls(ev, rule, at, v.fn, route, appFolder));
      }
      continue;
    }
    // flatRoutes('pages', defineRoutes): the package routes a folder of the app by its file names.
    if (!site.args.some((a) => isRef(a, define))) continue;
    for (const v of ev.values(ir.file, site.callee)) {
      const convention = v.t === 'ext' && v.steps.length === 1 ? rule.conventions?.find((c) => c.module === v.module && c.call === v.steps[0]!.p) : undefined;
      const arg = convention ? site.args[convention.folderArg] : undefined;
      const folders = arg?.k === 'arr' ? arg.items.map(text) : [text(arg)];
      for (const folder of folders) if (folder !== null) out.push(...conventionModules(ev, posix.join(appFolder, folder), []));
    }
  }
  return out;
}

/** `route(path, file, options?, children?)` calls in the callback and in the children functions below it. */
function declaredByRouteCalls(ev: Evaluator, rule: RouteDefinerRule, ir: FileIR, callback: number, route: number, appFolder: string): Declared[] {
  const out: Declared[] = [];
  // The path of the route whose children function each function is; the callback is the root.
  const parentsOf = new Map<number, string[]>([[callback, []]]);
  const text = textIn(ev, ir);
  // Sites are visited until no new children function is found: a child's calls may precede its parent's site.
  for (let changed = true; changed; ) {
    changed = false;
    for (const site of ir.sites) {
      const parents = parentsOf.get(site.fn);
      if (!parents || !isRef(site.callee, route)) continue;
      const segment = text(site.args[rule.route.path]);
      const here = segment === null ? parents : [...parents, segment];
      for (const arg of site.args) {
        const children = functionArg(ir, arg);
        if (children !== null && !parentsOf.has(children)) (parentsOf.set(children, here), (changed = true));
      }
    }
  }
  for (const site of ir.sites) {
    const parents = parentsOf.get(site.fn);
    if (!parents || !isRef(site.callee, route)) continue;
    const segment = text(site.args[rule.route.path]);
    const moduleFile = text(site.args[rule.route.file]);
    const found = moduleFile === null ? null : moduleOf(ev, posix.join(appFolder, moduleFile));
    if (found) out.push({ file: found, route: joinSegments(segment === null ? parents : [...parents, segment]) });
  }
  return out;
}

/** The static text of an expression of the config, or null. */
function textIn(ev: Evaluator, ir: FileIR): (e: Expr | undefined) => string | null {
  return (e) => (e === undefined ? null : staticText(ir, e, 0, ev.follow));
}

function isRef(e: Expr, binding: number): boolean {
  return e.k === 'ref' && e.b === binding;
}

/** The function an argument is, written inline or held by a local constant. */
function functionArg(ir: FileIR, e: Expr | undefined): number | null {
  const d = e?.k === 'ref' ? soleDefinition(ir, e) : e;
  return d?.k === 'fn' ? d.fn : null;
}
