// Entry points the config file declares: the named exports of files matching a glob
// (`entries: [{ "files": "src/handlers/**/*.ts", "exports": ["handler"] }]`), for request and
// event handlers no framework recognizer knows (an in-house router, a custom runtime).
import type { FileIR } from '../model/ir.js';
import type { ConfiguredEntry } from '../project/config.js';
import type { Evaluator } from '../symbols/evaluate.js';
import { globMatcher } from '../util/glob.js';
import { forEachExportedEntry, type EntryPoint } from './entries.js';

export const CONFIG_ENTRY_KIND = 'config-entry';

export function configuredEntries(ev: Evaluator, files: Iterable<FileIR>, rules: ConfiguredEntry[]): EntryPoint[] {
  if (rules.length === 0) return [];
  const compiled = rules.map((r) => ({ files: r.files.map(globMatcher), exports: r.exports }));
  const out: EntryPoint[] = [];
  const seen = new Set<string>();
  for (const ir of files) {
    const matching = compiled.filter((r) => r.files.some((re) => re.test(ir.file)));
    if (matching.length === 0) continue;
    // `module.exports = handler` is the module's default export.
    forEachExportedEntry(ev, ir, matching.flatMap((r) => r.exports), true, (name, x, fns) => {
      for (const fn of fns) {
        if (seen.has(fn)) continue;
        seen.add(fn);
        out.push({ fn, file: ir.file, pos: x.pos, kind: CONFIG_ENTRY_KIND, name: name === 'default' ? ir.file : name, route: null, framework: null });
      }
    });
  }
  return out;
}
