// The report: the JSON contract of `scan --format json` (see docs/report-format.md). Every
// reporter is a pure function of this object.

export type Severity = 'critical' | 'high' | 'medium' | 'low' | 'info';
export type Verdict = 'pass' | 'fail' | 'skip' | 'error';

export interface Diagnostic {
  file: string;
  line: number;
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
}

export interface Location {
  file: string;
  line: number;
  column: number;
}

export interface EntryRef extends Location {
  /** How the request or event enters: 'next-route', 'express-route', 'event-listener', 'uncalled-function', ... */
  kind: string;
  name: string;
}

export interface PaymentRef extends Location {
  provider: string;
  api: string;
}

export interface Evidence {
  file: string;
  line: number;
  /**
   * What the evidence is: a booking `write` or `guarded-read` (confirmation-record), an `update` or
   * `delete` of a record, a provider call (`refund`, `capture`), a `schema-default` of a field, or the
   * payment call's `reference` field carrying the booking id.
   */
  kind: 'write' | 'guarded-read' | 'update' | 'delete' | 'refund' | 'capture' | 'schema-default' | 'reference';
  entity: string;
}

export interface TraceStep {
  file: string;
  line: number;
  note: string;
}

export interface Snippet {
  file: string;
  /** First line number of `lines`. */
  line: number;
  lines: string[];
  /** Line to highlight. */
  focus: number;
}

export interface PathResult {
  status: 'pass' | 'fail' | 'excluded';
  reason: string;
  entry: EntryRef;
  payment: PaymentRef;
  evidence: Evidence | null;
  bookingIdPassed: boolean;
  via: string | null;
  webhookWrites: { file: string; line: number }[];
  trace: TraceStep[];
  /** True when some link of the chain was resolved by method name only. */
  approximate: boolean;
  warnings: string[];
  /** Code excerpts at the payment call and the evidence, for the text and HTML reporters. */
  snippets: Snippet[];
  /** Set on a failing path that a `// bookfirst-ignore` comment suppresses: listed, not counted. */
  suppressed?: Suppression;
  /** Set on every counted failing path when a baseline was given: true when the baseline has it. */
  baselined?: boolean;
}

export interface Suppression {
  reason: string;
  /** Where the `// bookfirst-ignore` comment is. */
  file: string;
  line: number;
}

export interface CheckResult {
  id: string;
  catalogId: string;
  label: string;
  severity: Severity;
  cwe: string[];
  /** One sentence: what the check verifies. */
  description: string;
  verdict: Verdict;
  skipReason: string | null;
  passed: number;
  total: number;
  summary: string;
  detail: string | null;
  remediation: string;
  paths: PathResult[];
}

export interface Report {
  schemaVersion: 1;
  tool: { name: string; version: string };
  root: string;
  checks: CheckResult[];
  diagnostics: Diagnostic[];
  stats: { files: number; parsed: number; parseErrors: number; durationMs: number };
}
