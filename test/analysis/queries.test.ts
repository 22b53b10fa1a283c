// The vocabulary-driven pieces of the engine queries the payment checks share: SQL statements as
// record changes, booking states from status values, provider-id fields, capacity entities.
import { describe, expect, it } from 'vitest';
import { isStateField, stateOfFieldValue, stateOfText, stateWritten } from '../../src/analysis/booking-state.js';
import { isCapacityEntity } from '../../src/analysis/capacity.js';
import { isProviderIdField } from '../../src/analysis/payment-links.js';
import { sqlStatements, type FieldValue } from '../../src/analysis/record-changes.js';
import { selectFilter } from '../../src/analysis/sql-text.js';
import { isTransferTypeName, Vocabulary } from '../../src/recognizers/vocabulary.js';

describe('sqlStatements', () => {
  it('reads inserts, updates and deletes with their columns, values and filters', () => {
    expect(sqlStatements("INSERT INTO bookings (slot_id, status) VALUES ($1, 'pending') RETURNING id")).toEqual([
      { op: 'insert', table: 'bookings', sets: [['slot_id', '$1'], ['status', "'pending'"]], filter: [], everyRow: false },
    ]);
    expect(sqlStatements("update public.bookings b set status = 'expired', updated_at = now() where status = 'pending' and id = $2;\ndelete from slot_holds where expires_at < now()")).toEqual([
      { op: 'update', table: 'bookings', sets: [['status', "'expired'"], ['updated_at', 'now()']], filter: [['status', "'pending'"], ['id', '$2']], everyRow: false },
      // A WHERE the filter cannot read as equalities still picks rows.
      { op: 'delete', table: 'slot_holds', sets: [], filter: [], everyRow: false },
    ]);
    // Seed and reset code empties a table: no WHERE at all.
    expect(sqlStatements('DELETE FROM "Booking"; update bookings set status = $1')).toEqual([
      { op: 'delete', table: 'Booking', sets: [], filter: [], everyRow: true },
      { op: 'update', table: 'bookings', sets: [['status', '$1']], filter: [], everyRow: true },
    ]);
    expect(sqlStatements('UPDATE slots SET booked = booked - 1 WHERE id = ?')[0]!.sets).toEqual([['booked', 'booked - 1']]);
    expect(sqlStatements('SELECT * FROM bookings')).toEqual([]);
  });

  it('reads which rows a SELECT picks, an IN list with all its values and `= ANY($1)` as a placeholder', () => {
    expect(selectFilter("SELECT id FROM bookings WHERE tour_id = $1 AND status IN ('pending', 'held') AND created_at < now() ORDER BY created_at LIMIT 50")).toEqual([
      { column: 'tour_id', value: '$1', param: 0 },
      { column: 'status', value: "'pending'", param: null, list: ["'pending'", "'held'"] },
    ]);
    expect(selectFilter("UPDATE bookings SET status = 'x' WHERE id = $1")).toEqual([]);
    expect(sqlStatements("UPDATE bookings SET status = 'cancelled' WHERE id = ANY($1)")[0]!.filter).toEqual([['id', '$1']]);
  });

  it('reads the statements of a PL/pgSQL body, the first of a block or branch included', () => {
    const body = "declare n int;\nbegin\n  update bookings set status = 'expired' where id = p_id;\n  if not found then delete from holds where id = p_id; else insert into audit (note) values ('x'); end if;\nend";
    expect(sqlStatements(body).map((s) => `${s.op} ${s.table}`)).toEqual(['update bookings', 'delete holds', 'insert audit']);
  });
});

describe('booking states', () => {
  it('reads a status value by its words', () => {
    expect(['PENDING_PAYMENT', 'awaiting-payment', 'HELD', 'draft', 'unpaid', 'NotConfirmed'].map(stateOfText)).toEqual(['pending', 'pending', 'pending', 'pending', 'pending', 'pending']);
    expect(['CONFIRMED', 'paid', 'BOOKED', 'active'].map(stateOfText)).toEqual(['confirmed', 'confirmed', 'confirmed', 'confirmed']);
    expect(['payment_failed', 'EXPIRED', 'abandoned'].map(stateOfText)).toEqual(['failed', 'failed', 'failed']);
    expect(['CANCELLED', 'canceled', 'refunded'].map(stateOfText)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(stateOfText('VIP')).toBeNull();
  });

  it('picks the state field a change sets: status first, then other state fields, then flags', () => {
    const field = (name: string, texts: string[], path = [name]): FieldValue => ({ field: name, path, file: 'f.ts', pos: 0, expr: null, texts, values: [], fromRequest: false, delta: null });
    expect(isStateField('bookingStatus') && isStateField('payment_status') && !isStateField('statusNote')).toBe(true);
    expect(stateWritten({ sets: [field('paymentStatus', ['UNPAID']), field('status', ['CONFIRMED'])] })?.states).toEqual(['confirmed']);
    expect(stateWritten({ sets: [field('isPaid', ['false'])] })?.states).toEqual(['pending']);
    expect(stateWritten({ sets: [field('status', ['ACTIVE']), field('status', ['PENDING'], ['bookings', 'create', 'status'])] }, 'bookings')?.states).toEqual(['pending']);
    expect(stateWritten({ sets: [field('email', ['a@b.c'])] })).toBeNull();
  });

  it('reads states and state fields in the language the app is written in', () => {
    expect(['pendiente', 'PENDENTE', 'en_attente', 'confirmée', 'Bestätigt', 'pagado', 'cancelada', 'annulée'].map(stateOfText))
      .toEqual(['pending', 'pending', 'pending', 'confirmed', 'confirmed', 'confirmed', 'cancelled', 'cancelled']);
    expect(['estado', 'estadoTurno', 'estado_pago', 'état', 'stato_prenotazione'].every(isStateField)).toBe(true);
    expect(isStateField('estadio')).toBe(false);
  });

  it('reads a flag kept in an integer column as a yes/no, and only a flag', () => {
    expect(['0', '1'].map((t) => stateOfFieldValue('is_paid', t))).toEqual(['pending', 'confirmed']);
    expect(stateOfFieldValue('isCancelled', '1')).toBe('cancelled');
    expect(stateOfFieldValue('isCancelled', '0')).toBeNull();
    expect(stateOfFieldValue('status', '1')).toBeNull();
    expect(stateOfFieldValue('seats', '0')).toBeNull();
  });
});

describe('vocabulary of links and capacity', () => {
  it('tells provider-id fields from other ids', () => {
    expect(['paymentIntentId', 'stripeSessionId', 'paypal_order_id', 'transactionRef', 'payment_intent'].every(isProviderIdField)).toBe(true);
    expect(['bookingId', 'customerId', 'id', 'paymentStatus'].some(isProviderIdField)).toBe(false);
  });

  it('knows bookings by the names apps give them in other languages', () => {
    const v = new Vocabulary();
    expect(['Turno', 'reservas', 'Reservación', 'reservaciones', 'citas', 'agendamentos', 'Buchung', 'prenotazioni', 'boekingen', 'randevu'].every((n) => v.isBookingLike(n))).toBe(true);
    expect(['reserva_cancha', 'ReservaAsiento'].every((n) => v.isBookingLike(n))).toBe(true);
    expect(['turno_logs', 'turno_problems', 'TerminReminder', 'Terminal', 'estadio', 'pagos', 'asiento_reserva', 'pago_reserva'].some((n) => v.isBookingLike(n))).toBe(false);
  });

  it('tells types named for what a request carries from records', () => {
    expect(['CreateBookingDto', 'BookAppointmentInput', 'ReservationParams', 'BookingRequest', 'CheckoutPayload'].every(isTransferTypeName)).toBe(true);
    expect(['Booking', 'BookingSchema', 'BookingData', 'Input', 'PaymentAttempt'].some(isTransferTypeName)).toBe(false);
  });

  it('tells capacity entities from bookings of them', () => {
    expect(['Slot', 'time_slots', 'seat_holds', 'BookingSlot', 'inventory', 'hold'].every(isCapacityEntity)).toBe(true);
    expect(['SlotBooking', 'bookings', 'Room'].some(isCapacityEntity)).toBe(false);
  });
});
