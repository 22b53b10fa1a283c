// Why a path passes or fails, in words, for every reporter that writes prose.
import type { CheckResult, PathResult } from '../model/report.js';

const REASONS: Record<string, string> = {
  'booking-written-first': 'the booking is written first',
  'booking-read-and-checked-first': 'the booking is read and checked first',
  'concurrent-with-payment': 'the booking write runs concurrently with the payment',
  'booking-not-awaited': 'the booking write is not awaited before the payment',
  'booking-on-some-paths': 'the booking is written on some paths only',
  'booking-after-payment': 'the booking is written after the payment',
  'booking-only-in-webhook': 'the booking is created only in the webhook',
  'client-supplied-id-unverified': 'a booking id from the client is used without reading the booking',
  'no-booking-write': 'no booking record is written before the payment',
  'subscription-billing': 'recurring billing, not a booking payment',
  'not-a-booking-payment': 'not a booking payment',
  // payment-capture-timing
  'captured-after-confirmation': 'the authorization is captured only after the booking is confirmed',
  'charged-after-booking': 'the payment starts only once the booking exists',
  'charged-before-booking': 'money moves before any booking exists',
  'captured-before-booking': 'the authorization is captured where no booking exists',
  'captured-before-confirmation': 'the authorization is captured before the booking is confirmed',
  // payment-booking-coupling
  'booking-id-sent-to-provider': 'the booking id reaches the provider',
  'payment-row-references-booking': 'a payments row stores the booking id',
  'booking-id-not-sent': 'the booking id never reaches the provider',
  'provider-id-stored-on-booking': "the provider's payment id is stored on the booking",
  'provider-id-stored-in-payment-row': "the provider's payment id is stored in a payments row",
  'provider-id-stored-by-webhook': "the provider's webhook stores its payment id on the booking",
  'booking-id-is-payment-reference': "the provider files the payment under the booking's own id (the merchant's transaction reference)",
  'provider-id-not-stored': "the provider's payment id is never stored on the booking",
  // failure-handling
  'booking-and-slot-released': 'the booking and its slot are released together',
  'booking-released': 'the booking is released (no capacity is held apart from it)',
  'nothing-released': 'neither the booking nor its slot is released',
  'slot-not-released': 'the booking is released but its slot stays taken',
  'booking-not-released': 'the slot is released but the booking stays held',
  'released-outside-transaction': 'booking and slot are released outside one transaction',
  'no-failure-path': 'nothing releases a booking held before payment when the payment fails or is abandoned',
  // refund-logic
  'refund-before-cancel': 'the payment is refunded before the booking is cancelled',
  'refund-with-cancel': 'the payment is refunded in the same request as the cancellation',
  'no-refund-by-policy': 'a cancellation policy decides that no refund is due',
  'no-refund': 'a paid booking is cancelled without a refund',
  'unpaid-bookings-only': 'only unpaid bookings are cancelled here',
  // initial-booking-state
  'pending-status-set': 'the booking is created with a pending status',
  'pending-by-default': "the booking starts pending through the schema's default",
  'pending-by-table': 'the booking is created in a table kept for bookings not yet confirmed',
  'pending-when-payment-due': 'the booking starts pending whenever there is something to pay, confirmed only when there is not',
  'confirmed-when-nothing-due': 'the booking is created confirmed only on a branch where nothing is to be paid',
  'confirmed-when-paid-offline': 'the booking is created confirmed only on a branch where it is paid in person (cash, at the desk or venue)',
  'confirmed-status-set': 'the booking is created already confirmed',
  'confirmed-by-default': "the schema's default status is a confirmed one",
  'status-from-request': 'the initial status is taken from the request',
  'status-not-pending': 'the booking starts in a state that is not pending',
  'no-initial-status': 'the booking is created without any status',
  'no-status-field': 'the booking has no status field',
  'created-after-payment': 'created once the payment was taken',
  'imported-from-channel': "copied in from a channel manager or calendar feed, in the state it has there",
};

export function reasonText(reason: string): string {
  return REASONS[reason] ?? reason.replace(/-/g, ' ');
}

/** `POST /api/checkout -> stripe checkout.sessions.create` */
export function pathTitle(p: PathResult): string {
  return `${p.entry.name} -> ${p.payment.provider} ${p.payment.api}`;
}

export const VERDICT_WORD: Record<CheckResult['verdict'], string> = { pass: 'PASS', fail: 'FAIL', skip: 'SKIP', error: 'ERROR' };

/** Failing paths that count: not suppressed. */
/** Checks whose items are payment paths that may pass the booking id to the provider. */
export const PAYMENT_PATH_CHECKS = new Set(['confirmation-record', 'payment-booking-coupling', 'payment-capture-timing']);

export const openFailures = (c: CheckResult) => c.paths.filter((p) => p.status === 'fail' && !p.suppressed);
