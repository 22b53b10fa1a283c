// Routes a config module declares (React Router's `app/routes.ts`): route modules can live anywhere,
// and the path a module answers is the one its config gives, not its file name. The config is read
// statically: its default export's arrays and the builder calls in them, never run.
import { posix } from 'node:path';
import type { Expr, FileIR } from '../model/ir.js';
import type { FrameworkRecognizer, RouteConfigRule } from '../recognizers/define.js';
import type { Evaluator } from '../symbols/evaluate.js';
import { staticText } from '../symbols/text.js';
import { forEachExportedEntry, remixRouteBelow, type EntryPoint } from './entries.js';

const MAX_DEPTH = 12;
const MODULE_FILE = /\.(?:[cm]?[jt]sx?)$/;

export interface Declared {
  file: string;
  route: string;
}

/** The entry points of the route modules each config declares, routed by the config's paths. */
export function routeConfigEntries(ev: Evaluator, files: FileIR[], frameworks: FrameworkRecognizer[]): EntryPoint[] {
  const out: EntryPoint[] = [];
  for (const fw of frameworks) {
    for (const rule of fw.routeConfigs ?? []) {
      for (const ir of files) {
        if (!ir.imports.some((i) => i.specifier === rule.module)) continue;
        const declared: Declared[] = [];
        for (const x of ir.exports) if (x.kind === 'local' && x.name === 'default') walk(ev, rule, ir.file, x.value, [], declared, 0);
        out.push(...declaredModuleEntries(ev, declared, rule.exports, fw.id));
      }
    }
  }
  return out;
}

/** The entry points a declared route module exports, routed by its declared path. */
export function declaredModuleEntries(ev: Evaluator, declared: Declared[], exports: Record<string, string>, framework: string): EntryPoint[] {
  const out: EntryPoint[] = [];
  for (const d of declared) {
    const module = ev.ir(d.file);
    if (!module) continue;
    forEachExportedEntry(ev, module, Object.keys(exports), false, (name, x, fns) => {
      for (const fn of fns) out.push({ fn, file: module.file, pos: x.pos, kind: exports[name]!, name: `${name} ${d.route}`, route: d.route, framework });
    });
  }
  return out;
}

/** Route modules below an expression of the config: arrays, spreads of builder calls, variables holding them. */
function walk(ev: Evaluator, rule: RouteConfigRule, file: string, e: Expr, parents: string[], out: Declared[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  const again = (x: Expr, at = file) => walk(ev, rule, at, x, parents, out, depth + 1);
  if (e.k === 'arr') return e.items.forEach((x) => again(x));
  if (e.k === 'await') return again(e.of);
  if (e.k === 'ref') return ev.definitions(file, e).filter((d) => d.expr !== e).forEach((d) => again(d.expr, d.file));
  if (e.k !== 'call') return;
  const ir = ev.ir(file)!;
  const site = ir.sites[e.site]!;
  for (const v of ev.values(file, site.callee)) {
    if (v.t !== 'ext' || v.steps.length !== 1) continue;
    const call = v.steps[0]!.p;
    const builder = v.module === rule.module ? rule.calls[call] : undefined;
    if (builder) {
      const text = (at: number | undefined) => (at === undefined ? null : staticText(ir, site.args[at], 0, ev.follow));
      const segment = text(builder.path);
      const here = segment === null ? parents : [...parents, segment];
      const moduleFile = text(builder.file);
      if (moduleFile !== null) {
        const found = moduleOf(ev, posix.join(posix.dirname(file), moduleFile));
        if (found) out.push({ file: found, route: joinSegments(here) });
      }
      site.args.forEach((arg, i) => {
        if (i !== builder.path && i !== builder.file) walk(ev, rule, file, arg, here, out, depth + 1);
      });
      return;
    }
    const convention = rule.conventions?.find((c) => c.module === v.module && c.call === call);
    if (convention) {
      const folder = posix.join(posix.dirname(file), optionText(ev, ir, site.args[0], convention.folderOption) ?? convention.folder);
      out.push(...conventionModules(ev, folder, parents));
      return;
    }
  }
}

/** The route modules of a folder routed by their file names: a module directly in it, or a folder's `route` module. */
export function conventionModules(ev: Evaluator, folder: string, parents: string[]): Declared[] {
  const out: Declared[] = [];
  for (const f of ev.files.keys()) {
    const below = f.startsWith(`${folder}/`) ? f.slice(folder.length + 1) : null;
    if (below === null || !MODULE_FILE.test(below) || (below.includes('/') && !/^[^/]+\/route\.[^/.]+$/.test(below))) continue;
    out.push({ file: f, route: joinSegments([...parents, remixRouteBelow(below)]) });
  }
  return out;
}

/** A scanned file at a declared path, written with or without its extension. */
export function moduleOf(ev: Evaluator, path: string): string | null {
  if (ev.files.has(path)) return path;
  if (MODULE_FILE.test(path)) return null;
  for (const f of ev.files.keys()) if (f.replace(MODULE_FILE, '') === path) return f;
  return null;
}

function optionText(ev: Evaluator, ir: FileIR, arg: Expr | undefined, key: string): string | null {
  if (!arg) return null;
  for (const v of ev.values(ir.file, arg)) {
    const prop = v.t === 'obj' ? v.props.find((p) => p.key === key) : undefined;
    const at = prop && v.t === 'obj' ? ev.ir(v.file) : undefined;
    if (prop && at) return staticText(at, prop.value, 0, ev.follow);
  }
  return null;
}

/** `['cabins', ':id/reserve']` -> `/cabins/:id/reserve`. */
export function joinSegments(parts: string[]): string {
  return '/' + parts.flatMap((p) => p.split('/')).filter(Boolean).join('/');
}
