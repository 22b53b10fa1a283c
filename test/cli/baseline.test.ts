// Baselines: --write-baseline records today's failing paths without line numbers; --baseline
// reports everything but exits 1 only for paths it does not hold; a corrupt file is a usage error.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyBaseline, baselineOf, parseBaseline } from '../../src/engine/baseline.js';
import type { PathResult } from '../../src/model/report.js';
import { runCli } from '../helpers/cli.js';
import { makeProject, writeFiles } from '../helpers/project.js';
import { samplePath, sampleCheck, sampleReport } from '../report/sample.js';
import { CHECKOUT, failingApp, insertBefore } from './apps.js';

const failingPaths = (report: { checks: { paths: PathResult[] }[] }) => report.checks[0]!.paths.filter((p) => p.status === 'fail');
/** These tests follow confirmation-record's findings; the other checks' baselines work the same way. */
const ONLY = ['--check', 'confirmation-record'];

describe('--write-baseline and --baseline', () => {
  it('records the failing paths by check, file, entry and payment api, and exits 0', () => {
    const root = makeProject(failingApp());
    const file = path.join(root, 'bookfirst-baseline.json');
    const r = runCli(['scan', root, ...ONLY, '--write-baseline', file, '--format', 'json']);
    expect(r.status).toBe(0);
    const baseline = JSON.parse(fs.readFileSync(file, 'utf8'));
    expect(baseline).toEqual({
      bookfirstBaseline: 1,
      findings: [
        { check: 'confirmation-record', file: CHECKOUT, entry: 'POST /api/checkout', provider: 'stripe', api: 'checkout.sessions.create', count: 1 },
        { check: 'confirmation-record', file: 'src/app/api/lessons/route.ts', entry: 'POST /api/lessons', provider: 'stripe', api: 'paymentIntents.create', count: 1 },
      ],
    });
    expect(fs.readFileSync(file, 'utf8')).not.toMatch(/"line"/);
    expect(failingPaths(JSON.parse(r.stdout)).map((p) => p.baselined)).toEqual([true, true]);
  });

  it('passes on the same findings even after the code moves, and marks them baselined', () => {
    const root = makeProject(failingApp());
    const file = path.join(root, 'baseline.json');
    expect(runCli(['scan', root, ...ONLY, '--write-baseline', file]).status).toBe(0);
    writeFiles(root, insertBefore(failingApp(), CHECKOUT, 'export async function POST', '// Checkout for court slots.', '// Prices come from Stripe.', ''));
    const r = runCli(['scan', root, ...ONLY, '--baseline', file, '--format', 'json']);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.checks[0].verdict).toBe('fail');
    expect(failingPaths(report).map((p) => [p.payment.line, p.baselined])).toEqual([[8, true], [5, true]]);
    expect(report.checks[0].paths.find((p: PathResult) => p.status === 'pass').baselined).toBeUndefined();
  });

  it('exits 1 on a failing path the baseline does not hold, and marks only it new', () => {
    const root = makeProject(failingApp());
    const file = path.join(root, 'baseline.json');
    runCli(['scan', root, ...ONLY, '--write-baseline', file]);
    writeFiles(root, {
      'src/app/api/rackets/route.ts': [
        "import { stripe } from '../../../lib/stripe';",
        'export async function POST() {',
        "  const intent = await stripe.paymentIntents.create({ amount: 500, currency: 'eur' });",
        '  return Response.json({ secret: intent.client_secret });',
        '}',
      ].join('\n'),
    });
    const r = runCli(['scan', root, ...ONLY, '--baseline', file, '--format', 'json']);
    expect(r.status).toBe(1);
    const marks = failingPaths(JSON.parse(r.stdout)).map((p) => [p.entry.name, p.baselined]);
    expect(marks).toEqual([['POST /api/checkout', true], ['POST /api/lessons', true], ['POST /api/rackets', false]]);
    const sarif = JSON.parse(runCli(['scan', root, ...ONLY, '--baseline', file, '--format', 'sarif']).stdout);
    expect(sarif.runs[0].results.map((x: { baselineState: string }) => x.baselineState)).toEqual(['unchanged', 'unchanged', 'new']);
    expect(runCli(['scan', root, ...ONLY, '--baseline', file, '--fail-on', 'critical']).status).toBe(0);
  });

  it('reports a corrupt, foreign or missing baseline as a usage error (exit 2) naming the file', () => {
    const root = makeProject({ 'garbage.json': '{ "findings": [', 'other.json': '{ "version": 2 }', 'bad-entry.json': '{ "bookfirstBaseline": 1, "findings": [{ "check": 1 }] }' });
    const cases: [string, RegExp][] = [
      ['garbage.json', /baseline .*garbage\.json is corrupt: not valid JSON/],
      ['other.json', /baseline .*other\.json is corrupt: not a bookfirst baseline/],
      ['bad-entry.json', /findings\[0\] has no string "check"/],
      ['missing.json', /cannot read baseline .*missing\.json: ENOENT/],
    ];
    for (const [name, message] of cases) {
      const r = runCli(['scan', 'examples/pitch-booking', '--baseline', path.join(root, name)]);
      expect(r.status, name).toBe(2);
      expect(r.stderr, name).toMatch(message);
      expect(r.stdout, name).toBe('');
    }
    const unwritable = runCli(['scan', 'examples/pitch-booking', '--write-baseline', path.join(root, 'no-dir', 'b.json')]);
    expect(unwritable.status).toBe(2);
    expect(unwritable.stderr).toMatch(/cannot write baseline .*b\.json: ENOENT/);
  });
});

describe('baseline matching', () => {
  const twin = (entry: string) => samplePath({ entry: { ...samplePath().entry, name: entry } });

  it('a key recorded N times absorbs N findings, in report order', () => {
    const before = sampleReport([sampleCheck([twin('POST /a'), twin('POST /b')])]);
    const baseline = baselineOf(before);
    expect(baseline.findings.map((f) => [f.entry, f.count])).toEqual([['POST /a', 1], ['POST /b', 1]]);
    const after = sampleReport([sampleCheck([twin('POST /a'), twin('POST /a'), twin('POST /b')])]);
    applyBaseline(after, parseBaseline(JSON.stringify(baseline)));
    expect(after.checks[0]!.paths.map((p) => p.baselined)).toEqual([true, false, true]);
  });

  it('ignores suppressed and passing paths', () => {
    const report = sampleReport([sampleCheck([samplePath({ suppressed: { reason: 'r', file: 'a.ts', line: 1 } }), samplePath({ status: 'pass', reason: 'booking-written-first' })])]);
    expect(baselineOf(report).findings).toEqual([]);
    applyBaseline(report, baselineOf(report));
    expect(report.checks[0]!.paths.map((p) => p.baselined)).toEqual([undefined, undefined]);
  });
});
