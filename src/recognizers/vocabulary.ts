// Words that make an entity booking-like, and the field names that hold a record's id.

/** Default vocabulary (singular, lower case); the config file can add names. */
export const BOOKING_WORDS = ['booking', 'reservation', 'appointment', 'rental', 'ticket', 'ticketpurchase', 'ticketorder'];

/** Words that signal a booking flow in names and metadata keys, beyond entity names. */
export const BOOKING_SIGNAL_WORDS = [...BOOKING_WORDS, 'book', 'reserve', 'slot', 'seat', 'checkin'];

/** Words that say a payment is not for a booking: donations, tips, top-ups, gift cards, merchandise. */
export const NOT_BOOKING_WORDS = ['donation', 'donate', 'tip', 'topup', 'credit', 'wallet', 'giftcard', 'gift', 'merch', 'merchandise', 'sponsor', 'sponsorship'];

export const ID_FIELDS = new Set(['id', '_id', 'uuid', 'uid', 'key', 'insertId', 'insertedId', 'lastInsertRowid', 'lastID', 'ref', 'reference', 'code', 'bookingId', 'booking_id', 'reservationId', 'reservation_id', 'appointmentId', 'appointment_id']);

/** Splits `tbl_bookingSlots` into ['tbl', 'booking', 'slots']. */
export function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

function singular(w: string): string {
  if (w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.endsWith('ses')) return w.slice(0, -2);
  return w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
}

const NOT_BOOKING = new Set(NOT_BOOKING_WORDS);

export class Vocabulary {
  private readonly entityWords: Set<string>;
  private readonly signalWords: Set<string>;

  constructor(extra: string[] = []) {
    const extraWords = extra.flatMap((e) => [e.toLowerCase(), ...words(e).map(singular)]);
    this.entityWords = new Set([...BOOKING_WORDS, ...extraWords]);
    this.signalWords = new Set([...BOOKING_SIGNAL_WORDS, ...extraWords]);
  }

  /** `Booking`, `bookings`, `tbl_reservations`, `EventTicket`, `room_bookings` are; `Order` is not. */
  isBookingLike(name: string | null | undefined): boolean {
    if (!name) return false;
    const ws = words(name).map(singular);
    if (ws.some((w) => this.entityWords.has(w))) return true;
    return this.entityWords.has(ws.join(''));
  }

  /** Names, keys and payload texts that say a payment is something else: `/api/donate`, `kind: 'donation'`. */
  signalsNotBooking(text: string | null | undefined): boolean {
    if (!text) return false;
    const ws = words(text).map(singular);
    return ws.some((w) => NOT_BOOKING.has(w)) || NOT_BOOKING.has(ws.join(''));
  }

  /** Names and keys that suggest a booking flow: `bookSlot`, `/api/reserve`, `appointmentId`. */
  signalsBooking(text: string | null | undefined): boolean {
    if (!text) return false;
    return words(text).some((w) => this.signalWords.has(w) || this.signalWords.has(singular(w)));
  }
}
