// Report items (PathResult) for the checks: where an entry point and a deciding call are, a fact's
// line, and the check outcome from its items. Every check reports in the confirmation-record shape.
import type { CheckOutcome } from '../checks/define.js';
import type { EntryPoint } from '../graph/entries.js';
import type { EntryRef, Evidence, PathResult, PaymentRef, TraceStep } from '../model/report.js';
import type { SiteFact } from '../recognize/facts.js';
import { locate, siteStart } from './payment-paths.js';
import type { Program } from './program.js';

export function entryRef(program: Program, entry: EntryPoint): EntryRef {
  return { ...locate(program, entry.file, entry.pos), kind: entry.kind, name: entry.name };
}

/** The call that decides an item: a payment call, or a store operation (provider = the store's id, api = its operation). */
export function callRef(program: Program, f: SiteFact): PaymentRef {
  return { ...locate(program, f.file, siteStart(program, f.file, f.site)), provider: f.recognizer.id, api: f.api };
}

function factLine(program: Program, f: SiteFact): { file: string; line: number } {
  return { file: f.file, line: locate(program, f.file, siteStart(program, f.file, f.site)).line };
}

export function factEvidence(program: Program, f: SiteFact, kind: Evidence['kind'], entity?: string): Evidence {
  return { ...factLine(program, f), kind, entity: entity ?? f.entity ?? f.recognizer.id };
}

export function factStep(program: Program, f: SiteFact, note: string): TraceStep {
  return { ...factLine(program, f), note };
}

/** A fresh item; fields the check does not use stay empty. */
export function item(entry: PathResult['entry'], payment: PathResult['payment'], status: PathResult['status'], reason: string): PathResult {
  return { status, reason, entry, payment, evidence: null, bookingIdPassed: false, via: null, webhookWrites: [], trace: [], approximate: false, warnings: [], snippets: [] };
}

/** Items in a stable order (the detail text lists failures in it): by the deciding call, then the entry point. */
export function sortItems(items: PathResult[]): PathResult[] {
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return items.sort((a, b) => cmp(a.payment.file, b.payment.file) || a.payment.line - b.payment.line || a.payment.column - b.payment.column
    || cmp(a.entry.file, b.entry.file) || a.entry.line - b.entry.line || cmp(a.reason, b.reason));
}

/** Verdict, X of Y and detail from the items: excluded items are listed and not counted. */
export function outcomeOf(
  items: PathResult[], skipReason: string | null, emptyReason: string, remediation: string, describe: (p: PathResult) => string,
): CheckOutcome {
  const counted = items.filter((p) => p.status !== 'excluded');
  const passed = counted.filter((p) => p.status === 'pass').length;
  const total = counted.length;
  const failing = counted.filter((p) => p.status === 'fail');
  return {
    verdict: skipReason || total === 0 ? 'skip' : passed === total ? 'pass' : 'fail',
    skipReason: skipReason ?? (total === 0 ? (items.length > 0 ? 'all-paths-excluded' : emptyReason) : null),
    passed,
    total,
    paths: skipReason ? [] : items,
    detail: failing.length > 0 ? failing.map(describe).join(' ').slice(0, 2000) : null,
    remediation,
  };
}
