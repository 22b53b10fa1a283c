// AuditBuffet telemetry: the JSON shape its booking-flow-lifecycle audit asks an agent to emit,
// filled deterministically from the report. Mapping and scoring rules: docs/auditbuffet.md.
import type { CheckResult, Report, Severity } from '../model/report.js';

const AUDIT_SLUG = 'booking-flow-lifecycle';
/** AuditBuffet's published severity weights. */
export const SEVERITY_WEIGHT: Record<Severity, number> = { critical: 10, high: 3, medium: 3, low: 1, info: 1 };
const CATEGORY_NAMES: Record<string, string> = {
  'booking-creation': 'Booking Creation',
  'double-booking': 'Double Booking Prevention',
  lifecycle: 'Booking Lifecycle',
  payment: 'Payment Integration',
};
const DETAIL_MAX = 500;

export function gradeOf(score: number | null): 'A' | 'B' | 'C' | 'D' | 'F' | null {
  if (score === null) return null;
  return score >= 90 ? 'A' : score >= 75 ? 'B' : score >= 60 ? 'C' : score >= 40 ? 'D' : 'F';
}

/** Weight of passing checks over weight of passing and failing ones, 0-100; null when none applies. */
export function scoreOf(checks: { result: string; severity: Severity }[]): number | null {
  const applicable = checks.filter((c) => c.result === 'pass' || c.result === 'fail');
  const total = applicable.reduce((n, c) => n + SEVERITY_WEIGHT[c.severity], 0);
  if (total === 0) return null;
  const passed = applicable.filter((c) => c.result === 'pass').reduce((n, c) => n + SEVERITY_WEIGHT[c.severity], 0);
  return Math.round((passed / total) * 100);
}

export function auditBuffetTelemetry(report: Report) {
  const checks = report.checks.map((c) => ({
    id: c.catalogId,
    label: c.label,
    category_slug: categoryOf(c),
    result: c.verdict,
    severity: c.severity,
    detail: detailOf(c),
  }));
  const slugs = [...new Set(checks.map((c) => c.category_slug))];
  const weightOf = (list: typeof checks) => list.reduce((n, c) => n + SEVERITY_WEIGHT[c.severity], 0);
  const allWeight = weightOf(checks);
  const categories = slugs.map((slug) => {
    const own = checks.filter((c) => c.category_slug === slug);
    const score = scoreOf(own);
    return {
      slug,
      display_name: CATEGORY_NAMES[slug] ?? slug,
      weight: allWeight === 0 ? 0 : Math.round((weightOf(own) / allWeight) * 1000) / 1000,
      score,
      grade: gradeOf(score),
      ...counts(own),
    };
  });
  const overall = scoreOf(checks);
  return {
    schema_version: '1.0',
    payload_type: 'audit_telemetry',
    submission_id: null,
    generated_at: null,
    project_id: null,
    audit: { slug: AUDIT_SLUG, display_name: 'Booking Flow & Lifecycle', version: null, prompt_hash: null },
    build_tool: 'manual',
    stack_summary: null,
    generator: { name: report.tool.name, version: report.tool.version },
    scoring: { overall_score: overall, overall_grade: gradeOf(overall), total_checks: checks.length, ...counts(checks), categories },
    checks,
  };
}

export function renderAuditBuffet(report: Report): string {
  return JSON.stringify(auditBuffetTelemetry(report), null, 2) + '\n';
}

function counts(list: { result: string }[]) {
  const n = (r: string) => list.filter((c) => c.result === r).length;
  return { passed: n('pass'), failed: n('fail'), skipped: n('skip'), errored: n('error') };
}

function categoryOf(c: CheckResult): string {
  const parts = c.catalogId.split('.');
  return parts.length === 3 && parts[0] === AUDIT_SLUG ? parts[1]! : 'uncategorized';
}

/** The summary on pass, the skip reason on skip, the findings on fail and error; at most 500 characters. */
function detailOf(c: CheckResult): string {
  const text = c.verdict === 'skip' ? `${c.summary} (skipped: ${c.skipReason ?? 'not applicable'})`
    : c.verdict === 'pass' ? c.summary
    : c.verdict === 'error' ? `check could not run: ${(c.detail ?? 'internal error').split('\n')[0]}`
    : `${c.summary}. ${c.detail ?? ''}`.trim();
  return text.length <= DETAIL_MAX ? text : `${text.slice(0, DETAIL_MAX - 1)}…`;
}
