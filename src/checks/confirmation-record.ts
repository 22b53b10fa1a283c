// Booking record created before payment: every payment initiation path must have a persisted
// booking (a completed write, or a read that aborts when the booking is missing) dominating the
// payment call on every chain from its entry point, and should pass the booking's id to the provider.
import { bookingPaymentPaths, isBookingRecord, isBookingWrite } from '../analysis/booking-paths.js';
import { relateWrites, type WriteRelation } from '../analysis/ordering.js';
import { calleeText, functionName, locate, siteStart, traceIndexOfCall, traceOf } from '../analysis/payment-paths.js';
import { callRef, entryRef, item, outcomeOf } from '../analysis/report-items.js';
import type { PathResult, TraceStep } from '../model/report.js';
import { fnKey } from '../model/values.js';
import type { SiteFact } from '../recognize/facts.js';
import { recordChanges } from '../analysis/record-changes.js';
import type { Program } from '../analysis/program.js';
import { defineCheck } from './define.js';
import { remediationFor } from './remediation.js';

const REASON: Record<WriteRelation, string> = {
  concurrent: 'concurrent-with-payment',
  'not-awaited': 'booking-not-awaited',
  'some-paths': 'booking-on-some-paths',
  after: 'booking-after-payment',
};

export default defineCheck({
  id: 'confirmation-record',
  catalogId: 'booking-flow-lifecycle.booking-creation.confirmation-record',
  label: 'Booking record created before payment',
  severity: 'high',
  cwe: ['CWE-362', 'CWE-841'],
  description: 'Every payment initiation is preceded by a persisted booking record whose id is passed to the provider.',
  summary: (x, y) => `${x} of ${y} payment initiation paths create a booking record first`,
  run(cx) {
    const skipReason = cx.applicability();
    const program = cx.program;
    const flow = cx.flowFacts('booking-record', isBookingRecord);
    const paths: PathResult[] = [];
    if (!skipReason) {
      for (const path of bookingPaymentPaths(program, flow, cx.webhooks())) {
        const { chain, ref, hooks } = path;
        const webhookWrites = hooks.flatMap((w) => w.facts.filter((f) => createsBooking(program, f) && !path.hookFactsNotRun.has(f))).map((f) => ({ file: f.file, line: locate(program, f.file, siteStart(program, f.file, f.site)).line }));
        const result = item(entryRef(program, path.entry), callRef(program, path.payment), 'pass', 'booking-written-first');
        Object.assign(result, { bookingIdPassed: ref.passed, via: ref.via, webhookWrites: dedupe(webhookWrites), approximate: chain.approximate || path.payment.approximate === true });
        if (path.excluded) {
          result.status = 'excluded';
          result.reason = path.excluded;
          result.trace = traceOf(program, path.entry, chain.chain, path.payment);
        } else if (chain.holds && chain.evidence) {
          const fact = chain.evidence.source.fact;
          const at = locate(program, fact.file, siteStart(program, fact.file, chain.evidence.source.site ?? fact.site));
          const guarded = chain.evidence.source.kind === 'guarded-read';
          result.reason = guarded ? 'booking-read-and-checked-first' : 'booking-written-first';
          result.evidence = { file: fact.file, line: at.line, kind: chain.evidence.source.kind, entity: fact.entity ?? '?' };
          const note: TraceStep = { file: fact.file, line: at.line, note: `${guarded ? `booking ${fact.kind === 'update' ? 'updated' : 'read'}, aborts if missing` : 'booking written'}: ${fact.api}${chain.evidence.via ? ` (in ${functionName(program, chain.evidence.via)})` : ''}` };
          result.trace = insertEvidence(traceOf(program, path.entry, chain.chain, path.payment), note, chain.evidence.fn, chain.chain);
          if (!ref.passed) result.warnings.push('the booking id is not passed to the provider, so its webhook cannot find the booking');
        } else {
          result.status = 'fail';
          const relation = relateWrites(program, flow, chain.chain, { fn: fnKey(path.payment), site: path.payment.site }, isBookingWrite);
          // What this path does comes first: a booking id taken from the request and never looked
          // up says more about it than a webhook elsewhere that also inserts bookings.
          result.reason = relation ? REASON[relation.relation]
            : ref.fromClient ? 'client-supplied-id-unverified'
            : webhookWrites.length > 0 ? 'booking-only-in-webhook'
            : 'no-booking-write';
          const extra: TraceStep[] = relation
            ? [{ ...locate(program, relation.file, siteStart(program, relation.file, relation.site)), note: `booking write ${relation.relation.replace('-', ' ')}: ${calleeText(program, relation.file, relation.site)}` }].map(({ file, line, note }) => ({ file, line, note }))
            : [];
          result.trace = traceOf(program, path.entry, chain.chain, path.payment, extra);
        }
        paths.push(result);
      }
    }
    return outcomeOf(paths, skipReason, 'no-payment-initiation-paths', remediationFor(program, paths), describeFailure);
  },
});

function insertEvidence(trace: TraceStep[], note: TraceStep, fn: string, chain: { from: string }[]): TraceStep[] {
  // Evidence in frame i dominates the call that frame makes (trace step i + 1); in the payment's frame, the payment.
  const frameIndex = chain.findIndex((e) => e.from === fn);
  const at = frameIndex === -1 ? trace.length - 1 : traceIndexOfCall(chain.length, frameIndex);
  return [...trace.slice(0, at), note, ...trace.slice(at)];
}

function dedupe<T extends { file: string; line: number }>(list: T[]): T[] {
  const seen = new Set<string>();
  return list.filter((x) => {
    const k = `${x.file}:${x.line}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  }).sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
}

/**
 * A booking write that creates a booking: not one that saves again a booking it loaded
 * (`booking.status = 'confirmed'; repo.save(booking)` in a capture route), which was created elsewhere.
 */
function createsBooking(program: Program, f: SiteFact): boolean {
  if (!isBookingWrite(f)) return false;
  const changes = recordChanges(program, f);
  return changes.length === 0 || changes.some((c) => c.op !== 'update');
}

function describeFailure(p: PathResult): string {
  const where = p.webhookWrites.length > 0 && p.reason === 'booking-only-in-webhook'
    ? ` The booking is created only in the webhook (${p.webhookWrites.map((w) => `${w.file}:${w.line}`).join(', ')}); if webhook delivery fails, the customer is charged with no booking.`
    : '';
  return `${p.entry.name} -> ${p.payment.provider} ${p.payment.api} (${p.payment.file}:${p.payment.line}): ${p.reason}.${where}`;
}
