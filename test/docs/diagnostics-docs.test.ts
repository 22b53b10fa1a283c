// docs/diagnostics.md lists every diagnostic code the scanner can emit, and no other: the codes are
// read from the source where diagnostics are made (a `code:` literal, or the code argument of the
// helpers that make them).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve('src');
const MADE = [
  /code: '([a-z]+(?:-[a-z]+)+|[a-z]+)'/g,
  /\bdiag\([^,()]+, '([a-z-]+)'/g,
  /\bwarning\([^,()]+, [^,()]+, '([a-z-]+)'/g,
  /parseConfig\(project, f, '([a-z-]+)'\)/g,
  /code: '[a-z-]+' \| '[a-z-]+'(?: \| '[a-z-]+')*/g,
];

function sourceCodes(): Set<string> {
  const out = new Set<string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) {
        const text = fs.readFileSync(p, 'utf8');
        for (const re of MADE) for (const m of text.matchAll(re)) for (const c of (m[1] ? [m[1]] : m[0].match(/'[a-z-]+'/g)!.map((x) => x.slice(1, -1)))) out.add(c);
      }
    }
  };
  walk(SRC);
  return out;
}

describe('docs/diagnostics.md', () => {
  it('documents every diagnostic code the source makes, and only those', () => {
    const doc = fs.readFileSync('docs/diagnostics.md', 'utf8');
    const documented = new Set([...doc.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]!));
    const made = sourceCodes();
    // Codes of read refusals travel in a variable (`code: read.code`): they are made in files/read.ts.
    expect([...made].sort()).toEqual(expect.arrayContaining(['binary', 'not-a-file', 'too-large', 'unreadable']));
    expect([...documented].sort()).toEqual([...made].sort());
  });
});
