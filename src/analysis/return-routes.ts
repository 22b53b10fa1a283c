// Routes a payment comes back to when it fails: the provider (SSLCommerz posts to `fail_url`) or
// the customer's browser (Stripe's `cancel_url`) returns to a route of the app whose path is the
// path of the URL the payment call was given. Such a route hears the failure as a webhook's failure
// event does: the whole handler is the failure path, and a booking it deletes was never paid.
// Routes it comes back to once it succeeded (`success_url`) are found the same way, and so are the
// routes it names for the provider's notifications (`notify_url`, `ipn_url`).
import type { EntryPoint } from '../graph/entries.js';
import { staticText } from '../symbols/text.js';
import type { EventBranch } from './event-branches.js';
import { payloadLeaves } from './id-flow.js';
import type { SiteFact } from '../recognize/facts.js';
import type { Evaluator } from '../symbols/evaluate.js';
import { reachableFrom, siteKey, type Program } from './program.js';
import { regionFrom } from './regions.js';
import { keyedMemo } from '../util/memo.js';
import { addTo } from '../util/multimap.js';

export interface PaymentReturn {
  entry: EntryPoint;
  provider: string;
  /** The payload field the URL was given in (`fail_url`, `success_url`). */
  field: string;
}

const memo = keyedMemo<Program, PaymentReturn[]>();

export function failureReturns(program: Program): PaymentReturn[] {
  return paymentReturns(program, 'failure');
}

/** Routes the browser comes back to once a payment succeeded, and that write or change records there. */
export function successReturns(program: Program): PaymentReturn[] {
  return paymentReturns(program, 'success');
}

/** Routes a payment names for the provider's notifications (its own webhook), and that write or change records there. */
export function notifiedRoutes(program: Program): PaymentReturn[] {
  return paymentReturns(program, 'notify');
}

type Outcome = 'failure' | 'success' | 'notify';

function paymentReturns(program: Program, outcome: Outcome): PaymentReturn[] {
  return memo(program, outcome, () => findReturns(program, outcome));
}

function findReturns(program: Program, outcome: Outcome): PaymentReturn[] {
  const out: PaymentReturn[] = [];
  for (const fact of program.facts) {
    const r = fact.recognizer;
    const fields = r.kind !== 'provider' ? undefined : outcome === 'failure' ? r.failureReturnFields : outcome === 'success' ? r.successReturnFields : r.notifyFields;
    if (fact.kind !== 'provider' || fact.role !== 'initiation' || !fields?.length) continue;
    for (const leaf of payloadLeaves(program, fact)) {
      const field = fieldAt(leaf.path, fields);
      if (!field) continue;
      const ir = program.files.get(leaf.file);
      const segments = urlSegments(ir ? staticText(ir, leaf.expr) : null);
      if (!segments) continue;
      // The browser comes back with a GET, unless the provider's page posts a form there.
      const getOnly = !(outcome === 'notify' || r.kind !== 'provider' || r.postsReturns);
      for (const entry of bestRoutes(program, segments, getOnly)) {
        if (!out.some((x) => x.entry.fn === entry.fn && x.provider === r.id)) out.push({ entry, provider: r.id, field });
      }
    }
  }
  return out;
}

const notifyMemo = keyedMemo<Evaluator, EntryPoint[]>();

/**
 * The routes a payment names for its notifications (`notification_url: `${SITE}/webhooks/guide``):
 * its own webhook, whichever webhooks the provider's other payments use. `ev` binds a shared
 * helper's parameters as one chain calls it: each caller names its own route.
 */
export function notifyRoutes(program: Program, payment: SiteFact, ev: Evaluator = program.ev): EntryPoint[] {
  const r = payment.recognizer;
  const fields = r.kind === 'provider' ? r.notifyFields ?? [] : [];
  if (fields.length === 0) return [];
  return notifyMemo(ev, siteKey(payment.file, payment.site), () => {
    const out: EntryPoint[] = [];
    for (const leaf of payloadLeaves(program, payment, ev)) {
      if (!fieldAt(leaf.path, fields)) continue;
      const ir = program.files.get(leaf.file);
      const segments = urlSegments(ir ? staticText(ir, leaf.expr) : null);
      for (const entry of segments ? bestRoutes(program, segments) : []) if (!out.includes(entry)) out.push(entry);
    }
    return out;
  });
}

/**
 * The field of `fields` a payload leaf is: its last key (`notify_url`), or its last keys when the
 * field is dotted (Tap's `post.url`, beside `redirect.url`).
 */
function fieldAt(path: string[], fields: string[]): string | undefined {
  const text = path.join('.');
  return fields.find((f) => text === f || text.endsWith(`.${f}`));
}

/** The most specific acting routes at a URL's path: `/bookings/cancel` is `GET /bookings/cancel`, not also `PUT /bookings/:id`. */
function bestRoutes(program: Program, segments: string[], getOnly = false): EntryPoint[] {
  const routes = actingRoutes(program);
  // Payments of one app name the same few URLs: each is matched against the routes once.
  const key = `${getOnly ? 'GET ' : ''}${segments.join('/')}`;
  let best = routes.best.get(key);
  if (!best) {
    const answers = getOnly ? answersGet(program) : () => true;
    const scored = (routes.byLength.get(segments.length) ?? []).filter((r) => answers(r.entry)).map((r) => ({ entry: r.entry, score: routeScore(segments, r.parts) })).filter((x) => x.score > 0);
    const top = Math.max(0, ...scored.map((x) => x.score));
    routes.best.set(key, (best = scored.filter((x) => x.score === top).map((x) => x.entry)));
  }
  return best;
}

interface ActingRoutes {
  /** By the number of segments of their path, the only routes a URL of as many segments can be. */
  byLength: Map<number, { entry: EntryPoint; parts: string[] }[]>;
  best: Map<string, EntryPoint[]>;
}

const actingMemo = new WeakMap<Program, ActingRoutes>();

/**
 * Routes that write or change records. A page that only shows "payment cancelled" hears nothing to
 * act on (the provider's expiry does that): only such a route handles the failure (or the success).
 */
function actingRoutes(program: Program): ActingRoutes {
  let routes = actingMemo.get(program);
  if (!routes) {
    const acts = (entry: EntryPoint) => [...reachableFrom(program.graph, entry.fn)].some((k) => (program.factsByFn.get(k) ?? []).some((f) => f.kind === 'write' || f.kind === 'update'));
    routes = { byLength: new Map(), best: new Map() };
    for (const entry of program.entries) {
      if (entry.route === null || ownFormsOnly(program, entry) || !acts(entry)) continue;
      const parts = entry.route.split('/').filter(Boolean);
      addTo(routes.byLength, parts.length, { entry, parts });
    }
    actingMemo.set(program, routes);
  }
  return routes;
}

/** Whether a route answers a GET: its method, or its framework's for its kind, is GET or none (`app.all`, a Pages API route). */
function answersGet(program: Program): (entry: EntryPoint) => boolean {
  return (entry) => {
    const fw = program.recognizers.find((r) => r.kind === 'framework' && r.id === entry.framework);
    const method = entry.method ?? (fw?.kind === 'framework' ? fw.entryMethods?.[entry.kind] : undefined);
    return method === undefined || method === 'GET';
  };
}

/** An entry only the app's own forms reach (a SvelteKit form action): no payment comes back to it. */
function ownFormsOnly(program: Program, entry: EntryPoint): boolean {
  return program.recognizers.some((r) => r.kind === 'framework' && r.id === entry.framework && (r.routeFiles ?? []).some((rule) => rule.entry === entry.kind && rule.ownFormsOnly));
}

/** The failure branch a route a payment returns to stands for: its whole handler. */
export function failureReturnBranches(program: Program, entry: EntryPoint, provider: string): EventBranch[] {
  return failureReturns(program).filter((r) => r.entry.fn === entry.fn && r.provider === provider).map((r) => ({
    event: r.field, fn: r.entry.fn, file: r.entry.file, pos: r.entry.pos, region: regionFrom(program, r.entry.fn, [0]), whole: true,
    note: `the route the payment's ${r.field} returns to when it fails: the whole handler`,
  }));
}

/**
 * The path of a URL as segments: `${BACKEND_URL}/api/payment/failed/${trxId}` and
 * `https://shop.example/api/payment/failed?id=1` give `api`, `payment`, `failed` (and `${}` for a
 * segment known only at run time). Null when the text says nothing of a path.
 */
function urlSegments(text: string | null): string[] | null {
  if (!text) return null;
  const path = text.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/^\$\{\}(?=\/)/, '').split(/[?#]/)[0]!;
  if (!path.startsWith('/')) return null;
  const segments = path.split('/').filter(Boolean);
  return segments.length > 0 && segments.some((s) => !s.includes('${}')) ? segments : null;
}

/** A route parameter: `:id` (Express), `[id]` (file routes), `*`, `{id}` (hapi). */
const isParam = (segment: string) => /^(?::|\[|\*|\{)/.test(segment);

/**
 * How well a route is the URL's path, as the number of segments written the same; 0 when it is not.
 * `/api/payment/failed/${}` is the route `/api/payment/failed/:tId` (or `[id]`): literal segments
 * equal, run-time ones route parameters. A route of parameters alone (`PUT /:id`, a router's path
 * before its mount) names no page: at least one literal segment must be the URL's.
 */
function routeScore(url: string[], parts: string[]): number {
  if (!parts.every((p, i) => (url[i]!.includes('${}') ? isParam(p) : p === url[i] || isParam(p)))) return 0;
  return parts.filter((p, i) => p === url[i]).length;
}
