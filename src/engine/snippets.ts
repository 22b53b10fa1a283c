// Code excerpts around the payment call and the evidence of each path, for people reading a report.
import path from 'node:path';
import { readSource } from '../files/read.js';
import { LINE_BREAK } from '../parse/source-guards.js';
import type { CheckResult, Snippet } from '../model/report.js';

const CONTEXT = 2;
const MAX_LINE = 160;

/** Excerpts only of the scan's own files (`listed`): a path from anywhere else is shown without one. */
export function attachSnippets(root: string, checks: CheckResult[], listed: ReadonlySet<string>): void {
  const cache = new Map<string, string[] | null>();
  const lines = (file: string) => {
    if (!listed.has(file)) return null;
    if (!cache.has(file)) {
      // Decoded as the parse decoded it (a UTF-16 file, a BOM), and never a file the parse refused.
      const read = readSource(path.join(root, file));
      cache.set(file, read.ok ? read.text.split(LINE_BREAK) : null);
    }
    return cache.get(file)!;
  };
  const snippet = (file: string, line: number): Snippet | null => {
    const all = lines(file);
    if (!all) return null;
    const first = Math.max(1, line - CONTEXT);
    const last = Math.min(all.length, line + CONTEXT);
    return { file, line: first, focus: line, lines: all.slice(first - 1, last).map((l) => (l.length > MAX_LINE ? l.slice(0, MAX_LINE) + '…' : l)) };
  };
  for (const check of checks) {
    for (const p of check.paths) {
      const sameLine = p.evidence && p.evidence.file === p.payment.file && p.evidence.line === p.payment.line;
      p.snippets = [snippet(p.payment.file, p.payment.line), p.evidence && !sameLine ? snippet(p.evidence.file, p.evidence.line) : null].filter((s): s is Snippet => s !== null);
    }
  }
}
