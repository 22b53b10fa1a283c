// The config file through the command line: an invalid file is a usage error (exit 2) naming the
// file and key path; per-check severity and off; flags override the file.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { runCli } from '../helpers/cli.js';
import { makeProject, writeFiles } from '../helpers/project.js';

const fixtures = 'fixtures/confirmation-record';
const severityFixture = `${fixtures}/invalid-config-check-severity-medium-drizzle-tbl-res-after-payment`;
const wrapperFixture = `${fixtures}/invalid-config-payment-wrapper-internal-sdk-booking-only-in-webhook`;

function scanJson(args: string[]): { status: number | null; report: Report | null; stderr: string } {
  const r = runCli(['scan', ...args, '--format', 'json']);
  return { status: r.status, report: r.stdout ? (JSON.parse(r.stdout) as Report) : null, stderr: r.stderr };
}

const record = (report: Report | null) => report?.checks.find((c) => c.id === 'confirmation-record');

/** A copy of a fixture with another config file. */
function withConfig(fixture: string, config: unknown, name = 'bookfirst.config.json'): string {
  const dir = makeProject({});
  fs.cpSync(fixture, dir, { recursive: true });
  fs.rmSync(path.join(dir, 'bookfirst.config.json'), { force: true });
  writeFiles(dir, { [name]: typeof config === 'string' ? config : JSON.stringify(config) });
  return dir;
}

describe('config file errors', () => {
  it('exit 2 with the file and every bad key path, before scanning', () => {
    const dir = withConfig(severityFixture, { exlude: ['x/**'], checks: { 'confirmation-record': { severity: 'hgh' } }, payments: [{ module: '@acme/pay' }] });
    const r = runCli(['scan', dir]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const file = path.join(dir, 'bookfirst.config.json');
    expect(r.stderr.split('\n').slice(0, 4)).toEqual([
      `bookfirst: invalid config ${file}:`,
      expect.stringMatching(/^ {2}exlude: unknown key \(did you mean "exclude"\?\)/),
      '  payments[0].call: is required',
      '  checks.confirmation-record.severity: must be a severity (did you mean "high"?): critical, high, medium, low, info (got "hgh")',
    ]);
  });

  it('exit 2 for a file that is not JSON, a missing --config file, and two config files', () => {
    const notJson = withConfig(severityFixture, '{ "failOn": "high", }');
    expect(runCli(['scan', notJson])).toMatchObject({ status: 2, stderr: expect.stringMatching(/invalid config .*bookfirst\.config\.json:\n {2}is not valid JSON: .*\(line 1, column 21\)/) });
    expect(runCli(['scan', severityFixture, '--config', 'no/such/file.json'])).toMatchObject({ status: 2, stderr: expect.stringContaining('invalid config no/such/file.json:\n  could not be read: ENOENT') });
    const both = withConfig(severityFixture, {}, '.bookfirst.json');
    writeFiles(both, { 'bookfirst.config.json': '{}' });
    expect(runCli(['scan', both])).toMatchObject({ status: 2, stderr: expect.stringContaining('both bookfirst.config.json and .bookfirst.json are present; keep one') });
  });
});

describe('per-check severity and off', () => {
  it('reports the configured severity, and failOn from the config decides the exit code', () => {
    // Only this check, so that other checks' verdicts on the fixture do not decide the exit code.
    const only = ['--check', 'confirmation-record'];
    const configured = scanJson([severityFixture, ...only]);
    expect(record(configured.report)).toMatchObject({ severity: 'medium', verdict: 'fail' });
    // failOn "high" in the config: a failing medium check does not fail the run.
    expect(configured.status).toBe(0);
    expect(scanJson([severityFixture, ...only, '--fail-on', 'medium']).status).toBe(1);
    const ignored = scanJson([severityFixture, '--no-config']);
    expect(record(ignored.report)).toMatchObject({ severity: 'high' });
  });

  it('leaves a check that is off out of the report, unless --check names it', () => {
    const dir = withConfig(severityFixture, { checks: { 'confirmation-record': 'off' } });
    expect(record(scanJson([dir]).report)).toBeUndefined();
    const named = scanJson([dir, '--check', 'confirmation-record']);
    expect(record(named.report)).toMatchObject({ verdict: 'fail', severity: 'high' });
    expect(named.status).toBe(1);
  });

  it('shows the configured severity in the text report too', () => {
    const r = runCli(['scan', severityFixture, '--check', 'confirmation-record', '--no-color']);
    expect(r.stdout).toContain('FAIL  confirmation-record  Booking record created before payment  [medium]');
  });
});

describe('flags override the config', () => {
  it('--no-config drops configured payment wrappers; --config reads another file', () => {
    expect(record(scanJson([wrapperFixture]).report)).toMatchObject({ verdict: 'fail', total: 1 });
    expect(record(scanJson([wrapperFixture, '--no-config']).report)).toMatchObject({ verdict: 'skip', skipReason: 'no-payment-integration' });
    const elsewhere = makeProject({ 'ci.json': JSON.stringify({ payments: [{ module: '@acme/pay', call: 'charge', provider: 'custom' }] }) });
    const other = record(scanJson([wrapperFixture, '--config', path.join(elsewhere, 'ci.json')]).report);
    expect(other?.paths.map((p) => `${p.payment.provider} ${p.payment.api} ${p.reason}`)).toEqual(['custom @acme/pay:charge no-booking-write']);
  });

  it('--include replaces the configured include, --exclude adds to the configured exclude', () => {
    const dir = withConfig(severityFixture, { include: ['src/db/**'] });
    const narrow = scanJson([dir]);
    expect(record(narrow.report)).toMatchObject({ verdict: 'skip', skipReason: 'no-payment-initiation-paths' });
    expect(narrow.report?.stats.files).toBe(2);
    const replaced = scanJson([dir, '--include', 'src/**']);
    expect(record(replaced.report)).toMatchObject({ verdict: 'fail' });
    expect(replaced.report?.stats.files).toBe(5);
    const excluded = withConfig(severityFixture, { exclude: ['src/index.ts'] });
    expect(scanJson([excluded]).report?.stats.files).toBe(4);
    expect(scanJson([excluded, '--exclude', 'src/lib/**']).report?.stats.files).toBe(3);
  });

  it('warns that a wrapper in a package of the workspace is followed into, not matched', () => {
    const dir = makeProject({
      'package.json': JSON.stringify({ name: 'shop', private: true, workspaces: ['packages/*'], dependencies: { stripe: '17.6.0' } }),
      'packages/pay/package.json': JSON.stringify({ name: '@acme/pay', main: 'src/index.ts', dependencies: { stripe: '17.6.0' } }),
      'packages/pay/src/index.ts': "export async function charge(amount: number) { return { id: String(amount) }; }\n",
      'bookfirst.config.json': JSON.stringify({ payments: [{ module: '@acme/pay', call: 'charge' }], bookingWrites: [{ module: '@acme/db', call: 'insert' }] }),
    });
    const r = scanJson([dir]);
    expect(r.report?.diagnostics.filter((d) => d.code.startsWith('config-')).map((d) => `${d.file} ${d.code} ${d.message}`)).toEqual([
      'bookfirst.config.json config-module-scanned payments[0].module @acme/pay is a package of this workspace (packages/pay): calls into it are followed into its code, so this entry matches nothing',
    ]);
  });

  it('says that a config file below the root is not read', () => {
    const dir = withConfig(severityFixture, {});
    writeFiles(dir, { 'src/bookfirst.config.json': '{ "checks": { "confirmation-record": "off" } }' });
    const r = scanJson([dir, '--verbose']);
    expect(record(r.report)).toBeDefined();
    expect(r.report?.diagnostics.filter((d) => d.code === 'config-not-root').map((d) => d.file)).toEqual(['src/bookfirst.config.json']);
  });
});
