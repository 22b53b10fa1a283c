// The command line end to end: exit codes, the JSON contract, output files, colour and help.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANSI, bin, passingApp, repoRoot, runCli } from '../helpers/cli.js';
import { splitFixture } from '../helpers/flow.js';
import { makeProject } from '../helpers/project.js';

const example = 'examples/pitch-booking';
const SUMMARY = /^(\d+) of (\d+) payment initiation paths create a booking record first$/;

describe('exit codes', () => {
  const passing = makeProject(passingApp);

  it('1 on the example, which has a failing path', () => {
    const r = runCli(['scan', example]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('FAIL');
  });

  it('1 and no stack trace when the reader of its output goes away (`bookfirst scan | head -c 0`)', () => {
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" scan "${example}" | head -c 0; exit \${PIPESTATUS[0]}`], { cwd: repoRoot, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
  });

  it('0 on a project whose every payment path creates the booking first', () => {
    const r = runCli(['scan', passing, '--format', 'json']);
    expect(r.status).toBe(0);
    const check = JSON.parse(r.stdout).checks[0];
    expect([check.verdict, check.passed, check.total]).toEqual(['pass', 1, 1]);
  });

  it('0 with --fail-on critical on a failing high check, 1 with --fail-on high', () => {
    const only = ['--check', 'confirmation-record'];
    expect(runCli(['scan', example, ...only, '--fail-on', 'critical']).status).toBe(0);
    expect(runCli(['scan', example, ...only, '--fail-on=high']).status).toBe(1);
    expect(runCli(['scan', example, ...only, '--fail-on', 'low']).status).toBe(1);
    // The example also fails payment-booking-coupling, a critical check.
    expect(runCli(['scan', example, '--fail-on', 'critical']).status).toBe(1);
  });

  it('2 on usage errors, with a message on stderr and nothing on stdout', () => {
    const cases: [string[], RegExp][] = [
      [['scan', 'no/such/dir'], /not a directory/],
      [['scan', example, '--bogus'], /unknown option: --bogus/],
      [['scan', example, '--format', 'xml'], /unknown format: xml/],
      [['scan', example, '--check', 'no-such-check'], /unknown check: no-such-check/],
      [['scan', example, '--fail-on', 'severe'], /unknown severity/],
      [['scan', example, '--format'], /--format needs a value/],
      [['scan', example, 'second-dir'], /unexpected argument/],
      [['frobnicate'], /unknown command/],
    ];
    for (const [args, message] of cases) {
      const r = runCli(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stdout, args.join(' ')).toBe('');
    }
  });

  it('2 when the directory is a file', () => {
    const r = runCli(['scan', 'package.json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not a directory/);
  });
});

describe('--format json', () => {
  const r = runCli(['scan', example, '--format', 'json']);
  const report = JSON.parse(r.stdout);

  it('has the contract fields at the top level', () => {
    expect(r.status).toBe(1);
    expect(report.schemaVersion).toBe(1);
    expect(report.tool).toEqual({ name: 'bookfirst', version: JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version });
    expect(report.root).toBe(example);
    expect(Array.isArray(report.diagnostics)).toBe(true);
    for (const d of report.diagnostics) expect(Object.keys(d)).toEqual(expect.arrayContaining(['file', 'line', 'severity', 'code', 'message']));
    expect(report.stats).toEqual({ files: 6, parsed: 6, parseErrors: 0, durationMs: expect.any(Number) });
  });

  it('has the confirmation-record check with the exact summary line', () => {
    const check = report.checks.find((c: { id: string }) => c.id === 'confirmation-record');
    expect(check).toMatchObject({
      catalogId: 'booking-flow-lifecycle.booking-creation.confirmation-record',
      severity: 'high',
      verdict: 'fail',
      skipReason: null,
      passed: 1,
      total: 2,
      summary: '1 of 2 payment initiation paths create a booking record first',
    });
    expect(typeof check.label).toBe('string');
    const m = SUMMARY.exec(check.summary);
    expect(m, check.summary).not.toBeNull();
    expect([Number(m![1]), Number(m![2])]).toEqual([check.passed, check.total]);
  });

  it('runs all six checks by default, each with its X of Y summary line', () => {
    const summaries: Record<string, RegExp> = {
      'confirmation-record': SUMMARY,
      'failure-handling': /^(\d+) of (\d+) payment failure paths release both booking and slot$/,
      'initial-booking-state': /^(\d+) of (\d+) booking creation paths start in a pending state$/,
      'payment-booking-coupling': /^(\d+) of (\d+) bidirectional links present$/,
      'payment-capture-timing': /^(\d+) of (\d+) payment paths capture only after the booking exists and is confirmed$/,
      'refund-logic': /^(\d+) of (\d+) cancellation paths for paid bookings trigger a refund$/,
    };
    expect(report.checks.map((c: { id: string }) => c.id)).toEqual(Object.keys(summaries));
    for (const c of report.checks) {
      const m = summaries[c.id]!.exec(c.summary);
      expect(m, c.summary).not.toBeNull();
      expect([Number(m![1]), Number(m![2])]).toEqual([c.passed, c.total]);
      expect(c.catalogId).toMatch(/^booking-flow-lifecycle\.(booking-creation|payment)\.[a-z-]+$/);
    }
    // The example's checkout starts a payment before any booking exists: its sibling checks say so too.
    const verdicts = Object.fromEntries(report.checks.map((c: { id: string; verdict: string }) => [c.id, c.verdict]));
    expect(verdicts['payment-capture-timing']).toBe('fail');
    expect(verdicts['payment-booking-coupling']).toBe('fail');
  });

  it('has every path field, with root-relative posix files and 1-based positions', () => {
    const check = report.checks[0];
    expect(check.paths).toHaveLength(2);
    for (const p of check.paths) {
      expect(['pass', 'fail', 'excluded']).toContain(p.status);
      expect(typeof p.reason).toBe('string');
      expect(Object.keys(p.entry)).toEqual(expect.arrayContaining(['file', 'line', 'column', 'kind', 'name']));
      expect(Object.keys(p.payment)).toEqual(expect.arrayContaining(['file', 'line', 'column', 'provider', 'api']));
      expect(typeof p.bookingIdPassed).toBe('boolean');
      expect(p.via === null || typeof p.via === 'string').toBe(true);
      expect(Array.isArray(p.webhookWrites)).toBe(true);
      expect(Array.isArray(p.trace)).toBe(true);
      for (const loc of [p.entry, p.payment, ...(p.evidence ? [p.evidence] : []), ...p.webhookWrites, ...p.trace]) {
        expect(loc.file).toMatch(/^src\/[^\\]+$/);
        expect(loc.line).toBeGreaterThanOrEqual(1);
        expect(fs.existsSync(path.join(repoRoot, example, loc.file))).toBe(true);
      }
    }
    const failing = check.paths.find((p: { status: string }) => p.status === 'fail');
    expect(failing).toMatchObject({
      reason: 'booking-only-in-webhook',
      evidence: null,
      bookingIdPassed: false,
      via: null,
      payment: { file: 'src/app/api/checkout/route.ts', line: 7, column: 25, provider: 'stripe', api: 'checkout.sessions.create' },
      webhookWrites: [{ file: 'src/app/api/webhooks/stripe/route.ts', line: 18 }],
    });
    const passing = check.paths.find((p: { status: string }) => p.status === 'pass');
    expect(passing).toMatchObject({
      evidence: { file: 'src/services/deposit.ts', line: 12, kind: 'write', entity: 'Booking' },
      bookingIdPassed: true,
      via: 'metadata.bookingId',
      payment: { file: 'src/services/deposit.ts', line: 15 },
    });
  });

  it('prints the root as given, relative to the working directory', () => {
    const rel = runCli(['scan', '.', '--format', 'json'], { cwd: path.join(repoRoot, example) });
    expect(JSON.parse(rel.stdout).root).toBe('.');
    expect(JSON.parse(rel.stdout).checks[0].summary).toBe(report.checks[0].summary);
  });
});

describe('-o / --output', () => {
  const dir = makeProject({});

  it('writes the report to the file and nothing to stdout', () => {
    const out = path.join(dir, 'report.json');
    const r = runCli(['scan', example, '--format', 'json', '-o', out]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const written = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(written.checks[0].summary).toBe('1 of 2 payment initiation paths create a booking record first');
  });

  it('exits 2, not 0, when the output file cannot be written', () => {
    const r = runCli(['scan', example, '-o', path.join(dir, 'no-such-dir', 'report.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/ENOENT/);
  });

  it('writes the text report to the file', () => {
    const out = path.join(dir, 'report.txt');
    const r = runCli(['scan', example, '--output', out]);
    expect(r.status).toBe(1);
    const text = fs.readFileSync(out, 'utf8');
    expect(text).toContain('1 of 2 payment initiation paths create a booking record first');
    expect(text).not.toMatch(ANSI);
  });
});

describe('colour', () => {
  const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
  /** Runs the command under a pseudo-terminal so stdout is a TTY. */
  const underTty = (env: Record<string, string>, extra = '') =>
    spawnSync('script', ['-qec', `${JSON.stringify(process.execPath)} bin/bookfirst.js scan ${example}${extra}`, '/dev/null'], {
      cwd: repoRoot,
      env: { ...process.env, NO_COLOR: '', ...env },
      encoding: 'utf8',
      timeout: 30_000,
    }).stdout;

  it('has no ANSI escapes when stdout is not a TTY', () => {
    const r = runCli(['scan', example]);
    expect(r.stdout).toContain('FAIL');
    expect(r.stdout).not.toMatch(ANSI);
  });

  it('has ANSI escapes with --color and none with --no-color', () => {
    expect(runCli(['scan', example, '--color']).stdout).toMatch(ANSI);
    expect(runCli(['scan', example, '--no-color']).stdout).not.toMatch(ANSI);
  });

  it('colours a TTY unless NO_COLOR is set', () => {
    if (!hasScript) {
      // No pseudo-terminal available: at least NO_COLOR must not turn colour on.
      expect(runCli(['scan', example], { env: { NO_COLOR: '1' } }).stdout).not.toMatch(ANSI);
      return;
    }
    expect(underTty({})).toMatch(ANSI);
    const plain = underTty({ NO_COLOR: '1' });
    expect(plain).toContain('FAIL');
    expect(plain).not.toMatch(ANSI);
  });

  it('writes no colour to an -o file, even from a TTY', () => {
    const out = path.join(makeProject({}), 'report.txt');
    if (hasScript) underTty({}, ` -o ${JSON.stringify(out)}`);
    else runCli(['scan', example, '-o', out]);
    const text = fs.readFileSync(out, 'utf8');
    expect(text).toContain('payment initiation paths create a booking record first');
    expect(text).not.toMatch(ANSI);
  });
});

describe('--help, --version, --debug-flow', () => {
  it('--help and -h print usage and exit 0', () => {
    for (const args of [['--help'], ['-h'], ['help'], [], ['scan', '--help']]) {
      const r = runCli(args);
      expect(r.status, args.join(' ')).toBe(0);
      expect(r.stdout).toContain('Usage: bookfirst scan [dir] [options]');
      expect(r.stdout).toContain('Exit codes: 0');
    }
  });

  it('--version and -v print the package version', () => {
    const version = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version;
    for (const flag of ['--version', '-v']) {
      const r = runCli([flag]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(`${version}\n`);
    }
  });

  it('--debug-flow prints the flow graph a fixture expects', () => {
    const fixture = path.join(repoRoot, 'fixtures/flow/try-catch-finally-return.ts');
    const { expected } = splitFixture(fs.readFileSync(fixture, 'utf8'))!;
    const r = runCli(['scan', 'fixtures/flow', '--debug-flow', 'try-catch-finally-return.ts:checkout']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(expected.split('\n').filter((l) => !l.startsWith('  site ')).join('\n') + '\n');
  });

  it('--debug-flow picks a handler by the name of the declaration that registers it', () => {
    const dir = 'fixtures/confirmation-record/invalid-convex-booking-inserted-only-by-webhook-mutation';
    const r = runCli(['scan', dir, '--debug-flow', 'convex/payments.ts:checkout']);
    expect(r.status).toBe(0);
    // The `checkout` action's handler only, not the webhook's handler declared beside it.
    expect(r.stdout).toContain('call stripe.checkout.sessions.create()');
    expect(r.stdout).not.toContain('constructEvent');
  });

  it('--debug-flow with an unknown function or file is a usage error', () => {
    expect(runCli(['scan', 'fixtures/flow', '--debug-flow', 'try-catch.ts:nope']).status).toBe(2);
    expect(runCli(['scan', 'fixtures/flow', '--debug-flow', 'nope.ts:save']).status).toBe(2);
    expect(runCli(['scan', 'fixtures/flow', '--debug-flow', 'nocolon']).status).toBe(2);
  });
});
