// How a check is declared: metadata (ids, severity, CWE, summary template) plus a small `run` that
// queries the program's facts and graphs through the context. Checks never walk an AST.
import type { FlowFacts } from '../analysis/flow-facts.js';
import type { Program } from '../analysis/program.js';
import type { WebhookHandler } from '../analysis/webhooks.js';
import type { CheckResult, Severity } from '../model/report.js';
import type { SiteFact } from '../recognize/facts.js';

export interface CheckContext {
  program: Program;
  /** Flow queries where records of interest are those `isRecordFact` accepts (memoized per predicate name). */
  flowFacts(name: string, isRecordFact: (f: SiteFact) => boolean): FlowFacts;
  webhooks(): WebhookHandler[];
  /** Why the check cannot apply, shared by every payment check. */
  applicability(): string | null;
  /**
   * Why no booking is ever paid, when the scan can tell: it found payments and every one is
   * excluded (subscription billing, donations, shop orders). For the checks about paid bookings.
   */
  unpaidBookings(): string | null;
}

export type CheckOutcome = Pick<CheckResult, 'verdict' | 'skipReason' | 'passed' | 'total' | 'paths' | 'detail' | 'remediation'>;

export interface CheckDefinition {
  id: string;
  catalogId: string;
  label: string;
  severity: Severity;
  cwe: string[];
  /** One line: what the check verifies. */
  description: string;
  /** The always-present summary line, from X and Y. */
  summary(passed: number, total: number): string;
  run(cx: CheckContext): CheckOutcome;
}

export function defineCheck(def: CheckDefinition): CheckDefinition {
  return def;
}
