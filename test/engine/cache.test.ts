// `--cache`: a re-scan reuses what did not change and reports exactly what a cold scan reports.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/model/report.js';
import { scan } from '../../src/index.js';
import { passingApp, runCli } from '../helpers/cli.js';
import { makeProject } from '../helpers/project.js';

const app: Record<string, string> = {
  ...passingApp,
  // Nothing payment or booking code depends on: parsed thin.
  'src/components/Banner.tsx': 'export function Banner({ text }: { text: string }) {\n  return <p className="banner">{text}</p>;\n}\n',
};

const sourceCount = Object.keys(app).filter((f) => /\.[jt]sx?$/.test(f)).length;
/** How many files the scan analyzed in full, from its stage names. */
const fullCount = (stages: string[]) => Number(/relevance \((\d+) of/.exec(stages.find((s) => s.startsWith('relevance')) ?? '')?.[1]);

/** The report without its timing, as text: what two scans must agree on byte for byte. */
const stable = (r: Report) => JSON.stringify({ ...r, stats: { ...r.stats, durationMs: 0 } });

async function scanWithStages(root: string, cache: string | undefined) {
  const stages: string[] = [];
  const report = await scan({ root, cache, onStage: (s) => stages.push(s) });
  return { report, stages };
}

/** Rewrites a file and moves its mtime, so the cache cannot mistake it for the old one. */
function edit(root: string, rel: string, change: (text: string) => string): void {
  const abs = path.join(root, rel);
  fs.writeFileSync(abs, change(fs.readFileSync(abs, 'utf8')));
  const later = new Date(Date.now() + 5000);
  fs.utimesSync(abs, later, later);
}

describe('scan cache', () => {
  it('a warm scan reads and parses nothing, reuses the analysis, and reports what the cold one did', async () => {
    const root = makeProject(app);
    const cacheDir = path.join(root, '.bookfirst-cache');
    const cold = await scanWithStages(root, cacheDir);
    expect(cold.stages).toContain(`text pass (${sourceCount} files read)`);
    expect(fs.existsSync(path.join(cacheDir, 'files.json'))).toBe(true);
    const warm = await scanWithStages(root, cacheDir);
    expect(warm.stages).toEqual(expect.arrayContaining(['text pass (0 files read)', 'parse (0 files)', 'analysis (from the cache)']));
    expect(stable(warm.report)).toBe(stable(cold.report));
    expect(stable(warm.report)).toBe(stable(await scan({ root })));
  });

  it('an edit to a file the analysis never reads re-parses that file only and keeps the check results', async () => {
    const root = makeProject(app);
    const cacheDir = path.join(root, '.bookfirst-cache');
    await scan({ root, cache: cacheDir });
    edit(root, 'src/components/Banner.tsx', (t) => t.replace('banner', 'banner banner--wide'));
    const warm = await scanWithStages(root, cacheDir);
    expect(warm.stages).toEqual(expect.arrayContaining(['text pass (1 files read)', 'parse (1 files)', 'analysis (from the cache)']));
    expect(stable(warm.report)).toBe(stable(await scan({ root })));
  });

  it('an edit to a payment file is analyzed again: the cached verdict does not survive it', async () => {
    const root = makeProject(app);
    const cacheDir = path.join(root, '.bookfirst-cache');
    const before = await scan({ root, cache: cacheDir });
    expect(before.checks.find((c) => c.id === 'confirmation-record')?.verdict).toBe('pass');
    // The booking write goes; the payment stays.
    edit(root, 'src/app/api/checkout/route.ts', (t) => t.replace(/const booking = await db\.booking\.create\([^\n]*\n/, "const booking = { id: 'later' };\n"));
    const warm = await scanWithStages(root, cacheDir);
    expect(warm.stages).not.toContain('analysis (from the cache)');
    // The other files analyzed in full come from the kept parses.
    expect(warm.stages).toContain('parse (1 files)');
    expect(warm.report.checks.find((c) => c.id === 'confirmation-record')?.verdict).toBe('fail');
    expect(stable(warm.report)).toBe(stable(await scan({ root })));
  });

  it('damaged kept parses cost a re-parse, not a wrong answer', async () => {
    const root = makeProject(app);
    const cacheDir = path.join(root, '.bookfirst-cache');
    const cold = await scanWithStages(root, cacheDir);
    fs.writeFileSync(path.join(cacheDir, 'parsed.json'), '\u0000\u0001 not json');
    edit(root, 'src/app/api/checkout/route.ts', (t) => t.replace("status: 'PENDING'", "status: 'HELD'"));
    const warm = await scanWithStages(root, cacheDir);
    expect(fullCount(cold.stages)).toBeGreaterThan(1);
    expect(warm.stages).toContain(`parse (${fullCount(cold.stages)} files)`);
    expect(warm.report.diagnostics.map((d) => d.message)).toEqual(['parts of the cache were damaged and were ignored (the kept parses); they are rebuilt by this scan']);
    expect(stable({ ...warm.report, diagnostics: [] })).toBe(stable(await scan({ root })));
  });

  it('a file touched but not changed is read again and not parsed again', async () => {
    const root = makeProject(app);
    const cacheDir = path.join(root, '.bookfirst-cache');
    await scan({ root, cache: cacheDir });
    edit(root, 'src/lib/stripe.ts', (t) => t);
    const warm = await scanWithStages(root, cacheDir);
    expect(warm.stages).toEqual(expect.arrayContaining(['text pass (1 files read)', 'parse (0 files)', 'analysis (from the cache)']));
  });

  it('a new or deleted file is noticed', async () => {
    const root = makeProject(app);
    const cacheDir = path.join(root, '.bookfirst-cache');
    await scan({ root, cache: cacheDir });
    fs.rmSync(path.join(root, 'src/app/api/checkout/route.ts'));
    const warm = await scan({ root, cache: cacheDir });
    expect(warm.checks.find((c) => c.id === 'confirmation-record')?.total).toBe(0);
    expect(stable(warm)).toBe(stable(await scan({ root })));
  });

  it('valid JSON of the wrong shape (a hand-edited cache) is ignored part by part, never trusted', async () => {
    const root = makeProject(app);
    const cacheDir = path.join(root, '.bookfirst-cache');
    await scan({ root, cache: cacheDir });
    const keptFile = path.join(cacheDir, 'parsed.json');
    const kept = JSON.parse(fs.readFileSync(keptFile, 'utf8'));
    for (const f of Object.keys(kept.files)) kept.files[f].result = { ir: { file: f }, diagnostics: [] };
    fs.writeFileSync(keptFile, JSON.stringify(kept));
    const tableFile = path.join(cacheDir, 'files.json');
    const table = JSON.parse(fs.readFileSync(tableFile, 'utf8'));
    table.analysisKey = null;
    table.notes = { 'src/app/api/checkout/route.ts': { diagnostics: 'none' } };
    fs.writeFileSync(tableFile, JSON.stringify(table));
    const damaged = await scan({ root, cache: cacheDir });
    expect(damaged.diagnostics.filter((d) => d.code === 'cache-ignored').map((d) => d.message)).toEqual([
      'parts of the cache were damaged and were ignored (a kept parse, parse notes); they are rebuilt by this scan',
    ]);
    expect(stable({ ...damaged, diagnostics: [] })).toBe(stable({ ...(await scan({ root })), diagnostics: [] }));
    expect((await scan({ root, cache: cacheDir })).diagnostics.some((d) => d.code === 'cache-ignored')).toBe(false);
  });

  it('a file table with a cell of the wrong type is ignored whole, with a warning', async () => {
    const root = makeProject(app);
    const cacheDir = path.join(root, '.bookfirst-cache');
    await scan({ root, cache: cacheDir });
    const tableFile = path.join(cacheDir, 'files.json');
    const table = JSON.parse(fs.readFileSync(tableFile, 'utf8'));
    table.specifiers[0] = 42;
    fs.writeFileSync(tableFile, JSON.stringify(table));
    const damaged = await scan({ root, cache: cacheDir });
    expect(damaged.diagnostics.filter((d) => d.code === 'cache-ignored').map((d) => d.message)).toEqual(['the cache was ignored (not a bookfirst cache); it is rebuilt by this scan']);
    expect(damaged.checks).toEqual((await scan({ root })).checks);
  });

  it('a corrupt cache is ignored with a warning, and rebuilt', async () => {
    const root = makeProject(app);
    const cacheDir = path.join(root, '.bookfirst-cache');
    fs.mkdirSync(cacheDir);
    fs.writeFileSync(path.join(cacheDir, 'files.json'), '{"format": 3, "fingerprint": "x", "paths": [');
    const first = await scan({ root, cache: cacheDir });
    expect(first.diagnostics.filter((d) => d.code === 'cache-ignored').map((d) => [d.file, d.severity])).toEqual([['.bookfirst-cache/files.json', 'warning']]);
    const cold = await scan({ root });
    expect(first.checks).toEqual(cold.checks);
    const second = await scanWithStages(root, cacheDir);
    expect(second.report.diagnostics.some((d) => d.code === 'cache-ignored')).toBe(false);
    expect(second.stages).toContain('analysis (from the cache)');
  });

  it('a cache that is not a bookfirst cache, or one from another build, is ignored with a diagnostic', async () => {
    const root = makeProject(app);
    const cacheDir = path.join(root, '.bookfirst-cache');
    fs.mkdirSync(cacheDir);
    const file = path.join(cacheDir, 'files.json');
    fs.writeFileSync(file, JSON.stringify({ hello: 'world' }));
    expect((await scan({ root, cache: cacheDir })).diagnostics.find((d) => d.code === 'cache-ignored')?.message).toMatch(/not a bookfirst cache/);
    const stored = JSON.parse(fs.readFileSync(file, 'utf8'));
    fs.writeFileSync(file, JSON.stringify({ ...stored, fingerprint: 'an older build' }));
    const stale = await scan({ root, cache: cacheDir });
    expect(stale.diagnostics.find((d) => d.code === 'cache-ignored')).toMatchObject({ severity: 'info', message: expect.stringMatching(/another version/) });
  });

  it('a re-scan after a few edits writes journals beside the big files, and reads them back', async () => {
    const root = makeProject(app);
    const cacheDir = path.join(root, '.bookfirst-cache');
    await scan({ root, cache: cacheDir });
    const table = fs.readFileSync(path.join(cacheDir, 'files.json'), 'utf8');
    const kept = fs.readFileSync(path.join(cacheDir, 'parsed.json'), 'utf8');
    edit(root, 'src/app/api/checkout/route.ts', (t) => t.replace("status: 'PENDING'", "status: 'HELD'"));
    const edited = await scanWithStages(root, cacheDir);
    expect(edited.stages).not.toContain('analysis (from the cache)');
    // The big files are as the cold scan wrote them; what changed is in their journals.
    expect(fs.readFileSync(path.join(cacheDir, 'files.json'), 'utf8')).toBe(table);
    expect(fs.readFileSync(path.join(cacheDir, 'parsed.json'), 'utf8')).toBe(kept);
    expect(JSON.parse(fs.readFileSync(path.join(cacheDir, 'files.changes.json'), 'utf8')).paths).toEqual(['src/app/api/checkout/route.ts']);
    expect(Object.keys(JSON.parse(fs.readFileSync(path.join(cacheDir, 'parsed.changes.json'), 'utf8')).files)).toEqual(['src/app/api/checkout/route.ts']);
    // Read back: nothing to read or parse, the analysis reused, the report a cold scan's.
    const warm = await scanWithStages(root, cacheDir);
    expect(warm.stages).toEqual(expect.arrayContaining(['text pass (0 files read)', 'parse (0 files)', 'analysis (from the cache)']));
    expect(stable(warm.report)).toBe(stable(await scan({ root })));
    // Another edit to an analyzed file: the kept parse of the first comes from the journal.
    edit(root, 'src/lib/stripe.ts', (t) => `${t}\nexport const currency = 'eur';\n`);
    const again = await scanWithStages(root, cacheDir);
    expect(again.stages).toContain('parse (1 files)');
    expect(stable(again.report)).toBe(stable(await scan({ root })));
  });

  it('a journal left by another write of its file is not applied; a damaged one is reported and replaced', async () => {
    const root = makeProject(app);
    const cacheDir = path.join(root, '.bookfirst-cache');
    await scan({ root, cache: cacheDir });
    edit(root, 'src/app/api/checkout/route.ts', (t) => t.replace("status: 'PENDING'", "status: 'HELD'"));
    await scan({ root, cache: cacheDir });
    const journalFile = path.join(cacheDir, 'files.changes.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8'));
    // Its row has the file's size and mtime but says it holds no payment code: applied, it would hide the route.
    expect(journal.paths).toEqual(['src/app/api/checkout/route.ts']);
    fs.writeFileSync(journalFile, JSON.stringify({ ...journal, generation: 'an earlier write', seeds: [0], specifiers: [''], modes: [1] }));
    const other = await scan({ root, cache: cacheDir });
    expect(other.diagnostics.some((d) => d.code === 'cache-ignored')).toBe(false);
    expect(stable(other)).toBe(stable(await scan({ root })));
    fs.writeFileSync(journalFile, '{"format": 4, "paths": [');
    const damaged = await scan({ root, cache: cacheDir });
    expect(damaged.diagnostics.filter((d) => d.code === 'cache-ignored').map((d) => d.message)).toEqual([
      'parts of the cache were damaged and were ignored (a journal); they are rebuilt by this scan',
    ]);
    expect(stable({ ...damaged, diagnostics: [] })).toBe(stable({ ...(await scan({ root })), diagnostics: [] }));
    const mended = await scanWithStages(root, cacheDir);
    expect(mended.report.diagnostics.some((d) => d.code === 'cache-ignored')).toBe(false);
    expect(mended.stages).toContain('analysis (from the cache)');
  });

  it('a journal that grows past its limit is folded into its file', async () => {
    const many: Record<string, string> = { ...app };
    for (let i = 0; i < 120; i++) many[`src/components/Tile${i}.tsx`] = `export const Tile${i} = () => <p>${i}</p>;\n`;
    const root = makeProject(many);
    const cacheDir = path.join(root, '.bookfirst-cache');
    await scan({ root, cache: cacheDir });
    for (let i = 0; i < 120; i++) edit(root, `src/components/Tile${i}.tsx`, (t) => t.replace('<p>', '<p className="tile">'));
    const folded = await scan({ root, cache: cacheDir });
    expect(fs.existsSync(path.join(cacheDir, 'files.changes.json'))).toBe(false);
    expect(JSON.parse(fs.readFileSync(path.join(cacheDir, 'files.json'), 'utf8')).paths).toContain('src/components/Tile7.tsx');
    const warm = await scanWithStages(root, cacheDir);
    expect(warm.stages).toContain('text pass (0 files read)');
    expect(stable(warm.report)).toBe(stable(folded));
  });

  it('bookfirst scan --cache keeps the cache under the scanned root; --cache-location elsewhere', () => {
    const root = makeProject(app);
    const run = runCli(['scan', root, '--cache', '--check', 'confirmation-record', '--format', 'json']);
    expect(run.status).toBe(0);
    expect(fs.existsSync(path.join(root, '.bookfirst-cache', 'files.json'))).toBe(true);
    const elsewhere = makeProject({});
    const moved = runCli(['scan', root, '--cache-location', path.join(elsewhere, 'c'), '--check', 'confirmation-record', '--format', 'json']);
    expect(moved.status).toBe(0);
    expect(fs.existsSync(path.join(elsewhere, 'c', 'files.json'))).toBe(true);
    expect(JSON.parse(moved.stdout).checks).toEqual(JSON.parse(run.stdout).checks);
  });
});
