// Bookings start pending: every booking a customer's request creates (before its payment or
// approval) sets a not-yet-confirmed status, in the write or through the schema's default, so
// unpaid bookings never look confirmed to reminders and capacity counts.
import { isStateField, isStateFlag, nothingDueBranch, paidOfflineBranch, paymentDecidesState, pendingTableWord, stateOfFieldValue, stateWritten } from '../analysis/booking-state.js';
import { chainsTo } from '../analysis/chains.js';
import { guardsOf, type Guard } from '../analysis/guards.js';
import { isBookingRecord, isBookingWrite } from '../analysis/booking-paths.js';
import { reachedFacts } from '../analysis/record-at-call.js';
import { changesFromEntry, type RecordChange } from '../analysis/record-changes.js';
import { callRef, entryRef, factStep, item, outcomeOf, sortItems } from '../analysis/report-items.js';
import { movesMoney as isMoneyMoved } from '../analysis/capture-mode.js';
import { precededOnEveryChain } from '../analysis/sequence.js';
import { fnKey } from '../model/values.js';
import { entitySchema } from '../analysis/schema-defaults.js';
import { isBookingItself } from '../analysis/payment-links.js';
import { functionName, locate } from '../analysis/payment-paths.js';
import type { PathResult } from '../model/report.js';
import type { Program } from '../analysis/program.js';
import type { SiteFact } from '../recognize/facts.js';
import type { CallEdge } from '../graph/call-graph.js';
import type { EntryPoint } from '../graph/entries.js';
import { namesChannelIntake } from '../recognizers/vocabulary.js';
import { defineCheck } from './define.js';
import { initialStateRemediation } from './remediation.js';

export default defineCheck({
  id: 'initial-booking-state',
  catalogId: 'booking-flow-lifecycle.booking-creation.initial-booking-state',
  label: 'Bookings start in an explicit pending state',
  severity: 'medium',
  cwe: ['CWE-841'],
  description: 'Every booking created before its payment or approval starts in an explicit not-yet-confirmed status, set in the write or by the schema default.',
  summary: (x, y) => `${x} of ${y} booking creation paths start in a pending state`,
  run(cx) {
    const skipReason = cx.applicability() ?? cx.unpaidBookings();
    const program = cx.program;
    const items: PathResult[] = [];
    if (!skipReason) {
      // Bookings created once the provider reports the payment (webhooks, success callbacks) may start confirmed.
      const afterPayment = new Set(cx.webhooks().map((w) => w.entry.fn));
      const movesMoney = (f: SiteFact) => isMoneyMoved(program, f);
      const bookings = cx.flowFacts('booking-record', isBookingRecord);
      for (const entry of program.entries) {
        if (afterPayment.has(entry.fn)) continue;
        const writes = reachedFacts(program, entry.fn).filter((f) => isBookingWrite(f) && isBookingItself(f));
        for (const write of writes) {
          // Every way this entry point reaches the write: a status any of them leaves unset or confirmed counts.
          const inserts = changesFromEntry(program, entry.fn, write).filter((c) => c.op === 'insert');
          if (inserts.length === 0) continue;
          const change = { ...inserts[0]!, sets: inserts.flatMap((c) => c.sets) };
          const result = decide(program, write, change, entryRef(program, entry));
          if (result.status === 'fail' && CONFIRMED_AT_ONCE.has(result.reason)) {
            const free = branchOnEveryChain(program, entry.fn, write, nothingDueBranch);
            const offline = free ? null : branchOnEveryChain(program, entry.fn, write, paidOfflineBranch);
            if (free) {
              [result.status, result.reason] = ['pass', 'confirmed-when-nothing-due'];
              result.trace.push({ file: free.file, line: locate(program, free.file, free.node.pos).line, note: `written only where nothing is to be paid (${free.names.join('.')})` });
            } else if (offline) {
              [result.status, result.reason] = ['pass', 'confirmed-when-paid-offline'];
              result.trace.push({ file: offline.file, line: locate(program, offline.file, offline.node.pos).line, note: `written only where it is paid in person (${offline.names.join(' ')})` });
            }
          }
          // A booking a channel manager took (an OTA's, synced in or pushed by its webhook) comes in the
          // state it has there, paid and confirmed or not: no customer of this app is asked to pay for it.
          const intake = channelIntake(program, entry, write);
          if (intake) {
            [result.status, result.reason] = ['excluded', 'imported-from-channel'];
            result.trace.unshift({ file: result.entry.file, line: result.entry.line, note: `brought in from another system: ${intake}` });
          }
          // Written once a charge or capture completed on every chain: the payment is already taken.
          const paid = precededOnEveryChain(program, 'money-moved', movesMoney, entry.fn, { fn: fnKey(write), site: write.site }, bookings);
          if (result.status !== 'excluded' && paid.holds && paid.evidence) {
            const charge = paid.evidence.source.fact;
            result.status = 'excluded';
            result.reason = 'created-after-payment';
            result.trace.unshift(factStep(program, charge, `money moves first: ${charge.recognizer.name} ${charge.api}`));
          }
          items.push(result);
        }
      }
    }
    return outcomeOf(sortItems(items), skipReason, 'no-booking-creation-paths', initialStateRemediation(program), describe);
  },
});

const CONFIRMED_AT_ONCE = new Set(['confirmed-status-set', 'status-not-pending', 'confirmed-by-default']);

/**
 * A branch of this kind that every call chain from the entry to the write passes: the nothing-due
 * side of a branch on whether anything is to be paid (`if (isZeroTotalOrder) { ... create({ status:
 * 'PAID' }) }`: a free booking confirmed at once waits for no payment), or the side where it is
 * paid in person.
 */
function branchOnEveryChain(program: Program, entry: string, write: SiteFact, kind: (g: Guard) => boolean): Guard | null {
  return foundOnEveryChain(program, entry, write, (chain) => guardsOf(program, chain, fnKey(write), write.site).find(kind));
}

/**
 * What `find` finds on every call chain from the entry to the write (the first chain's), or null
 * when a chain has none, or there are too many chains to see them all.
 */
function foundOnEveryChain<T>(program: Program, entry: string, write: SiteFact, find: (chain: CallEdge[]) => T | undefined): T | null {
  const target = fnKey(write);
  const limit = 8;
  const chains = entry === target ? [[]] : chainsTo(program, entry, target, limit);
  if (chains.length === 0 || chains.length >= limit) return null;
  let found: T | null = null;
  for (const chain of chains) {
    const here = find(chain);
    if (here === undefined) return null;
    found ??= here;
  }
  return found;
}

/**
 * The name that shows a booking write brings in another system's booking: the entry point's, or on
 * every chain of calls to the write, a function's (`syncBeds24Bookings`, `importChannelBooking`).
 * Only the way to the write counts: a direct booking pushed to the channel manager after it is
 * written is still taken here.
 */
function channelIntake(program: Program, entry: EntryPoint, write: SiteFact): string | null {
  if (namesChannelIntake(entry.name)) return entry.name;
  return foundOnEveryChain(program, entry.fn, write, (chain) => [entry.fn, ...chain.map((e) => e.to), fnKey(write)].map((k) => functionName(program, k)).find(namesChannelIntake));
}

function decide(program: Program, write: SiteFact, change: RecordChange, entry: PathResult['entry']): PathResult {
  const result = item(entry, callRef(program, write), 'fail', 'no-initial-status');
  const entity = write.entity ?? '?';
  // A booking created through another model (`user.create({ data: { bookings: { create: {...} } } })`).
  const nested = program.vocabulary.isBookingLike(write.match?.wildcards[0]?.p) ? undefined : change.sets.find((f) => f.path.length > 1 && program.vocabulary.isBookingLike(f.path[0]))?.path[0];
  const written = knownStateWritten(change, nested);
  if (written) {
    const { field, states } = written;
    const at = { file: field.file, line: locate(program, field.file, field.pos).line };
    result.evidence = { ...at, kind: 'write', entity };
    const shown = field.texts.length > 0 ? field.texts.join(' | ') : field.fromRequest ? 'a value from the request' : 'a computed value';
    result.trace = [factStep(program, write, `booking created: ${write.api}`), { ...at, note: `sets ${field.field} to ${shown}` }];
    const onPayment = states.includes('confirmed') && states.includes('pending') ? paymentDecidesState(program, field) : null;
    if (onPayment) {
      // Pending whenever there is something to pay; confirmed at once only when there is not.
      [result.status, result.reason] = ['pass', 'pending-when-payment-due'];
      result.trace.push({ ...at, note: `the status depends on whether payment is due (${onPayment})` });
    } else if (states.includes('confirmed')) result.reason = 'confirmed-status-set';
    else if (states.length > 0 && states.every((s) => s === 'pending')) [result.status, result.reason] = ['pass', 'pending-status-set'];
    else if (field.fromRequest && field.texts.length === 0) result.reason = 'status-from-request';
    else result.reason = 'status-not-pending';
    return result;
  }
  const schema = entitySchema(program, entity, write.file);
  const fields = schema?.fields.filter((f) => isStateField(f.name) || isStateFlag(f.name)) ?? [];
  const field = fields.find((f) => /^status$/i.test(f.name)) ?? fields.find((f) => f.default !== null) ?? fields[0];
  result.trace = [factStep(program, write, `booking created without a status: ${write.api}`)];
  // Kept apart until confirmed (`pendingBookings`, moved to `bookings` once paid): the table is the state.
  const pendingWord = field?.default ? null : pendingTableWord(entity);
  if (pendingWord) {
    [result.status, result.reason] = ['pass', 'pending-by-table'];
    result.trace = [factStep(program, write, `booking created in ${entity}, a table of bookings not yet confirmed (${pendingWord})`)];
    return result;
  }
  if (!schema || !field) {
    result.reason = schema ? 'no-status-field' : 'no-initial-status';
    if (schema) result.trace.push({ file: schema.file, line: schema.line, note: `${schema.name} has no status field` });
    return result;
  }
  result.evidence = { file: field.file, line: field.line, kind: 'schema-default', entity };
  if (field.default === null) {
    result.trace.push({ file: field.file, line: field.line, note: `${field.name} has no default` });
    return result;
  }
  result.trace.push({ file: field.file, line: field.line, note: `${field.name} defaults to ${field.default}` });
  const state = stateOfFieldValue(field.name, field.default);
  if (state === 'pending') [result.status, result.reason] = ['pass', 'pending-by-default'];
  else result.reason = state === 'confirmed' ? 'confirmed-by-default' : 'status-not-pending';
  return result;
}

/**
 * The state field the write sets; when its value names no state the vocabulary knows
 * (`bookingStatus: 'upcoming'` beside `paymentStatus: 'pending'`), the next state field whose
 * value does: the payment status then tells an unpaid booking apart.
 */
function knownStateWritten(change: RecordChange, nested: string | undefined): ReturnType<typeof stateWritten> {
  const first = stateWritten(change, nested);
  if (!first || first.states.some((s) => s !== null) || (first.field.fromRequest && first.field.texts.length === 0)) return first;
  let sets = change.sets;
  let written: ReturnType<typeof stateWritten> = first;
  while (written) {
    if (written.states.length > 0 && written.states.every((s) => s !== null)) return written;
    const path = written.field.path.join('.');
    sets = sets.filter((f) => f.path.join('.') !== path);
    written = stateWritten({ sets }, nested);
  }
  return first;
}

function describe(p: PathResult): string {
  return `${p.entry.name} -> ${p.payment.provider} ${p.payment.api} (${p.payment.file}:${p.payment.line}): ${p.reason}.`;
}
