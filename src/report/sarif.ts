// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one rule per check, one result
// per failing path located at the payment call, the entry -> payment chain as a code flow, webhook
// booking writes as related locations, fingerprints that do not depend on line numbers.
// GitHub ignores SARIF suppressions, so suppressed paths are left out unless asked for.
import { pathToFileURL } from 'node:url';
import type { CheckResult, Diagnostic, PathResult, Report, Severity } from '../model/report.js';
import { findingHash } from './fingerprint.js';
import { projectPath, uriPath } from './locations.js';
import { pathTitle, reasonText } from './reasons.js';

export interface SarifOptions {
  /** Keep suppressed paths, marked with SARIF `suppressions` (for audits; GitHub shows them as open). */
  includeSuppressed?: boolean;
}

const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SRCROOT = '%SRCROOT%';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };
// GitHub's bands: 9.0+ critical, 7.0-8.9 high, 4.0-6.9 medium, 0.1-3.9 low; it has no "info".
const SECURITY_SEVERITY: Record<Severity, string | null> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: null };
const PROBLEM_SEVERITY: Record<Severity, string> = { critical: 'error', high: 'error', medium: 'warning', low: 'recommendation', info: 'recommendation' };

export function renderSarif(report: Report, options: SarifOptions = {}): string {
  return JSON.stringify(sarifLog(report, options), null, 2) + '\n';
}

export function sarifLog(report: Report, options: SarifOptions = {}) {
  const at = locator(report.root);
  const seen = new Map<string, number>();
  const results = report.checks.flatMap((check, ruleIndex) =>
    check.paths
      .filter((p) => p.status === 'fail' && (!p.suppressed || options.includeSuppressed))
      .map((p) => {
        const hash = findingHash(check.id, p);
        const n = (seen.get(hash) ?? 0) + 1;
        seen.set(hash, n);
        return result(check, ruleIndex, p, `${hash}:${n}`, at);
      }),
  );
  const absolute = /^([A-Za-z]:)?[\\/]/.test(report.root);
  return {
    $schema: SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'bookfirst', version: report.tool.version, semanticVersion: report.tool.version, rules: report.checks.map(rule) } },
      ...(absolute ? { originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(report.root.replace(/[\\/]?$/, '/')).href } } } : {}),
      invocations: [{
        executionSuccessful: !report.checks.some((c) => c.verdict === 'error'),
        toolExecutionNotifications: [...checkErrors(report.checks), ...report.diagnostics.filter((d) => d.severity !== 'info').map((d) => notification(d, at))],
      }],
      results,
      // Verdicts and X of Y, which results alone cannot show (passing paths have none).
      properties: { checks: report.checks.map((c) => ({ id: c.id, verdict: c.verdict, passed: c.passed, total: c.total, summary: c.summary })) },
    }],
  };
}

type Locate = (file: string, line: number, column?: number) => { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn?: number } };

function locator(root: string): Locate {
  return (file, line, column) => ({
    artifactLocation: { uri: uriPath(projectPath(root, file)), uriBaseId: SRCROOT },
    region: { startLine: Math.max(1, line), ...(column && column > 0 ? { startColumn: column } : {}) },
  });
}

function rule(check: CheckResult) {
  const [intro = '', ...code] = check.remediation.split('\n');
  const securitySeverity = SECURITY_SEVERITY[check.severity];
  const cweTags = check.cwe.flatMap((c) => [c, `external/cwe/${c.toLowerCase()}`]);
  return {
    id: check.id,
    name: check.id.replace(/(^|-)(\w)/g, (_m, _d, ch: string) => ch.toUpperCase()),
    shortDescription: { text: check.label },
    fullDescription: { text: check.description },
    help: {
      text: [check.description, check.remediation ? `How to fix: ${check.remediation}` : ''].filter(Boolean).join('\n\n'),
      markdown: [check.description, intro ? `**How to fix.** ${intro}` : '', code.length > 0 ? ['```ts', ...code.map((l) => l.replace(/^ {2}/, '')), '```'].join('\n') : '']
        .filter(Boolean).join('\n\n'),
    },
    defaultConfiguration: { level: LEVEL[check.severity] },
    properties: {
      tags: ['security', ...cweTags].slice(0, 20),
      precision: 'high',
      'problem.severity': PROBLEM_SEVERITY[check.severity],
      ...(securitySeverity ? { 'security-severity': securitySeverity } : {}),
      catalogId: check.catalogId,
    },
  };
}

function result(check: CheckResult, ruleIndex: number, p: PathResult, fingerprint: string, at: Locate) {
  const related = p.webhookWrites.map((w, i) => ({ id: i + 1, physicalLocation: at(w.file, w.line), message: { text: 'booking written in the webhook' } }));
  const links = p.webhookWrites.map((w, i) => `[${escape(`${w.file}:${w.line}`)}](${i + 1})`);
  const head = `${check.label} fails on ${pathTitle(p)}: ${reasonText(p.reason)}.`;
  const text = links.length > 0 ? `${escape(head)} Booking written in the webhook: ${links.join(', ')}.` : head;
  return {
    ruleId: check.id,
    ruleIndex,
    level: LEVEL[check.severity],
    message: { text },
    locations: [{ physicalLocation: at(p.payment.file, p.payment.line, p.payment.column), message: { text: `payment: ${p.payment.provider} ${p.payment.api}` } }],
    partialFingerprints: { 'bookfirstFinding/v1': fingerprint, primaryLocationLineHash: fingerprint },
    codeFlows: [{
      message: { text: `${pathTitle(p)} (${p.reason})` },
      threadFlows: [{
        locations: p.trace.map((t, i) => ({ executionOrder: i + 1, location: { physicalLocation: at(t.file, t.line), message: { text: t.note } } })),
      }],
    }],
    ...(related.length > 0 ? { relatedLocations: related } : {}),
    ...(p.baselined === undefined ? {} : { baselineState: p.baselined ? 'unchanged' : 'new' }),
    ...(p.suppressed ? {
      suppressions: [{ kind: 'inSource', status: 'accepted', justification: p.suppressed.reason, location: { physicalLocation: at(p.suppressed.file, p.suppressed.line) } }],
    } : {}),
    properties: {
      reason: p.reason,
      entry: { name: p.entry.name, kind: p.entry.kind },
      bookingIdPassed: p.bookingIdPassed,
      approximate: p.approximate,
    },
  };
}

/** Literal brackets and backslashes in a message that holds embedded links (SARIF §3.11.6). */
function escape(text: string): string {
  return text.replace(/[\\[\]]/g, (c) => `\\${c}`);
}

function checkErrors(checks: CheckResult[]) {
  return checks.filter((c) => c.verdict === 'error').map((c) => ({
    level: 'error',
    message: { text: `check ${c.id} failed to run: ${(c.detail ?? '').split('\n')[0]}` },
    descriptor: { id: 'check-error' },
  }));
}

function notification(d: Diagnostic, at: Locate) {
  const where = d.file ? { locations: [{ physicalLocation: at(d.file, d.line) }] } : {};
  return { level: d.severity === 'error' ? 'error' : 'warning', message: { text: d.message }, descriptor: { id: d.code }, ...where };
}
