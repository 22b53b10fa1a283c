// Every fixture project under fixtures/<check>/<valid-|invalid->name>/ is scanned and compared with
// the expected.json beside it. valid-* must not fail the check, invalid-* must fail it.
// UPDATE=1 rewrites expected.json files (review the diff: they are hand-checked expectations).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../src/index.js';
import { expectedView } from './helpers/expected.js';

const root = path.resolve(import.meta.dirname, '../fixtures');
const only = process.env.ONLY;

// Check folders hold valid-*/invalid-* projects; other folders (fixtures/flow) belong to other tests.
const isCaseDir = (dir: string, d: string) => /^(valid|invalid)-/.test(d) && fs.statSync(path.join(dir, d)).isDirectory();
const checkDirs = fs.readdirSync(root).filter((d) => {
  const dir = path.join(root, d);
  return fs.statSync(dir).isDirectory() && fs.readdirSync(dir).some((c) => isCaseDir(dir, c));
});

for (const check of checkDirs.sort()) {
  // ONLY=<part of a name> runs the matching fixtures (and leaves out suites with none).
  const cases = fs.readdirSync(path.join(root, check)).filter((d) => /^(valid|invalid)-/.test(d) && (!only || d.includes(only))).sort();
  if (cases.length === 0) continue;
  describe(check, () => {
    for (const name of cases) {
      it(name, async () => {
        const dir = path.join(root, check, name);
        const report = await scan({ root: dir, checks: [check] });
        const view = expectedView(report);
        const file = path.join(dir, 'expected.json');
        if (process.env.UPDATE) fs.writeFileSync(file, JSON.stringify(view, null, 2) + '\n');
        expect(fs.existsSync(file), `${name} has no expected.json (write it by hand from reading the fixture)`).toBe(true);
        expect(view).toEqual(JSON.parse(fs.readFileSync(file, 'utf8')));
        const verdict = report.checks.find((c) => c.id === check)?.verdict;
        if (name.startsWith('invalid-')) expect(verdict).toBe('fail');
        else expect(['pass', 'skip']).toContain(verdict);
      });
    }
  });
}
