// `// bookfirst-ignore <check-id> -- <reason>`: which paths it suppresses, how the check is
// recounted, the diagnostics for bad or unused comments, and what each output does with it.
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/index.js';
import type { Report } from '../../src/model/report.js';
import { runCli } from '../helpers/cli.js';
import { makeProject } from '../helpers/project.js';
import { appendTo, CHECKOUT, failingApp, insertBefore, LESSONS } from './apps.js';

const IGNORE = '// bookfirst-ignore confirmation-record -- the booking is created by the front desk before checkout';

async function scanFiles(files: Record<string, string>): Promise<Report> {
  return scan({ root: makeProject(files), threads: 0 });
}

const check = (r: Report) => r.checks[0]!;
const byEntryFile = (r: Report, file: string) => check(r).paths.find((p) => p.entry.file === file)!;
const codes = (r: Report) => r.diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`);

describe('suppressions', () => {
  it('without comments, two of three paths fail', async () => {
    const r = await scanFiles(failingApp());
    expect([check(r).verdict, check(r).passed, check(r).total]).toEqual(['fail', 1, 3]);
  });

  it('a comment directly above the payment call suppresses that path and recounts X of Y', async () => {
    const r = await scanFiles(insertBefore(failingApp(), CHECKOUT, 'stripe.checkout.sessions.create', `  ${IGNORE}`));
    const p = byEntryFile(r, CHECKOUT);
    expect(p.status).toBe('fail');
    expect(p.suppressed).toEqual({ reason: 'the booking is created by the front desk before checkout', file: CHECKOUT, line: 5 });
    expect(p.payment.line).toBe(6);
    expect(byEntryFile(r, LESSONS).suppressed).toBeUndefined();
    expect(check(r)).toMatchObject({ verdict: 'fail', passed: 1, total: 2, summary: '1 of 2 payment initiation paths create a booking record first' });
    expect(check(r).paths).toHaveLength(3);
    expect(check(r).detail).toContain('POST /api/lessons');
    expect(check(r).detail).not.toContain('POST /api/checkout ->');
    expect(codes(r)).toEqual([]);
  });

  it('a comment on the payment line, or on or above the entry point, suppresses too', async () => {
    let files = appendTo(failingApp(), CHECKOUT, 'stripe.checkout.sessions.create', ` ${IGNORE}`);
    files = insertBefore(files, LESSONS, 'export async function POST', IGNORE);
    const r = await scanFiles(files);
    expect(byEntryFile(r, CHECKOUT).suppressed?.line).toBe(5);
    expect(byEntryFile(r, LESSONS).suppressed?.line).toBe(3);
    expect(check(r)).toMatchObject({ verdict: 'pass', passed: 1, total: 1, skipReason: null });
    expect(check(r).detail).toBeNull();
    const sameLine = await scanFiles(appendTo(failingApp(), LESSONS, 'export async function POST', ` ${IGNORE}`));
    expect(byEntryFile(sameLine, LESSONS).suppressed?.line).toBe(3);
  });

  it('accepts the catalog id in place of the check id', async () => {
    const r = await scanFiles(insertBefore(failingApp(), LESSONS, 'paymentIntents.create',
      '  // bookfirst-ignore booking-flow-lifecycle.booking-creation.confirmation-record -- walk-in lessons are booked at the desk'));
    expect(byEntryFile(r, LESSONS).suppressed?.reason).toBe('walk-in lessons are booked at the desk');
  });

  it('a comment two lines above does not match, and is reported unused', async () => {
    const r = await scanFiles(insertBefore(failingApp(), CHECKOUT, 'stripe.checkout.sessions.create', `  ${IGNORE}`, ''));
    expect(byEntryFile(r, CHECKOUT).suppressed).toBeUndefined();
    expect(check(r).total).toBe(3);
    expect(codes(r)).toEqual([`${CHECKOUT}:5 unused-suppression`]);
    expect(r.diagnostics[0]!.severity).toBe('warning');
  });

  it('a comment on a passing path suppresses nothing and is reported unused', async () => {
    const r = await scanFiles(insertBefore(failingApp(), 'src/app/api/deposit/route.ts', 'paymentIntents.create', `  ${IGNORE}`));
    expect(codes(r)).toEqual(['src/app/api/deposit/route.ts:7 unused-suppression']);
    expect(check(r).total).toBe(3);
  });

  it('an unknown check id is a warning and suppresses nothing', async () => {
    const r = await scanFiles(insertBefore(failingApp(), CHECKOUT, 'stripe.checkout.sessions.create', '  // bookfirst-ignore confirmation-recrod -- typo'));
    expect(byEntryFile(r, CHECKOUT).suppressed).toBeUndefined();
    expect(codes(r)).toEqual([`${CHECKOUT}:5 unknown-suppression-check`]);
    expect(r.diagnostics[0]).toMatchObject({ severity: 'warning', message: expect.stringContaining('confirmation-recrod') });
  });

  it('a missing reason is a warning, and the path is still suppressed', async () => {
    const r = await scanFiles(insertBefore(failingApp(), CHECKOUT, 'stripe.checkout.sessions.create', '  // bookfirst-ignore confirmation-record'));
    expect(byEntryFile(r, CHECKOUT).suppressed).toEqual({ reason: '', file: CHECKOUT, line: 5 });
    expect(codes(r)).toEqual([`${CHECKOUT}:5 suppression-without-reason`]);
  });

  it('suppressing every failing path of a check with no other path skips it', async () => {
    const files = failingApp();
    delete files['src/app/api/deposit/route.ts'];
    delete files[LESSONS];
    const r = await scanFiles(insertBefore(files, CHECKOUT, 'stripe.checkout.sessions.create', `  ${IGNORE}`));
    expect(check(r)).toMatchObject({ verdict: 'skip', skipReason: 'all-paths-suppressed', passed: 0, total: 0 });
  });
});

describe('suppressions through the command line', () => {
  const files = insertBefore(insertBefore(failingApp(), CHECKOUT, 'stripe.checkout.sessions.create', `  ${IGNORE}`), LESSONS, 'paymentIntents.create', `  ${IGNORE}`);
  const root = makeProject(files);

  it('exits 0 once every failing path is suppressed, 1 without the comments', () => {
    expect(runCli(['scan', root, '--check', 'confirmation-record']).status).toBe(0);
    expect(runCli(['scan', makeProject(failingApp()), '--check', 'confirmation-record']).status).toBe(1);
  });

  it('lists suppressed paths with their reason in the text report', () => {
    const text = runCli(['scan', root]).stdout;
    expect(text).toContain('1 of 1 payment initiation paths create a booking record first');
    expect(text).toContain('(suppressed)');
    expect(text).toContain(`suppressed at ${CHECKOUT}:5: the booking is created by the front desk before checkout`);
  });

  it('leaves suppressed paths out of SARIF unless --include-suppressed', () => {
    const plain = JSON.parse(runCli(['scan', '.', '--check', 'confirmation-record', '--format', 'sarif'], { cwd: root }).stdout);
    expect(plain.runs[0].results).toEqual([]);
    const kept = JSON.parse(runCli(['scan', '.', '--check', 'confirmation-record', '--format', 'sarif', '--include-suppressed'], { cwd: root }).stdout);
    expect(kept.runs[0].results).toHaveLength(2);
    expect(kept.runs[0].results[0].suppressions).toEqual([{
      kind: 'inSource', status: 'accepted', justification: 'the booking is created by the front desk before checkout',
      location: { physicalLocation: { artifactLocation: { uri: CHECKOUT, uriBaseId: '%SRCROOT%' }, region: { startLine: 5 } } },
    }]);
  });
});
