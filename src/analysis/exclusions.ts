// Which payment initiation paths are positively not booking payments: recurring billing, or a
// payment whose path and webhooks touch no booking-like record and whose names say nothing of a
// booking (donations, top-ups, shop orders). Every payment check counts the same paths.
import { isBillingPayload } from '../recognize/facts.js';
import { BILLING_ENTITY_WORDS, singularNoun, words } from '../recognizers/vocabulary.js';
import type { Evaluator } from '../symbols/evaluate.js';
import { payloadLeaves } from './id-flow.js';
import { functionName, type PaymentPath } from './payment-paths.js';
import { reachableFrom, type Program } from './program.js';
import { reachedFacts } from './record-at-call.js';
import type { WebhookHandler } from './webhooks.js';

const BILLING_ENTITY = new Set(BILLING_ENTITY_WORDS);

/** The reason a path is excluded (`subscription-billing`, `not-a-booking-payment`), or null when it counts. */
export function excludedBecause(program: Program, path: PaymentPath, hooks: WebhookHandler[], ev: Evaluator = program.ev): string | null {
  const payment = path.payment;
  const site = program.files.get(payment.file)?.sites[payment.site];
  if (payment.billing || (site && isBillingPayload(ev, payment.file, site, payment.recognizer))) return 'subscription-billing';
  const v = program.vocabulary;
  const reach = reachableFrom(program.graph, path.entry.fn);
  const facts = reachedFacts(program, path.entry.fn);
  if (facts.some((f) => f.bookingLike)) return null;
  // Names along the path, and the keys and literal texts the payment carries.
  const leaves = payloadLeaves(program, path.payment);
  const keys = leaves.map((l) => l.path[l.path.length - 1] ?? '');
  const texts = leaves.map((l) => (l.expr.k === 'lit' && typeof l.expr.value === 'string' ? l.expr.value : l.expr.k === 'tpl' ? l.expr.text : ''));
  const names = [path.entry.name, path.entry.file, ...[...reach].map((k) => functionName(program, k)), ...keys];
  const booking = [...names, ...texts].some((n) => v.signalsBooking(n));
  // A donation, tip or top-up says so; a webhook that also confirms bookings does not make it one.
  if ([...names, ...texts].some((n) => v.signalsNotBooking(n)) && !names.some((n) => v.signalsBooking(n))) return 'not-a-booking-payment';
  if (booking || hooks.some((h) => h.facts.some((f) => f.bookingLike))) return null;
  // Exclusion needs positive evidence: the path stores some other record (a shop order) instead;
  // when every such record is a subscription or plan, the payment renews it.
  const others = facts.filter((f) => (f.kind === 'write' || f.kind === 'update') && f.entity !== null);
  if (others.length === 0) return null;
  return others.every((f) => isBillingEntity(f.entity)) ? 'subscription-billing' : 'not-a-booking-payment';
}

/** `subscriptions`, `UserPlan`, `billing_accounts`: what recurring billing keeps. */
function isBillingEntity(name: string | null): boolean {
  return words(name ?? '').some((w) => BILLING_ENTITY.has(singularNoun(w)));
}
