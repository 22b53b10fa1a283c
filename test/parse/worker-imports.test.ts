// The parser worker starts with every scan and a re-scan waits for it: it must load the parse and
// what the parse needs, never the recognizers, the analysis or the checks (a stray import of the
// config module once tripled its start-up and cost every fixture scan 150 ms).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve('src');

/** Every module of src a module imports, transitively (type-only imports load nothing). */
function loaded(start: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(?:import|export)(?!\s+type\b)[^'";]*?from\s*'(\.[^']+)'|^import\s*'(\.[^']+)'/gm)) {
      visit(path.resolve(path.dirname(file), (m[1] ?? m[2])!.replace(/\.js$/, '.ts')));
    }
  };
  visit(start);
  return seen;
}

describe('parser worker', () => {
  it('loads no recognizer registry, analysis, check or engine module', () => {
    const modules = [...loaded(path.join(SRC, 'parse/worker.ts'))].map((f) => path.relative(SRC, f));
    expect(modules.length).toBeGreaterThan(3);
    expect(modules.filter((m) => /^(?:analysis|checks|graph|engine\/(?!relevance)|recognizers\/index)/.test(m) || m === 'project/config.ts')).toEqual([]);
  });
});
