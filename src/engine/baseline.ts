// Baselines: the failing findings a project already has, so CI fails only on new ones. A finding is
// keyed by check, payment file, entry point name and payment api, never by line, so edits that
// move code keep it matched; a key seen N times in the baseline absorbs N findings.
import type { PathResult, Report } from '../model/report.js';
import { openFailures } from '../report/reasons.js';

export interface BaselineEntry {
  check: string;
  file: string;
  entry: string;
  provider: string;
  api: string;
  count: number;
}

export interface Baseline {
  bookfirstBaseline: 1;
  findings: BaselineEntry[];
}

export class BaselineError extends Error {}

/** Counted failing paths: not excluded, not suppressed. */
function findings(report: Report): { check: string; path: PathResult }[] {
  return report.checks.flatMap((c) => openFailures(c).map((path) => ({ check: c.id, path })));
}

function keyOf(check: string, p: { file: string; entry: string; provider: string; api: string }): string {
  return JSON.stringify([check, p.file, p.entry, p.provider, p.api]);
}

const pathKey = (check: string, p: PathResult) => keyOf(check, { file: p.payment.file, entry: p.entry.name, provider: p.payment.provider, api: p.payment.api });

export function baselineOf(report: Report): Baseline {
  const byKey = new Map<string, BaselineEntry>();
  for (const { check, path } of findings(report)) {
    const key = pathKey(check, path);
    const seen = byKey.get(key);
    if (seen) seen.count++;
    else byKey.set(key, { check, file: path.payment.file, entry: path.entry.name, provider: path.payment.provider, api: path.payment.api, count: 1 });
  }
  const list = [...byKey.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([, e]) => e);
  return { bookfirstBaseline: 1, findings: list };
}

export function renderBaseline(baseline: Baseline): string {
  const lines = baseline.findings.map((f) => `    ${JSON.stringify(f)}`);
  return `{\n  "bookfirstBaseline": 1,\n  "findings": [${lines.length > 0 ? `\n${lines.join(',\n')}\n  ` : ''}]\n}\n`;
}

/** Reads a baseline file's text; anything else is a BaselineError saying what is wrong. */
export function parseBaseline(text: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(`not valid JSON (${(error as Error).message})`);
  }
  if (typeof data !== 'object' || data === null || (data as { bookfirstBaseline?: unknown }).bookfirstBaseline !== 1) {
    throw new BaselineError('not a bookfirst baseline (expected an object with "bookfirstBaseline": 1; write one with --write-baseline)');
  }
  const list = (data as { findings?: unknown }).findings;
  if (!Array.isArray(list)) throw new BaselineError('"findings" must be an array');
  const out: BaselineEntry[] = [];
  list.forEach((f: unknown, i) => {
    const bad = entryProblem(f);
    if (bad) throw new BaselineError(`findings[${i}] ${bad}`);
    const e = f as BaselineEntry;
    out.push({ check: e.check, file: e.file, entry: e.entry, provider: e.provider, api: e.api, count: e.count });
  });
  return { bookfirstBaseline: 1, findings: out };
}

function entryProblem(f: unknown): string | null {
  if (typeof f !== 'object' || f === null) return 'is not an object';
  const e = f as Record<string, unknown>;
  const missing = (['check', 'file', 'entry', 'provider', 'api'] as const).find((k) => typeof e[k] !== 'string');
  if (missing) return `has no string "${missing}"`;
  if (!Number.isInteger(e.count) || (e.count as number) < 1) return 'has no positive integer "count"';
  return null;
}

/** Sets `baselined` on every counted failing path: true while the baseline still has room for its key. */
export function applyBaseline(report: Report, baseline: Baseline): void {
  const room = new Map<string, number>();
  for (const f of baseline.findings) room.set(keyOf(f.check, f), (room.get(keyOf(f.check, f)) ?? 0) + f.count);
  for (const { check, path } of findings(report)) {
    const key = pathKey(check, path);
    const left = room.get(key) ?? 0;
    path.baselined = left > 0;
    if (left > 0) room.set(key, left - 1);
  }
}
