// Failed, abandoned and expired payments release the booking and its slot together. Failure paths:
// the provider's failure and expiry events handled by webhooks, catch blocks and failure branches
// around payment calls that run once the request wrote a booking and around capture calls that run
// once one exists, and background jobs (cron,
// queues, pg_cron) that expire bookings or holds. Each must release the booking and, where the app
// models capacity, the slot too, in one transaction when both are writes to the same database.
import { bookingPaymentPaths, isBookingRecord } from '../analysis/booking-paths.js';
import { capacityModel } from '../analysis/capacity.js';
import { evidenceOnEveryChain } from '../analysis/chains.js';
import { eventBranches, resultFailureBranches } from '../analysis/event-branches.js';
import { endsInThrow, failureBranches, onlyThrows } from '../analysis/failure-branches.js';
import { flagHandledBy } from '../analysis/failure-flags.js';
import type { FlowFacts } from '../analysis/flow-facts.js';
import { locate } from '../analysis/payment-paths.js';
import { reachableFrom, type Program } from '../analysis/program.js';
import { regionFrom, type Region } from '../analysis/regions.js';
import { releasedTogether, releasesIn, type SharedReleases } from '../analysis/releases.js';
import { callRef, entryRef, factEvidence, factStep, item, outcomeOf, sortItems } from '../analysis/report-items.js';
import { backgroundEntries, scheduledJobs } from '../analysis/scheduled.js';
import { failureReturnBranches } from '../analysis/return-routes.js';
import { sqlStatements } from '../analysis/sql-text.js';
import { isCapacityEntity } from '../analysis/capacity.js';
import { purgesFinished, stateOfText } from '../analysis/booking-state.js';
import type { CallEdge } from '../graph/call-graph.js';
import type { PathResult, TraceStep } from '../model/report.js';
import { fnKey } from '../model/values.js';
import type { SqlJob } from '../project/schema-fields.js';
import type { SiteFact } from '../recognize/facts.js';
import { appOf } from '../engine/wiring.js';
import { defineCheck } from './define.js';
import { failureRemediation } from './remediation.js';
import { keyedMemo } from '../util/memo.js';

export default defineCheck({
  id: 'failure-handling',
  catalogId: 'booking-flow-lifecycle.payment.failure-handling',
  label: 'Failed payments release the booking and its slot',
  severity: 'high',
  cwe: ['CWE-459'],
  description: 'Every way a payment can fail (failure and expiry webhooks, errors around payment calls, expiry jobs) releases the held booking and its slot together.',
  summary: (x, y) => `${x} of ${y} payment failure paths release both booking and slot`,
  run(cx) {
    // Bookings taken without payment (only a subscription is billed) hold nothing a failed payment must release.
    const skipReason = cx.applicability() ?? cx.unpaidBookings();
    const program = cx.program;
    const items: PathResult[] = [];
    if (!skipReason) {
      const modelled = capacityModel(program).modelled;
      const flow = cx.flowFacts('booking-record', isBookingRecord);
      const webhooks = cx.webhooks();
      const decideRegion = (result: PathResult, region: Region, where: TraceStep[]) => decide(program, result, releasesIn(program, region), modelled, where);
      // 1. The provider's failure and expiry events.
      for (const hook of webhooks) {
        for (const providerId of hook.providers) {
          const provider = program.recognizers.find((r) => r.id === providerId);
          if (provider?.kind !== 'provider') continue;
          // Branches on its failure events, and on its result code where its callback names no events.
          const branches = [
            ...eventBranches(program, hook.entry, provider.events.failure.filter((e) => !isBillingEvent(program, providerId, e))),
            ...(provider.resultField ? resultFailureBranches(program, hook.entry, provider.resultField) : []),
            ...failureReturnBranches(program, hook.entry, providerId),
          ];
          for (const branch of branches) {
            const at = locate(program, branch.file, branch.pos);
            const result = item(entryRef(program, hook.entry), { ...at, provider: providerId, api: branch.event }, 'fail', 'nothing-released');
            items.push(decideRegion(result, branch.region, [{ file: at.file, line: at.line, note: branch.note ?? (branch.whole ? `handles ${branch.event} (no branch on the event type: the whole handler)` : `branch for ${branch.event}`) }]));
          }
        }
      }
      // 2. Errors and failure results of payment and capture calls once a booking exists.
      const seen = new Set<string>();
      const around = (entry: PathResult['entry'], chain: CallEdge[], call: SiteFact) => {
        const frames = [...chain.map((e) => ({ fn: e.from, site: e.site })), { fn: fnKey(call), site: call.site }];
        const branchesOf = frames.map((frame) => failureBranches(program, frame.fn, frame.site, call));
        // Whether a frame below each depth handles the failure and hands it on (see `handled`), as a
        // suffix: asked per depth by scanning the frames below, a chain 2,000 calls long cost its cube.
        const handledBelow = branchesOf.map(() => false);
        for (let depth = branchesOf.length - 2; depth >= 0; depth--) {
          handledBelow[depth] = handledBelow[depth + 1]! || branchesOf[depth + 1]!.some((b) => b.kind === 'catch' && !onlyThrows(program, b.fn, b.region) && endsInThrow(program, b.fn, b.region));
        }
        let caught = false;
        for (const [depth, branches] of branchesOf.entries()) {
          // A helper's `if (!res.ok) throw`, or its `catch (e) { log(e); throw new Error(...) }`, hands
          // the failure to its caller: where a caller on the chain catches it, that catch block is the
          // failure path, not a second one.
          if (depth > 0) caught ||= branchesOf[depth - 1]!.some((b) => b.kind === 'catch');
          // And a service's `catch (e) { release(); throw e; }` handles the failure before it hands it
          // on: the route's catch that turns the error into a response is no second failure path.
          const handled = handledBelow[depth]!;
          // A helper's `catch (e) { return { success: false, error } }` hands the failure back as a
          // value: where its caller tests the flag (`if (!result.success)`), that test is the failure path.
          for (const branch of branches.flatMap((b) => flagHandledBy(program, b, frames, depth))) {
            if (caught && onlyThrows(program, branch.fn, branch.region)) continue;
            if (handled && branch.kind === 'catch') continue;
            const key = `${entry.file}:${entry.line}:${branch.fn}:${branch.pos}`;
            if (seen.has(key)) continue;
            seen.add(key);
            const at = locate(program, branch.file, branch.pos);
            const result = item(entry, callRef(program, call), 'fail', 'nothing-released');
            items.push(decideRegion(result, branch.region, [{ file: at.file, line: at.line, note: `${branch.kind === 'catch' ? 'catch block' : 'failure branch'} around ${call.api}` }]));
          }
        }
      };
      const paths = bookingPaymentPaths(program, flow, webhooks).filter((p) => !p.excluded);
      // A payment started once this request wrote the booking; one for a booking only read here (an
      // extension, a no-show fee, a balance) leaves a booking that stands whether or not it is paid.
      for (const path of paths) if (path.chain.holds && path.chain.evidence?.source.kind === 'write') around(entryRef(program, path.entry), path.chain.chain, path.payment);
      for (const { entry, capture, chain } of capturesAfterBooking(program, flow)) around(entryRef(program, entry), chain, capture);
      // 3. Background jobs that expire bookings or holds.
      const hooks = new Set(webhooks.map((w) => w.entry.fn));
      const schedules = new Map(scheduledJobs(program).map((j) => [j.entry.fn, j]));
      for (const job of backgroundEntries(program)) {
        if (hooks.has(job.fn)) continue;
        const region = regionFrom(program, job.fn, [0]);
        // Purging history (bookings taught, missed or cancelled long ago, slots or availability
        // whose time has passed) expires nothing: a job that only purges is no expiry job, one that
        // also expires bookings is judged at what it expires.
        const all = releasesIn(program, region);
        const released = { booking: all.booking.filter((r) => !purgesFinished(r.change)), slot: all.slot.filter((r) => !purgesFinished(r.change)) };
        const first = released.booking[0] ?? released.slot[0];
        if (!first) continue;
        const result = item(entryRef(program, job), callRef(program, first.at.fact), 'fail', 'nothing-released');
        const schedule = schedules.get(job.fn);
        const when = schedule ? `, scheduled${schedule.schedule ? ` ${schedule.schedule}` : ''} by ${schedule.via}` : '';
        items.push(decide(program, result, released, modelled, [{ file: result.entry.file, line: result.entry.line, note: `background job ${job.name} (${job.kind}${when})` }]));
      }
      for (const job of program.project.sqlJobs) {
        const found = sqlJobItem(program, job, modelled);
        if (found) items.push(found);
      }
      // 4. None at all in the app, while its bookings are held before payment: abandoned checkouts
      // hold slots forever. Apps of a monorepo are judged apart.
      const appDir = (file: string) => appOf(program.project.manifests, file)?.dir ?? '';
      const covered = new Set(items.map((i) => appDir(i.entry.file)));
      for (const path of paths) {
        if (!(path.chain.holds && path.chain.evidence?.source.kind === 'write') || covered.has(appDir(path.entry.file))) continue;
        const result = item(entryRef(program, path.entry), callRef(program, path.payment), 'fail', 'no-failure-path');
        const fact = path.chain.evidence.source.fact;
        result.evidence = factEvidence(program, fact, 'write');
        result.trace = [factStep(program, fact, `booking held before the payment: ${fact.api}`), factStep(program, path.payment, `payment: ${path.payment.api}; no failure webhook, error handling or expiry job releases the booking`)];
        items.push(result);
      }
    }
    return outcomeOf(sortItems(items), skipReason, 'no-payment-failure-paths', failureRemediation(program), describe);
  },
});

function decide(program: Program, result: PathResult, r: SharedReleases, modelled: boolean, where: TraceStep[]): PathResult {
  const booking = r.booking[0];
  const slot = r.slot[0];
  result.trace = [...where];
  if (booking) {
    result.evidence = factEvidence(program, booking.at.fact, booking.change.op === 'delete' ? 'delete' : 'update');
    result.trace.push(factStep(program, booking.at.fact, `booking released: ${booking.at.fact.api}${booking.undone ? ' rolled back' : ''}`));
  }
  if (slot) result.trace.push(factStep(program, slot.at.fact, `slot released: ${slot.at.fact.api}${slot.undone ? ' rolled back' : ''}`));
  const together = releasedTogether(r);
  if (booking && (slot || !modelled)) {
    if (together === false) result.reason = 'released-outside-transaction';
    else [result.status, result.reason] = ['pass', slot ? 'booking-and-slot-released' : 'booking-released'];
  } else if (booking) result.reason = 'slot-not-released';
  else if (slot) result.reason = 'booking-not-released';
  return result;
}

/** A pg_cron job of the migrations whose SQL releases bookings or holds (one command runs in one transaction). */
function sqlJobItem(program: Program, job: SqlJob, modelled: boolean): PathResult | null {
  const sql = [job.command, ...program.project.sqlFunctions.filter((f) => new RegExp(`\\b${f.name}\\s*\\(`, 'i').test(job.command)).map((f) => f.body ?? '')].join(';\n');
  const statements = sqlStatements(sql);
  const booking = statements.find((s) => program.isBookingEntity(s.table, job.file) && (s.op === 'delete' || s.sets.some(([c, v]) => /^(status|state)$/i.test(c) && ['failed', 'cancelled'].includes(stateOfText(v.replace(/'/g, '')) ?? ''))));
  const slot = statements.find((s) => isCapacityEntity(s.table) && s.op !== 'insert');
  if (!booking && !slot) return null;
  const at = { file: job.file, line: job.line, column: 1 };
  const result = item({ ...at, kind: 'pg-cron', name: job.name ?? job.schedule }, { ...at, provider: 'pg_cron', api: 'cron.schedule' }, 'fail', 'nothing-released');
  result.trace = [{ file: job.file, line: job.line, note: `pg_cron job ${job.name ?? ''} (${job.schedule})` }];
  if (booking) {
    result.evidence = { file: job.file, line: job.line, kind: booking.op === 'delete' ? 'delete' : 'update', entity: booking.table };
    result.trace.push({ file: job.file, line: job.line, note: `booking released: ${booking.op} ${booking.table}` });
  }
  if (slot) result.trace.push({ file: job.file, line: job.line, note: `slot released: ${slot.op} ${slot.table}` });
  if (booking && (slot || !modelled)) [result.status, result.reason] = ['pass', slot ? 'booking-and-slot-released' : 'booking-released'];
  else result.reason = booking ? 'slot-not-released' : 'booking-not-released';
  return result;
}

/** Capture calls reached from an entry point where a booking exists before the capture on every chain. */
function capturesAfterBooking(program: Program, flow: FlowFacts): { entry: Program['entries'][number]; capture: SiteFact; chain: CallEdge[] }[] {
  const captures = program.facts.filter((f) => f.kind === 'provider' && f.role === 'capture');
  const out: { entry: Program['entries'][number]; capture: SiteFact; chain: CallEdge[] }[] = [];
  for (const entry of program.entries) {
    const reach = reachableFrom(program.graph, entry.fn);
    for (const capture of captures) {
      if (!reach.has(fnKey(capture))) continue;
      const chain = evidenceOnEveryChain(program, flow, entry.fn, { fn: fnKey(capture), site: capture.site });
      if (chain.holds && chain.evidence) out.push({ entry, capture, chain: chain.chain });
    }
  }
  return out;
}

/**
 * Subscription and invoice failures (`invoice.payment_failed`) belong to recurring billing unless
 * the app bills bookings with invoices of that provider.
 */
function isBillingEvent(program: Program, provider: string, event: string): boolean {
  if (!/invoice|subscription/i.test(event)) return false;
  // Once per provider: a tree of many apps asks for every failure event of every webhook.
  return !billsBookings(program, provider, () => program.facts.some((f) => f.kind === 'provider' && f.role === 'initiation' && !f.billing && f.recognizer.id === provider && /invoice/i.test(f.api)));
}

const billsBookings = keyedMemo<Program, boolean>();

function describe(p: PathResult): string {
  const what: Record<string, string> = {
    'nothing-released': 'releases neither the booking nor its slot',
    'slot-not-released': 'releases the booking but not its slot',
    'booking-not-released': 'releases the slot but leaves the booking held',
    'released-outside-transaction': 'releases booking and slot outside one transaction',
    'no-failure-path': 'holds a booking before payment and nothing releases it when the payment fails or is abandoned',
  };
  return `${p.entry.name} (${p.payment.provider} ${p.payment.api}, ${p.payment.file}:${p.payment.line}): ${what[p.reason] ?? p.reason}.`;
}

