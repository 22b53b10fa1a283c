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
export const openFailures = (c: CheckResult) => c.paths.filter((p) => p.status === 'fail' && !p.suppressed);
