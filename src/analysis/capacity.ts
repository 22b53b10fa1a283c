// Capacity the app holds for a booking: a slot or seat row marked taken, a counter moved
// (`bookedCount`, `seatsLeft`), a hold row or key (`holds`, `hold:slot:42`). Whether a change takes
// capacity or gives it back, and whether the app models capacity at all (some code changes it).
import { CAPACITY_WORDS, COUNTER_WORDS, SLOT_FLAG_WORDS, TRY_COUNTER_WORDS, singularNoun, words } from '../recognizers/vocabulary.js';
import type { SiteFact } from '../recognize/facts.js';
import { reachableFrom, type Program } from './program.js';
import { recordChanges, type FieldValue, type RecordChange } from './record-changes.js';
import { isFinishedState } from './booking-state.js';

const CAPACITY = new Set(CAPACITY_WORDS);
const COUNTERS = new Set(COUNTER_WORDS);
const FLAGS = new Set(SLOT_FLAG_WORDS);
const TRIES = new Set(TRY_COUNTER_WORDS);
/** Counters and flags that grow as capacity is taken (`bookedCount`, `isBooked`); the others count what is left. */
const TAKEN = new Set(['count', 'booked', 'taken', 'sold', 'reserved', 'held', 'occupancy', 'occupied']);
const FREE_STATES = new Set(['available', 'open', 'free', 'released', 'expired', 'cancelled', 'canceled']);
const TAKEN_STATES = new Set(['booked', 'held', 'hold', 'reserved', 'taken', 'locked', 'occupied', 'pending']);

/** `Slot`, `time_slots`, `seat_holds`, `BookingSlot`, `inventory` are; `SlotBooking` (a booking of a slot) is not. */
export function isCapacityEntity(name: string | null | undefined): boolean {
  if (!name) return false;
  const ws = words(name).map(singularNoun);
  return ws.length > 0 && CAPACITY.has(ws[ws.length - 1]!);
}

function isCounterField(name: string): boolean {
  const ws = words(name).map(singularNoun);
  return ws.some((w) => COUNTERS.has(w)) && !ws.some((w) => TRIES.has(w));
}

function isSlotFlag(name: string): boolean {
  const ws = words(name).filter((w) => w !== 'is' && w !== 'has');
  return ws.length === 1 && FLAGS.has(ws[0]!);
}

function takesWhenUp(name: string): boolean {
  return words(name).map(singularNoun).some((w) => TAKEN.has(w));
}

/** What a field value does to capacity: 'hold' takes it, 'release' gives it back, null neither. */
function fieldDirection(f: FieldValue): 'hold' | 'release' | null {
  if (f.delta && isCounterField(f.field)) return (f.delta === 'up') === takesWhenUp(f.field) ? 'hold' : 'release';
  if (isSlotFlag(f.field) && f.texts.length > 0) {
    const on = f.texts.includes('true') || f.texts.includes('1');
    return on === takesWhenUp(f.field) ? 'hold' : 'release';
  }
  if (/^(status|state)$/i.test(f.field)) {
    const t = f.texts.map((x) => x.toLowerCase());
    if (t.some((x) => FREE_STATES.has(x))) return 'release';
    if (t.some((x) => TAKEN_STATES.has(x))) return 'hold';
  }
  // `heldBy: null`, `bookingId: null` on a slot row.
  if (f.texts.includes('null') || (f.expr?.k === 'lit' && f.expr.value === null)) return 'release';
  return null;
}

/** Every state the change sets is one of a thing that is over (`completed`, `finished`). */
function finishesOnly(change: RecordChange): boolean {
  const states = change.sets.filter((f) => /^(status|state)$/i.test(f.field));
  return states.length > 0 && states.every((f) => f.texts.length > 0 && f.texts.every(isFinishedState));
}

/** Whether a change takes or gives back capacity (or changes it without saying: 'change'). */
export function capacityDirection(change: RecordChange): 'hold' | 'release' | 'change' | null {
  const directions = change.sets.map(fieldDirection).filter((d): d is 'hold' | 'release' => d !== null);
  if (isCapacityEntity(change.entity)) {
    if (change.op === 'delete') return 'release';
    if (change.op === 'insert') return 'hold';
    // A slot marked `completed` once its time has passed is history: it neither frees nor takes a place.
    if (directions.length === 0 && finishesOnly(change)) return null;
    return directions[0] ?? 'change';
  }
  // A counter on another record: an event's `seatsLeft`, a room's `bookedCount`.
  const counter = change.sets.find((f) => f.delta && isCounterField(f.field));
  return counter ? fieldDirection(counter) : null;
}

export interface CapacityModel {
  /** The app holds capacity for bookings: code that handles a booking also writes a slot, a hold or a counter. */
  modelled: boolean;
  /** One change that shows it, for reports. */
  example: SiteFact | null;
}

const memo = new WeakMap<Program, CapacityModel>();

export function capacityModel(program: Program): CapacityModel {
  const hit = memo.get(program);
  if (hit) return hit;
  const changesCapacity = (f: SiteFact) => (f.kind === 'write' || f.kind === 'update') && recordChanges(program, f).some((c) => capacityDirection(c) !== null);
  // Only on the way of an entry point that also handles a booking: staff editing their weekly
  // availability or a shop's stock going down are no capacity a booking holds.
  let example: SiteFact | null = null;
  for (const entry of program.entries) {
    const facts = [...reachableFrom(program.graph, entry.fn)].flatMap((k) => program.factsByFn.get(k) ?? []);
    if (!facts.some((f) => f.bookingLike && f.kind !== 'provider')) continue;
    example = facts.find(changesCapacity) ?? null;
    if (example) break;
  }
  const model = { modelled: example !== null, example };
  memo.set(program, model);
  return model;
}
