// Files the command line reads besides the scanned tree: a baseline, and a JSON report to render.
// Anything unreadable or malformed is a usage error naming the file.
import fs from 'node:fs';
import { BaselineError, parseBaseline, type Baseline } from '../engine/baseline.js';
import { UsageError } from '../engine/run.js';
import { refusalOf, TOOL_FILE_BYTES } from '../files/read.js';
import type { Report } from '../model/report.js';

function readText(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${what} ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

export function readBaseline(file: string): Baseline {
  // A baseline is committed to the repository scanned: one that is a FIFO there would block the
  // scan for good, and `/dev/zero` behind a link never ends. (A report to render may be a pipe.)
  const refused = refusalOf(file, TOOL_FILE_BYTES);
  if (refused && refused.code !== 'unreadable') throw new UsageError(`cannot read baseline ${file}: ${refused.message}`);
  try {
    return parseBaseline(readText(file, 'baseline'));
  } catch (error) {
    if (error instanceof BaselineError) throw new UsageError(`baseline ${file} is corrupt: ${error.message}`);
    throw error;
  }
}

/** A report written by `scan --format json`. */
export function readReport(file: string): Report {
  let data: unknown;
  try {
    data = JSON.parse(readText(file, 'report'));
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`report ${file} is not valid JSON (${(error as Error).message})`);
  }
  const r = data as Partial<Report> | null;
  const ok = typeof r === 'object' && r !== null && r.schemaVersion === 1 && Array.isArray(r.checks) && Array.isArray(r.diagnostics)
    && typeof r.stats === 'object' && r.checks.every((c) => typeof c === 'object' && c !== null && Array.isArray(c.paths));
  if (!ok) throw new UsageError(`report ${file} is not a bookfirst JSON report (write one with: bookfirst scan <dir> --format json -o ${file})`);
  for (const c of r.checks!) c.description ??= c.label;
  return r as Report;
}
