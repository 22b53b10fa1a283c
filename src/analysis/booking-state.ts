// A booking's state as a change sets it: which field holds the state (`status`, `bookingStatus`,
// `state`, or a flag such as `isPaid`) and what its values mean (pending, confirmed, cancelled,
// failed), from the vocabulary's state words.
import {
  CANCELLED_STATE_WORDS, CONFIRMED_FLAG_WORDS, CONFIRMED_STATE_WORDS, FAILED_STATE_WORDS, FINISHED_STATE_WORDS, PAYMENT_DUE_WORDS, PENDING_STATE_WORDS, REQUEST_WORDS, REQUESTED_CHANGE_WORDS, STATE_FIELD_WORDS, isStatusReference, words,
} from '../recognizers/vocabulary.js';
import type { Guard } from './guards.js';
import type { Expr } from '../model/ir.js';
import type { Program } from './program.js';
import { keyReads, readFilter, type FieldValue, type RecordChange } from './record-changes.js';

export type BookingState = 'pending' | 'confirmed' | 'cancelled' | 'failed';

const FAILED = new Set(FAILED_STATE_WORDS);
const CANCELLED = new Set(CANCELLED_STATE_WORDS);
const PENDING = new Set(PENDING_STATE_WORDS);
const CONFIRMED = new Set(CONFIRMED_STATE_WORDS);
const STATE_FIELDS = new Set(STATE_FIELD_WORDS);
const FLAGS = new Set(CONFIRMED_FLAG_WORDS);
const PAYMENT_DUE = new Set(PAYMENT_DUE_WORDS);
const FINISHED = new Set(FINISHED_STATE_WORDS);
const REQUESTED_CHANGE = new Set(REQUESTED_CHANGE_WORDS);
const REQUEST = new Set(REQUEST_WORDS);

/** `PENDING_PAYMENT` -> pending, `payment_failed` -> failed, `CONFIRMED` -> confirmed, `NEW` -> null. */
export function stateOfText(text: string): BookingState | null {
  const ws = words(text);
  // `CANCEL_REQUESTED`, `pending_cancellation`: asked for, not done; neither cancelled nor unpaid.
  if (ws.some((w) => REQUESTED_CHANGE.has(w)) && ws.some((w) => REQUEST.has(w))) return null;
  if (ws.some((w) => FAILED.has(w))) return 'failed';
  if (ws.some((w) => CANCELLED.has(w))) return 'cancelled';
  if (ws.some((w) => PENDING.has(w)) || ws[0] === 'not' || ws[0] === 'un') return 'pending';
  if (ws.some((w) => CONFIRMED.has(w))) return 'confirmed';
  return null;
}

/**
 * Words that, in a booking table's own name, say every row in it waits for confirmation
 * (`pendingBookings`, `booking_drafts`, `TentativeReservation`): confirming one moves it out.
 */
const PENDING_TABLE_WORDS = new Set(['pending', 'draft', 'tentative', 'provisional', 'unconfirmed', 'unpaid']);

/** The word that makes a booking table one of bookings not yet confirmed, or null. */
export function pendingTableWord(entity: string): string | null {
  return words(entity).find((w) => PENDING_TABLE_WORDS.has(w.endsWith('s') ? w.slice(0, -1) : w)) ?? null;
}

/**
 * A field that holds a record's state: `status`, `bookingStatus`, `payment_status`, `state`, or
 * points at a row of a table of statuses (`statusId`, `booking_status_id`; not `stateId`, which
 * is as often a region of an address). Not the state of money kept apart (`depositStatus`).
 */
export function isStateField(name: string): boolean {
  if (isStatusReference(name)) return true;
  const ws = words(name);
  if (ws.length > 1 && MONEY_APART.has(ws[0]!)) return false;
  // Romance languages put the head first: `estadoTurno`, `estado_pago`, `stato_prenotazione`.
  return ws.length > 0 && (STATE_FIELDS.has(ws[ws.length - 1]!) || HEAD_FIRST_STATE_FIELDS.has(ws[0]!));
}

const HEAD_FIRST_STATE_FIELDS = new Set(['estado', 'etat', 'stato']);

/**
 * Money kept apart from the booking's own payment: a deposit held on the card, a payout to the
 * host, escrow. Its state is the money's (`depositStatus: 'released'` gives the deposit back once
 * the gear is returned), not the booking's.
 */
const MONEY_APART = new Set(['deposit', 'payout', 'escrow', 'commission', 'settlement']);

/** Words around a flag's one state word: `isPaid`, `hasBeenConfirmed`, `isBookedSuccessfully`. */
const FLAG_FILLERS = new Set(['is', 'has', 'been', 'successfully']);
const flagWords = (name: string) => words(name).filter((w) => !FLAG_FILLERS.has(w));

/** A flag such as `isPaid`, `confirmed` or `isBooked`: true means confirmed. */
export function isStateFlag(name: string): boolean {
  const ws = flagWords(name);
  return ws.length === 1 && FLAGS.has(ws[0]!);
}

/**
 * A flag such as `isCancelled` or `canceled`: true means cancelled, and false says nothing of the
 * state (a booking that is not cancelled may be pending or paid).
 */
function isCancelFlag(name: string): boolean {
  const ws = flagWords(name);
  return ws.length === 1 && CANCELLED.has(ws[0]!);
}

/**
 * What a value of a state field means. A flag's `true` is confirmed and `false` pending; so is a
 * payment's state kept as a yes/no (`payment_status: false`, `paidStatus: true`: paid or not yet).
 * A flag kept in an integer column (MySQL's TINYINT, SQLite's INTEGER: `is_paid: 1`,
 * `@default(0) @db.TinyInt`) is a yes/no as well. Other values are read by their words.
 */
export function stateOfFieldValue(field: string, text: string): BookingState | null {
  const flag = text === 'true' ? 'confirmed' : text === 'false' ? 'pending' : null;
  const bit = text === '1' ? 'confirmed' : text === '0' ? 'pending' : null;
  if (isStateFlag(field)) return flag ?? bit;
  if (isCancelFlag(field)) return text === 'true' || text === '1' ? 'cancelled' : null;
  const ws = words(field);
  if (flag && isStateField(field) && ws.slice(0, -1).some((w) => w === 'payment' || FLAGS.has(w))) return flag;
  return stateOfText(text);
}

/** `isCancelled: true` (or `1`); `isCancelled: false` says nothing of the state: other fields (or the schema's default) do. */
function setsCancelFlag(f: FieldValue): boolean {
  return isCancelFlag(f.field) && (f.texts.includes('true') || f.texts.includes('1'));
}

export interface StateWritten {
  field: FieldValue;
  /** What each value the field can take means; null for a value that is no known state. */
  states: (BookingState | null)[];
}

/**
 * The state a change sets, when it sets one: the best state field among the values it writes (a
 * plain `status` first, then `<entity>Status`, then other `*Status`/`state` fields, then flags),
 * at the top of the record or, with `under`, inside that nested relation (`bookings.create`).
 */
export function stateWritten(change: Pick<RecordChange, 'sets'>, under?: string): StateWritten | null {
  // A field set twice keeps its last value: a record loaded by `findOne({ status: 'PENDING' })`
  // carries that value until `booking.status = 'CANCELLED'` before its `save()`.
  const last = new Map(change.sets.map((f) => [f.path.join('.'), f]));
  const candidates = [...last.values()].filter(
    (f) => (under ? f.path.includes(under) : true) && !inAnotherRecord(f, under) && (isStateField(f.field) || isStateFlag(f.field) || setsCancelFlag(f)),
  );
  const depthOf = (f: FieldValue) => (under ? f.path.length - f.path.indexOf(under) : f.path.length);
  const rank = (f: FieldValue) => {
    const ws = words(f.field);
    if (ws.length === 1 && STATE_FIELDS.has(ws[0]!)) return ws[0] === 'status' ? 0 : 2;
    if (isStateFlag(f.field)) return 4;
    // Set to true it cancels the record whatever else the change sets.
    if (isCancelFlag(f.field)) return f.texts.every((t) => t === 'true') ? -1 : 5;
    return ws.includes('payment') ? 3 : 1;
  };
  const best = candidates.sort((a, b) => depthOf(a) - depthOf(b) || rank(a) - rank(b))[0];
  if (!best) return null;
  const states = best.texts.map((t) => stateOfFieldValue(best.field, t));
  return { field: best, states };
}

/** Prisma's nested writes: the fields under them are another record's. */
const NESTED_WRITES = new Set(['create', 'createMany', 'connectOrCreate', 'upsert', 'update', 'updateMany']);

/**
 * A field of a record written along with this one (`customer: { create: { address: { create: { state } } } }`):
 * the state of an address, not of the booking. With `under`, the booking is the record nested there.
 */
function inAnotherRecord(f: FieldValue, under: string | undefined): boolean {
  let from = 0;
  if (under) {
    from = f.path.indexOf(under) + 1;
    if (NESTED_WRITES.has(f.path[from] ?? '')) from++;
  }
  return f.path.slice(from, -1).some((p) => NESTED_WRITES.has(p));
}

/** Every state a change can set (any value of its state field). */
export function statesSet(change: Pick<RecordChange, 'sets'>, under?: string): Set<BookingState> {
  return new Set((stateWritten(change, under)?.states ?? []).filter((s): s is BookingState => s !== null));
}

/** The states a filter picks (`where: { status: 'PENDING' }`, `.eq('status', 'pending')`). */
export function statesFiltered(change: Pick<RecordChange, 'filter'>): Set<BookingState> {
  return statesSet({ sets: change.filter });
}

/**
 * The states of the records a change can touch: those its own filter picks or, when it is keyed by
 * the ids of records read before (`UPDATE ... WHERE id = ANY($1)` with the ids `SELECT id ... WHERE
 * status IN ('pending')` returned), those the reads picked. Empty when any of them can be in any state.
 */
export function statesPicked(program: Program, change: RecordChange): Set<BookingState> {
  const own = statesFiltered(change);
  if (own.size > 0) return own;
  const picked = new Set<BookingState>();
  for (const read of keyReads(program, change)) {
    const states = statesFiltered({ filter: readFilter(program, read) });
    if (states.size === 0) return new Set();
    for (const s of states) picked.add(s);
  }
  return picked;
}

/**
 * A delete of records that are over: its filter picks only served or missed bookings, or ones
 * already cancelled or failed (`deleteMany({ status: 'completed', updatedAt: { $lt: cutoff } })`,
 * `{ queueStatus: 'no_show' }`). Housekeeping: it cancels no one's booking and frees nothing a
 * customer still holds.
 */
/** A state that says the booking is over (`completed`, `no_show`, `checked_out`), paid or not. */
export function isFinishedState(text: string): boolean {
  const ws = words(text);
  return ws.some((w) => FINISHED.has(w)) || FINISHED.has(ws.join(''));
}

export function purgesFinished(change: Pick<RecordChange, 'op' | 'filter'>): boolean {
  if (change.op !== 'delete') return false;
  if (change.filter.some(endedBefore)) return true;
  const field = stateWritten({ sets: change.filter })?.field;
  if (!field || field.texts.length === 0) return false;
  return field.texts.every((t) => {
    if (isFinishedState(t)) return true;
    const state = stateOfFieldValue(field.field, t);
    return state === 'cancelled' || state === 'failed';
  });
}

/** Words of a field that says when a booking is over: `endsAt`, `end_time`, `finishedAt`, `checkOut`. */
const END_TIME_WORDS = new Set(['end', 'ends', 'ended', 'ending', 'finish', 'finished', 'finishes']);
/** Words of a field that holds the day a booking is for (`date`, `lessonDate`, `booking_day`); its day passed, it is over. */
const DAY_WORDS = new Set(['date', 'day']);
/** Dates of the record's own life, not of what is booked: `createdDate`, `expiryDate`, `holdUntilDate`. */
const LIFE_WORDS = new Set(['created', 'create', 'updated', 'update', 'modified', 'expiry', 'expires', 'expire', 'expiration', 'hold', 'held', 'until', 'paid', 'payment', 'due', 'deadline', 'reserved', 'locked', 'last']);
/** Filter operators that pick values below a bound: Prisma's `lt`/`lte`, MongoDB's `$lt`/`$lte`. */
const BEFORE_OPERATORS = new Set(['lt', 'lte', '$lt', '$lte']);

/**
 * A filter on when the booking ends, or on the day it is for, below a bound (`endsAt: { lt: new
 * Date() }`, `date: { $lt: today }`): a delete picking bookings already over purges history,
 * whatever their state.
 */
function endedBefore(f: FieldValue): boolean {
  const ws = words(f.field);
  const dayField = DAY_WORDS.has(ws[ws.length - 1] ?? '') && !ws.some((w) => LIFE_WORDS.has(w));
  const endField = dayField || ws.some((w) => END_TIME_WORDS.has(w)) || ws.some((w, i) => w === 'check' && ws[i + 1] === 'out');
  return endField && f.values.length > 0 && f.values.every((v) => v.t === 'obj' && v.props.length > 0 && v.props.every((p) => p.key !== null && BEFORE_OPERATORS.has(p.key)));
}

/**
 * The condition that picks a written state, when it asks whether payment is due:
 * `status: service.depositRequired ? 'PENDING_DEPOSIT' : 'CONFIRMED'` (directly or through a
 * variable) returns `service.depositRequired`. Such a booking starts confirmed only when nothing is
 * to be paid. Null when the value is not chosen that way.
 */
export function paymentDecidesState(program: Program, field: FieldValue): string | null {
  const ir = program.files.get(field.file);
  const seen = new Set<Expr>();
  const find = (e: Expr | null, depth: number): string[] | null => {
    if (!e || !ir || depth > 3 || seen.has(e)) return null;
    seen.add(e);
    if (e.k === 'await') return find(e.of, depth + 1);
    if (e.k === 'ref') {
      const defs = ir.bindings[e.b]?.defs ?? [];
      return defs.length === 1 ? find(defs[0]!, depth + 1) : null;
    }
    if (e.k !== 'any' || !e.test) return null;
    return e.test.some((name) => words(name).some((w) => PAYMENT_DUE.has(w))) ? e.test : null;
  };
  const test = find(field.expr, 0);
  return test ? test.join('.') : null;
}

/** Words that make a condition ask whether nothing is to be paid (`isFree`, `isZeroTotal`, `noDeposit`). */
const NOTHING_DUE = new Set(['free', 'zero', 'no', 'none', 'without', 'skip', 'waived', 'waive', 'complimentary']);
/** `isPaid` (settled) and `isPaidEvent` (costs money) point opposite ways: such a condition decides nothing here. */
const EITHER_WAY = new Set(['paid', 'prepaid']);
/** `if (paymentError)`: a condition on whether something failed says nothing about what is due. */
const FAILURE = new Set(['error', 'err', 'errors', 'failed', 'failure', 'exception']);

/** Ways to pay that take the money in person, later: cash, at the desk, venue or property, on arrival. */
const OFFLINE = new Set(['cash', 'offline', 'venue', 'desk', 'counter', 'reception', 'onsite', 'arrival', 'cod', 'door', 'property', 'location', 'inperson']);
/** Names of the chosen way to pay (`paymentMethod`, `payment_mode`, `payVia`). */
const WAY_TO_PAY = new Set(['payment', 'pay', 'method', 'mode']);

/**
 * A branch that runs only when the customer pays in person: `if (paymentMethod === 'cash')`,
 * `if (body.payment_mode === 'pay_at_venue')`, `if (payAtDesk)`. No online payment is waited for
 * there, so a booking confirmed at once is the business's choice, not a payment skipped.
 */
export function paidOfflineBranch(g: Guard): boolean {
  const n = g.node;
  const literal = n.compare?.literal;
  const named = conditionWords(g);
  if (typeof literal === 'string') {
    return n.compare!.equal && named.some((w) => WAY_TO_PAY.has(w)) && offline(literal);
  }
  if (n.compare) return false;
  // `if (payAtDesk)`, `if (isCashPayment)`: the name says both how and that it is in person.
  return n.truthy === true && g.names.some((name) => offline(name) && words(name).some((w) => WAY_TO_PAY.has(w) || w === 'cash'));
}

/** `pay_at_venue`, `CASH`, `in-person` (two words, read together). */
function offline(text: string): boolean {
  const ws = words(text);
  return ws.some((w) => OFFLINE.has(w)) || ws.join('_').includes('in_person');
}

/** The words a branch's condition names, apart from the literal it compares with. */
function conditionWords(g: Guard): string[] {
  const literal = g.node.compare?.literal;
  return g.names.filter((name) => name !== String(literal ?? '')).flatMap((name) => words(name));
}

/**
 * A branch that runs only when there is nothing to pay: `if (isZeroTotalOrder)`, `if (isFree)`,
 * `if (!order.total)`, `if (price === 0)`, `if (!requiresPayment)`, `if (plan === 'free')`. Its
 * condition names what is paid, and the branch is the one where that says nothing is due.
 */
export function nothingDueBranch(g: Guard): boolean {
  const n = g.node;
  // `totalGuests > maxCapacity` orders two values: which side runs says nothing of either being zero.
  if (!n.compare && n.operands) return false;
  const literal = n.compare?.literal;
  const named = conditionWords(g);
  if (!named.some((w) => PAYMENT_DUE.has(w)) || named.some((w) => EITHER_WAY.has(w) || FAILURE.has(w))) return false;
  if (typeof literal === 'string') return n.compare!.equal && words(literal).some((w) => NOTHING_DUE.has(w));
  // How the named value tests here: truthy, falsy, or unknown (`!== 5`).
  const truthy = n.compare ? (n.compare.equal ? Boolean(literal) : literal ? null : true) : n.truthy;
  if (truthy === null || truthy === undefined) return false;
  return named.some((w) => NOTHING_DUE.has(w)) ? truthy : !truthy;
}
