// One listed file from disk to IR: read (refusing binary, decoding odd encodings), parse, extract.
import { readSource } from '../files/read.js';
import type { ListedFile } from '../files/walk.js';
import type { FileIR } from '../model/ir.js';
import type { Diagnostic } from '../model/report.js';
import { emptyIR, parseFile } from './parse-file.js';

export interface ParsedFile {
  ir: FileIR;
  diagnostics: Diagnostic[];
}

export function parseListed(f: Pick<ListedFile, 'path' | 'abs'>): ParsedFile {
  const read = readSource(f.abs);
  if (!read.ok) {
    return { ir: { ...emptyIR(f.path), skipped: true }, diagnostics: [{ file: f.path, line: 1, severity: 'warning', code: read.code, message: read.message }] };
  }
  const diagnostics: Diagnostic[] = [];
  if (read.warning) diagnostics.push({ file: f.path, line: 1, severity: 'info', code: 'encoding', message: read.warning });
  let ir: FileIR;
  try {
    ir = parseFile(f.path, read.text);
  } catch (error) {
    ir = { ...emptyIR(f.path), skipped: true };
    ir.diagnostics.push({ line: 1, severity: 'error', code: 'parse-error', message: String(error).slice(0, 300) });
  }
  for (const d of ir.diagnostics) diagnostics.push({ file: f.path, ...d });
  return { ir, diagnostics };
}
