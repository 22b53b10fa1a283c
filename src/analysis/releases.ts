// What a piece of code gives back when a payment fails: the booking (set to a failed, cancelled or
// expired state, or deleted) and the capacity it held (a slot row freed, a counter moved back, a
// hold deleted), with the transaction each change runs in.
import { statesSet } from './booking-state.js';
import { isBookingItself, isPaymentEntity } from './payment-links.js';
import { capacityDirection, isCapacityEntity } from './capacity.js';
import type { Program } from './program.js';
import { recordChanges, type RecordChange } from './record-changes.js';
import { factsInRegion, rolledBack, sameTransaction, type Region, type RegionFact } from './regions.js';
import type { SiteFact } from '../recognize/facts.js';
import { objectMemo } from '../util/memo.js';

export interface Release {
  at: RegionFact;
  change: RecordChange;
  /** A write a rollback undid, not a change the failure path made. */
  undone?: boolean;
}

export interface Releases {
  booking: Release[];
  slot: Release[];
}

/** A change of a booking record itself (not of a payment kept for one). */
function changesBooking(program: Program, change: RecordChange): boolean {
  return change.entity === change.fact.entity ? isBookingItself(change.fact) : program.isBookingEntity(change.entity ?? '', change.fact.file) && !isPaymentEntity(change.entity);
}

/** A change that releases a booking: deleted, or set to a failed, cancelled or expired state. */
function releasesBooking(program: Program, change: RecordChange): boolean {
  if (!changesBooking(program, change) || change.op === 'insert') return false;
  if (change.op === 'delete') return true;
  const states = statesSet(change);
  return states.has('failed') || states.has('cancelled');
}

/** A change that gives capacity back. */
function releasesSlot(change: RecordChange): boolean {
  const d = capacityDirection(change);
  return d === 'release' || (d === 'change' && change.op !== 'insert');
}

/**
 * What each change of a write gives back, once per fact: a write after 2,000 payments' catch blocks
 * is in the failure region of each, and was judged again in each.
 */
const releaseMemo = objectMemo<SiteFact, { change: RecordChange; gives: keyof Releases | null }[]>();

function releasesOfFact(program: Program, fact: SiteFact): { change: RecordChange; gives: keyof Releases | null }[] {
  return releaseMemo(fact, () =>
    recordChanges(program, fact).map((change) => ({
      change,
      // `booking_holds`, `booking_slots`: named after bookings, but the rows are the capacity held.
      gives: isCapacityEntity(change.entity) && releasesSlot(change) ? 'slot' : releasesBooking(program, change) ? 'booking' : releasesSlot(change) ? 'slot' : null,
    })),
  );
}

/** Read-only: a region (a frame's failure branch) is shared by every payment below the frame, and asked again by each. */
export function releasesIn(program: Program, region: Region): SharedReleases {
  return regionMemo(region, () => releasesOf(program, region));
}

const regionMemo = objectMemo<Region, SharedReleases>();

/** Releases a memo hands to many callers: none may change them. */
export type SharedReleases = { readonly [K in keyof Releases]: readonly Release[] };

function releasesOf(program: Program, region: Region): Releases {
  const out: Releases = { booking: [], slot: [] };
  for (const at of factsInRegion(program, region)) {
    if (at.fact.kind !== 'write' && at.fact.kind !== 'update') continue;
    for (const { change, gives } of releasesOfFact(program, at.fact)) if (gives) out[gives].push({ at, change });
  }
  // A rollback gives back what its transaction wrote: the booking it inserted, the capacity it took.
  for (const at of rolledBack(program, region)) {
    for (const change of recordChanges(program, at.fact)) {
      if (capacityDirection(change) === 'hold') out.slot.push({ at, change, undone: true });
      else if (change.op === 'insert' && changesBooking(program, change)) out.booking.push({ at, change, undone: true });
    }
  }
  return out;
}

/**
 * Booking and slot released together: some pair of releases in one transaction, or in stores that
 * cannot share one (a Redis hold and a SQL booking). Null when one of them is missing.
 */
export function releasedTogether(r: SharedReleases): boolean | null {
  if (r.booking.length === 0 || r.slot.length === 0) return null;
  return r.booking.some((b) => r.slot.some((s) => sameTransaction(b.at, s.at) || b.at.fact.recognizer !== s.at.fact.recognizer));
}
