// What CI relies on: every format through -o with the same exit code, --check, --fail-on,
// `render` from a saved JSON report, and a progress line only on a terminal and only when slow.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Progress } from '../../src/cli/progress.js';
import { FORMATS } from '../../src/report/render.js';
import { repoRoot, runCli } from '../helpers/cli.js';
import { makeProject } from '../helpers/project.js';

const example = 'examples/pitch-booking';

describe('formats and -o', () => {
  const dir = makeProject({});

  it('writes each format to the -o file, nothing to stdout, with the same exit code', () => {
    for (const format of FORMATS) {
      const out = path.join(dir, `report.${format}`);
      const r = runCli(['scan', example, '--format', format, '-o', out]);
      expect([r.status, r.stdout, r.stderr], `${format} ${r.stderr}`).toEqual([1, '', '']);
      expect(fs.readFileSync(out, 'utf8'), format).toMatch(/1 of 2|"passed": 1/);
    }
  });

  it('render turns a saved JSON report into any format, the same as scanning to it', () => {
    const json = path.join(dir, 'saved.json');
    runCli(['scan', example, '--format', 'json', '-o', json]);
    for (const format of ['markdown', 'sarif', 'auditbuffet'] as const) {
      const rendered = runCli(['render', json, '--format', format]);
      expect(rendered.status, format).toBe(0);
      const scanned = runCli(['scan', example, '--format', format]);
      expect(rendered.stdout, `${format} ${scanned.status} ${scanned.signal} ${scanned.stderr} ${scanned.ms}`).toBe(scanned.stdout);
    }
    const html = path.join(dir, 'saved.html');
    expect(runCli(['render', json, '--format', 'html', '-o', html, '--link-base', 'https://example.test/blob/main']).status).toBe(0);
    expect(fs.readFileSync(html, 'utf8')).toContain('href="https://example.test/blob/main/examples/pitch-booking/src/app/api/checkout/route.ts#L7"');
  });

  it('render refuses what is not a bookfirst JSON report, and scan-only options', () => {
    const bad = path.join(dir, 'bad.json');
    fs.writeFileSync(bad, '{"hello": 1}');
    const cases: [string[], RegExp][] = [
      [['render', bad], /is not a bookfirst JSON report/],
      [['render', path.join(dir, 'none.json')], /cannot read report .*ENOENT/],
      [['render'], /render needs a JSON report/],
      [['render', bad, '--check', 'confirmation-record'], /--check applies to scan, not render/],
    ];
    for (const [args, message] of cases) {
      const r = runCli(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(message);
    }
  });
});

describe('--check and --fail-on', () => {
  it('--check is repeatable; each id runs once, an unknown one is a usage error', () => {
    const twice = JSON.parse(runCli(['scan', example, '--format', 'json', '--check', 'confirmation-record', '--check=confirmation-record']).stdout);
    expect(twice.checks.map((c: { id: string }) => c.id)).toEqual(['confirmation-record']);
    const r = runCli(['scan', example, '--check', 'confirmation-record', '--check', 'nope']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown check: nope \(known: confirmation-record/);
  });

  it('--fail-on sets the lowest severity that fails: the example fails a high check', () => {
    const codes = ['critical', 'high', 'medium', 'low', 'info'].map((s) => runCli(['scan', example, '--check', 'confirmation-record', '--fail-on', s, '--format', 'json']).status);
    expect(codes).toEqual([0, 1, 1, 1, 1]);
  });

  it('--help documents formats, baselines, suppressions and exit codes', () => {
    const help = runCli(['--help']).stdout;
    for (const text of ['sarif, markdown, html, auditbuffet', '--baseline <file>', '--write-baseline <file>', '--link-base <url>', 'bookfirst-ignore', '--check <id>', 'repeatable', '--fail-on', 'Exit codes: 0']) {
      expect(help).toContain(text);
    }
  });
});

describe('progress line', () => {
  it('draws only on a TTY, only after the delay, and erases itself', () => {
    let now = 0;
    const written: string[] = [];
    const tty = new Progress({ isTTY: true, write: (s: string) => written.push(s) }, 'app', { now: () => now, tickMs: 0 });
    tty.finished('parse');
    expect(written).toEqual([]);
    now = 1500;
    tty.finished('facts round 0');
    expect(written).toEqual(['\r\u001b[2Kbookfirst: scanning app: building the call graph (1.5 s)']);
    // Stages named with details for the timing log are known by their name.
    tty.finished('parse (812 files)');
    expect(written.at(-1)).toContain('recognizing payment and booking calls');
    tty.finished('check refund-logic');
    expect(written.at(-1)).toContain('running checks');
    tty.stop();
    expect(written.at(-1)).toBe('\r\u001b[2K');

    const quiet: string[] = [];
    const pipe = new Progress({ isTTY: false, write: (s: string) => quiet.push(s) }, 'app', { now: () => now + 5000, tickMs: 0 });
    pipe.finished('parse');
    pipe.stop();
    expect(quiet).toEqual([]);
  });

  it('stays silent on a fast scan, even on a terminal', () => {
    const shown: string[] = [];
    const p = new Progress({ isTTY: true, write: (s: string) => shown.push(s) }, 'app', { tickMs: 0 });
    p.finished('checks');
    p.stop();
    expect(shown).toEqual([]);
  });

  // The whole fixtures tree is one slow scan (hundreds of apps in one program): its budget is generous, as speed is not what is tested.
  it('never reaches stderr when it is not a terminal, even on a slow scan', () => {
    const r = runCli(['scan', 'fixtures', '--format', 'json'], { timeoutMs: 170_000 });
    expect(r.ms).toBeGreaterThan(1000);
    expect(r.stderr).toBe('');
    JSON.parse(r.stdout);
  }, 180_000);

  // `script` (util-linux) runs the command under a pseudo-terminal, so stderr is a TTY.
  it('shows on a terminal for a scan over a second, and stays out of the -o file', () => {
    const out = path.join(makeProject({}), 'report.json');
    const started = Date.now();
    const tty = spawnSync('script', ['-qec', `${JSON.stringify(process.execPath)} bin/bookfirst.js scan fixtures --format json -o ${JSON.stringify(out)}`, '/dev/null'], {
      cwd: repoRoot, encoding: 'utf8', timeout: 170_000, env: { ...process.env, NO_COLOR: '' },
    });
    expect(Date.now() - started).toBeGreaterThan(1000);
    expect(tty.stdout).toContain('bookfirst: scanning fixtures:');
    expect(tty.stdout).toMatch(/\(\d+\.\d s\)/);
    const report = fs.readFileSync(out, 'utf8');
    expect(report).not.toContain('scanning');
    JSON.parse(report);
  }, 180_000);
});
