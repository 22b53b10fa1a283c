// `--debug-flow <file>:<function>`: the flow graph of one function, as the flow fixtures expect it.
import fs from 'node:fs';
import path from 'node:path';
import { dumpFlow } from '../debug/flow-dump.js';
import { UsageError } from '../engine/run.js';
import type { Expr, FileIR } from '../model/ir.js';
import { parseFile } from '../parse/parse-file.js';

export async function debugFlow(root: string, spec: string): Promise<string> {
  const colon = spec.lastIndexOf(':');
  if (colon <= 0) throw new UsageError('--debug-flow takes <file>:<function>');
  const file = spec.slice(0, colon);
  const name = spec.slice(colon + 1);
  const abs = path.resolve(root, file);
  if (!fs.existsSync(abs)) throw new UsageError(`no such file: ${file}`);
  const ir = parseFile(file, fs.readFileSync(abs, 'utf8'));
  const named = ir.functions.filter((f) => f.name === name || f.name.endsWith(`.${name}`));
  const fns = named.length > 0 ? named : held(ir, name).map((i) => ir.functions[i]!);
  if (fns.length === 0) throw new UsageError(`no function named ${name} in ${file} (functions: ${ir.functions.map((f) => f.name).join(', ')})`);
  return fns.map((f) => dumpFlow(ir, f)).join('\n\n') + '\n';
}

/**
 * Functions a declaration's value holds, for handlers declared by a registration call rather than
 * by name: `export const checkout = action({ handler: async (ctx) => ... })`, `export const POST = withAuth(async (req) => ...)`.
 */
function held(ir: FileIR, name: string): number[] {
  const out = new Set<number>();
  const seen = new Set<Expr>();
  const visit = (e: Expr, depth: number): void => {
    if (depth > 6 || seen.has(e)) return;
    seen.add(e);
    if (e.k === 'fn') out.add(e.fn);
    else if (e.k === 'call') ir.sites[e.site]?.args.forEach((a) => visit(a, depth + 1));
    else if (e.k === 'obj') e.props.forEach((p) => visit(p.value, depth + 1));
    else if (e.k === 'await') visit(e.of, depth + 1);
    else if (e.k === 'any') e.of.forEach((x) => visit(x, depth + 1));
  };
  for (const b of ir.bindings) if (b.name === name && b.fn === 0) b.defs.forEach((d) => visit(d, 0));
  return [...out].sort((a, b) => a - b);
}
