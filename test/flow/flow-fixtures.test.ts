// Every fixtures/flow/<name>.ts is parsed and the flow graph of the function its header names is
// compared with the header (in the style of ESLint's code-path fixtures). UPDATE=1 rewrites the
// headers: the expectations are hand-checked, so review the diff line by line before keeping it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { flowView, parseFixture, splitFixture } from '../helpers/flow.js';

const dir = path.resolve(import.meta.dirname, '../../fixtures/flow');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).sort();

function rewriteHeader(file: string, name: string): void {
  // Twice: the header's own length moves the line numbers it records.
  for (let pass = 0; pass < 3; pass++) {
    const source = fs.readFileSync(file, 'utf8');
    const body = source.replace(/^\/\*expected\n[\s\S]*?\*\/\n/, '');
    const view = flowView(parseFixture(path.basename(file), source), name);
    fs.writeFileSync(file, `/*expected\n${view}\n*/\n${body}`);
  }
}

describe('flow fixtures', () => {
  it('has a fixture for every construct the brief lists', () => {
    expect(files.length).toBeGreaterThanOrEqual(25);
  });

  for (const name of files) {
    it(name, () => {
      const file = path.join(dir, name);
      let source = fs.readFileSync(file, 'utf8');
      const header = splitFixture(source);
      expect(header, `${name} must open with /*expected\\nfunction <name>...*/`).not.toBeNull();
      if (process.env.UPDATE) {
        rewriteHeader(file, header!.name);
        source = fs.readFileSync(file, 'utf8');
      }
      const { expected, name: fnName } = splitFixture(source)!;
      const ir = parseFixture(name, source);
      expect(ir.diagnostics).toEqual([]);
      expect(flowView(ir, fnName)).toBe(expected);
    });
  }
});
