// The part of a report that fixtures pin down: verdicts, counts and every path's decision.
// Traces, snippets, timings and remediation prose are left out so wording can improve freely.
import type { Report } from '../../src/model/report.js';

export function expectedView(report: Report) {
  return {
    checks: report.checks.map((c) => ({
      id: c.id,
      verdict: c.verdict,
      skipReason: c.skipReason,
      passed: c.passed,
      total: c.total,
      paths: c.paths.map((p) => ({
        status: p.status,
        reason: p.reason,
        entry: `${p.entry.file}:${p.entry.line} ${p.entry.kind}`,
        payment: `${p.payment.file}:${p.payment.line} ${p.payment.provider} ${p.payment.api}`,
        evidence: p.evidence ? `${p.evidence.file}:${p.evidence.line} ${p.evidence.kind} ${p.evidence.entity}` : null,
        bookingIdPassed: p.bookingIdPassed,
        via: p.via,
        webhookWrites: p.webhookWrites.map((w) => `${w.file}:${w.line}`),
      })),
    })),
    diagnostics: report.diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`),
  };
}
