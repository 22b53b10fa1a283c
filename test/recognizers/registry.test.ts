// The registries stay honest: every recognizer and check file is registered, named after its id,
// and every recognizer opens with a link to the vendor's documentation.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../src/checks/index.js';
import { RECOGNIZERS } from '../../src/recognizers/index.js';

const src = path.resolve(import.meta.dirname, '../../src');
const folders = { provider: 'providers', store: 'stores', framework: 'frameworks' } as const;

describe('recognizer registry', () => {
  for (const [kind, folder] of Object.entries(folders)) {
    const files = fs.readdirSync(path.join(src, 'recognizers', folder)).filter((f) => f.endsWith('.ts')).sort();
    it(`registers every ${kind} file under its own id`, () => {
      const ids = RECOGNIZERS.filter((r) => r.kind === kind).map((r) => r.id).sort();
      expect(ids).toEqual(files.map((f) => f.replace(/\.ts$/, '')).sort());
    });
    for (const file of files) {
      it(`${folder}/${file} opens with a link to the vendor docs`, () => {
        const first = fs.readFileSync(path.join(src, 'recognizers', folder, file), 'utf8').split('\n')[0]!;
        expect(first).toMatch(/^\/\/ .*https:\/\//);
        const r = RECOGNIZERS.find((x) => x.id === file.replace(/\.ts$/, ''))!;
        expect(first).toContain(new URL(r.docs).host);
      });
    }
  }

  it('keeps the list sorted by kind folder, then id', () => {
    const order = ['framework', 'provider', 'store'];
    const keys = RECOGNIZERS.map((r) => `${order.indexOf(r.kind)}:${r.id}`);
    expect(keys).toEqual([...keys].sort());
  });

  it('gives every provider and store a remediation example', () => {
    for (const r of RECOGNIZERS) if (r.kind !== 'framework') expect(r.example, r.id).toBeTruthy();
  });
});

describe('check registry', () => {
  it('registers every check file under its own id', () => {
    const files = fs.readdirSync(path.join(src, 'checks')).filter((f) => f.endsWith('.ts') && !['define.ts', 'index.ts', 'remediation.ts'].includes(f));
    expect(CHECKS.map((c) => c.id).sort()).toEqual(files.map((f) => f.replace(/\.ts$/, '')).sort());
  });
});
