// The GitHub Action: action.yml is a composite action whose steps install, scan and upload SARIF
// even when the scan fails; its scan script, run as Actions runs it, writes SARIF, the job
// summary and the outputs, and passes the scan's exit code on.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../helpers/cli.js';
import { makeProject } from '../helpers/project.js';

interface Step { name?: string; id?: string; uses?: string; run?: string; if?: string; with?: Record<string, string>; env?: Record<string, string> }

const action = parse(fs.readFileSync(path.join(repoRoot, 'action.yml'), 'utf8')) as {
  name: string; inputs: Record<string, { default?: string }>; outputs: Record<string, { value: string }>; runs: { using: string; steps: Step[] };
};

function runAction(env: Record<string, string>) {
  const dir = makeProject({});
  const files = { GITHUB_OUTPUT: path.join(dir, 'output'), GITHUB_STEP_SUMMARY: path.join(dir, 'summary.md') };
  const r = spawnSync('bash', [path.join(repoRoot, 'action/scan.sh')], {
    cwd: repoRoot, encoding: 'utf8', timeout: 60_000,
    env: { ...process.env, ACTION_PATH: repoRoot, RUNNER_TEMP: dir, INPUT_SARIF_FILE: path.join(dir, 'bookfirst.sarif'), LINK_BASE: 'https://github.com/acme/courts/blob/abc123', ...files, ...env },
  });
  const read = (f: string) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8') : '');
  return { status: r.status, stderr: r.stderr, stdout: r.stdout, output: read(files.GITHUB_OUTPUT), summary: read(files.GITHUB_STEP_SUMMARY), sarif: read(path.join(dir, 'bookfirst.sarif')) };
}

describe('action.yml', () => {
  const steps = action.runs.steps;

  it('is a composite action that installs, scans, and uploads SARIF even when the scan fails', () => {
    expect(action.runs.using).toBe('composite');
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    expect(upload?.uses).toBe('github/codeql-action/upload-sarif@v3');
    expect(upload?.if).toMatch(/^always\(\) && /);
    expect(upload?.with?.sarif_file).toBe('${{ steps.scan.outputs.sarif-file }}');
    const scanStep = steps.find((s) => s.id === 'scan')!;
    expect(scanStep.run).toContain('action/scan.sh');
    expect(steps.indexOf(scanStep)).toBeLessThan(steps.indexOf(upload!));
    expect(steps.some((s) => s.run?.includes('npm ci'))).toBe(true);
  });

  it('passes every input it declares to the scan step', () => {
    const env = steps.find((s) => s.id === 'scan')!.env!;
    for (const name of ['path', 'fail-on', 'checks', 'baseline', 'sarif-file', 'summary', 'version']) {
      expect(action.inputs[name], name).toBeDefined();
      expect(Object.values(env), name).toContain(`\${{ inputs.${name} }}`);
    }
    expect(action.outputs['exit-code']!.value).toBe('${{ steps.scan.outputs.exit-code }}');
  });
});

describe('action/scan.sh', () => {
  it('writes SARIF, the Markdown job summary and its outputs, and exits with the scan code', () => {
    const r = runAction({ INPUT_PATH: 'examples/pitch-booking' });
    expect(r.status, r.stderr).toBe(1);
    expect(r.output).toMatch(/^exit-code=1$/m);
    expect(r.output).toMatch(/^sarif-file=.*bookfirst\.sarif$/m);
    // One failing path each for confirmation-record, failure-handling, payment-booking-coupling and payment-capture-timing.
    expect(JSON.parse(r.sarif).runs[0].results.map((x: { ruleId: string }) => x.ruleId)).toEqual(['confirmation-record', 'failure-handling', 'payment-booking-coupling', 'payment-capture-timing']);
    expect(r.summary).toContain('## bookfirst: 4 of 6 checks failing');
    expect(r.summary).toContain('(https://github.com/acme/courts/blob/abc123/examples/pitch-booking/src/app/api/checkout/route.ts#L7)');
  });

  it('honours fail-on and checks', () => {
    const r = runAction({ INPUT_PATH: 'examples/pitch-booking', INPUT_FAIL_ON: 'critical', INPUT_CHECKS: 'confirmation-record' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.output).toMatch(/^exit-code=0$/m);
  });

  it('stops with exit code 2 and no SARIF when the scan cannot run', () => {
    const r = runAction({ INPUT_PATH: 'no/such/dir' });
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('::error title=bookfirst::');
    expect(r.output).not.toContain('sarif-file=');
    expect(r.sarif).toBe('');
  });
});
