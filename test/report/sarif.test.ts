// SARIF 2.1.0: valid against the official schema, shaped the way GitHub code scanning reads it,
// with fingerprints that survive edits above a finding. test/report/data/sarif-schema-2.1.0.json is
// the OASIS SARIF TC's errata01 schema (oasis-tcs/sarif-spec, sarif-2.1/schema/), committed so the
// test downloads nothing; it is JSON Schema draft-04, hence ajv-draft-04.
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/index.js';
import type { Report } from '../../src/model/report.js';
import { renderSarif, sarifLog } from '../../src/report/sarif.js';
import { CHECKOUT, failingApp, insertBefore } from '../cli/apps.js';
import { makeProject, writeFiles } from '../helpers/project.js';
import { passingPath, sampleCheck, samplePath, sampleReport } from './sample.js';

const schema = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, 'data/sarif-schema-2.1.0.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

function expectValid(log: unknown): void {
  const ok = validate(log);
  expect(validate.errors ?? [], JSON.stringify(validate.errors?.slice(0, 5))).toEqual([]);
  expect(ok).toBe(true);
}

type Log = ReturnType<typeof sarifLog>;
type Result = Log['runs'][0]['results'][0];

const example = await scan({ root: 'examples/pitch-booking', threads: 0, checks: ['confirmation-record'] });
const everyCheck = await scan({ root: 'examples/pitch-booking', threads: 0 });

describe('SARIF against the official 2.1.0 schema', () => {
  it('accepts the example scan, as printed', () => {
    expectValid(JSON.parse(renderSarif(example)));
    expectValid(JSON.parse(renderSarif(everyCheck)));
    expect(sarifLog(everyCheck).runs[0]!.tool.driver.rules.map((r) => r.id)).toEqual(everyCheck.checks.map((c) => c.id));
  });

  it('accepts every kind of path, check and diagnostic, with suppressed results kept', () => {
    const report = sampleReport([
      sampleCheck([
        samplePath({ baselined: false }),
        samplePath({ entry: { ...samplePath().entry, name: 'POST /api/bookings/[id]/pay' }, baselined: true, approximate: true }),
        samplePath({ suppressed: { reason: 'booked at the desk', file: CHECKOUT, line: 6 } }),
        passingPath(),
        samplePath({ status: 'excluded', reason: 'subscription-billing' }),
      ]),
      sampleCheck([], { id: 'payment-capture-timing', verdict: 'error', detail: 'internal error: boom\n  at x', remediation: '', severity: 'info', cwe: [] }),
    ], {
      root: '/home/runner/work/app/app',
      diagnostics: [{ file: 'src/a.ts', line: 3, severity: 'error', code: 'parse-error', message: 'Unexpected token' }, { file: 'src/b.ts', line: 1, severity: 'info', code: 'generated', message: 'skipped' }],
    });
    expectValid(sarifLog(report, { includeSuppressed: true }));
    expectValid(sarifLog(report));
  });

  it('rejects a log that breaks the schema (the validator is not vacuous)', () => {
    const log = JSON.parse(renderSarif(example));
    log.runs[0].results[0].level = 'fatal';
    expect(validate(log)).toBe(false);
    delete log.runs[0].tool;
    expect(validate(log)).toBe(false);
  });
});

describe('SARIF content', () => {
  const log = sarifLog(example);
  const run = log.runs[0]!;
  const result = run.results[0]!;
  const failing = example.checks[0]!.paths.find((p) => p.status === 'fail')!;

  it('has one rule per check with help, remediation, CWE tags, security-severity and a default level', () => {
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(example.checks.map((c) => c.id));
    const rule = run.tool.driver.rules[0]!;
    expect(rule.shortDescription.text).toBe('Booking record created before payment');
    expect(rule.fullDescription.text).toMatch(/persisted booking record/);
    expect(rule.help.text).toContain('How to fix: Create the booking with a pending status');
    expect(rule.help.markdown).toContain('```ts');
    expect(rule.defaultConfiguration.level).toBe('error');
    expect(rule.properties.tags).toEqual(['security', 'CWE-362', 'external/cwe/cwe-362', 'CWE-841', 'external/cwe/cwe-841']);
    expect(rule.properties['security-severity']).toBe('8.0');
    expect(rule.properties.precision).toBe('high');
  });

  it('has one result per failing path, at the payment call, with a path relative to the working directory', () => {
    expect(run.results).toHaveLength(1);
    expect(result).toMatchObject({ ruleId: 'confirmation-record', ruleIndex: 0, level: 'error' });
    expect(result.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'examples/pitch-booking/src/app/api/checkout/route.ts', uriBaseId: '%SRCROOT%' },
      region: { startLine: 7, startColumn: 25 },
    });
    expect(result.message.text).toMatch(/^Booking record created before payment fails on POST \/api\/checkout -> stripe checkout\.sessions\.create: the booking is created only in the webhook\./);
  });

  it('carries the entry -> payment chain as a code flow and webhook writes as linked related locations', () => {
    const steps = result.codeFlows[0]!.threadFlows[0]!.locations;
    expect(steps.map((s) => [s.location.physicalLocation.artifactLocation.uri, s.location.physicalLocation.region.startLine, s.location.message.text]))
      .toEqual(failing.trace.map((t) => [`examples/pitch-booking/${t.file}`, t.line, t.note]));
    expect(steps[0]!.location.message.text).toMatch(/^entry point POST \/api\/checkout/);
    expect(result.relatedLocations).toEqual([{
      id: 1,
      physicalLocation: { artifactLocation: { uri: 'examples/pitch-booking/src/app/api/webhooks/stripe/route.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 18 } },
      message: { text: 'booking written in the webhook' },
    }]);
    expect(result.message.text).toContain('[src/app/api/webhooks/stripe/route.ts:18](1)');
  });

  it('carries the evidence a passing step found, in order, when a chain holds one', () => {
    const path = samplePath({ trace: passingPath().trace, webhookWrites: [] });
    const flow = (sarifLog(sampleReport([sampleCheck([path])])).runs[0]!.results[0] as Result).codeFlows[0]!.threadFlows[0]!.locations;
    expect(flow.map((s) => s.location.message.text)).toEqual(passingPath().trace.map((t) => t.note));
    expect(flow.map((s) => s.executionOrder)).toEqual([1, 2, 3, 4]);
  });

  it('escapes brackets in messages that hold links, and puts absolute roots in originalUriBaseIds', () => {
    const p = samplePath({ entry: { ...samplePath().entry, name: 'POST /api/bookings/[id]/pay' } });
    const abs = sarifLog(sampleReport([sampleCheck([p])], { root: '/srv/app' })).runs[0]!;
    expect((abs.results[0] as Result).message.text).toContain('POST /api/bookings/\\[id\\]/pay');
    expect(abs.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///srv/app/' } });
    expect((abs.results[0] as Result).locations[0]!.physicalLocation.artifactLocation.uri).toBe(CHECKOUT);
  });

  it('percent-encodes file names that would read as a fragment, a query or a scheme', () => {
    const file = 'notes:v2/app/[id]/pay #1?%.ts';
    const p = samplePath({ payment: { ...samplePath().payment, file }, entry: { ...samplePath().entry, file } });
    const log = sarifLog(sampleReport([sampleCheck([p])], { root: '/srv/app' }));
    expectValid(log);
    const uri = (log.runs[0]!.results[0] as Result).locations[0]!.physicalLocation.artifactLocation.uri;
    expect(uri).toBe('notes%3Av2/app/%5Bid%5D/pay%20%231%3F%25.ts');
    expect(decodeURIComponent(uri)).toBe(file);
    expect(new URL(uri, 'file:///srv/app/').pathname).toBe('/srv/app/notes%3Av2/app/%5Bid%5D/pay%20%231%3F%25.ts');
  });

  it('meets GitHub code scanning requirements', () => {
    const all = sarifLog(sampleReport([sampleCheck([samplePath(), samplePath({ entry: { ...samplePath().entry, name: 'POST /b' } })])]));
    for (const r of all.runs[0]!.tool.driver.rules) {
      expect(r.properties.tags.length).toBeLessThanOrEqual(20);
      expect(r.properties.tags).toContain('security');
      const score = Number(r.properties['security-severity']);
      expect(score).toBeGreaterThanOrEqual(0.1);
      expect(score).toBeLessThanOrEqual(10);
    }
    for (const r of [...all.runs[0]!.results, ...run.results] as Result[]) {
      expect(r.locations.length).toBeGreaterThanOrEqual(1);
      expect(r.message.text.length).toBeGreaterThan(0);
      expect(r.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]{32}:\d+$/);
      for (const loc of [r.locations[0]!, ...r.codeFlows[0]!.threadFlows[0]!.locations.map((s) => s.location)]) {
        expect(loc.physicalLocation.artifactLocation.uri).not.toMatch(/^\/|\\|^[a-z]+:/);
      }
    }
    const fingerprints = all.runs[0]!.results.map((r) => (r as Result).partialFingerprints.primaryLocationLineHash);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
  });
});

describe('SARIF fingerprints', () => {
  const fingerprints = (report: Report) =>
    Object.fromEntries(sarifLog(report).runs[0]!.results.map((r) => [(r as Result).properties.entry.name, (r as Result).partialFingerprints['bookfirstFinding/v1']]));

  it('survive edits above the finding, and change with the payment line', async () => {
    const root = makeProject(failingApp());
    const before = await scan({ root, threads: 0, checks: ['confirmation-record'] });
    writeFiles(root, insertBefore(failingApp(), CHECKOUT, 'export async function POST', '// Court checkout.', 'const CURRENCY = "eur";', ''));
    const moved = await scan({ root, threads: 0, checks: ['confirmation-record'] });
    expect(moved.checks[0]!.paths.find((p) => p.entry.file === CHECKOUT)!.payment.line).toBe(8);
    expect(fingerprints(moved)).toEqual(fingerprints(before));
    expect(Object.keys(fingerprints(before))).toEqual(['POST /api/checkout', 'POST /api/lessons']);
    writeFiles(root, { [CHECKOUT]: failingApp()[CHECKOUT]!.replace('const session = await', 'const checkout = await') });
    const changed = fingerprints(await scan({ root, threads: 0, checks: ['confirmation-record'] }));
    expect(changed['POST /api/checkout']).not.toBe(fingerprints(before)['POST /api/checkout']);
    expect(changed['POST /api/lessons']).toBe(fingerprints(before)['POST /api/lessons']);
  });

  it('number identical findings instead of repeating one', () => {
    const log = sarifLog(sampleReport([sampleCheck([samplePath(), samplePath()])]));
    expect(log.runs[0]!.results.map((r) => (r as Result).partialFingerprints.primaryLocationLineHash.split(':')[1])).toEqual(['1', '2']);
  });
});
