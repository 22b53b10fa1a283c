// Booking and payment point at each other: the booking id reaches the provider (or a payments row
// stores it) on every counted payment initiation path, and the provider's payment id is stored on
// the booking (after the initiation on the same path, or by the provider's webhook). Two links,
// each present only when it holds on every path.
import { bookingPaymentPaths, isBookingRecord, type BookingPaymentPath } from '../analysis/booking-paths.js';
import { isBookingItself, paymentRowReferencingBooking, providerIdStored, type LinkFound } from '../analysis/payment-links.js';
import { locate, siteStart } from '../analysis/payment-paths.js';
import type { Program } from '../analysis/program.js';
import { callRef, entryRef, factEvidence, item, outcomeOf } from '../analysis/report-items.js';
import type { PathResult, TraceStep } from '../model/report.js';
import { defineCheck } from './define.js';
import { couplingRemediation } from './remediation.js';

interface PathLinks {
  path: BookingPaymentPath;
  toBooking: LinkFound | null;
  toPayment: LinkFound | null;
}

export default defineCheck({
  id: 'payment-booking-coupling',
  catalogId: 'booking-flow-lifecycle.payment.payment-booking-coupling',
  label: 'Booking and payment reference each other',
  severity: 'critical',
  cwe: ['CWE-706', 'CWE-841'],
  description: 'The booking id reaches the payment provider and the provider\'s payment id is stored on the booking, on every payment initiation path.',
  summary: (x, y) => `${x} of ${y} bidirectional links present`,
  run(cx) {
    const skipReason = cx.applicability();
    const program = cx.program;
    const items: PathResult[] = [];
    if (!skipReason) {
      const paths = bookingPaymentPaths(program, cx.flowFacts('booking-record', isBookingRecord), cx.webhooks()).filter((p) => !p.excluded);
      const links: PathLinks[] = paths.map((path) => ({ path, toBooking: path.ref.passed ? null : paymentRowReferencingBooking(program, path), toPayment: providerIdStored(program, path) }));
      if (links.length > 0) items.push(paymentToBooking(program, links), bookingToPayment(program, links));
    }
    return outcomeOf(items, skipReason, 'no-payment-initiation-paths', couplingRemediation(program, items), describe);
  },
});

/** Link A: the provider can find the booking. */
function paymentToBooking(program: Program, links: PathLinks[]): PathResult {
  const holds = (l: PathLinks) => l.path.ref.passed || l.toBooking !== null;
  const deciding = links.find((l) => !holds(l)) ?? links[0]!;
  const ok = holds(deciding);
  const viaRow = ok && !deciding.path.ref.passed;
  const result = item(entryRef(program, deciding.path.entry), callRef(program, deciding.path.payment), ok ? 'pass' : 'fail',
    ok ? (viaRow ? 'payment-row-references-booking' : 'booking-id-sent-to-provider') : 'booking-id-not-sent');
  result.bookingIdPassed = deciding.path.ref.passed;
  result.via = deciding.path.ref.via;
  result.approximate = deciding.path.chain.approximate;
  if (ok && deciding.toBooking) result.evidence = factEvidence(program, deciding.toBooking.fact, deciding.toBooking.fact.kind === 'update' ? 'update' : 'write');
  else if (ok) result.evidence = referenceEvidence(deciding.path, result);
  result.trace = links.map((l): TraceStep => ({
    file: l.path.payment.file,
    line: locate(program, l.path.payment.file, siteStart(program, l.path.payment.file, l.path.payment.site)).line,
    note: `${l.path.entry.name} -> ${l.path.payment.api}: ${l.path.ref.passed ? `booking id sent via ${l.path.ref.via}` : l.toBooking ? `payments row stores ${l.toBooking.field?.field}` : 'the booking id is not sent to the provider'}`,
  }));
  return result;
}

/** Link B: the booking knows its payment. */
function bookingToPayment(program: Program, links: PathLinks[]): PathResult {
  const deciding = links.find((l) => !l.toPayment) ?? links[0]!;
  const found = deciding.toPayment;
  const result = item(entryRef(program, deciding.path.entry), callRef(program, deciding.path.payment), found ? 'pass' : 'fail',
    !found ? 'provider-id-not-stored' : found.where === 'reference' ? 'booking-id-is-payment-reference' : found.where === 'webhook' ? 'provider-id-stored-by-webhook'
      : isBookingItself(found.fact) ? 'provider-id-stored-on-booking' : 'provider-id-stored-in-payment-row');
  result.bookingIdPassed = deciding.path.ref.passed;
  result.via = deciding.path.ref.via;
  result.approximate = deciding.path.chain.approximate;
  if (found?.where === 'reference') result.evidence = referenceEvidence(deciding.path, result);
  else if (found) result.evidence = factEvidence(program, found.fact, found.fact.kind === 'write' ? 'write' : 'update');
  result.webhookWrites = deciding.path.hooks.flatMap((h) => h.facts.filter((f) => f.bookingLike && (f.kind === 'write' || f.kind === 'update')))
    .map((f) => ({ file: f.file, line: locate(program, f.file, siteStart(program, f.file, f.site)).line }))
    .filter((w, i, all) => all.findIndex((x) => x.file === w.file && x.line === w.line) === i);
  result.trace = links.map((l): TraceStep => {
    const field = l.toPayment?.field;
    const at = field ? { file: field.file, line: locate(program, field.file, field.pos).line } : { file: l.path.payment.file, line: locate(program, l.path.payment.file, siteStart(program, l.path.payment.file, l.path.payment.site)).line };
    return { ...at, note: `${l.path.entry.name} -> ${l.path.payment.api}: ${linkBNote(l.toPayment)}` };
  });
  return result;
}

function linkBNote(found: LinkFound | null): string {
  if (!found) return "the provider's payment id is not stored on the booking";
  if (!found.field) return `the booking's id is the payment's ${found.sentAs}`;
  return `${found.field.field} stored ${found.where === 'webhook' ? 'by the webhook' : found.sentAs ? `as sent in ${found.sentAs}` : 'after the payment call'} (${found.fact.api})`;
}

/** The payment call as the place the booking's id travels to the provider. */
function referenceEvidence(path: BookingPaymentPath, result: PathResult): PathResult['evidence'] {
  return { file: path.payment.file, line: result.payment.line, kind: 'reference', entity: path.chain.evidence?.source.fact?.entity ?? 'booking' };
}

function describe(p: PathResult): string {
  return p.reason === 'booking-id-not-sent'
    ? `Payment -> booking link missing: ${p.entry.name} -> ${p.payment.provider} ${p.payment.api} (${p.payment.file}:${p.payment.line}) sends no booking id, so the provider's events cannot be matched to a booking.`
    : `Booking -> payment link missing: the ${p.payment.provider} payment id from ${p.payment.api} (${p.payment.file}:${p.payment.line}) is never stored on the booking, so refunds and disputes cannot be traced from the booking.`;
}
