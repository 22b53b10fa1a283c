// Reads and parses every source file; turns every failure into a diagnostic on that file.
import type { ListedFile } from '../files/walk.js';
import { readSource } from '../files/read.js';
import type { FileIR } from '../model/ir.js';
import type { Diagnostic } from '../model/report.js';
import { emptyIR, parseFile } from '../parse/parse-file.js';

export function parseSources(sources: ListedFile[]): { files: FileIR[]; diagnostics: Diagnostic[] } {
  const files: FileIR[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const f of sources) {
    const read = readSource(f.abs);
    if (!read.ok) {
      diagnostics.push({ file: f.path, line: 1, severity: 'warning', code: read.code, message: read.message });
      files.push({ ...emptyIR(f.path), skipped: true });
      continue;
    }
    if (read.warning) diagnostics.push({ file: f.path, line: 1, severity: 'info', code: 'encoding', message: read.warning });
    const ir = parseFile(f.path, read.text);
    for (const d of ir.diagnostics) diagnostics.push({ file: f.path, ...d });
    files.push(ir);
  }
  return { files, diagnostics };
}
