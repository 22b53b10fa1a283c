// Markdown for pull-request comments and GITHUB_STEP_SUMMARY: a verdict line per check, X of Y,
// and a table of the paths that fail with file:line links. Passing paths fold away.
import type { CheckResult, PathResult, Report } from '../model/report.js';
import { lineLink } from './locations.js';
import { openFailures, reasonText, VERDICT_WORD } from './reasons.js';

export interface MarkdownOptions {
  /** Prefix that makes links absolute, e.g. `https://github.com/o/r/blob/<sha>`; relative links without it. */
  linkBase?: string | null;
  /** Rows per table before the rest is summarised (GitHub caps a step summary at 1 MiB). */
  maxRows?: number;
}

export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const link = (file: string, line: number) => `[${cell(`${file}:${line}`)}](${lineLink(report.root, file, line, options.linkBase ?? null)})`;
  const maxRows = options.maxRows ?? 50;
  const failing = report.checks.filter((c) => c.verdict === 'fail' || c.verdict === 'error');
  const out = [
    `## bookfirst: ${failing.length === 0 ? 'no failing checks' : `${failing.length} of ${report.checks.length} check${report.checks.length === 1 ? '' : 's'} failing`}`,
    '',
    '| Check | Verdict | Result | Severity |',
    '| --- | --- | --- | --- |',
    ...report.checks.map((c) => `| ${cell(c.label)} (\`${c.id}\`) | **${VERDICT_WORD[c.verdict]}** | ${cell(c.summary)} | ${c.severity} |`),
  ];
  for (const check of report.checks) out.push('', ...renderCheck(check, link, maxRows));
  const stats = report.stats;
  out.push('', `<sub>bookfirst ${report.tool.version} scanned ${code(report.root)}: ${stats.files} files, ${report.diagnostics.length} diagnostic${report.diagnostics.length === 1 ? '' : 's'}.</sub>`, '');
  return out.join('\n');
}

type Link = (file: string, line: number) => string;

function renderCheck(check: CheckResult, link: Link, maxRows: number): string[] {
  const out = [`### ${VERDICT_WORD[check.verdict]} \`${check.id}\`: ${cell(check.label)}`, '', `**${check.passed} of ${check.total}**${check.summary.replace(/^\d+ of \d+/, '')}.`];
  if (check.skipReason) out.push('', `Skipped: ${check.skipReason}.`);
  if (check.verdict === 'error') out.push('', `Error: ${cell((check.detail ?? '').split('\n')[0] ?? '')}`);
  if (check.verdict === 'skip' && check.detail) out.push('', `Note: ${cell(check.detail)}`);
  const failing = openFailures(check);
  const held = check.paths.filter((p) => p.status === 'fail' && p.suppressed);
  if (failing.length > 0) {
    out.push('', ...table(failing, link, maxRows, (p) => `${reasonText(p.reason)}${webhookNote(p, link)}${p.baselined ? ' (in baseline)' : p.baselined === false ? ' (**new**)' : ''}`));
  }
  const passing = check.paths.filter((p) => p.status === 'pass');
  const folded: [string, PathResult[], (p: PathResult) => string][] = [
    [`${passing.length} passing path${passing.length === 1 ? '' : 's'}`, passing, (p) => evidenceNote(p, link)],
    [`${held.length} suppressed path${held.length === 1 ? '' : 's'}`, held, (p) => `${cell(p.suppressed!.reason || 'no reason given')} (${link(p.suppressed!.file, p.suppressed!.line)})`],
  ];
  for (const [title, paths, note] of folded) {
    if (paths.length > 0) out.push('', `<details><summary>${title}</summary>`, '', ...table(paths, link, maxRows, note), '', '</details>');
  }
  return out;
}

function table(paths: PathResult[], link: Link, maxRows: number, note: (p: PathResult) => string): string[] {
  const rows = paths.slice(0, maxRows).map((p) =>
    `| ${code(p.entry.name)} ${link(p.entry.file, p.entry.line)} | ${p.payment.provider} ${code(p.payment.api)} ${link(p.payment.file, p.payment.line)} | ${note(p)} |`);
  const more = paths.length > maxRows ? [`| ... and ${paths.length - maxRows} more | | |`] : [];
  return ['| Entry point | Payment call | Why |', '| --- | --- | --- |', ...rows, ...more];
}

function webhookNote(p: PathResult, link: Link): string {
  return p.reason === 'booking-only-in-webhook' && p.webhookWrites.length > 0 ? ` (${p.webhookWrites.map((w) => link(w.file, w.line)).join(', ')})` : '';
}

function evidenceNote(p: PathResult, link: Link): string {
  if (!p.evidence) return reasonText(p.reason);
  return `${reasonText(p.reason)} (${cell(p.evidence.entity)}, ${link(p.evidence.file, p.evidence.line)})`;
}

/** Text safe inside a table cell. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/\r?\n/g, ' ');
}

/** A code span safe inside a table cell (GitHub unescapes `\|` there too). */
function code(text: string): string {
  return `\`${text.replace(/`/g, "'").replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')}\``;
}
