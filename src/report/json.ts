// The JSON report: the contract in docs/report-format.md, printed as is.
import type { Report } from '../model/report.js';

export function renderJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}
