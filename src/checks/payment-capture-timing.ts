// Money moves only once the booking exists and is confirmed. Per payment initiation path: the
// sequence booking write -> authorize -> confirm booking -> capture. A charging or hosted
// (auto-capture) initiation passes when a booking exists before it on every chain; a manual
// authorization passes when every capture of that provider runs after the booking is confirmed.
import { bookingPaymentPaths, isBookingRecord, type BookingPaymentPath } from '../analysis/booking-paths.js';
import { isStateField, isStateFlag, stateOfFieldValue, statesSet } from '../analysis/booking-state.js';
import { captureModeOf } from '../analysis/capture-mode.js';
import { isBookingItself } from '../analysis/payment-links.js';
import { chainEvaluator, evidenceOnEveryChain, type ChainResult } from '../analysis/chains.js';
import type { FlowFacts } from '../analysis/flow-facts.js';
import { locate, siteStart, traceOf } from '../analysis/payment-paths.js';
import { reachableFrom, type Program } from '../analysis/program.js';
import { recordChanges } from '../analysis/record-changes.js';
import { callRef, entryRef, factStep, item, outcomeOf } from '../analysis/report-items.js';
import { flowFor } from '../analysis/sequence.js';
import type { EntryPoint } from '../graph/entries.js';
import type { PathResult, TraceStep } from '../model/report.js';
import { fnKey } from '../model/values.js';
import type { SiteFact } from '../recognize/facts.js';
import { defineCheck } from './define.js';
import { captureRemediation } from './remediation.js';

interface CaptureCheck {
  entry: EntryPoint;
  capture: SiteFact;
  exists: ChainResult;
  confirmed: ChainResult;
}

export default defineCheck({
  id: 'payment-capture-timing',
  catalogId: 'booking-flow-lifecycle.payment.payment-capture-timing',
  label: 'Payment captured only after the booking is confirmed',
  severity: 'high',
  cwe: ['CWE-362', 'CWE-841'],
  description: 'No payment is charged or captured while its booking does not exist yet or is not confirmed; manual authorizations are captured only after the booking is confirmed.',
  summary: (x, y) => `${x} of ${y} payment paths capture only after the booking exists and is confirmed`,
  run(cx) {
    const skipReason = cx.applicability();
    const program = cx.program;
    const items: PathResult[] = [];
    if (!skipReason) {
      const flow = cx.flowFacts('booking-record', isBookingRecord);
      // A booking found confirmed already (an idempotent confirm returning early) is confirmed too.
      const foundConfirmed = { records: flow, inState: (field: string, literal: string | number | boolean) => (isStateField(field) || isStateFlag(field)) && stateOfFieldValue(field, String(literal)) === 'confirmed' };
      const confirmed = flowFor(program, 'booking-confirmed', (f) => isConfirming(program, f), flow, foundConfirmed);
      const captures = new Map<string, CaptureCheck[]>();
      const capturesOf = (provider: string) => {
        let list = captures.get(provider);
        if (!list) captures.set(provider, (list = captureChecks(program, flow, confirmed, provider)));
        return list;
      };
      for (const path of bookingPaymentPaths(program, flow, cx.webhooks())) items.push(decide(program, path, capturesOf, confirmed));
    }
    return outcomeOf(items, skipReason, 'no-payment-initiation-paths', captureRemediation(program, items), describe);
  },
});

function decide(program: Program, path: BookingPaymentPath, capturesOf: (provider: string) => CaptureCheck[], confirmed: FlowFacts): PathResult {
  const result = item(entryRef(program, path.entry), callRef(program, path.payment), 'pass', 'charged-after-booking');
  result.bookingIdPassed = path.ref.passed;
  result.via = path.ref.via;
  result.approximate = path.chain.approximate;
  const exists = path.chain.holds && path.chain.evidence !== null;
  const steps: TraceStep[] = [];
  if (exists) {
    const fact = path.chain.evidence!.source.fact;
    const guarded = path.chain.evidence!.source.kind === 'guarded-read';
    result.evidence = { file: fact.file, line: locate(program, fact.file, siteStart(program, fact.file, fact.site)).line, kind: guarded ? 'guarded-read' : 'write', entity: fact.entity ?? '?' };
    steps.push(factStep(program, fact, `1. booking ${guarded ? 'read and checked' : 'written'}: ${fact.api}`));
  } else steps.push({ file: result.entry.file, line: result.entry.line, note: '1. no booking exists before the payment call' });
  const mode = captureModeOf(program, path.payment, chainEvaluator(program, path.chain.chain));
  const option = mode.option ? ` (${mode.option.path}: ${mode.option.value})` : '';
  const captures = mode.mode === 'authorize' ? capturesOf(path.payment.recognizer.id) : [];
  if (path.excluded) {
    result.status = 'excluded';
    result.reason = path.excluded;
  } else if (mode.mode !== 'authorize' || captures.length === 0) {
    const how = mode.mode === 'charge' ? 'charges at once' : mode.mode === 'hosted' ? 'the customer pays on the provider\'s page or client, captured automatically' : 'authorizes; capture happens outside the scanned code';
    steps.push(factStep(program, path.payment, `2. payment ${path.payment.api}${option}: ${how}`));
    if (!exists) [result.status, result.reason] = ['fail', 'charged-before-booking'];
    else if (mode.mode !== 'authorize') result.warnings.push('captured automatically: if the booking then fails to confirm, the customer must be refunded; a manual capture after confirming avoids that');
  } else {
    // An authorization made only once its booking is confirmed (a damage deposit held after the
    // stay is paid) is captured after the confirmation, wherever the capture runs.
    const before = evidenceOnEveryChain(program, confirmed, path.entry.fn, { fn: fnKey(path.payment), site: path.payment.site });
    const confirmedFirst = before.holds ? before.evidence : null;
    if (confirmedFirst) steps.push(factStep(program, confirmedFirst.source.fact, `booking confirmed before the authorization: ${confirmedFirst.source.fact.api}`));
    steps.push(factStep(program, path.payment, `2. authorize: ${path.payment.api}${option}`));
    const bad = confirmedFirst ? null : captures.find((c) => !(c.confirmed.holds && c.confirmed.evidence)) ?? null;
    // A booking written before the authorization exists when its capture runs, wherever that is.
    const existsAt = (c: CaptureCheck) => exists || (c.exists.holds && c.exists.evidence !== null);
    for (const c of captures) {
      const ev = c.confirmed.holds ? c.confirmed.evidence : null;
      if (ev && !confirmedFirst) steps.push(factStep(program, ev.source.fact, `3. booking confirmed: ${ev.source.fact.api} (${c.entry.name})`));
      steps.push(factStep(program, c.capture, `4. capture: ${c.capture.api} (${c.entry.name})${ev || confirmedFirst ? '' : existsAt(c) ? ' before the booking is confirmed' : ' before any booking exists'}`));
    }
    if (bad) {
      result.status = 'fail';
      result.reason = existsAt(bad) ? 'captured-before-confirmation' : 'captured-before-booking';
    } else result.reason = 'captured-after-confirmation';
  }
  result.trace = [...traceOf(program, path.entry, path.chain.chain, path.payment).slice(0, -1), ...steps];
  return result;
}

/** Every (entry point, capture call) of a provider, with whether a booking exists and is confirmed before the capture. */
function captureChecks(program: Program, flow: FlowFacts, confirmed: FlowFacts, provider: string): CaptureCheck[] {
  const captures = program.facts.filter((f) => f.kind === 'provider' && f.role === 'capture' && f.recognizer.id === provider);
  const out: CaptureCheck[] = [];
  for (const entry of program.entries) {
    const reach = reachableFrom(program.graph, entry.fn);
    for (const capture of captures) {
      if (!reach.has(fnKey(capture))) continue;
      const target = { fn: fnKey(capture), site: capture.site };
      out.push({ entry, capture, exists: evidenceOnEveryChain(program, flow, entry.fn, target), confirmed: evidenceOnEveryChain(program, confirmed, entry.fn, target) });
    }
  }
  return out;
}

/** A booking written or updated into a confirmed state. */
function isConfirming(program: Program, f: SiteFact): boolean {
  return (f.kind === 'write' || f.kind === 'update') && isBookingItself(f) && recordChanges(program, f).some((c) => c.op !== 'delete' && statesSet(c).has('confirmed'));
}

function describe(p: PathResult): string {
  const why = p.reason === 'charged-before-booking' ? 'money moves before any booking exists'
    : p.reason === 'captured-before-booking' ? 'the authorization is captured where no booking exists'
    : 'the authorization is captured before the booking is confirmed';
  return `${p.entry.name} -> ${p.payment.provider} ${p.payment.api} (${p.payment.file}:${p.payment.line}): ${p.reason} (${why}).`;
}
