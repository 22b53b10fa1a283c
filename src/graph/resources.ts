// Resourceful controllers (`RegistrationRule.resources`): one registration routes a controller's
// actions, AdonisJS `router.resource('bookings', BookingsController).apiOnly()` answering
// `POST /bookings` with `store`, `GET /bookings/:id` with `show`...
import type { CallSite, Expr, FileIR } from '../model/ir.js';
import type { ResourceRule } from '../recognizers/define.js';
import type { Evaluator } from '../symbols/evaluate.js';
import { singularNoun } from '../recognizers/vocabulary.js';
import { staticText } from '../symbols/text.js';

export interface ResourceAction {
  action: string;
  method: string;
  /** Below the resource's route. */
  path: string;
  /** The controller's method, as a registration would name it: `[Controller, 'store']` or `'Controller.store'`. */
  handler: Expr;
}

/** The route a resource's name gives: `rooms.bookings` is `/rooms/:room_id/bookings`. */
export function resourceRoute(name: string, rule: ResourceRule): string {
  // `Route.resource('/records', ...)` is `records`.
  const parts = name.replace(/^\/+|\/+$/g, '').split('.').filter(Boolean);
  const parents = parts.slice(0, -1).map((p) => `${p}/${rule.parentParam.replace('$1', singularNoun(p.replace(/-/g, '_')))}`);
  return `/${[...parents, parts[parts.length - 1] ?? ''].join('/')}`;
}

/** The actions a resource registration routes, after the calls chained on it narrowed them. */
export function resourceActions(ev: Evaluator, ir: FileIR, site: CallSite, rule: ResourceRule): ResourceAction[] {
  const controller = site.args[1];
  if (!controller) return [];
  let kept = new Set(Object.keys(rule.actions));
  for (let at = site.chainedBy; at !== null; at = ir.sites[at]?.chainedBy ?? null) {
    const chained = ir.sites[at];
    const call = chained?.callee.k === 'member' ? chained.callee.prop : null;
    if (!chained || call === null) break;
    const listed = new Set(namesListed(ev, ir, chained.args[0]));
    if (rule.onlyCalls.includes(call)) kept = new Set([...kept].filter((a) => listed.has(a)));
    else if (rule.exceptCalls.includes(call)) kept = new Set([...kept].filter((a) => !listed.has(a)));
    else if (rule.dropCalls[call]) kept = new Set([...kept].filter((a) => !rule.dropCalls[call]!.includes(a)));
  }
  // A controller named by a string (v5) names each action as `'Controller.action'`.
  const named = staticText(ir, controller, 0, ev.follow);
  return [...kept].map((action) => ({
    action,
    ...rule.actions[action]!,
    handler: named === null ? { k: 'arr', items: [controller, { k: 'lit', value: action }] } : { k: 'lit', value: `${named}.${action}` },
  }));
}

/** The literal names of an array argument (`.only(['index', 'store'])`). */
function namesListed(ev: Evaluator, ir: FileIR, e: Expr | undefined): string[] {
  if (e?.k !== 'arr') return [];
  return e.items.map((item) => staticText(ir, item, 0, ev.follow)).filter((t): t is string => t !== null);
}
