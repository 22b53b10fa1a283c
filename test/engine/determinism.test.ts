// Two scans of the same tree give byte-identical JSON apart from timings, whatever the worker
// scheduling, and a check's result does not depend on which other checks ran in the same scan.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error the benchmark's corpus generator is plain JavaScript
import { generate } from '../../bench/generate.js';
import { CHECKS } from '../../src/checks/index.js';
import type { Report } from '../../src/model/report.js';
import { scan } from '../../src/index.js';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures');
let root: string;

/** The report as bytes, timing left out. */
const bytes = (r: Report) => JSON.stringify({ ...r, stats: { ...r.stats, durationMs: 0 } }, null, 2);

beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'bookfirst-determinism-'));
  // A synthetic monorepo, and every check's fixture projects side by side in one tree.
  (generate as (dir: string, files: number) => void)(path.join(root, 'corpus'), 600);
  for (const check of fs.readdirSync(fixtures)) {
    if (check === 'flow') continue;
    fs.cpSync(path.join(fixtures, check), path.join(root, 'apps', check), { recursive: true });
  }
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('determinism', () => {
  it('is byte-identical across worker counts and repeated runs', async () => {
    const reports = [];
    for (const threads of [0, 1, 2, 3, 2]) reports.push(bytes(await scan({ root, threads })));
    expect(JSON.parse(reports[0]!).checks.some((c: { paths: unknown[] }) => c.paths.length > 100)).toBe(true);
    for (const r of reports.slice(1)) expect(r).toBe(reports[0]);
  }, 240_000);

  it('lists paths and diagnostics in a stable order', async () => {
    const report = await scan({ root });
    const key = (d: { file: string; line: number }) => `${d.file}\u0000${String(d.line).padStart(8, '0')}`;
    const files = report.diagnostics.map(key);
    expect(files).toEqual([...files].sort());
    for (const check of report.checks) {
      const paths = check.paths.map((p) => key(p.entry) + key(p.payment));
      expect(paths).toEqual([...paths].sort());
    }
  }, 120_000);

  it("gives each check the same result alone as with every other check", async () => {
    const all = await scan({ root });
    for (const check of CHECKS) {
      const alone = await scan({ root, checks: [check.id] });
      expect(JSON.stringify(alone.checks[0])).toBe(JSON.stringify(all.checks.find((c) => c.id === check.id)));
    }
  }, 240_000);
});
