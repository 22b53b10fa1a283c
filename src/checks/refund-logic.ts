// Cancelling a paid booking refunds it. Cancellation paths: entry points (not the provider's
// webhooks or background jobs) that set a booking to a cancelled state or delete it. Each that can
// reach a paid booking must call the provider's refund API in the same request, or decide from a
// visible cancellation policy or deadline that no refund is due.
import { isBookingRecord } from '../analysis/booking-paths.js';
import { isFinishedState, purgesFinished, statesPicked, statesSet, stateOfText } from '../analysis/booking-state.js';
import type { FlowFacts } from '../analysis/flow-facts.js';
import { rejectionHandlers } from '../analysis/failure-branches.js';
import { everyPathGuarded, guardsOf, isFoundCheck, searchesPaidPayment } from '../analysis/guards.js';
import { isBookingItself, isProviderIdField } from '../analysis/payment-links.js';
import { locate, traceOf } from '../analysis/payment-paths.js';
import { parseFnKey, siteKey, type Program } from '../analysis/program.js';
import { reachedFacts } from '../analysis/record-at-call.js';
import { statesAdmitted, statesAssertedByCall } from '../analysis/state-lists.js';
import { changesFromEntry, readFilter, resavesNewRecord, type RecordChange } from '../analysis/record-changes.js';
import { callRef, entryRef, factEvidence, factStep, item, outcomeOf, sortItems } from '../analysis/report-items.js';
import { backgroundEntries } from '../analysis/scheduled.js';
import { movesMoney } from '../analysis/capture-mode.js';
import { precededOnEveryChain, runsAfterOnSomePath, runsBeforeOnSomePath } from '../analysis/sequence.js';
import type { CallEdge } from '../graph/call-graph.js';
import type { EntryPoint } from '../graph/entries.js';
import type { Expr } from '../model/ir.js';
import type { PathResult } from '../model/report.js';
import { fnKey, type Value } from '../model/values.js';
import type { SiteFact } from '../recognize/facts.js';
import { POLICY_WORDS, words } from '../recognizers/vocabulary.js';
import { defineCheck } from './define.js';
import { refundRemediation } from './remediation.js';
import { keyedMemo } from '../util/memo.js';

const POLICY = new Set(POLICY_WORDS);
// A void or cancel of a payment not yet captured (an authorization, an open intent) gives the money
// back as a refund does: nothing was taken. A subscription's cancellation refunds no booking.
const isRefund = (f: SiteFact) => f.kind === 'provider' && (f.role === 'refund' || (f.role === 'cancel' && !f.billing));

export default defineCheck({
  id: 'refund-logic',
  catalogId: 'booking-flow-lifecycle.payment.refund-logic',
  label: 'Cancelling a paid booking triggers a refund',
  severity: 'medium',
  cwe: [],
  description: 'Every path that cancels or deletes a booking that may be paid calls the provider\'s refund API, or decides from a visible cancellation policy that no refund is due.',
  summary: (x, y) => `${x} of ${y} cancellation paths for paid bookings trigger a refund`,
  run(cx) {
    const skipReason = cx.applicability() ?? cx.unpaidBookings();
    const program = cx.program;
    const items: PathResult[] = [];
    if (!skipReason) {
      // The provider's own events and expiry jobs cancel what was never paid, or what it already refunded.
      const skip = new Set([...cx.webhooks().map((w) => w.entry.fn), ...backgroundEntries(program).map((e) => e.fn)]);
      const bookings = cx.flowFacts('booking-record', isBookingRecord);
      for (const entry of program.entries) {
        if (skip.has(entry.fn)) continue;
        const facts = reachedFacts(program, entry.fn);
        const refunds = facts.filter(isRefund);
        for (const cancel of cancellations(program, entry.fn, facts)) items.push(decide(program, bookings, entry, cancel, refunds));
      }
    }
    return outcomeOf(sortItems(items), skipReason, 'no-cancellation-paths', refundRemediation(program), describe);
  },
});

/**
 * The booking changes on the entry point's way that cancel, one per call site: a handler that sets
 * `cancelled` on one branch and deletes on another is judged at both, as confirmation-record
 * judges every payment call an entry point reaches.
 */
function cancellations(program: Program, entry: string, facts: SiteFact[]): RecordChange[] {
  const out: RecordChange[] = [];
  const sites = new Set<string>();
  for (const f of facts) {
    const key = siteKey(f.file, f.site);
    if (!isBookingItself(f) || (f.kind !== 'update' && f.kind !== 'write') || sites.has(key)) continue;
    // A write cancels only as an update of a loaded record (TypeORM `booking.status = 'cancelled';
    // repo.save(booking)`): an insert creates a booking, it cancels none.
    const cancel = changesFromEntry(program, entry, f).find((c) => (f.kind === 'update' || c.op === 'update') && cancels(c));
    if (!cancel) continue;
    sites.add(key);
    out.push(cancel);
  }
  return out;
}

/**
 * Deleted, or set to a cancelled state. Emptying the whole table (seed and reset code) cancels no
 * one's booking, nor does purging bookings already taught, missed or cancelled.
 */
function cancels(c: RecordChange): boolean {
  return (c.op === 'delete' && !c.everyRow && !purgesFinished(c)) || statesSet(c).has('cancelled');
}

function decide(program: Program, bookings: FlowFacts, entry: EntryPoint, cancel: RecordChange, refunds: SiteFact[]): PathResult {
  const fact = cancel.fact;
  const target = { fn: fnKey(fact), site: fact.site };
  const before = precededOnEveryChain(program, 'refund', isRefund, entry.fn, target, bookings);
  const result = item(entryRef(program, entry), callRef(program, fact), 'fail', 'no-refund');
  result.approximate = before.approximate;
  result.trace = [...traceOf(program, entry, before.chain, fact).slice(0, -1), factStep(program, fact, `booking ${cancel.op === 'delete' ? 'deleted' : 'cancelled'}: ${fact.api}`)];
  if (unpaidOnly(program, cancel, before.chain, target) || rollsBackNewBooking(program, bookings, cancel, before.chain, target)) {
    result.status = 'excluded';
    result.reason = 'unpaid-bookings-only';
    return result;
  }
  const guards = guardsOf(program, before.chain, target.fn, target.site);
  // A refund the request can make before or after this cancellation; one on another branch refunds something else.
  const refundFirst = (r: SiteFact) => runsBeforeOnSomePath(program, before.chain, target, (f) => f === r);
  const refund = before.holds && before.evidence ? before.evidence.source.fact
    : refunds.find(refundFirst) ?? refunds.find((r) => runsAfterOnSomePath(program, before.chain, target, (f) => f === r));
  if (refund) {
    result.status = 'pass';
    result.reason = (before.holds && before.evidence) || refundFirst(refund) ? 'refund-before-cancel' : 'refund-with-cancel';
    result.evidence = factEvidence(program, refund, 'refund', refund.recognizer.id);
    result.trace.push(factStep(program, refund, `refund: ${refund.recognizer.name} ${refund.api}`));
    return result;
  }
  const policy = guards.find((g) => !isFoundCheck(program, g) && g.names.some((n) => words(n).some((w) => POLICY.has(w))));
  if (policy) {
    result.status = 'pass';
    result.reason = 'no-refund-by-policy';
    result.trace.push({ file: policy.file, line: locate(program, policy.file, policy.node.pos).line, note: `cancellation policy decides: ${policy.names.slice(0, 4).join(', ')}` });
  }
  return result;
}

/**
 * The cancellation touches only bookings that are not paid: its filter (or that of the read that
 * found the ids it is keyed by), or the branches every path to it takes, say pending (of the booking,
 * not of a request or other record read on the way) or already cancelled, that the booking holds
 * no payment id, or that none of its payments is in a paid state.
 */
function unpaidOnly(program: Program, cancel: RecordChange, chain: CallEdge[], target: { fn: string; site: number }): boolean {
  const filtered = statesPicked(program, cancel);
  if (filtered.size > 0 && [...filtered].every((s) => s === 'pending')) return true;
  return everyPathGuarded(program, chain, target.fn, target.site, (n, fn) => {
    // `assertStatus(booking, ['pending', 'held'])`, `if (!['pending', 'held'].includes(status)) throw`.
    if (n.kind === 'call') return n.site !== undefined && onlyUnpaid(statesAssertedByCall(program, fn, n.site));
    const listed = statesAdmitted(program, fn, n);
    if (listed) return onlyUnpaid(listed);
    const c = n.compare;
    // `if (paid) throw` after `paid = booking.payments.some((p) => p.status === 'succeeded')`.
    if (!c) return n.truthy === false && n.expr !== undefined && (noPaymentStarted(program, fn, n.expr) || searchesPaidPayment(program, fn, n.expr));
    if (typeof c.literal !== 'string') return false;
    const state = stateOfText(c.literal);
    // A booking already cancelled was refunded, or not, when it was cancelled: removing it now moves no money.
    // One not yet `completed` (served) may well be paid: only a state that is paid and not over rules payment out.
    const unconfirmed = !c.equal && state === 'confirmed' && !isFinishedState(c.literal);
    return ((c.equal && (state === 'pending' || state === 'cancelled')) || unconfirmed) && !stateOfOtherRecord(program, fn, c.value) && !requestedState(program, fn, c.value);
  });
}

/** States of a list, each pending or already cancelled. */
function onlyUnpaid(states: string[] | null): boolean {
  return states !== null && states.length > 0 && states.every((s) => ['pending', 'cancelled'].includes(stateOfText(s) ?? ''));
}

/**
 * The branch where a booking holds no provider id for its payment (`if (booking.paymentIntentId)
 * { refund } else { cancel }`): no payment was ever started for it, so none can need a refund.
 */
function noPaymentStarted(program: Program, fn: string, value: Expr): boolean {
  if (value.k !== 'member' || value.prop === null || !isProviderIdField(value.prop)) return false;
  const found = recordsOf(program, fn, value.obj);
  return found !== null && found.every((records) => records.length > 0 && records.every((f) => f.bookingLike));
}

/**
 * The compared state is read off records of another kind only: `if (request.status !== 'pending')`
 * on a cancellation request staff have not decided yet says nothing about whether its booking is paid.
 */
function stateOfOtherRecord(program: Program, fn: string, value: Expr): boolean {
  const found = recordsOf(program, fn, value);
  return found !== null && found.every((records) => records.length > 0 && records.every((f) => !f.bookingLike));
}

/**
 * The compared state is what the request asks for (`switch (body.status) { case 'CANCELLED': ... }`
 * in an admin's status change): the state it moves the booking to, not the one the booking is in.
 */
function requestedState(program: Program, fn: string, value: Expr): boolean {
  const entries = entryFns(program, '', () => new Set(program.entries.map((e) => e.fn)));
  // A parameter of an entry point, or of a function nothing in the scan calls (the one a wrapper
  // such as `withErrorHandler(handler)` returns to the framework), holds the request.
  const isRequest = (v: Value) => v.t === 'param' && (entries.has(fnKey(v)) || !program.graph.in.get(fnKey(v))?.length);
  // The request's own value, or what a schema parsed from it (`z.object(...).parse(body).status`), read from no record.
  const fromRequest = program.ev.values(parseFnKey(fn).file, value).some(isRequest);
  return fromRequest && (recordsOf(program, fn, value) ?? []).every((records) => records.length === 0);
}

/** The entry points' functions, once per program: asked for every state compared on a cancellation's way. */
const entryFns = keyedMemo<Program, Set<string>>();

/** For each value an expression can hold, the records (of a known entity) it was read, written or changed from; null when it holds none. */
function recordsOf(program: Program, fn: string, value: Expr): SiteFact[][] | null {
  const values = program.ev.values(parseFnKey(fn).file, value);
  if (values.length === 0) return null;
  return values.map((v) =>
    v.t !== 'ext' && v.t !== 'global' ? [] : v.steps
      .flatMap((s) => (s.site !== undefined && s.file !== undefined ? program.factsBySite.get(siteKey(s.file, s.site)) ?? [] : []))
      .filter((f) => f.entity !== null && (f.kind === 'read' || f.kind === 'write' || f.kind === 'update')));
}

/**
 * The change is keyed by the id of a booking this request wrote (`insert` then, when the next step
 * fails, `delete().eq('id', booking.id)`), and no money can have moved before it: a rollback of a
 * booking nobody has paid for yet. A payment whose rejection handler makes the change
 * (`orders.create(...).catch(() => delete(booking.id))`) failed, so it moved nothing.
 */
function rollsBackNewBooking(program: Program, bookings: FlowFacts, cancel: RecordChange, chain: CallEdge[], target: { fn: string; site: number }): boolean {
  const keys = cancel.filter.filter((f) => f.values.length > 0);
  const isNew = (v: Value) => bookings.recordOf(v)?.fact.kind === 'write';
  // `get(bookingId)` then `patch(booking._id, ...)`: the booking a read found by the id of one this request wrote.
  const foundByNewId = (v: Value) => {
    const read = bookings.recordOf(v)?.fact;
    const ids = read?.kind === 'read' ? readFilter(program, read).filter((f) => f.values.length > 0) : [];
    return ids.length > 0 && ids.every((f) => f.values.every(isNew));
  };
  // Keyed by the id of a booking this request wrote, or a save of that very document again.
  const written = keys.some((f) => f.values.every((v) => isNew(v) || foundByNewId(v))) || resavesNewRecord(program, cancel.fact);
  const failedInto = (f: SiteFact) => {
    const ir = program.files.get(f.file);
    return ir !== undefined && rejectionHandlers(program, ir, f.site).includes(target.fn);
  };
  return written && !runsBeforeOnSomePath(program, chain, target, (f) => movesMoney(program, f) && !failedInto(f));
}

function describe(p: PathResult): string {
  return `${p.entry.name} cancels a booking (${p.payment.provider} ${p.payment.api}, ${p.payment.file}:${p.payment.line}) without refunding it or deciding from a cancellation policy that no refund is due.`;
}
