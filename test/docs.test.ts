// Every check has a page in docs/checks and every page a check; each page's front matter agrees
// with the check's definition, and every example project on it is scanned: incorrect ones must
// fail the check, correct ones must pass it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../src/checks/index.js';
import { scan } from '../src/index.js';
import { makeProject } from './helpers/project.js';

const docs = path.resolve(import.meta.dirname, '../docs/checks');
const pages = fs.readdirSync(docs).filter((f) => f.endsWith('.md')).sort();

interface Example {
  title: string;
  correct: boolean;
  /** From a "Reported as `<reason>`" line under the heading. */
  reason: string | null;
  files: Record<string, string>;
}

function frontMatter(text: string): Record<string, string> {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!m) return {};
  return Object.fromEntries(m[1]!.split('\n').map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}

const list = (value: string | undefined) => (value ?? '').replace(/^\[|\]$/g, '').split(',').map((s) => s.trim()).filter(Boolean);

/** `### Incorrect: ...` / `### Correct: ...` under `## Examples`, each file a path line then a fence. */
function examples(text: string): Example[] {
  const section = text.split(/^## /m).find((s) => s.startsWith('Examples')) ?? '';
  const out: Example[] = [];
  let current: Example | null = null;
  const lines = section.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = /^### (Incorrect|Correct)\b:?\s*(.*)$/.exec(line);
    if (heading) {
      current = { title: heading[2] || heading[1]!, correct: heading[1] === 'Correct', reason: null, files: {} };
      out.push(current);
      continue;
    }
    const reported = /^Reported as `([a-z-]+)`/.exec(line);
    if (reported && current) current.reason = reported[1]!;
    const file = /^`([^`\s]+)`$/.exec(line);
    if (file && current && lines[i + 1]?.startsWith('```')) {
      const end = lines.findIndex((l, j) => j > i + 1 && l.startsWith('```'));
      current.files[file[1]!] = lines.slice(i + 2, end).join('\n') + '\n';
      i = end;
    }
  }
  return out;
}

describe('check pages', () => {
  it('every check has a page and every page a check', () => {
    expect(pages.map((p) => p.replace(/\.md$/, ''))).toEqual(CHECKS.map((c) => c.id).sort());
  });

  for (const page of pages) {
    const text = fs.readFileSync(path.join(docs, page), 'utf8');
    const check = CHECKS.find((c) => `${c.id}.md` === page);

    it(`${page} has front matter matching the check and every section`, () => {
      const meta = frontMatter(text);
      expect(meta.id).toBe(check?.id);
      expect(meta.severity).toBe(check?.severity);
      expect(meta.catalog).toBe(check?.catalogId);
      expect(list(meta.cwe)).toEqual(check?.cwe);
      expect(list(meta.related).length).toBeGreaterThan(0);
      const sections = [...text.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
      expect(sections).toEqual(['What it finds', 'Why it matters', 'Examples', 'Options', 'Known limits', 'When not to use it']);
    });

    const found = examples(text);
    it(`${page} has incorrect and correct multi-file examples`, () => {
      expect(found.filter((e) => !e.correct).length).toBeGreaterThan(0);
      expect(found.filter((e) => e.correct).length).toBeGreaterThan(0);
      for (const e of found) {
        expect(Object.keys(e.files).length, e.title).toBeGreaterThan(1);
        expect(e.reason, `${e.title} says what it is reported as`).not.toBeNull();
      }
    });

    for (const example of found) {
      it(`${page}: ${example.correct ? 'correct' : 'incorrect'} example "${example.title}" ${example.correct ? 'passes' : 'fails'}`, async () => {
        const root = makeProject(example.files, 'bookfirst-doc-');
        const report = await scan({ root, checks: [check!.id], threads: 0 });
        const result = report.checks[0]!;
        expect(result.verdict, JSON.stringify(result.paths.map((p) => [p.status, p.reason]))).toBe(example.correct ? 'pass' : 'fail');
        expect(result.total).toBeGreaterThan(0);
        if (example.reason) expect(result.paths.map((p) => p.reason)).toContain(example.reason);
      });
    }
  }
});
