// `--debug-flow <file>:<function>`: the flow graph of one function, as the flow fixtures expect it.
import fs from 'node:fs';
import path from 'node:path';
import { dumpFlow } from '../debug/flow-dump.js';
import { UsageError } from '../engine/run.js';
import { parseFile } from '../parse/parse-file.js';

export async function debugFlow(root: string, spec: string): Promise<string> {
  const colon = spec.lastIndexOf(':');
  if (colon <= 0) throw new UsageError('--debug-flow takes <file>:<function>');
  const file = spec.slice(0, colon);
  const name = spec.slice(colon + 1);
  const abs = path.resolve(root, file);
  if (!fs.existsSync(abs)) throw new UsageError(`no such file: ${file}`);
  const ir = parseFile(file, fs.readFileSync(abs, 'utf8'));
  const fns = ir.functions.filter((f) => f.name === name || f.name.endsWith(`.${name}`));
  if (fns.length === 0) throw new UsageError(`no function named ${name} in ${file} (functions: ${ir.functions.map((f) => f.name).join(', ')})`);
  return fns.map((f) => dumpFlow(ir, f)).join('\n\n') + '\n';
}
