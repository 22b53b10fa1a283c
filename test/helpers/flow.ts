// Flow fixtures: a file under fixtures/flow/ opens with a block comment holding the expected view
// of one function (its dumpFlow output followed by one line per call site it owns).
import type { FileIR, FunctionIR } from '../../src/model/ir.js';
import { describeExpr, dumpFlow } from '../../src/debug/flow-dump.js';
import { parseFile } from '../../src/parse/parse-file.js';

const HEADER = /^\/\*expected\n([\s\S]*?)\n?\*\/\n/;

export function splitFixture(source: string): { expected: string; name: string } | null {
  const m = HEADER.exec(source);
  if (!m) return null;
  const expected = m[1]!.replace(/\s+$/, '');
  const name = /^function (\S+)/.exec(expected)?.[1];
  return name ? { expected, name } : null;
}

export function functionsNamed(ir: FileIR, name: string): FunctionIR[] {
  return ir.functions.filter((f) => f.name === name);
}

/** dumpFlow plus `site <index> <callee>() <completion>[ of <group site>]` for the function's own sites. */
export function flowView(ir: FileIR, name: string): string {
  return functionsNamed(ir, name)
    .map((fn) => {
      const id = ir.functions.indexOf(fn);
      const sites = ir.sites.flatMap((s, i) =>
        s.fn === id
          ? [`  site ${i} ${describeExpr(ir, { k: 'call', site: i })} ${s.completion ?? 'none'}${s.group !== null ? ` of ${s.group}` : ''}`]
          : [],
      );
      return [dumpFlow(ir, fn), ...sites].join('\n');
    })
    .join('\n\n');
}

export function parseFixture(file: string, source: string): FileIR {
  return parseFile(file, source);
}
