// parseFile and the source guards: refusals, parse errors with their lines, partial analysis.
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/parse/parse-file.js';
import { columnOf, inspectSource, lineOf, lineStartsOf, MAX_FILE_CHARS } from '../../src/parse/source-guards.js';

describe('inspectSource', () => {
  it('refuses files over the size limit', () => {
    expect(inspectSource('a'.repeat(MAX_FILE_CHARS + 1))?.code).toBe('too-large');
  });

  it('refuses minified code: long average lines or one very long line', () => {
    expect(inspectSource('var a=1;'.repeat(5000))?.code).toBe('minified');
    const oneLongLine = `${'x\n'.repeat(2000)}${'f(y);'.repeat(5_000)}\n`;
    expect(inspectSource(oneLongLine)?.code).toBe('minified');
    expect(inspectSource('const a = 1;\n'.repeat(5000))).toBeNull();
  });

  it('takes a long string or comment on its own line for what it is, not for minified code', () => {
    // A PDF ticket's logo as a data URL, beside a few lines of code: one line of 60,000 characters.
    const logo = `export const LOGO = 'data:image/png;base64,${'iVBORw0KGgoAAAANSUhEUgAA'.repeat(2_500)}';\n`;
    expect(inspectSource(`import { jsPDF } from 'jspdf';\n${logo}export function ticket(id: string) {\n  const doc = new jsPDF();\n  doc.addImage(LOGO, 'PNG', 10, 10, 40, 40);\n  return doc.text(id, 10, 60);\n}\n`)).toBeNull();
    expect(inspectSource(`/* ${'lorem ipsum dolor '.repeat(2_000)} */\nexport const a = 1;\n`)).toBeNull();
    // Nothing but such lines is not code either way.
    expect(inspectSource(`'${'x'.repeat(30_000)}';\n`)).toBeNull();
    // Minified code, between two comments, stays refused.
    expect(inspectSource(`/* a */\n${'var a=function(b){return b+1};'.repeat(1_000)}\n/* b */\n`)?.code).toBe('minified');
  });

  it('refuses bracket nesting deeper than the parser can take', () => {
    expect(inspectSource(`${'['.repeat(1001)}${']'.repeat(1001)}`)?.code).toBe('too-deep');
    expect(inspectSource(`${'('.repeat(900)}${')'.repeat(900)}`)).toBeNull();
  });
});

describe('line helpers', () => {
  it('turn offsets into 1-based lines and columns, with CRLF too', () => {
    const text = 'ab\r\ncd\nef';
    const starts = lineStartsOf(text);
    expect(starts).toEqual([0, 4, 7]);
    expect([lineOf(starts, 0), lineOf(starts, 3), lineOf(starts, 4), lineOf(starts, 9)]).toEqual([1, 1, 2, 3]);
    expect(columnOf(starts, 5)).toBe(2);
  });

  it('end a line at a lone CR too (classic Mac line ends), so such a file is not one long minified line', () => {
    const text = 'ab\rcd\r\nef\r';
    expect(lineStartsOf(text)).toEqual([0, 3, 7, 10]);
    const classic = Array.from({ length: 200 }, (_, i) => `export const v${i} = ${i}; // a line of ordinary length`).join('\r');
    expect(inspectSource(classic)).toBeNull();
  });
});

describe('parseFile', () => {
  it('reports the line of the first parse error and skips a file the parser gives up on', () => {
    const ir = parseFile('a.ts', "import Stripe from 'stripe';\n\nconst = ;\n");
    expect(ir.diagnostics).toEqual([expect.objectContaining({ code: 'parse-error', line: 3, severity: 'error' })]);
    expect(ir.skipped).toBe(true);
    expect(ir.imports).toEqual([]);
  });

  it('keeps analyzing a file whose error leaves the program intact', () => {
    const ir = parseFile('a.ts', "import Stripe from 'stripe';\nnew Stripe('k');\nreturn 1;\n");
    expect(ir.diagnostics).toEqual([expect.objectContaining({ code: 'parse-error', line: 3, severity: 'warning' })]);
    expect(ir.skipped).toBe(false);
    expect(ir.imports.map((i) => i.specifier)).toEqual(['stripe']);
    expect(ir.sites).toHaveLength(1);
  });

  it('marks refused files as skipped with a warning', () => {
    const ir = parseFile('deep.ts', `${'{'.repeat(2000)}${'}'.repeat(2000)}`);
    expect(ir.skipped).toBe(true);
    expect(ir.diagnostics).toEqual([expect.objectContaining({ code: 'too-deep', severity: 'warning', line: 1 })]);
  });

  it('analyzes the shallow part of a file nested deeper than the walker follows', () => {
    const source = `export function pay() { charge(); }\nexport function deep() {\n${'{\n'.repeat(500)}inner();\n${'}\n'.repeat(500)}}\n`;
    const ir = parseFile('deep.ts', source);
    expect(ir.skipped).toBe(false);
    expect(ir.diagnostics.map((d) => d.code)).toEqual(['too-deep']);
    expect(ir.functions.map((f) => f.name)).toEqual(['<module>', 'pay', 'deep']);
    expect(ir.sites.some((s) => s.callee.k === 'global' && s.callee.name === 'charge')).toBe(true);
  });

  it('parses by extension: CommonJS allows a top-level return, JSX in .js, type assertions in .ts', () => {
    expect(parseFile('a.cjs', "const x = require('x');\nif (!x) return;\n").diagnostics).toEqual([]);
    expect(parseFile('a.js', 'export const el = <div onClick={() => go()}>{a < b}</div>;\n').diagnostics).toEqual([]);
    expect(parseFile('a.ts', 'export const x = <any>y;\n').diagnostics).toEqual([]);
    expect(parseFile('a.tsx', 'export const el = <div>{x as any}</div>;\n').diagnostics).toEqual([]);
  });

  it('records directives of the module and of functions', () => {
    const ir = parseFile('a.ts', "'use server';\nexport async function act() {\n  'use cache';\n  return 1;\n}\n");
    expect(ir.directives).toEqual(['use server']);
    expect(ir.functions.find((f) => f.name === 'act')?.directives).toEqual(['use cache']);
  });
});
