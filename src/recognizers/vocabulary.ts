// Words that make an entity booking-like, and the field names that hold a record's id.

/** Default vocabulary (singular, lower case); the config file can add names. */
export const BOOKING_WORDS = [
  'booking', 'reservation', 'appointment', 'rental', 'ticket', 'ticketpurchase', 'ticketorder',
  // Apps name their records in their own language: a Spanish padel club's `Turno` (the court booked
  // for an hour), `reservas`, `citas`; Portuguese `agendamentos`; German `Buchung`, `Termin`;
  // Italian `prenotazioni`; Dutch `boekingen`, `afspraken`; Turkish `rezervasyon`, `randevu`; Swedish
  // `bokning`; Polish `rezerwacja`; Czech `rezervace`; Finnish `varaus`; Hungarian `foglalás`.
  // Plurals the simple singular does not undo are listed as they are.
  'reserva', 'reservacion', 'turno', 'cita', 'agendamento', 'buchung', 'buchungen', 'termin', 'termine', 'reservierung',
  'prenotazione', 'prenotazioni', 'appuntamento', 'appuntamenti', 'boeking', 'boekingen', 'reservering', 'reserveringen', 'afspraak', 'afspraken',
  'rezervasyon', 'randevu', 'reservasi', 'bokning', 'bokningar', 'rezerwacja', 'rezerwacje', 'rezervace', 'varaus', 'foglalas',
];

/**
 * Words that are also other things (Turno is a rental-cleaning service an app syncs with, a German
 * `Termin` is any date): a booking only as the whole name (`Turno`, `turnos`), never as part of one
 * (`turno_problems`, `TerminReminder`).
 */
const WHOLE_NAME_WORDS = new Set(['turno', 'termin', 'termine', 'cita', 'randevu']);

/**
 * Booking words that, alone, also name the units a booking takes: an event's `Ticket` rows, stocked
 * on sale, each keyed by the `Booking` that bought it. Such a record keyed by another booking
 * entity is a part of that booking (`excludeBookingParts`); a `Booking { ticketId }` is not one of
 * its ticket's parts.
 */
const UNIT_WORDS = new Set(['ticket']);

/**
 * Romance languages name the thing first: `reserva_cancha` is a court's booking, but
 * `asiento_reserva` a seat of one and `pago_reserva` its payment. In a longer name these words
 * make a booking only at its head.
 */
const HEAD_FIRST_WORDS = new Set(['reserva', 'reservacion', 'agendamento', 'prenotazione', 'prenotazioni', 'appuntamento', 'appuntamenti']);

/** Words that signal a booking flow in names and metadata keys, beyond entity names. */
export const BOOKING_SIGNAL_WORDS = [...BOOKING_WORDS, 'book', 'reserve', 'slot', 'seat', 'checkin', 'reservar', 'agendar', 'buchen', 'prenotare', 'reservieren'];

/**
 * Words that say a payment is not for a booking: donations, tips, top-ups, gift cards, merchandise
 * and souvenirs, memberships (a studio's plan, bought once or renewed, books nothing by itself), and
 * paid votes (an event's contest where fans pay per vote: a tally goes up, nothing is booked), and
 * the fee for the payer's own background check (a rental marketplace vets its renters). Two words
 * written as one (`topup`, `backgroundcheck`) match written apart too (`top_up`, `background-check`).
 */
export const NOT_BOOKING_WORDS = ['donation', 'donate', 'tip', 'topup', 'credit', 'wallet', 'giftcard', 'gift', 'merch', 'merchandise', 'souvenir', 'ebook', 'sponsor', 'sponsorship', 'membership', 'vote', 'voting', 'backgroundcheck'];

/** First words of a database function's name that say it only looks records up (`get_one_booking`). */
/** Verbs a function that changes records it is handed opens with (`confirm_booking`, `release_hold`): no insert. */
export const CHANGE_VERBS = ['update', 'set', 'mark', 'confirm', 'cancel', 'release', 'expire', 'delete', 'remove', 'approve', 'reject', 'complete', 'refund', 'void', 'decrement', 'increment', 'finalize', 'close', 'unlock', 'extend', 'reschedule'];

export const LOOKUP_VERBS = ['get', 'fetch', 'list', 'find', 'search', 'select', 'read', 'lookup', 'count', 'check', 'is', 'has', 'can', 'show', 'view', 'load'];

export const ID_FIELDS = new Set(['id', '_id', 'documentId', 'uuid', 'uid', 'key', 'insertId', 'insertedId', 'lastInsertRowid', 'lastID', 'ref', 'reference', 'code', 'bookingId', 'booking_id', 'reservationId', 'reservation_id', 'appointmentId', 'appointment_id']);

/** Splits `tbl_bookingSlots` into ['tbl', 'booking', 'slots']. */
export function words(name: string): string[] {
  // `reservación`, `confirmée`, `bestätigt`: the letters without their accents, one word each.
  return (/[^\x00-\x7f]/.test(name) ? name.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : name)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/**
 * A plural noun's singular, the simple way (`slots` -> slot, `availabilities` -> availability, `class`
 * stays). Unlike `singular` below it leaves `-ses` alone, as the capacity and schema-default name
 * matching always did (`courses` -> course, not cours).
 */
export function singularNoun(w: string): string {
  return w.endsWith('ies') ? `${w.slice(0, -3)}y` : w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
}

function singular(w: string): string {
  if (w.endsWith('ies')) return w.slice(0, -3) + 'y';
  // Spanish `reservaciones`.
  if (w.endsWith('iones')) return w.slice(0, -2);
  if (w.endsWith('ses')) return w.slice(0, -2);
  return w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
}

const NOT_BOOKING = new Set(NOT_BOOKING_WORDS);
/**
 * Words that, after a booking word, name a record about a booking rather than the booking:
 * `booking_logs`, `AppointmentReminder`, `ticket_messages`, `ReservationNote`, the staff sent to it
 * or checking it (`booking_teams`, `booking_team_members`, `ticket_scanner_staff`), its timeline (`booking_activities`), saved forms to
 * book again from (`booking_templates`), the lock taken while it is made (`reservation_locks`;
 * not a capacity word: `job_locks` and `cron_locks` hold no slot), its lines and the services on
 * offer or in it (`booking_items`, `reservation_services`), and the money owed or returned for it
 * apart from its payment (`booking_settlements`, `booking_payouts`, `booking_refunds`, `booking_disputes`,
 * its cost shared out among the players: `BookingSplit`, `booking_split_players`),
 * why staff turned a request down or it was called off (`BookingRejection`, `booking_cancellations`:
 * the booking itself is updated apart), the conversation and form around it (`BookingChat`,
 * `booking_threads`, `ServiceBookingQuestion`, `booking_answers`, `booking_fields`, `BookingSettings`),
 * its timeline and the changes made to it (`BookingEvent`, `BookingModification`,
 * `BookingChangeRequest`), the people and nights it covers (`BookingGuest`, `booking_attendees`,
 * `ReservationNight`, `booking_lines`, and the court and hour of each `BookingDetail` row, whose
 * state is the booking's), and the rules it is made under (`BookingPolicy`,
 * `BookingRule`, `BookingDefaults`), the tries at making one, logged whether or not a booking came of
 * them (`booking_attempts`), a settings or info table about booking (`BookingInfo`, `booking_config`),
 * a store of bookings put away (`booking_archive`), the extras bought with it
 * (`booking_addons`, `reservation_extras`), the links that open it (`booking_access_tokens`), and
 * copies of what it cost when made (`booking_price_snapshots`), and figures worked out from bookings
 * for a dashboard, counted again whenever wanted (`BookingDailyStat`, `booking_revenue_cache`,
 * `booking_metrics`, `booking_reports`).
 */
const DEPENDENT_RECORD_WORDS = new Set([
  'message', 'reply', 'comment', 'note', 'attachment', 'log', 'history', 'audit', 'reminder', 'review', 'notification', 'feedback',
  'rating', 'team', 'member', 'staff', 'activity', 'template', 'lock', 'item', 'service', 'settlement', 'payout', 'refund', 'dispute', 'split',
  'rejection', 'cancellation', 'chat', 'thread', 'question', 'answer', 'field', 'setting', 'event', 'modification', 'change',
  'guest', 'attendee', 'participant', 'night', 'line', 'policy', 'rule', 'default', 'attempt', 'info', 'information', 'config',
  'configuration', 'archive', 'addon', 'extra', 'token', 'snapshot', 'detail', 'restriction', 'constraint', 'limit', 'limitation', 'blackout',
  'stat', 'statistic', 'metric', 'analytic', 'revenue', 'report', 'summary', 'aggregate', 'cache',
]);
/**
 * Words that, before a booking word, name copies of bookings that ended or were removed, kept apart
 * from the live ones (`CancelledBooking`, `ArchivedBooking`, `cancelled_bookings`, `deleted_reservations`):
 * a row written there neither makes a booking nor cancels one, as the booking itself is updated or
 * deleted apart. Not the states a live booking passes through on its way (`pending_bookings` holds
 * the bookings awaiting payment and is the record), and not `BookingRequest`: a request for a booking
 * is the record an approval flow makes first, which the payment must follow.
 */
const PUT_AWAY_WORDS = new Set([
  'cancelled', 'canceled', 'archived', 'archive', 'deleted', 'removed', 'trashed', 'expired', 'abandoned', 'failed', 'rejected',
  'declined', 'refunded', 'past', 'old', 'former', 'historical',
]);
/**
 * Words that, after a booking word, name a kind of booking on offer rather than one made: a
 * catalogue row with a name and a price (`TicketType`, `ticket_tiers`, `AppointmentType`,
 * `RentalCategory`). Reading one proves nothing was booked.
 */
const KIND_WORDS = new Set(['type', 'tier', 'category', 'kind']);
/** Words that, after a booking word, name a lookup table of its states (raw words: `status` is no plural). */
const STATE_TABLE_WORDS = new Set(['status', 'statuses', 'state', 'states']);
/** Words that, before `ticket`, make it a help-desk ticket, not an admission: `SupportTicket`, `issue_tickets`. */
const HELP_DESK_WORDS = new Set(['support', 'help', 'helpdesk', 'issue', 'bug', 'complaint', 'incident', 'trouble']);
/**
 * Words code adds to a record's name that say what kind of code holds it, not what the record is
 * (`PaymentModel`, `PaymentEntity`, `payments_table`): the record is named by the word before them.
 */
export const CODE_SUFFIX_WORDS = ['model', 'entity', 'schema', 'document', 'doc', 'dto', 'table', 'collection'];
/**
 * Last words of a TypeScript type that carries a request or a reply, not a stored record
 * (`CreateBookingDto`, `BookAppointmentInput`, `ReservationParams`): the shape a handler is handed,
 * written before any booking exists. Not `schema` nor `data`: a `BookingSchema` class or a
 * `Model<BookingData>` is the record's own shape.
 */
const TRANSFER_TYPE_WORDS = new Set(['input', 'dto', 'param', 'params', 'request', 'payload', 'body', 'args', 'form', 'props', 'response', 'query', 'variables']);

/** `CreateBookingDto`, `BookAppointmentInput`: a type named for what a request carries. */
export function isTransferTypeName(name: string): boolean {
  const ws = words(name);
  return ws.length > 1 && TRANSFER_TYPE_WORDS.has(ws[ws.length - 1]!);
}

/** Words that, after a booking word, name a fee rather than a booking. */
const FEE_WORDS = new Set(['fee', 'surcharge', 'commission', 'tax']);

/**
 * `book` is also the thing sold beside the bookings (a chef's recipe book, an e-book): a noun after
 * the kind of book or the verb that buys or looks it up (`recipeBook`, `purchaseBook`, `getBook`),
 * and before what a book has (`bookId`, `bookTitle`), it signals no booking. After its kind or the
 * verb that buys it, it says what was sold instead.
 */
const BOOK_SOLD = new Set(['recipe', 'cook', 'e', 'audio', 'guide', 'comic', 'story', 'photo', 'purchase', 'buy', 'sell']);
const BOOK_BEFORE = new Set([...BOOK_SOLD, 'order', 'get', 'fetch', 'find', 'list', 'create', 'add', 'update', 'edit', 'delete', 'remove', 'download', 'read', 'publish']);
const BOOK_AFTER = new Set(['id', 'title', 'name', 'price', 'author', 'cover', 'isbn', 'url', 'pdf', 'file', 'download', 'purchase', 'order', 'sale', 'copy', 'detail', 'page', 'chapter', 'edition', 'store', 'shop']);
const isBookNoun = (ws: string[], i: number) => ws[i] === 'book' && (BOOK_BEFORE.has(ws[i - 1] ?? '') || BOOK_AFTER.has(singular(ws[i + 1] ?? '')));

/** Names of a purchase that is not itself a booking word: a shop's `Order`, unless it is for admission. */
const PURCHASE_WORDS = new Set(['order', 'purchase']);
/** Columns that tie a purchase to something attended at a time: a show, an event, a seat (`showId`, `event_id`, `seats`), or the pass it buys (`ticketId`). */
const ADMISSION_KEY_WORDS = new Set(['show', 'event', 'screening', 'performance', 'showtime', 'concert', 'trip', 'flight', 'seat', 'ticket']);

/** Words, after what is bought, of the record of buying it (`TicketPurchase`, `SlotBooking`). */
const BUYING_WORDS = new Set(['purchase', 'order', 'booking', 'reservation', 'sale']);

/** The heading a help-desk ticket is filed under (`subject`, or `title` with `details` and an `assignee`)... */
const HELP_DESK_HEADINGS = new Set(['subject', 'title']);
/** ...its other columns (`description`, `priority`)... */
const HELP_DESK_FIELD_WORDS = new Set(['subject', 'description', 'message', 'priority', 'body', 'resolution', 'assignee']);
/** ...and of an admission ticket: what was bought, for what, for how much. */
const ADMISSION_FIELD_WORDS = new Set(['event', 'seat', 'price', 'amount', 'total', 'show', 'showtime', 'screening', 'performance', 'trip', 'flight', 'match', 'qr', 'barcode', 'quantity', 'paid', 'payment', 'session', 'slot', 'venue', 'row']);

/** An entity as the schema declares it: its name, table and columns. */
export interface DeclaredColumns {
  name: string;
  table: string | null;
  fields?: { name: string; optional?: boolean }[];
  /** Column names of an entity class the code declares. */
  columns?: string[];
  /** Those of `columns` that may be empty. */
  optionalColumns?: string[];
}

/** The column names an entity declares, in a schema file or as an entity class's fields. */
function columnNames(e: DeclaredColumns): string[] {
  return e.fields?.map((f) => f.name) ?? e.columns ?? [];
}

export class Vocabulary {
  private readonly entityWords: Set<string>;
  private readonly signalWords: Set<string>;
  /** Entity and table names (lower case) the schema shows are not bookings. */
  private readonly excluded = new Set<string>();
  /** Entity and table names (lower case) the schema shows are bookings beyond the words: admission orders. */
  private readonly included = new Set<string>();

  constructor(extra: string[] = []) {
    const extraWords = extra.flatMap((e) => [e.toLowerCase(), ...words(e).map(singular)]);
    this.entityWords = new Set([...BOOKING_WORDS, ...extraWords]);
    this.signalWords = new Set([...BOOKING_SIGNAL_WORDS, ...extraWords]);
  }

  /**
   * A table named only `tickets` whose columns are a help-desk ticket's (a subject or title and a
   * description, message, priority or assignee) and none of an admission's (event, seat, price, ...)
   * is a support ticket.
   */
  excludeHelpDeskTickets(entities: DeclaredColumns[]): void {
    for (const e of entities) {
      const names = [e.name, e.table].filter((n): n is string => Boolean(n));
      const onlyTicket = names.some((n) => {
        const found = words(n).map(singular).filter((w) => this.entityWords.has(w));
        return found.length > 0 && found.every((w) => w === 'ticket');
      });
      const columns = columnNames(e).flatMap((f) => words(f).map(singular));
      const helpDesk = columns.some((w) => HELP_DESK_HEADINGS.has(w)) && columns.some((w) => !HELP_DESK_HEADINGS.has(w) && HELP_DESK_FIELD_WORDS.has(w));
      if (!onlyTicket || !helpDesk || columns.some((w) => ADMISSION_FIELD_WORDS.has(w))) continue;
      for (const n of names) this.excluded.add(n.toLowerCase());
    }
  }

  /**
   * An `Order` or `purchases` table whose columns name a show, an event, a screening, a trip, a
   * seat or a ticket it is for (`showId`, `event_id`, `seats`, `ticketId`) holds admissions, not shop orders: it is the
   * booking a ticketing app creates before the payment (its tickets are issued once paid).
   */
  includeAdmissionOrders(entities: DeclaredColumns[]): void {
    for (const e of entities) {
      const names = [e.name, e.table].filter((n): n is string => Boolean(n));
      if (!names.some((n) => PURCHASE_WORDS.has(words(n).map(singularNoun).join('')))) continue;
      const forAdmission = columnNames(e).some((f) => {
        const ws = words(f).map(singularNoun);
        return ADMISSION_KEY_WORDS.has(ws[0] ?? '') && (ws.length === 1 || (ws.length === 2 && ws[1] === 'id'));
      });
      if (forAdmission) for (const n of names) this.included.add(n.toLowerCase());
    }
  }

  /**
   * A booking-word entity that another entity buys, named after it and keyed by it (`Ticket` beside
   * `TicketPurchase { ticketId }`, `Slot` beside `SlotBooking { slotId }`, and a `Ticket` beside a
   * bare `Order { ticketId }`), is what is on offer, as a `TicketType` is: the entity that buys it is
   * the booking.
   */
  excludeOfferedItems(entities: DeclaredColumns[]): void {
    // What is bought, by its words joined (`ticket`), from each buying entity keyed by it: one pass each.
    const bought = new Set<string>();
    for (const o of entities) {
      const ws = words(o.name).map(singular);
      const item = ws.slice(0, -1).join('');
      if (ws.length === 1 && PURCHASE_WORDS.has(ws[0]!)) {
        // A bare `Order { ticketId }`: the ticket is the kind of pass on sale, the order the admission bought.
        for (const f of columnNames(o)) {
          const key = words(f).map(singular);
          if (key.length === 2 && key[1] === 'id' && UNIT_WORDS.has(key[0]!)) bought.add(key[0]!);
        }
      }
      if (ws.length < 2 || !BUYING_WORDS.has(ws[ws.length - 1]!)) continue;
      if (columnNames(o).some((f) => words(f).map(singular).join('') === `${item}id`)) bought.add(item);
    }
    for (const e of entities) {
      if (!bought.has(words(e.name).map(singular).join('')) || !this.isBookingLike(e.name)) continue;
      for (const n of [e.name, e.table]) if (n) this.excluded.add(n.toLowerCase());
    }
  }

  /**
   * A record named with a booking word that is keyed by the booking itself (`EnhancementBooking`
   * or `RoomReservation` with a `bookingId` column, beside a `Booking` entity) is a part of that
   * booking, written with or after it: the booking is the record, not each of its lines. So is a
   * record named with another booking word alone (`Ticket { bookingId }` beside `Booking`): the
   * seats an event stocks, which a booking takes.
   */
  excludeBookingParts(entities: DeclaredColumns[]): void {
    // The whole by its name or its table's: `tblReservation = mysqlTable('reservation')`.
    const wholes = new Set<string>();
    for (const e of entities) {
      for (const name of [e.name, e.table]) {
        const ws = name ? words(name).map(singular) : [];
        if (ws.length === 1 && this.isBookingLike(name)) wholes.add(ws[0]!);
      }
    }
    for (const e of entities) {
      const own = words(e.name).map(singular);
      if (!this.isBookingLike(e.name)) continue;
      // A key that may be empty is filled in once the booking exists: that record comes before it
      // (a `ManualBookingLink` whose `bookingId` is set after payment), unless it is stock a booking takes.
      const optional = new Set([...(e.fields ?? []).filter((f) => f.optional).map((f) => f.name), ...(e.optionalColumns ?? [])]);
      const keyedByWhole = columnNames(e).some((f) => {
        const ws = words(f).map(singular);
        return ws.length === 2 && ws[1] === 'id' && wholes.has(ws[0]!) && ((own.length > 1 && !optional.has(f)) || (UNIT_WORDS.has(own[0]!) && own[0] !== ws[0]));
      });
      if (keyedByWhole) for (const n of [e.name, e.table]) if (n) this.excluded.add(n.toLowerCase());
    }
  }

  /** `Booking`, `bookings`, `tbl_reservations`, `EventTicket`, `room_bookings` are; `Order` is not (unless for admission). */
  isBookingLike(name: string | null | undefined): boolean {
    if (!name || this.excluded.has(name.toLowerCase())) return false;
    if (this.included.has(name.toLowerCase())) return true;
    const ws = words(name).map(singular);
    if (this.entityWords.has(ws.join(''))) return true;
    const at = ws.findIndex((w) => this.entityWords.has(w) && !WHOLE_NAME_WORDS.has(w));
    if (at === -1 || (at > 0 && HEAD_FIRST_WORDS.has(ws[at]!))) return false;
    // `booking_logs`, `ticket_messages`: rows about a booking; `TicketType`: a kind on sale;
    // `booking_payments`: a payment taken for one; `booking_holds`, `BookingSlot`: the capacity a
    // booking takes; `support_tickets`: a help-desk ticket; `cancelled_bookings`: bookings put away.
    if (ws.slice(at + 1).some((w) => DEPENDENT_RECORD_WORDS.has(w) || KIND_WORDS.has(w) || PAYMENT_ENTITY_SET.has(w) || CAPACITY_WORD_SET.has(w))) return false;
    if (ws.slice(0, at).some((w) => PUT_AWAY_WORDS.has(w))) return false;
    // `BookingStatus`, `appointment_statuses`: a table of the states a booking can be in, one row each.
    if (words(name).slice(at + 1).some((w) => STATE_TABLE_WORDS.has(w))) return false;
    return !(ws[at] === 'ticket' && ws.slice(0, at).some((w) => HELP_DESK_WORDS.has(w)) && !ws.some((w, i) => i !== at && this.entityWords.has(w)));
  }

  /** Names, keys and payload texts that say a payment is something else: `/api/donate`, `kind: 'donation'`. */
  signalsNotBooking(text: string | null | undefined): boolean {
    if (!text) return false;
    const ws = words(text).map(singular);
    return ws.some((w, i) => NOT_BOOKING.has(w) || NOT_BOOKING.has(w + (ws[i + 1] ?? '')) || (w === 'book' && BOOK_SOLD.has(ws[i - 1] ?? ''))) || NOT_BOOKING.has(ws.join(''));
  }

  /** Names and keys that suggest a booking flow: `bookSlot`, `/api/reserve`, `appointmentId`. */
  signalsBooking(text: string | null | undefined, record = false): boolean {
    if (!text) return false;
    const ws = words(text);
    // `bookingFee`, `reservation_surcharge`: a fee named after bookings is charged on anything sold.
    // `book` signals as the verb only: `books`, a collection of them, is a catalogue on sale, and so
    // is `Book`, the name of a record.
    const signals = (w: string) => {
      const word = this.signalWords.has(w) ? w : w !== 'books' && this.signalWords.has(singular(w)) ? singular(w) : null;
      return word !== null && !(record && word === 'book');
    };
    return ws.some((w, i) => signals(w) && !FEE_WORDS.has(singular(ws[i + 1] ?? '')) && !isBookNoun(ws, i));
  }
}

// Booking states, as the words of a status value (`PENDING_PAYMENT`, 'awaiting-payment').
/** Not yet confirmed: the booking holds its slot until the payment or approval arrives. */
export const PENDING_STATE_WORDS = [
  'pending', 'awaiting', 'unpaid', 'held', 'hold', 'draft', 'reserved', 'tentative', 'initiated', 'requested', 'processing', 'incomplete', 'unconfirmed', 'provisional', 'temporary', 'checkout', 'waiting', 'new', 'created', 'initial', 'open',
  // es, pt, fr (`en_attente`), de, it (`in_attesa`), nl
  'pendiente', 'pendente', 'aguardando', 'reservado', 'reservada', 'attente', 'ausstehend', 'attesa', 'wachtend',
];
/** Confirmed or paid: reminders, capacity counts and staff treat it as a real booking. */
export const CONFIRMED_STATE_WORDS = [
  'confirmed', 'confirm', 'paid', 'booked', 'active', 'completed', 'complete', 'succeeded', 'success', 'approved', 'captured', 'accepted', 'scheduled', 'fulfilled', 'settled',
  'confirmado', 'confirmada', 'pagado', 'pagada', 'pago', 'aprobado', 'aprobada', 'aprovado', 'aprovada', 'confirmee', 'paye', 'bestatigt', 'bezahlt', 'confermato', 'confermata', 'pagato', 'pagata', 'bevestigd', 'betaald',
];
/** Cancelled by someone: a customer, staff, or a refund. */
export const CANCELLED_STATE_WORDS = [
  'cancelled', 'canceled', 'cancel', 'refunded', 'withdrawn',
  'cancelado', 'cancelada', 'anulado', 'anulada', 'reembolsado', 'reembolsada', 'annule', 'annulee', 'rembourse', 'storniert', 'annullato', 'annullata', 'cancellato', 'cancellata', 'geannuleerd',
];
/**
 * A cancellation or refund asked for and not yet made (`CANCEL_REQUESTED`, `pending_cancellation`,
 * `refund_requested`): a change word with a request word. The booking still stands, paid as it was.
 */
export const REQUESTED_CHANGE_WORDS = ['cancel', 'cancellation', 'cancelled', 'canceled', 'refund', 'refunded'];
export const REQUEST_WORDS = ['requested', 'request', 'pending', 'awaiting', 'waiting'];
/** Released because the payment failed, was abandoned or expired. */
export const FAILED_STATE_WORDS = ['failed', 'fail', 'failure', 'expired', 'abandoned', 'released', 'void', 'voided', 'declined', 'rejected', 'timeout', 'timedout', 'lapsed', 'dropped'];
/** Over: the booking was served or missed (`completed`, `no_show`, `checked_out`); with cancelled and failed, the states a purge of history picks. */
export const FINISHED_STATE_WORDS = ['completed', 'complete', 'fulfilled', 'done', 'finished', 'attended', 'served', 'noshow', 'checkedout', 'archived'];
/** Field names that hold a record's state (`estado`, `état`, `stato` where the app speaks Spanish or Portuguese, French, Italian). */
export const STATE_FIELD_WORDS = ['status', 'state', 'estado', 'etat', 'stato'];
/** Boolean fields that say a booking is confirmed or paid (`isPaid: false`, a soft booking's `is_completed: false`, is a pending state). */
export const CONFIRMED_FLAG_WORDS = ['confirmed', 'paid', 'booked', 'completed', 'complete'];

/** Entities that model capacity: a slot row, a seat, an inventory count, a temporary hold. */
export const CAPACITY_WORDS = ['slot', 'timeslot', 'seat', 'capacity', 'inventory', 'hold', 'availability', 'spot', 'allocation', 'stock'];
const CAPACITY_WORD_SET = new Set(CAPACITY_WORDS);
/** Counter fields that track capacity (`bookedCount`, `seatsLeft`, `availableSpots`, `remaining`). */
export const COUNTER_WORDS = ['count', 'booked', 'available', 'remaining', 'left', 'taken', 'sold', 'reserved', 'held', 'seats', 'spots', 'capacity', 'quantity', 'stock', 'inventory', 'occupancy', 'occupied'];
/** Words that make a counter one of tries, not of capacity (`attemptCount`, `retry_count`, `failureCount`). */
export const TRY_COUNTER_WORDS = ['attempt', 'retry', 'failure', 'error'];
/** Flags on a slot row that say it is taken (`isBooked`, `available`). */
export const SLOT_FLAG_WORDS = ['booked', 'available', 'taken', 'held', 'reserved', 'occupied', 'free'];

/** Entities that store payments apart from the booking (`Payment`, `transactions`). */
export const PAYMENT_ENTITY_WORDS = ['payment', 'transaction', 'charge', 'invoice', 'checkout', 'pago', 'pagamento', 'paiement', 'zahlung', 'betaling', 'odeme', 'pembayaran'];
const PAYMENT_ENTITY_SET = new Set(PAYMENT_ENTITY_WORDS);
/** Words of records that recurring billing keeps (`subscriptions`, `UserPlan`, `billing_accounts`). */
export const BILLING_ENTITY_WORDS = ['subscription', 'plan', 'billing'];
/**
 * Words in a field that holds the provider's id for a payment (`paymentIntentId`, `txnRef`); each
 * provider's recognizer id counts too (`stripeSessionId`, `paypalOrderId`), see PROVIDER_IDS.
 */
export const PROVIDER_ID_WORDS = ['payment', 'intent', 'session', 'checkout', 'charge', 'transaction', 'order', 'capture', 'provider', 'txn', 'pi', 'cs'];
/** Names in a condition that asks whether the customer must pay (`service.depositRequired`, `isFree`, `price > 0`, `isZeroTotal`). */
export const PAYMENT_DUE_WORDS = ['deposit', 'payment', 'pay', 'paid', 'prepay', 'prepaid', 'prepayment', 'price', 'amount', 'total', 'fee', 'cost', 'free', 'charge', 'checkout'];
/** Words that name a cancellation policy or deadline in a condition (`isRefundable`, `withinCancellationWindow`). */
export const POLICY_WORDS = ['policy', 'refundable', 'nonrefundable', 'refund', 'deadline', 'cutoff', 'window', 'notice', 'cancellable', 'cancelable', 'eligible', 'eligibility', 'late', 'grace', 'free', 'penalty', 'fee', 'hours', 'hour', 'days'];

/**
 * Systems that take bookings elsewhere and hand them to the app (channel managers, which collect the
 * OTAs' bookings, and calendar feeds): a name with one of these words, or one naming a channel and
 * bringing something in from it (`createBookingFromChannel`, `syncChannelBookings`), copies such a
 * booking rather than taking one.
 */
export const CHANNEL_MANAGER_WORDS = ['beds24', 'hostaway', 'guesty', 'lodgify', 'smoobu', 'channex', 'siteminder', 'cloudbeds', 'hospitable', 'ownerrez', 'rentalsunited', 'avantio', 'ical', 'icalendar'];
const CHANNEL_MANAGER_SET = new Set(CHANNEL_MANAGER_WORDS);
const INTAKE_WORDS = new Set(['import', 'sync', 'from', 'pull', 'fetch', 'ingest']);

export function namesChannelIntake(name: string): boolean {
  const ws = words(name);
  return ws.some((w) => CHANNEL_MANAGER_SET.has(w)) || (ws.some((w) => w === 'channel' || w === 'channels') && ws.some((w) => INTAKE_WORDS.has(w)));
}

/** `statusId`, `booking_status_id`: a reference to a row of a table of statuses (not `stateId`, as often an address's region). */
export function isStatusReference(name: string): boolean {
  const ws = words(name);
  return ws.length > 1 && ws[ws.length - 1] === 'id' && ws[ws.length - 2] === 'status';
}
