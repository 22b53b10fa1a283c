// Identities of findings that survive unrelated edits: no line numbers, only what names the
// finding (check, file, entry point, payment api) and the payment line's own text.
import { createHash } from 'node:crypto';
import type { PathResult } from '../model/report.js';

/** The payment call's source line with whitespace collapsed, from the path's code excerpt. */
export function paymentLineText(p: PathResult): string {
  const frame = p.snippets.find((s) => s.file === p.payment.file && s.focus === p.payment.line);
  const text = frame?.lines[p.payment.line - frame.line] ?? '';
  return text.replace(/\s+/g, ' ').trim();
}

/** A stable hash of one failing path; identical findings are told apart by the caller's counter. */
export function findingHash(checkId: string, p: PathResult): string {
  const parts = [checkId, p.payment.file, p.entry.name, `${p.payment.provider} ${p.payment.api}`, paymentLineText(p)];
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}
