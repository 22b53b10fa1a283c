// Hand-built reports for reporter tests: every kind of path, and text that needs escaping.
import type { CheckResult, PathResult, Report } from '../../src/model/report.js';

export function samplePath(overrides: Partial<PathResult> = {}): PathResult {
  return {
    status: 'fail',
    reason: 'booking-only-in-webhook',
    entry: { file: 'src/app/api/checkout/route.ts', line: 5, column: 8, kind: 'next-route', name: 'POST /api/checkout' },
    payment: { file: 'src/app/api/checkout/route.ts', line: 7, column: 25, provider: 'stripe', api: 'checkout.sessions.create' },
    evidence: null,
    bookingIdPassed: false,
    via: null,
    webhookWrites: [{ file: 'src/app/api/webhooks/stripe/route.ts', line: 18 }],
    trace: [
      { file: 'src/app/api/checkout/route.ts', line: 5, note: 'entry point POST /api/checkout (next-route)' },
      { file: 'src/app/api/checkout/route.ts', line: 7, note: 'payment: Stripe checkout.sessions.create' },
    ],
    approximate: false,
    warnings: [],
    snippets: [{ file: 'src/app/api/checkout/route.ts', line: 6, focus: 7, lines: ['  const { id } = await req.json();', '  const session = await stripe.checkout.sessions.create({', "    mode: 'payment',"] }],
    ...overrides,
  };
}

export const passingPath = (): PathResult => samplePath({
  status: 'pass',
  reason: 'booking-written-first',
  entry: { file: 'src/app/api/deposit/route.ts', line: 4, column: 8, kind: 'next-route', name: 'POST /api/deposit' },
  payment: { file: 'src/services/deposit.ts', line: 15, column: 24, provider: 'stripe', api: 'paymentIntents.create' },
  evidence: { file: 'src/services/deposit.ts', line: 12, kind: 'write', entity: 'Booking' },
  bookingIdPassed: true,
  via: 'metadata.bookingId',
  trace: [
    { file: 'src/app/api/deposit/route.ts', line: 4, note: 'entry point POST /api/deposit (next-route)' },
    { file: 'src/app/api/deposit/route.ts', line: 6, note: 'calls startDeposit' },
    { file: 'src/services/deposit.ts', line: 12, note: 'booking written: booking.create' },
    { file: 'src/services/deposit.ts', line: 15, note: 'payment: Stripe paymentIntents.create' },
  ],
  snippets: [],
});

export function sampleCheck(paths: PathResult[], overrides: Partial<CheckResult> = {}): CheckResult {
  const counted = paths.filter((p) => p.status !== 'excluded' && !p.suppressed);
  const passed = counted.filter((p) => p.status === 'pass').length;
  return {
    id: 'confirmation-record',
    catalogId: 'booking-flow-lifecycle.booking-creation.confirmation-record',
    label: 'Booking record created before payment',
    severity: 'high',
    cwe: ['CWE-362', 'CWE-841'],
    description: 'Every payment initiation is preceded by a persisted booking record whose id is passed to the provider.',
    verdict: counted.length === 0 ? 'skip' : passed === counted.length ? 'pass' : 'fail',
    skipReason: null,
    passed,
    total: counted.length,
    summary: `${passed} of ${counted.length} payment initiation paths create a booking record first`,
    detail: null,
    remediation: 'Create the booking first:\n  const booking = await db.booking.create({ data });',
    paths,
    ...overrides,
  };
}

export function sampleReport(checks: CheckResult[], overrides: Partial<Report> = {}): Report {
  return {
    schemaVersion: 1,
    tool: { name: 'bookfirst', version: '0.1.0' },
    root: '.',
    checks,
    diagnostics: [],
    stats: { files: 6, parsed: 6, parseErrors: 0, durationMs: 12 },
    ...overrides,
  };
}
