// Which payment initiation paths are positively not booking payments: recurring billing, or a
// payment whose path and webhooks touch no booking-like record and whose names say nothing of a
// booking (donations, top-ups, shop orders). Every payment check counts the same paths.
import { isBillingPayload, type SiteFact } from '../recognize/facts.js';
import { BILLING_ENTITY_WORDS, PAYMENT_ENTITY_WORDS, singularNoun, words } from '../recognizers/vocabulary.js';
import type { Evaluator } from '../symbols/evaluate.js';
import { payloadLeaves } from './id-flow.js';
import { payloadFields, writesBookingsFor } from './purchase-kinds.js';
import { notifyRoutes } from './return-routes.js';
import { functionName, type PaymentPath } from './payment-paths.js';
import { isPaymentEntity } from './payment-links.js';
import { reachableFrom, type Program } from './program.js';
import { reachedFacts } from './record-at-call.js';
import { recordChanges } from './record-changes.js';
import type { WebhookHandler } from './webhooks.js';
import { keyedMemo } from '../util/memo.js';

const BILLING_ENTITY = new Set(BILLING_ENTITY_WORDS);

/**
 * The reason a path is excluded (`subscription-billing`, `not-a-booking-payment`), or null when it
 * counts. `chain`: the functions from the entry point to the payment's.
 */
export function excludedBecause(program: Program, path: PaymentPath, hooks: WebhookHandler[], chain: string[], ev: Evaluator = program.ev): string | null {
  const payment = path.payment;
  const site = program.files.get(payment.file)?.sites[payment.site];
  // A REST body or form stands for the payload of a call recognized by it.
  if (payment.billing || (site && isBillingPayload(ev, payment.file, payment.restBody !== undefined ? payment.restBody : site.args[0], payment.recognizer))) return 'subscription-billing';
  const v = program.vocabulary;
  const reached = reachedNames(program, path.entry);
  if (reached.bookingLike) return null;
  // The webhook the payment names for itself (`notification_url`) records what it bought: a guide
  // sold beside the tours, kept in `guidePurchases`, touching no booking,
  // whatever the names of the helpers on the way say (a coupon check shared with the bookings).
  const notified = notifyRoutes(program, payment, ev).map((e) => reachedNames(program, e));
  if (notified.length > 0 && notified.every((n) => !n.bookingLike && !n.signalsBooking && n.others.some((f) => !isPaymentEntity(f.entity)))) return 'not-a-booking-payment';
  // Names along the path (and of the records it touches: a `booking_payments` row is for a booking
  // without being one), and the keys and literal texts the payment carries.
  const leaves = payloadLeaves(program, path.payment, ev);
  const keys = leaves.map((l) => l.path[l.path.length - 1] ?? '');
  const methodFields = new Set(payment.recognizer.kind === 'provider' ? (payment.recognizer.paymentMethodFields ?? []) : []);
  const texts = leaves.map((l) => (methodFields.has(l.path[l.path.length - 1] ?? '') ? '' : l.expr.k === 'lit' && typeof l.expr.value === 'string' ? l.expr.value : l.expr.k === 'tpl' ? l.expr.text : ''));
  const namesSignalBooking = reached.signalsBooking || keys.some((n) => v.signalsBooking(n));
  const booking = namesSignalBooking || texts.some((n) => v.signalsBooking(n));
  // A donation, tip or top-up says so; a webhook that also confirms bookings does not make it one.
  if ((reached.signalsNotBooking || [...keys, ...texts].some((n) => v.signalsNotBooking(n))) && !namesSignalBooking) return 'not-a-booking-payment';
  if (booking) return null;
  // A path named for a subscription (`POST /subscription/:userId/hash`, `SubscriptionController`)
  // that names no booking buys or renews a plan, even where it signs its payment with the helper
  // the bookings use and the provider's return also confirms bookings. Only the chain to the
  // payment names the path: a checkout may also reach a newsletter's `subscribe`.
  if ([path.entry.name, ...chain.map((k) => functionName(program, k))].some((n) => words(n).some((w) => SUBSCRIPTION_WORDS.has(w)))) return 'subscription-billing';
  // Exclusion needs positive evidence: the path stores some other record (a shop order) instead
  // (when every such record is a subscription or plan, the payment renews it), or pays an invoice
  // or order it names to the provider (`metadata: { invoiceId: invoice.id }`). A plan's record is
  // evidence enough even when the provider's webhook also confirms bookings (a clinic's software
  // plan bought through the Razorpay account its patients pay appointments with).
  const others = reached.others;
  if (others.length > 0 && others.every((f) => isBillingEntity(f.entity) || storesPlan(program, f))) return 'subscription-billing';
  // Nothing written, and every record read is a plan or subscription: the renewal or upgrade of one
  // the payer already has (`findOne({ practiceId })` on `PracticeSubscription`, then the order),
  // evidence enough as the plan's record above. A booking's checkout reads what it books (a class,
  // a slot) too, even where it reads the payer's plan to price it.
  if (others.length === 0 && reached.read.length > 0 && reached.read.every((entity) => isBillingEntity(entity))) return 'subscription-billing';
  if (hooks.length > 0) {
    const payload = payloadFields(program, leaves);
    if (hooks.some((h) => writesBookingsFor(h, payload))) return null;
  }
  if (others.length > 0) return 'not-a-booking-payment';
  const billed = reached.billed.some((entity) => keys.some((k) => namesIdOf(k, entity)));
  return billed ? 'not-a-booking-payment' : null;
}

interface ReachedNames {
  bookingLike: boolean;
  /** Whether the entry's name, file, the functions it reaches or the records they touch signal a booking, or its absence. */
  signalsBooking: boolean;
  signalsNotBooking: boolean;
  /** Records other than bookings written or updated. */
  others: SiteFact[];
  /** Entities of records a payment settles (invoices, orders) that the entry touches. */
  billed: string[];
  /** Entities of the records read, other than the payer's. */
  read: string[];
}

const reachedMemo = keyedMemo<Program, ReachedNames>();

/** What an entry point reaches, once per entry: a route with thousands of payment calls asks it of each. */
function reachedNames(program: Program, entry: PaymentPath['entry']): ReachedNames {
  return reachedMemo(program, `${entry.fn}|${entry.name}`, () => namesReached(program, entry));
}

function namesReached(program: Program, entry: PaymentPath['entry']): ReachedNames {
  const v = program.vocabulary;
  const facts = reachedFacts(program, entry.fn);
  const reach = reachableFrom(program.graph, entry.fn);
  const names = [entry.name, entry.file];
  const entities = [...new Set(facts.map((f) => f.entity ?? ''))];
  // A payments row kept for a booking (`Payment { bookingId, razorpayOrderId }`) says whose payment
  // it is, also where the booking itself lives in another service of the tree.
  for (const f of facts) if (f.kind === 'write' && isPaymentEntity(f.entity)) for (const c of recordChanges(program, f)) names.push(...c.sets.map((s) => s.field));
  // The functions reached are named once per program: entries reaching one shared layer ask of the same names.
  const named = [...reach].map((k) => nameSignals(program, k));
  return {
    bookingLike: facts.some((f) => f.bookingLike),
    signalsBooking: named.some((n) => n.booking) || names.some((n) => v.signalsBooking(n)) || entities.some((n) => v.signalsBooking(n, true)),
    signalsNotBooking: named.some((n) => n.notBooking) || [...names, ...entities].some((n) => v.signalsNotBooking(n)),
    others: facts.filter((f) => (f.kind === 'write' || f.kind === 'update') && f.entity !== null && !isPayerEntity(f.entity)),
    billed: [...new Set(facts.flatMap((f) => (f.entity !== null && BILLED.has(singularNoun(words(f.entity).at(-1) ?? '')) ? [f.entity] : [])))],
    read: [...new Set(facts.flatMap((f) => (f.kind === 'read' && f.entity !== null && !isPayerEntity(f.entity) ? [f.entity] : [])))],
  };
}

const signalsMemo = keyedMemo<Program, { booking: boolean; notBooking: boolean }>();

/** Whether a function's name signals a booking, or its absence. */
function nameSignals(program: Program, fn: string): { booking: boolean; notBooking: boolean } {
  return signalsMemo(program, fn, () => {
    const name = functionName(program, fn);
    return { booking: program.vocabulary.signalsBooking(name), notBooking: program.vocabulary.signalsNotBooking(name) };
  });
}

/**
 * The payer's own record (`Customer`, `contacts`, `user_profiles`): upserted before many a booking
 * checkout, it is who pays, not something bought instead of a booking.
 */
const PAYER = new Set(['user', 'customer', 'contact', 'profile', 'guest', 'client', 'person']);
function isPayerEntity(name: string): boolean {
  const last = words(name).at(-1);
  return last !== undefined && PAYER.has(singularNoun(last));
}

/** `subscriptions`, `UserPlan`, `billing_accounts`: what recurring billing keeps. */
function isBillingEntity(name: string | null): boolean {
  return words(name ?? '').some((w) => BILLING_ENTITY.has(singularNoun(w)));
}

/**
 * A record that keeps the plan it bought on itself (`workshop.planId`, `planStatus`,
 * `subscriptionEndsAt` on a business account) instead of in a subscriptions table.
 */
function storesPlan(program: Program, fact: SiteFact): boolean {
  return recordChanges(program, fact).some((c) => c.sets.some((s) => PLAN_FIELD.has(singularNoun(words(s.field)[0] ?? ''))));
}
const PLAN_FIELD = new Set(['plan', 'subscription']);
/** Names of recurring billing that nothing else is called (`plan` and `billing` also name a floor plan or a billing address). */
const SUBSCRIPTION_WORDS = new Set(['subscription', 'subscriptions', 'subscribe', 'subscribes', 'resubscribe']);

/** Records a payment settles: an invoice, an order (the payer's user or account is no such record). */
const BILLED = new Set([...PAYMENT_ENTITY_WORDS, 'order', 'bill']);

/** `invoiceId`, `platform_invoice_id` for `PlatformInvoice`: a key that holds that record's id. */
function namesIdOf(key: string, entity: string): boolean {
  const ws = words(key);
  if (ws.length < 2 || !['id', 'ref'].includes(ws[ws.length - 1]!)) return false;
  return ws.slice(0, -1).map(singularNoun).join('') === words(entity).map(singularNoun).join('');
}
