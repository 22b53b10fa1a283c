// docs/recognizers/ is generated from the recognizer data (`npm run docs:recognizers`): regenerate
// it in memory and compare, so a recognizer changed without its page (or a stale page) fails here.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED_NOTE, recognizerPages } from '../../src/docs/recognizer-pages.js';
import type { Recognizer } from '../../src/recognizers/define.js';
import { RECOGNIZERS } from '../../src/recognizers/index.js';

const dir = path.resolve(import.meta.dirname, '../../docs/recognizers');
const HINT = 'docs/recognizers/ is out of step with the recognizer data: run `npm run docs:recognizers` and commit the result';

function onDisk(): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else out.set(child, fs.readFileSync(path.join(dir, child), 'utf8'));
    }
  };
  if (fs.existsSync(dir)) walk('');
  return out;
}

describe('recognizer reference pages', () => {
  const expected = recognizerPages(RECOGNIZERS);
  const actual = onDisk();

  it('has exactly one page per recognizer, plus the index', () => {
    expect([...actual.keys()].sort(), HINT).toEqual([...expected.keys()].sort());
  });

  for (const [rel, text] of expected) {
    it(`${rel} matches the data`, () => {
      expect(actual.get(rel), HINT).toBe(text);
    });
  }

  it('shows every field of the data, including ones added later', () => {
    const stripe = RECOGNIZERS.find((r) => r.id === 'stripe')!;
    const changed = { ...stripe, futureField: [{ call: 'x.y', flag: true }] } as unknown as Recognizer;
    const page = recognizerPages([changed]).get('providers/stripe.md')!;
    expect(page).toContain('## futureField');
    expect(page).toContain('| `x.y` | true |');
    expect(page).not.toBe(expected.get('providers/stripe.md'));
  });

  it('lists every operation, client and entity declaration of a recognizer', () => {
    for (const r of RECOGNIZERS) {
      const page = expected.get(`${r.kind}s/${r.id}.md`)!;
      expect(page.startsWith(GENERATED_NOTE)).toBe(true);
      expect(page).toContain(r.docs);
      const calls = r.kind === 'provider' ? r.operations.map((o) => o.call) : r.kind === 'store' ? [...r.writes, ...r.reads, ...(r.updates ?? [])].map((o) => o.call) : [];
      for (const call of calls) expect(page, `${r.id}: ${call}`).toContain(`\`${call.replace(/\|/g, '\\|')}\``);
      if (r.kind === 'store') for (const e of r.entities ?? []) expect(page, `${r.id}: ${e.path}`).toContain(`\`${e.path}\``);
    }
  });

  it('links every page from the index', () => {
    const index = expected.get('README.md')!;
    for (const r of RECOGNIZERS) expect(index).toContain(`(${r.kind}s/${r.id}.md)`);
  });
});
