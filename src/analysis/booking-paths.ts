// Payment initiation paths as every payment check sees them: each (entry point, initiation call)
// pair with whether a booking exists first on every chain (the confirmation-record evidence),
// whether the booking id reaches the provider, the provider's webhooks, and the exclusion that
// takes it out of the count. Computed once per program and shared by the checks.
import { fnKey } from '../model/values.js';
import type { SiteFact } from '../recognize/facts.js';
import { guardsOf } from './flow-facts.js';
import { chainEvaluator, evidenceOnEveryChain, type ChainResult } from './chains.js';
import { excludedBecause } from './exclusions.js';
import type { FlowFacts } from './flow-facts.js';
import { bookingKeyValues, compositeKeys, payloadLeaves, referencePassed, type ReferenceResult } from './id-flow.js';
import { payloadFields } from './purchase-kinds.js';
import { paymentPaths, type PaymentPath } from './payment-paths.js';
import type { Program } from './program.js';
import type { WebhookHandler } from './webhooks.js';

export interface BookingPaymentPath extends PaymentPath {
  /** Booking evidence on every chain from the entry to the payment call. */
  chain: ChainResult;
  /** Why it is not counted (`subscription-billing`, `not-a-booking-payment`), or null. */
  excluded: string | null;
  /** Whether the booking id reaches the provider, and through which field. */
  ref: ReferenceResult;
  /** Webhook and success handlers of the payment's provider. */
  hooks: WebhookHandler[];
  /** Facts of those handlers that only run for another kind of purchase than this payment's (purchase-kinds.ts). */
  hookFactsNotRun: Set<SiteFact>;
}

/**
 * Booking writes and reads, and updates that show a missing booking (Prisma `update` rejects,
 * Mongoose `findByIdAndUpdate` gives null): the records whose existence the payment checks ask about.
 */
export const isBookingRecord = (f: SiteFact) => (f.kind === 'write' || f.kind === 'read' || (f.kind === 'update' && guardsOf(f).length > 0)) && f.bookingLike;
export const isBookingWrite = (f: SiteFact) => f.kind === 'write' && f.bookingLike;

const memo = new WeakMap<Program, BookingPaymentPath[]>();

export function bookingPaymentPaths(program: Program, flow: FlowFacts, webhooks: WebhookHandler[]): BookingPaymentPath[] {
  const hit = memo.get(program);
  if (hit) return hit;
  const writtenKeys = bookingKeyValues(program, program.facts.filter(isBookingWrite));
  const out = paymentPaths(program).map((path): BookingPaymentPath => {
    const chain = evidenceOnEveryChain(program, flow, path.entry.fn, { fn: fnKey(path.payment), site: path.payment.site });
    const evidenceFact = chain.holds && chain.evidence?.source.kind === 'guarded-read' ? chain.evidence.source.fact : null;
    // The id of any booking read and checked before the payment is a booking's id, not only the first such read's.
    const readFacts = chain.covering.flatMap((c) => (c.source.kind === 'guarded-read' ? [c.source.fact] : []));
    const ev = chainEvaluator(program, chain.chain, path.entry.fn);
    const keys = readFacts.length > 0 ? new Set([...writtenKeys, ...bookingKeyValues(program, readFacts), ...bookingKeyValues(program, readFacts, ev)]) : writtenKeys;
    const ref = referencePassed(program, flow, path.payment, keys, ev, evidenceFact ? compositeKeys(program, evidenceFact) : []);
    const hooks = webhooks.filter((w) => w.providers.includes(path.payment.recognizer.id));
    const leaves = hooks.length > 0 ? payloadLeaves(program, path.payment, ev) : [];
    const payload = payloadFields(program, leaves);
    const hookFactsNotRun = new Set(hooks.flatMap((h) => [...payload.notRunIn(h)]));
    return { ...path, chain, ref, hooks, hookFactsNotRun, excluded: excludedBecause(program, path, hooks, [...chain.chain.map((e) => e.from), fnKey(path.payment)], ev) };
  });
  memo.set(program, out);
  return out;
}
