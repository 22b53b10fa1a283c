// AuditBuffet telemetry: ids, results, details of at most 500 characters, and the score and grade
// its prompts define (critical 10, high 3, medium 3, low 1, info 1; skip and error left out).
import { describe, expect, it } from 'vitest';
import type { CheckResult, Severity, Verdict } from '../../src/model/report.js';
import { auditBuffetTelemetry, gradeOf, renderAuditBuffet, scoreOf } from '../../src/report/auditbuffet.js';
import { runCli } from '../helpers/cli.js';
import { passingPath, sampleCheck, samplePath, sampleReport } from './sample.js';

const check = (id: string, severity: Severity, verdict: Verdict, extra: Partial<CheckResult> = {}) =>
  sampleCheck([], { id, catalogId: `booking-flow-lifecycle.${id}`, severity, verdict, ...extra });

describe('AuditBuffet scoring', () => {
  it('weighs passing checks over applicable ones', () => {
    expect(scoreOf([{ result: 'pass', severity: 'critical' }, { result: 'fail', severity: 'high' }])).toBe(77); // 10 / 13
    expect(scoreOf([{ result: 'pass', severity: 'high' }, { result: 'fail', severity: 'medium' }, { result: 'pass', severity: 'low' }])).toBe(57); // 4 / 7
    expect(scoreOf([{ result: 'pass', severity: 'info' }, { result: 'skip', severity: 'critical' }, { result: 'error', severity: 'critical' }])).toBe(100);
    expect(scoreOf([{ result: 'skip', severity: 'high' }])).toBeNull();
  });

  it('grades on the published scale', () => {
    expect([100, 90, 89, 75, 74, 60, 59, 40, 39, 0].map(gradeOf)).toEqual(['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D', 'F', 'F']);
    expect(gradeOf(null)).toBeNull();
  });
});

describe('AuditBuffet telemetry', () => {
  const report = sampleReport([
    check('booking-creation.confirmation-record', 'high', 'fail', { detail: 'x'.repeat(900) }),
    check('payment.payment-booking-coupling', 'critical', 'pass', { summary: '3 of 3 payments are coupled' }),
    check('payment.refund-logic', 'medium', 'skip', { skipReason: 'no-payment-integration' }),
    check('payment.failure-handling', 'high', 'error', { detail: 'internal error: boom\n  at run' }),
  ]);
  const t = auditBuffetTelemetry(report);

  it('maps each check to its catalog id, category, result and severity', () => {
    expect(t.checks.map((c) => [c.id, c.category_slug, c.result, c.severity])).toEqual([
      ['booking-flow-lifecycle.booking-creation.confirmation-record', 'booking-creation', 'fail', 'high'],
      ['booking-flow-lifecycle.payment.payment-booking-coupling', 'payment', 'pass', 'critical'],
      ['booking-flow-lifecycle.payment.refund-logic', 'payment', 'skip', 'medium'],
      ['booking-flow-lifecycle.payment.failure-handling', 'payment', 'error', 'high'],
    ]);
    for (const c of t.checks) expect(c.id).toMatch(/^[a-z0-9-]+\.[a-z0-9-]+\.[a-z0-9-]+$/);
  });

  it('keeps every detail within 500 characters and fills it for fail and error', () => {
    for (const c of t.checks) expect(c.detail.length).toBeLessThanOrEqual(500);
    expect(t.checks[0]!.detail).toMatch(/^\d+ of \d+ payment initiation paths create a booking record first\. x+…$/);
    expect(t.checks[1]!.detail).toBe('3 of 3 payments are coupled');
    expect(t.checks[2]!.detail).toContain('no-payment-integration');
    expect(t.checks[3]!.detail).toBe('check could not run: internal error: boom');
  });

  it('scores overall and per category, with counts that add up and weights that sum to 1', () => {
    expect(t.scoring).toMatchObject({ overall_score: 77, overall_grade: 'B', total_checks: 4, passed: 1, failed: 1, skipped: 1, errored: 1 });
    const [creation, payment] = t.scoring.categories;
    expect(creation).toMatchObject({ slug: 'booking-creation', score: 0, grade: 'F', passed: 0, failed: 1 });
    expect(payment).toMatchObject({ slug: 'payment', display_name: 'Payment Integration', score: 100, grade: 'A', passed: 1, skipped: 1, errored: 1 });
    expect(creation!.weight + payment!.weight).toBeCloseTo(1, 10);
    for (const c of t.checks) expect(t.scoring.categories.map((x) => x.slug)).toContain(c.category_slug);
  });

  it('holds nothing that changes between runs of the same tree, and no source code', () => {
    const a = runCli(['scan', 'examples/pitch-booking', '--format', 'auditbuffet']);
    const b = runCli(['scan', 'examples/pitch-booking', '--format', 'auditbuffet']);
    expect(a.status).toBe(1);
    expect(a.stdout).toBe(b.stdout);
    const parsed = JSON.parse(a.stdout);
    expect(parsed).toMatchObject({ payload_type: 'audit_telemetry', audit: { slug: 'booking-flow-lifecycle' }, submission_id: null, generated_at: null });
    // Six checks: confirmation-record, failure-handling, payment-capture-timing (high) and payment-booking-coupling
    // (critical) fail, initial-booking-state (medium) passes, refund-logic skips: 3 / (3 + 3 + 3 + 3 + 10) = 14.
    expect(parsed.scoring).toMatchObject({ overall_score: 14, overall_grade: 'F', total_checks: 6, failed: 4, passed: 1, skipped: 1 });
    expect(a.stdout).not.toContain('stripe.checkout.sessions.create(');
  });

  it('is null-scored when nothing applies', () => {
    const none = auditBuffetTelemetry(sampleReport([check('booking-creation.confirmation-record', 'high', 'skip')]));
    expect(none.scoring).toMatchObject({ overall_score: null, overall_grade: null, skipped: 1 });
    expect(renderAuditBuffet(sampleReport([sampleCheck([samplePath(), passingPath()])]))).toMatch(/"overall_grade": "F"/);
  });
});
