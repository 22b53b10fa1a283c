// How a booking and its payment point at each other. Payment -> booking: the booking id travels in
// the initiation payload (id-flow), or a payments row written on the path stores it. Booking ->
// payment: the provider's id for this payment (a value of the initiation call's result, or an id
// the provider's webhook hands over) is written onto the booking or onto a payments row.
import type { SiteFact } from '../recognize/facts.js';
import { PROVIDER_IDS } from '../recognizers/index.js';
import { CODE_SUFFIX_WORDS, ID_FIELDS, PAYMENT_ENTITY_WORDS, PROVIDER_ID_WORDS, words } from '../recognizers/vocabulary.js';
import { fnKey, isUnknown, type Value } from '../model/values.js';
import { valueKey } from '../symbols/evaluate.js';
import type { BookingPaymentPath } from './booking-paths.js';
import { pathMatches, payloadLeaves, type Leaf } from './id-flow.js';
import { siteKey, type Program } from './program.js';
import { reachedFacts } from './record-at-call.js';
import { recordChanges, type FieldValue, type RecordChange } from './record-changes.js';
import { keyedMemo } from '../util/memo.js';
import { addTo } from '../util/multimap.js';

const PAYMENT_ENTITY = new Set(PAYMENT_ENTITY_WORDS);
const CODE_SUFFIX = new Set(CODE_SUFFIX_WORDS);
const PROVIDER_ID = new Set([...PROVIDER_ID_WORDS, ...PROVIDER_IDS]);
/**
 * Properties of a provider's result that are its payment's id (`session.id`, `order.result.id`), for
 * every provider beside its own `resultIdFields`: the names SDKs and in-house wrappers alike give it.
 */
const RESULT_ID_FIELDS = new Set([...ID_FIELDS, 'orderId', 'transactionId', 'paymentId', 'token', 'reference']);

/** `Payment`, `payments`, `booking_payments`, `Transaction`, `PaymentModel`: a record of a payment apart from the booking. */
export function isPaymentEntity(name: string | null): boolean {
  if (!name) return false;
  const ws = words(name).map((w) => (w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
  while (ws.length > 1 && CODE_SUFFIX.has(ws[ws.length - 1]!)) ws.pop();
  return ws.length > 0 && PAYMENT_ENTITY.has(ws[ws.length - 1]!);
}

/** `stripeSessionId`, `paymentIntentId`, `paypal_order_id`, `transactionRef`, `payment_intent`: a field for the provider's id. */
export function isProviderIdField(name: string): boolean {
  const ws = words(name);
  if (!ws.some((w) => PROVIDER_ID.has(w))) return false;
  const last = ws[ws.length - 1]!;
  // `razorpayPaymentIds`: a list kept when a booking is paid in parts (an advance, then the balance).
  return ['id', 'ids', 'ref', 'reference', 'token'].includes(last) || ws.join('_') === 'payment_intent' || ws.join('_') === 'checkout_session';
}

/** A booking itself, not a payment record kept for it (`BookingPayment`, `booking_payments`). */
export function isBookingItself(fact: SiteFact): boolean {
  return fact.bookingLike && !isPaymentEntity(fact.entity);
}

/** `bookingId`, `reservation_id`, `booking`, a relation `booking: { connect: { id } }`: a field that points at a booking. */
function isBookingReference(program: Program, f: FieldValue): boolean {
  const [head] = f.path;
  if (f.path.length > 1 && head && program.vocabulary.isBookingLike(head)) return true;
  const ws = words(f.field);
  // A reference named for the record itself (Mongoose `booking: { type: ObjectId, ref: 'Booking' }`).
  if (ws.length === 1 && program.vocabulary.isBookingLike(f.field)) return true;
  return ws.length > 1 && program.vocabulary.signalsBooking(f.field) && ['id', 'ref', 'reference'].includes(ws[ws.length - 1]!);
}

/**
 * A value that is no literal: one the evaluator knows, or one it cannot follow that is computed
 * rather than written out (`turnoIds[0]` of a helper's list).
 */
const nonLiteral = (f: FieldValue) => f.texts.length === 0
  && (f.values.some((v) => v.t !== 'lit' && !isUnknown(v)) || (f.values.every(isUnknown) && f.expr !== null && f.expr.k !== 'lit' && f.expr.k !== 'unknown'));

/**
 * A record other than the booking links the booking to its payment only when it also points at the
 * booking: a `Transaction` ledger line `{ guest, razorpayPaymentId }` holds the payment's id, but
 * nothing leads from the booking to it.
 */
function pointsAtBooking(program: Program, fact: SiteFact, change: RecordChange): boolean {
  return isBookingItself(fact) || referenceFields(fact, change).some((f) => holdsBookingReference(program, f)) || writtenWithBooking(program, fact);
}

const holdsBookingReference = (program: Program, f: FieldValue) => isBookingReference(program, f) && (nonLiteral(f) || f.fromRequest);

/**
 * An update of a record the same function wrote with a booking reference, through the same
 * variable: `paymentRef.set({ appointmentId, ... })`, then `paymentRef.update({ mpPreferenceId })`.
 */
function writtenWithBooking(program: Program, fact: SiteFact): boolean {
  const receiver = receiverBinding(program, fact);
  if (fact.kind !== 'update' || receiver === null) return false;
  return (program.factsByFn.get(fnKey({ file: fact.file, fn: fact.fn })) ?? []).some((other) =>
    other.kind === 'write' && other !== fact && receiverBinding(program, other) === receiver
    && recordChanges(program, other).some((c) => c.sets.some((f) => holdsBookingReference(program, f))));
}

/** The variable a store call is made on (`paymentRef` of `paymentRef.update(...)`). */
function receiverBinding(program: Program, fact: SiteFact): number | null {
  const callee = program.files.get(fact.file)?.sites[fact.site]?.callee;
  return callee?.k === 'member' && callee.obj.k === 'ref' ? callee.obj.b : null;
}

/**
 * The fields a change leaves on its record: what it sets, and for an update what it found the record
 * by (`findOneAndUpdate({ booking: id }, ..., { upsert: true })` keeps or makes a row pointing at it).
 */
function referenceFields(fact: SiteFact, change: RecordChange): FieldValue[] {
  return fact.kind === 'write' ? change.sets : change.op === 'update' ? [...change.sets, ...change.filter] : [];
}

export interface LinkFound {
  fact: SiteFact;
  /** The field that holds the provider's id; null when the booking's own id is the payment's reference. */
  field: FieldValue | null;
  /**
   * Where the link is written: on the path itself, or in the provider's webhook; 'reference' when
   * none needs writing, the booking's id being what the provider files the payment under.
   */
  where: 'path' | 'webhook' | 'reference';
  /** The payload field the stored value was sent in, when the merchant named the transaction (`tran_id`). */
  sentAs?: string;
}

const changesMemo = keyedMemo<Program, SiteFact[]>();

/** The writes and updates an entry point reaches, once per entry (a route may start many payments). */
function changesReached(program: Program, entry: string): SiteFact[] {
  return changesMemo(program, entry, () => reachedFacts(program, entry).filter((f) => f.kind === 'write' || f.kind === 'update'));
}

/**
 * A payments row written or updated on the path that stores the booking id: a record named for payments, or
 * any record that stores both the booking id and the provider's id for this payment (an `Order`
 * row `{ booking, razorpayOrderId: order.id }`, a `PaymentIntentRecord`).
 */
export function paymentRowReferencingBooking(program: Program, path: BookingPaymentPath): LinkFound | null {
  for (const fact of changesReached(program, path.entry.fn)) {
    if (isBookingItself(fact)) continue;
    for (const change of recordChanges(program, fact)) {
      const field = referenceFields(fact, change).find((f) => holdsBookingReference(program, f));
      if (field && (isPaymentEntity(fact.entity) || providerIdField(program, path, change.sets))) return { fact, field, where: 'path' };
    }
  }
  return null;
}

/** The field of these that takes the provider's id for this payment from the initiation call's result. */
function providerIdField(program: Program, path: BookingPaymentPath, sets: FieldValue[]): FieldValue | undefined {
  const provider = path.payment.recognizer;
  const resultIds = new Set([...RESULT_ID_FIELDS, ...(provider.kind === 'provider' ? provider.resultIdFields ?? [] : [])]);
  const fromPayment = (v: Value) => resultIdOf(v, path.payment) !== null;
  return sets.find((f) => f.values.some(fromPayment) && (isProviderIdField(f.field) || f.values.some((v) => resultIds.has(resultIdOf(v, path.payment) ?? ''))));
}

const storedMemo = keyedMemo<Program, Map<string, { fact: SiteFact; field: FieldValue }[]>>();

/**
 * The fields an entry point's writes and updates of bookings and payment rows set from a call's
 * result, by that call's site, in the order the writes are reached: asked for each of the entry's
 * payments, which a generated route has thousands of.
 */
function resultsStored(program: Program, entry: string): Map<string, { fact: SiteFact; field: FieldValue }[]> {
  return storedMemo(program, entry, () => {
    const out = new Map<string, { fact: SiteFact; field: FieldValue }[]>();
    for (const fact of changesReached(program, entry)) {
      for (const change of recordChanges(program, fact)) {
        // A payments row, or any other record, counts when it also points at the booking (an `Order` row kept per payment).
        if (!pointsAtBooking(program, fact, change)) continue;
        for (const field of change.sets) {
          const sites = new Set<string>();
          for (const v of field.values) {
            if (v.t !== 'ext' && v.t !== 'global' && v.t !== 'opaque') continue;
            for (const st of v.steps) if (st.site !== undefined && st.file !== undefined) sites.add(siteKey(st.file, st.site));
          }
          for (const site of sites) addTo(out, site, { fact, field });
        }
      }
    }
    return out;
  });
}

/**
 * Where the provider's id for this payment is stored on the booking (or a payments row): a write or
 * update on the path whose value comes from the initiation call's result, else an update in one of
 * the provider's webhooks that sets a provider-id field from what the provider sent.
 */
export function providerIdStored(program: Program, path: BookingPaymentPath): LinkFound | null {
  for (const { fact, field } of resultsStored(program, path.entry.fn).get(siteKey(path.payment.file, path.payment.site)) ?? []) {
    if (providerIdField(program, path, [field])) return { fact, field, where: 'path' };
  }
  const named = namedTransaction(program, path);
  for (const fact of named.length > 0 ? changesReached(program, path.entry.fn) : []) {
    for (const change of recordChanges(program, fact)) {
      if (change.op === 'delete' || !pointsAtBooking(program, fact, change)) continue;
      for (const field of change.sets) {
        const leaf = named.find((l) => sameValue(program, l, field));
        if (leaf) return { fact, field, where: 'path', sentAs: leaf.path.join('.') };
      }
    }
  }
  for (const hook of path.hooks) {
    for (const fact of hook.facts) {
      if ((fact.kind !== 'write' && fact.kind !== 'update') || !(fact.bookingLike || isPaymentEntity(fact.entity))) continue;
      for (const change of recordChanges(program, fact)) {
        if (change.op === 'delete' || !pointsAtBooking(program, fact, change)) continue;
        const field = change.sets.find((f) => isProviderIdField(f.field) && (nonLiteral(f) || f.fromRequest));
        if (field) return { fact, field, where: 'webhook' };
      }
    }
  }
  return bookingIdAsReference(path);
}

/**
 * The booking's id sent where the merchant names the transaction (Paystack's `reference: booking.id`):
 * the provider files the payment under the booking's own id, so the booking finds its payment
 * (verify, refund) with nothing more stored.
 */
function bookingIdAsReference(path: BookingPaymentPath): LinkFound | null {
  const provider = path.payment.recognizer;
  const fields = provider.kind === 'provider' ? provider.transactionIdFields ?? [] : [];
  const via = path.ref.passed ? path.ref.via : null;
  const fact = path.chain.evidence?.source.fact;
  if (via === null || !fact?.bookingLike || !fields.some((f) => pathMatches(f.split('.'), via.split('.')))) return null;
  return { fact, field: null, where: 'reference', sentAs: via };
}

/** The payload's values where the merchant names the transaction (`tran_id`, Paystack's `reference`). */
function namedTransaction(program: Program, path: BookingPaymentPath): Leaf[] {
  const provider = path.payment.recognizer;
  const fields = provider.kind === 'provider' ? provider.transactionIdFields ?? [] : [];
  return fields.length === 0 ? [] : payloadLeaves(program, path.payment).filter((leaf) => fields.some((field) => pathMatches(field.split('.'), leaf.path)));
}

/**
 * A stored field holds what the payload sent: the same variable (a reference made in memory,
 * `kayak-${randomUUID()}`, has no value of its own to compare), or the same known value.
 */
function sameValue(program: Program, leaf: Leaf, f: FieldValue): boolean {
  if (f.expr?.k === 'ref' && leaf.expr.k === 'ref' && f.file === leaf.file && f.expr.b === leaf.expr.b) return true;
  const sent = new Set(program.ev.values(leaf.file, leaf.expr).filter((v) => v.t !== 'lit' && !isUnknown(v)).map(valueKey));
  return sent.size > 0 && f.values.some((v) => sent.has(valueKey(v)));
}

/**
 * The property read off the payment call's result (`session.id` -> 'id'), or null when the value is
 * not from it. A payment call matched by name on a client from a module the scan cannot resolve has
 * an opaque result, which still carries the call's site.
 */
function resultIdOf(v: Value, payment: SiteFact): string | null {
  if (v.t !== 'ext' && v.t !== 'global' && v.t !== 'opaque') return null;
  const i = v.steps.findIndex((s) => s.site === payment.site && s.file === payment.file);
  if (i === -1) return null;
  const rest = v.steps.slice(i + 1).map((s) => s.p).filter((p) => p !== '()' && p !== '[]' && p !== 'json' && p !== 'data' && p !== 'result' && p !== 'body');
  return rest[rest.length - 1] ?? '';
}

