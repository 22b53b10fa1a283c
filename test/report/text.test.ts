// The text report of the checks beside confirmation-record: each item with the call that decides
// it, its evidence, and the sequence found, passing or failing.
import { describe, expect, it } from 'vitest';
import { renderText, scan } from '../../src/index.js';
import { sampleCheck, samplePath, sampleReport } from './sample.js';

const capture = await scan({ root: 'fixtures/payment-capture-timing/valid-catalog-remediation-next-prisma-manual-capture-after-confirm', checks: ['payment-capture-timing'], threads: 0 });
const refunds = await scan({ root: 'fixtures/refund-logic/invalid-nestjs-typeorm-admin-cancel-skips-refund', checks: ['refund-logic'], threads: 0 });

describe('text report of the other checks', () => {
  it('shows a passing item with its evidence and the whole sequence', () => {
    const text = renderText(capture, { color: false });
    expect(text).toContain('PASS  payment-capture-timing  Payment captured only after the booking is confirmed  [high]');
    expect(text).toContain('  1 of 1 payment paths capture only after the booking exists and is confirmed');
    expect(text).toContain('    evidence booking written at src/app/api/checkout/route.ts:7 (Booking)');
    expect(text).toContain('    id       passed to the provider via metadata.bookingId');
    expect(text).toMatch(/sequence\n.*route\.ts:4 {2}entry point POST \/api\/checkout \(next-route\)\n.*1\. booking written: booking\.create\n.*2\. authorize: paymentIntents\.create \(capture_method: manual\)\n.*webhooks\/stripe\/route\.ts:8 {2}3\. booking confirmed: booking\.update/);
  });

  it('names the deciding call of an item that is no payment, without booking-id lines, and the fix', () => {
    const text = renderText(refunds, { color: false });
    expect(text).toContain('  ✗ POST /desks/admin/bookings/:id/cancel (DesksController.adminCancel) -> typeorm update  no-refund');
    expect(text).toContain('    evidence refund at src/desks/desks.service.ts:22 (stripe)');
    expect(text).not.toContain('passed to the provider');
    expect(text).toContain('How to fix');
    expect(text).toContain('stripe.refunds.create');
  });

  it('names the webhook that writes the booking only when that is why the path fails', () => {
    const only = renderText(sampleReport([sampleCheck([samplePath()])]), { color: false });
    expect(only).toContain('    booking  created only in the webhook: src/app/api/webhooks/stripe/route.ts:18');
    const after = renderText(sampleReport([sampleCheck([samplePath({ reason: 'booking-after-payment' })])]), { color: false });
    expect(after).not.toContain('created only in the webhook');
    expect(after).toContain('    booking  no booking record exists before this payment');
  });
});

describe('text report of what the scanned tree names', () => {
  // A file name or a code line can carry terminal escapes and bidirectional overrides.
  const evil = 'src/app/api/\x1b]0;owned\x07\x1b[2Jcheckout\r/route.ts';
  const report = sampleReport([sampleCheck([samplePath({
    entry: { file: evil, line: 5, column: 8, kind: 'next-route', name: 'POST /api/\x9bcheckout' },
    snippets: [{ file: 'src/app/api/checkout/route.ts', line: 6, focus: 7, lines: ['  const admin = isAdmin; /*\u202e } \u2066if (admin)\u2069 \u2066 begin admins only */', '  const session = await stripe.checkout.sessions.create({', '\tmode: "payment",'] }],
  })])], { diagnostics: [{ file: evil, line: 1, severity: 'warning', code: 'parse-error', message: 'bad \x00 byte' }] });

  it('shows escapes where the tree has control characters or bidirectional overrides, in every part', () => {
    for (const verbose of [false, true]) {
      const text = renderText(report, { color: false, verbose });
      expect(text).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
      expect(text).toContain('src/app/api/\\x1b]0;owned\\x07\\x1b[2Jcheckout\\x0d/route.ts:5:8');
      expect(text).toContain('POST /api/\\x9bcheckout');
      expect(text).toContain('/*\\u202e } \\u2066if (admin)\\u2069 \\u2066 begin admins only */');
      expect(text).toContain('\tmode: "payment",');
    }
    expect(renderText(report, { color: false, verbose: true })).toContain('bad \\x00 byte');
  });

  it('keeps its own colours', () => {
    expect(renderText(report, { color: true })).toContain('\x1b[');
  });
});
