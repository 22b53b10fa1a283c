// Routes declared in tables that name their handler by a key instead of holding it: Strapi's
// `src/api/booking/routes/custom.ts` exports `{ routes: [{ method: 'POST', path: '/bookings/checkout',
// handler: 'booking.checkout' }] }`, and the action `checkout` of the booking controller answers it.
import path from 'node:path';
import type { Expr, FileIR } from '../model/ir.js';
import type { SchemaEntity } from '../project/discover.js';
import type { CoreRouterRule, RouteTableRule } from '../recognizers/define.js';
import type { Evaluator } from '../symbols/evaluate.js';
import { staticText } from '../symbols/text.js';
import { globMatcher } from '../util/glob.js';
import { objectsAt, type ObjValue } from './entries.js';
import { defaultExport, fillGroups } from './framework-modules.js';

export interface TableRoute {
  route: string;
  method: string;
}

export interface TableRoutes {
  /** `<controller file without extension>#<action>` -> the route and method a table gives it. */
  routes: Map<string, TableRoute>;
  /**
   * Actions a core router leaves out (`only`, `except`): the framework serves them on no route, so
   * unless another table routes them they are no entry points.
   */
  unserved: Set<string>;
}

export function tableRoutes(
  ev: Evaluator, files: FileIR[], rule: RouteTableRule, appRelative: (file: string) => string, schema: SchemaEntity[] = [],
): TableRoutes {
  const out = new Map<string, TableRoute>();
  const unserved = new Set<string>();
  const re = globMatcher(rule.files);
  const handlers = rule.handlers.map((h) => ({ ...h, re: new RegExp(h.key) }));
  const textOf = (obj: ObjValue, keys: string[]) => {
    const prop = obj.props.find((p) => p.key !== null && keys.includes(p.key));
    const ir = ev.ir(obj.file);
    return prop && ir ? staticText(ir, prop.value, 0, ev.follow) : null;
  };
  for (const ir of files) {
    if (!re.test(ir.file) && !re.test(appRelative(ir.file))) continue;
    if (rule.coreRouters) coreRoutes(ev, ir.file, rule.prefix, rule.coreRouters, schema, out, unserved);
    for (const x of ir.exports) {
      if (x.kind !== 'local' || (x.name !== 'default' && x.name !== 'module.exports')) continue;
      for (const { obj } of objectsAt(ev, ir.file, x.value, [rule.list, '[]'], [], [], textOf)) {
        const handler = textOf(obj, [rule.handlerKey]);
        const route = textOf(obj, [rule.pathKey]);
        if (handler === null || route === null) continue;
        for (const h of handlers) {
          const m = h.re.exec(handler);
          if (!m) continue;
          // A handler named within its own API ('booking.checkout') is found beside the table's folder.
          const file = path.posix.normalize(fillGroups(h.file, m).replace('{dir}', path.posix.dirname(ir.file)));
          const key = `${file}#${fillGroups(h.action, m)}`;
          if (!out.has(key)) out.set(key, { route: `${rule.prefix}${route}`, method: textOf(obj, [rule.methodKey])?.toUpperCase() ?? '' });
          break;
        }
      }
    }
  }
  return { routes: out, unserved };
}

/**
 * `createCoreRouter('api::booking.booking', { prefix: '/v2', only: ['create'] })` as a routes file's
 * default export: the controller's core actions, below the plural name its schema gives the model.
 * Without that schema the paths are unknown, and the actions keep their controller's names.
 */
function coreRoutes(
  ev: Evaluator, file: string, prefix: string, rule: CoreRouterRule, schema: SchemaEntity[], out: Map<string, TableRoute>, unserved: Set<string>,
): void {
  const ir = ev.ir(file)!;
  const re = new RegExp(rule.key);
  for (const v of defaultExport(ev, file, 0)) {
    if (v.t !== 'ext' || v.steps.length < 2) continue;
    const call = v.steps[v.steps.length - 1]!;
    if (call.p !== '()' || call.site === undefined || call.file !== file || !rule.calls.includes(v.steps[v.steps.length - 2]!.p)) continue;
    const [keyArg, options] = ir.sites[call.site]!.args;
    const m = re.exec(keyArg ? staticText(ir, keyArg, 0, ev.follow) ?? '' : '');
    if (!m) continue;
    const schemaFile = fillGroups(rule.schema, m);
    const plural = schema.find((e) => e.plural && (e.file === schemaFile || e.file.endsWith(`/${schemaFile}`)))?.plural;
    const opts = options ? optionsOf(ev, file, options) : { prefix: '' };
    if (opts === null) continue;
    const controller = path.posix.normalize(fillGroups(rule.file, m).replace('{dir}', path.posix.dirname(file)));
    for (const a of rule.actions) {
      const key = `${controller}#${a.action}`;
      // Left out whether or not the schema is in the scan.
      if ((opts.only && !opts.only.includes(a.action)) || opts.except?.includes(a.action)) unserved.add(key);
      else if (plural && !out.has(key)) out.set(key, { route: `${prefix}${opts.prefix}${a.path.replace('{plural}', plural)}`, method: a.method });
    }
  }
}

/** A core router's `prefix`, `only` and `except`; null when one of them cannot be read. */
function optionsOf(ev: Evaluator, file: string, e: Expr): { prefix: string; only?: string[]; except?: string[] } | null {
  const obj = ev.values(file, e).find((v): v is ObjValue => v.t === 'obj');
  if (!obj) return null;
  const ir = ev.ir(obj.file)!;
  const prop = (key: string) => obj.props.find((p) => p.key === key)?.value;
  const list = (key: string): string[] | undefined | null => {
    const value = prop(key);
    if (!value) return undefined;
    const items = ev.definitions(obj.file, value).find((d) => d.expr.k === 'arr')?.expr;
    if (items?.k !== 'arr') return null;
    const texts = items.items.map((i) => staticText(ir, i, 0, ev.follow));
    return texts.every((t): t is string => t !== null) ? texts : null;
  };
  const prefixExpr = prop('prefix');
  const prefix = prefixExpr ? staticText(ir, prefixExpr, 0, ev.follow) : '';
  const only = list('only');
  const except = list('except');
  if (prefix === null || only === null || except === null) return null;
  return { prefix: prefix.replace(/\/$/, ''), ...(only ? { only } : {}), ...(except ? { except } : {}) };
}
