// One listed file from disk to IR: read (refusing binary, decoding odd encodings), parse, extract.
import { readSource } from '../files/read.js';
import type { ListedFile } from '../files/walk.js';
import type { FileIR } from '../model/ir.js';
import type { Diagnostic } from '../model/report.js';
import { embeddedCode } from './embedded.js';
import { emptyIR, parseFile } from './parse-file.js';
import { scanText, type RelevanceTokens, type TextScan } from '../engine/relevance.js';

/** A file and whether it gets the full analysis. */
export interface ParseRequest {
  path: string;
  abs: string;
  full: boolean;
}

/** The relevance text pass over one file (see engine/relevance.ts). */
export function scanListed(f: Pick<ListedFile, 'path' | 'abs'>, tokens: RelevanceTokens, packages: Set<string>, hash = false): TextScan {
  const read = readSource(f.abs, { hash });
  if (!read.ok) return { path: f.path, specifiers: [], seed: false };
  // A component's markup holds no imports: what its template shows (a provider's name, a URL) is no code.
  const scanned = scanText(f.path, embeddedCode(f.path, read.text)?.code ?? read.text, tokens, packages);
  return read.hash ? { ...scanned, hash: read.hash } : scanned;
}

export interface ParsedFile {
  ir: FileIR;
  diagnostics: Diagnostic[];
}

export function parseListed(f: Pick<ListedFile, 'path' | 'abs'>, thin = false): ParsedFile {
  const read = readSource(f.abs);
  if (!read.ok) {
    return { ir: { ...emptyIR(f.path), skipped: true }, diagnostics: [{ file: f.path, line: 1, severity: 'warning', code: read.code, message: read.message }] };
  }
  const diagnostics: Diagnostic[] = [];
  if (read.warning) diagnostics.push({ file: f.path, line: 1, severity: 'info', code: 'encoding', message: read.warning });
  let ir: FileIR;
  try {
    ir = parseFile(f.path, read.text, thin);
  } catch (error) {
    ir = { ...emptyIR(f.path), skipped: true };
    ir.diagnostics.push({ line: 1, severity: 'error', code: 'parse-error', message: String(error).slice(0, 300) });
  }
  for (const d of ir.diagnostics) diagnostics.push({ file: f.path, ...d });
  return { ir, diagnostics };
}
