// Parses one file with oxc-parser and extracts its FileIR in a single walk. Inputs that would make
// the parser or the walk misbehave (binary, minified, huge, absurdly deep) are turned away first
// with a diagnostic: a segfault in native code cannot be caught, so it must never be risked.
import { parseSync, type ParserOptions } from 'oxc-parser';
import type { FileIR, ParseDiagnostic } from '../model/ir.js';
import { Ctx, type AstNode } from './extract/context.js';
import { directivesOf } from './extract/functions.js';
import { embeddedCode } from './embedded.js';
import { hoistDeclarations, statements } from './extract/statements.js';
import { inspectSource, lineStartsOf, lineOf } from './source-guards.js';

const useRawTransfer = Number(process.versions.node.split('.')[0]) >= 22;

export function emptyIR(file: string, source = ''): FileIR {
  return {
    file, lineStarts: lineStartsOf(source), directives: [], imports: [], exports: [], bindings: [],
    functions: [], classes: [], sites: [], typeNames: [], memberAssignments: [], directiveComments: [], diagnostics: [], skipped: false,
  };
}

/**
 * `file` is the root-relative path used in reports; `source` is already decoded text. A `thin` parse
 * (a file no payment or booking code depends on) keeps the parser's diagnostics and directive
 * comments and never builds the syntax tree in JavaScript, which is most of the cost of parsing.
 */
export function parseFile(file: string, source: string, thin = false): FileIR {
  const ir = emptyIR(file, source);
  try {
    return parseInto(ir, source, thin);
  } finally {
    // A thin file is never located in a report beyond its diagnostics: drop its line table.
    if (thin) ir.lineStarts = [];
  }
}

function parseInto(ir: FileIR, original: string, thin: boolean): FileIR {
  const file = ir.file;
  const embedded = embeddedCode(file, original);
  const source = embedded ? embedded.text : original;
  const lang = embedded ? embedded.lang : langOf(file);
  const refusal = inspectSource(embedded ? embedded.code : source, lang === 'ts' || lang === 'tsx');
  if (refusal) {
    ir.skipped = true;
    ir.diagnostics.push({ line: 1, severity: 'warning', ...refusal });
    return ir;
  }
  let program: AstNode | null = null;
  try {
    const options: ParserOptions & { experimentalRawTransfer?: boolean } = {
      lang,
      sourceType: embedded ? 'module' : /\.c[jt]s$/.test(file) ? 'commonjs' : /\.m[jt]s$/.test(file) ? 'module' : 'unambiguous',
      preserveParens: false,
    };
    if (useRawTransfer && !thin) options.experimentalRawTransfer = true;
    const result = parseSync(file, source, options);
    ir.directiveComments = directiveComments(result.comments, ir.lineStarts);
    if (!thin) program = result.program as unknown as AstNode;
    const errors = embedded?.frontmatter ? result.errors.filter((e) => !TOP_LEVEL_RETURN.test(e.message)) : result.errors;
    const first = errors[0];
    if (first) {
      const at = first.labels[0]?.start ?? 0;
      const empty = program ? program.body.length === 0 : errors.some((e) => e.severity === 'Error');
      ir.diagnostics.push({
        line: lineOf(ir.lineStarts, at),
        severity: empty ? 'error' : 'warning',
        code: 'parse-error',
        message: `${first.message}${errors.length > 1 ? ` (and ${errors.length - 1} more)` : ''}`,
      });
      if (program && program.body.length === 0) {
        ir.skipped = true;
        return ir;
      }
    }
  } catch (error) {
    ir.skipped = true;
    ir.diagnostics.push({ line: 1, severity: 'error', code: 'parse-error', message: String(error) });
    return ir;
  }
  if (program) extract(ir, program);
  return ir;
}

function extract(ir: FileIR, program: AstNode): void {
  const cx = new Ctx(ir);
  try {
    ir.functions.push({
      name: '<module>', kind: 'module', async: true, start: 0, end: program.end, parent: -1, cls: null,
      isStatic: false, params: [], decorators: [], paramDecorators: [], directives: directivesOf(program.body),
      returns: [], nodes: [], strings: [],
    });
    ir.directives = ir.functions[0]!.directives;
    cx.fb = { id: 0, ir: ir.functions[0]!, cur: null, handlers: [], finallies: [], targets: [], chainSkips: [], reached: new Set() };
    cx.node('entry', 0);
    cx.node('exit', program.end);
    cx.node('throw-exit', program.end);
    cx.fb.cur = 0;
    hoistDeclarations(cx, program.body);
    statements(cx, program.body);
    cx.link(cx.fb.cur, 1);
  } catch (error) {
    // A walker bug must cost one file, never the scan.
    const diagnostic: ParseDiagnostic = {
      line: 1, severity: 'error', code: 'extract-error',
      message: error instanceof RangeError ? 'file is too deeply nested to analyze' : `could not analyze: ${String(error)}`,
    };
    Object.assign(ir, emptyIR(ir.file), { lineStarts: ir.lineStarts, skipped: true, diagnostics: [...ir.diagnostics, diagnostic] });
    return;
  }
  if (cx.longestChain > 0) {
    ir.diagnostics.push({
      line: 1, severity: 'info', code: 'long-expression',
      message: `an expression chains ${cx.longestChain} operands (generated code?); analyzed without recursion`,
    });
  }
  if (cx.tooDeep) {
    ir.diagnostics.push({
      line: 1, severity: 'warning', code: 'too-deep',
      message: 'nesting deeper than the analyzer follows; the innermost code was not analyzed',
    });
  }
}

/** Astro's frontmatter may end the request early (`return Astro.redirect(url)`); a module may not. */
const TOP_LEVEL_RETURN = /'return' statement can only be used within a function body/;

const DIRECTIVE = /^\s*bookfirst-ignore\b\s*(.*)$/;

/** `// bookfirst-ignore <check-id> -- <reason>` comments, kept for suppressions. */
function directiveComments(comments: { value: string; start: number }[], lineStarts: number[]): FileIR['directiveComments'] {
  const out: FileIR['directiveComments'] = [];
  for (const c of comments) {
    const m = DIRECTIVE.exec(c.value.replace(/^\*+/, '').trim());
    if (!m) continue;
    const [head, ...reason] = m[1]!.split(/\s+--\s*/);
    out.push({ line: lineOf(lineStarts, c.start), checkId: (head ?? '').trim(), reason: reason.join(' -- ').trim() });
  }
  return out;
}

function langOf(file: string): 'ts' | 'tsx' | 'js' | 'jsx' {
  if (/\.[mc]?ts$/.test(file)) return file.endsWith('.d.ts') ? 'ts' : 'ts';
  if (file.endsWith('.tsx')) return 'tsx';
  return 'jsx'; // plain .js files in React projects routinely hold JSX
}
