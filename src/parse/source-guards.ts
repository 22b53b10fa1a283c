// Cheap checks on raw text before parsing, and offset-to-line helpers.

export const MAX_FILE_CHARS = 1_500_000;
/** oxc-parser overflows its native stack on nesting in the tens of thousands; stay far below. */
const MAX_BRACKET_DEPTH = 1_000;
const MINIFIED_LINE_CHARS = 1_000;
/**
 * oxc-parser's time grows with the square of a file's import declarations (measured: 10,000
 * `import * as` lines 0.2 s, 40,000 3 s; 40,000 exports or re-exports stay under 0.7 s); no
 * hand-written module has a tenth of this.
 */
const MAX_IMPORT_DECLARATIONS = 10_000;

export interface Refusal {
  code: 'too-large' | 'minified' | 'too-deep';
  message: string;
}

/** `typescript`: the text is parsed as TypeScript, where `<` may open type arguments. */
export function inspectSource(source: string, typescript = false): Refusal | null {
  if (source.length > MAX_FILE_CHARS) {
    return { code: 'too-large', message: `file has ${source.length} characters (limit ${MAX_FILE_CHARS}); not analyzed` };
  }
  const depth = bracketDepth(source);
  if (depth > MAX_BRACKET_DEPTH) {
    return { code: 'too-deep', message: `brackets nest ${depth} deep (limit ${MAX_BRACKET_DEPTH}); not analyzed` };
  }
  // In TypeScript a `<` may open type arguments, and oxc-parser tries that recursively: 4,000
  // chained `a < b <` take 5 s, 8,000 (or 20,000 nested `A<A<...>>`) end the process.
  if (typescript) {
    const angles = angleDepth(source);
    if (angles > MAX_BRACKET_DEPTH) return { code: 'too-deep', message: `a single statement opens ${angles} angle brackets (limit ${MAX_BRACKET_DEPTH}); not analyzed` };
  }
  const declarations = importDeclarations(source);
  if (declarations > MAX_IMPORT_DECLARATIONS) {
    return { code: 'too-large', message: `file has ${declarations} import declarations (limit ${MAX_IMPORT_DECLARATIONS}); not analyzed` };
  }
  if (looksMinified(source)) return { code: 'minified', message: 'file looks minified or generated; not analyzed' };
  return null;
}

function looksMinified(source: string): boolean {
  // Small bundles count too (a 5 KB single-line esbuild asset), so the floor is low; the average
  // line length is what separates them from sources with one long string constant.
  if (source.length < 2_000) return false;
  const starts = lineStartsOf(source);
  starts.push(source.length + 1);
  let code = 0;
  let lines = 0;
  let longest = 0;
  for (let i = 1; i < starts.length; i++) {
    const length = starts[i]! - starts[i - 1]! - 1;
    // A base64 logo for a PDF ticket or an inline text is one long literal, not minified code.
    if (length > MINIFIED_LINE_CHARS && isLiteralLine(source, starts[i - 1]!, length)) continue;
    code += length + 1;
    lines++;
    longest = Math.max(longest, length);
  }
  if (lines === 0) return false;
  const average = code / lines;
  return average > MINIFIED_LINE_CHARS || (lines <= 3 && average > 300) || longest > 20 * MINIFIED_LINE_CHARS;
}

const STATEMENT_MARKS = new Set([...';{}()'].map((c) => c.charCodeAt(0)));

/** Whether nine tenths of a line are one stretch free of `;{}()`: a string or comment, where minified code has those every few characters. */
function isLiteralLine(source: string, start: number, length: number): boolean {
  let run = 0;
  let best = 0;
  for (let i = start; i < start + length; i++) {
    if (STATEMENT_MARKS.has(source.charCodeAt(i))) {
      best = Math.max(best, run);
      run = 0;
    } else run++;
  }
  return Math.max(best, run) >= 0.9 * length;
}

/** Lines that open with an import declaration (`import x`, `import {`, `import *`, `import 'x'`; not `import(` or `import.meta`). */
function importDeclarations(source: string): number {
  let count = 0;
  for (const _ of source.matchAll(/^[ \t]*import[ \t{*'"]/gm)) count++;
  return count;
}

/**
 * The most `<` one statement leaves open: each `<` opens (not `<<` or `<=`), each `>` closes, and
 * `;`, `{` and `}` start over, so comparisons in ordinary code never add up.
 */
export function angleDepth(source: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 60) {
      const next = source.charCodeAt(i + 1);
      if (next === 60 || next === 61) {
        i += next === 60 && source.charCodeAt(i + 2) === 61 ? 2 : 1;
        continue;
      }
      if (++depth > max) max = depth;
    } else if (c === 62) {
      if (depth > 0) depth--;
    } else if (c === 59 || c === 123 || c === 125) depth = 0;
  }
  return max;
}

/**
 * Maximum nesting of (), [] and {}. Strings and comments are not skipped, so this over-counts on
 * odd inputs, which only makes the guard more careful.
 */
export function bracketDepth(source: string): number {
  let depth = 0;
  let max = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) {
      if (++depth > max) max = depth;
    } else if ((c === 41 || c === 93 || c === 125) && depth > 0) depth--;
  }
  return max;
}

/**
 * Offsets where lines start. A line ends at LF, CRLF or a lone CR (files saved with classic Mac
 * line ends are one line to a scan that splits on LF only: every location on line 1, and the file
 * taken for minified).
 */
export function lineStartsOf(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c === 10 || (c === 13 && source.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/** A text's lines, split as lineStartsOf splits them. */
export const LINE_BREAK = /\r\n|\r|\n/;

/** 1-based line of an offset. */
export function lineOf(lineStarts: number[], offset: number): number {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

/** 1-based column of an offset. */
export function columnOf(lineStarts: number[], offset: number): number {
  return offset - lineStarts[lineOf(lineStarts, offset) - 1]! + 1;
}
