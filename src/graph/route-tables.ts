// Routes declared in tables that name their handler by a key instead of holding it: Strapi's
// `src/api/booking/routes/custom.ts` exports `{ routes: [{ method: 'POST', path: '/bookings/checkout',
// handler: 'booking.checkout' }] }`, and the action `checkout` of the booking controller answers it.
import path from 'node:path';
import type { FileIR } from '../model/ir.js';
import type { RouteTableRule } from '../recognizers/define.js';
import type { Evaluator } from '../symbols/evaluate.js';
import { staticText } from '../symbols/text.js';
import { globMatcher } from '../util/glob.js';
import { objectsAt, type ObjValue } from './entries.js';
import { fillGroups } from './framework-modules.js';

export interface TableRoute {
  route: string;
  method: string;
}

/** `<controller file without extension>#<action>` -> the route and method a table gives it. */
export function tableRoutes(ev: Evaluator, files: FileIR[], rule: RouteTableRule, appRelative: (file: string) => string): Map<string, TableRoute> {
  const out = new Map<string, TableRoute>();
  const re = globMatcher(rule.files);
  const handlers = rule.handlers.map((h) => ({ ...h, re: new RegExp(h.key) }));
  const textOf = (obj: ObjValue, keys: string[]) => {
    const prop = obj.props.find((p) => p.key !== null && keys.includes(p.key));
    const ir = ev.ir(obj.file);
    return prop && ir ? staticText(ir, prop.value, 0, ev.follow) : null;
  };
  for (const ir of files) {
    if (!re.test(ir.file) && !re.test(appRelative(ir.file))) continue;
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
  return out;
}
