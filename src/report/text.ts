// The report for people: grouped by check, every path with its reason, code frames at the payment
// call and the evidence, the trace, and a remediation fitted to the stack found.
import type { CheckResult, PathResult, Report, Snippet } from '../model/report.js';
import { append } from '../util/append.js';
import { PAYMENT_PATH_CHECKS } from './reasons.js';
import { createStyle, type Style } from './style.js';
import { visibleStrings } from './visible.js';

export interface TextOptions {
  color: boolean;
  /** List every diagnostic instead of a count. */
  verbose?: boolean;
}

export function renderText(scanned: Report, options: TextOptions): string {
  const report = visibleStrings(scanned);
  const s = createStyle(options.color);
  const out: string[] = [];
  out.push(s.bold(`bookfirst ${report.tool.version}`) + s.dim(` scanned ${report.root} (${report.stats.files} files, ${report.stats.durationMs} ms)`), '');
  for (const check of report.checks) {
    append(out, renderCheck(check, s));
    out.push('');
  }
  const diags = report.diagnostics;
  if (diags.length > 0) {
    if (options.verbose) {
      out.push(s.bold('Diagnostics'));
      for (const d of diags) out.push(`  ${d.file}:${d.line} ${d.severity} ${d.code}: ${d.message}`);
    } else {
      out.push(s.dim(`${diags.length} diagnostic${diags.length === 1 ? '' : 's'} (files skipped or partly analyzed); --verbose lists them`));
    }
  }
  return out.join('\n') + '\n';
}

const VERDICT: Record<CheckResult['verdict'], (s: Style) => string> = {
  pass: (s) => s.green('PASS'),
  fail: (s) => s.red('FAIL'),
  skip: (s) => s.yellow('SKIP'),
  error: (s) => s.red('ERROR'),
};

function renderCheck(check: CheckResult, s: Style): string[] {
  const out = [`${VERDICT[check.verdict](s)}  ${s.bold(check.id)}  ${check.label}  ${s.dim(`[${check.severity}]`)}`];
  out.push(`  ${check.summary}${check.skipReason ? s.dim(` (skipped: ${check.skipReason})`) : ''}`);
  if (check.verdict === 'error' && check.detail) out.push(`  ${s.red(check.detail.split('\n')[0]!)}`);
  // A skip's detail says why the skip itself may be wrong (files that did not parse).
  if (check.verdict === 'skip' && check.detail) out.push(`  ${s.yellow(check.detail)}`);
  for (const p of check.paths) out.push('', ...(check.id === 'confirmation-record' ? renderPath(p, s) : renderItem(check, p, s)));
  if (check.verdict === 'fail') {
    out.push('', `  ${s.bold('How to fix')}`, ...check.remediation.split('\n').map((l) => `    ${l}`));
  }
  return out;
}

/** An item's first lines: its verdict and title, suppression, entry point, and the call with its code. */
function itemHead(p: PathResult, s: Style, callLabel: string): string[] {
  const mark = p.suppressed ? s.dim('–') : p.status === 'pass' ? s.green('✓') : p.status === 'fail' ? s.red('✗') : s.dim('–');
  const tags = [p.approximate ? 'approximate' : '', p.suppressed ? 'suppressed' : '', p.baselined ? 'in baseline' : p.baselined === false ? 'new' : '']
    .filter(Boolean).map((t) => s.dim(` (${t})`)).join('');
  const out = [`  ${mark} ${s.bold(p.entry.name)} -> ${p.payment.provider} ${p.payment.api}  ${s.dim(p.reason)}${tags}`];
  if (p.suppressed) out.push(`    ${s.yellow('suppressed')} at ${p.suppressed.file}:${p.suppressed.line}: ${p.suppressed.reason || 'no reason given'}`);
  out.push(`    entry    ${p.entry.file}:${p.entry.line}:${p.entry.column} ${s.dim(`(${p.entry.kind})`)}`);
  out.push(`    ${callLabel.padEnd(8)} ${p.payment.file}:${p.payment.line}:${p.payment.column}`);
  const callFrame = p.snippets.find((x) => x.file === p.payment.file && x.focus === p.payment.line);
  if (callFrame && p.status !== 'excluded') out.push(...frame(callFrame, s));
  return out;
}

function renderPath(p: PathResult, s: Style): string[] {
  const out = itemHead(p, s, 'payment');
  if (p.evidence) {
    out.push(`    booking  ${p.evidence.kind === 'write' ? 'written' : 'read and checked'} at ${p.evidence.file}:${p.evidence.line} (${p.evidence.entity})`);
    const ev = evidenceFrame(p);
    if (ev) out.push(...frame(ev, s));
  } else if (p.status === 'fail') {
    // The webhook's writes explain the failure only when that is the reason; a write after the
    // payment or an unverified client id says more about this path than a webhook elsewhere.
    const onlyInWebhook = p.reason === 'booking-only-in-webhook' && p.webhookWrites.length > 0;
    out.push(`    booking  ${onlyInWebhook ? `created only in the webhook: ${p.webhookWrites.map((w) => `${w.file}:${w.line}`).join(', ')}` : 'no booking record exists before this payment'}`);
  }
  if (p.status !== 'excluded') out.push(`    id       ${p.bookingIdPassed ? `passed to the provider via ${p.via}` : 'not passed to the provider'}`);
  for (const w of p.warnings) out.push(`    ${s.yellow('warning')}  ${w}`);
  if (p.status === 'fail' && p.trace.length > 0) {
    out.push(`    trace`);
    for (const t of p.trace) out.push(`      ${s.dim(`${t.file}:${t.line}`)}  ${t.note}`);
  }
  return out;
}

/** What the evidence of an item is, in words. */
const EVIDENCE: Record<NonNullable<PathResult['evidence']>['kind'], string> = {
  write: 'booking written',
  'guarded-read': 'booking read and checked',
  update: 'record updated',
  delete: 'record deleted',
  refund: 'refund',
  capture: 'capture',
  'schema-default': 'schema default',
  reference: 'booking id sent',
};

/** Checks whose items stand for a payment call, so the booking id it carries matters. */

/** The excerpt around the evidence, unless it is the call's own (already shown). */
function evidenceFrame(p: PathResult): Snippet | null {
  const e = p.evidence;
  if (!e || (e.file === p.payment.file && e.line === p.payment.line)) return null;
  return p.snippets.find((x) => x.file === e.file && x.focus === e.line) ?? null;
}

/** An item of the other checks: the call that decides it, its evidence, and the sequence found. */
function renderItem(check: CheckResult, p: PathResult, s: Style): string[] {
  const out = itemHead(p, s, 'at');
  if (p.evidence) {
    out.push(`    evidence ${EVIDENCE[p.evidence.kind]} at ${p.evidence.file}:${p.evidence.line} (${p.evidence.entity})`);
    const ev = evidenceFrame(p);
    if (ev) out.push(...frame(ev, s));
  }
  if (PAYMENT_PATH_CHECKS.has(check.id) && p.status !== 'excluded') out.push(`    id       ${p.bookingIdPassed ? `passed to the provider via ${p.via}` : 'not passed to the provider'}`);
  for (const w of p.warnings) out.push(`    ${s.yellow('warning')}  ${w}`);
  // The sequence found decides the item either way: shown for passing items too.
  if (p.trace.length > 0) {
    out.push(`    sequence`);
    for (const t of p.trace) out.push(`      ${s.dim(`${t.file}:${t.line}`)}  ${t.note}`);
  }
  return out;
}

function frame(snippet: Snippet, s: Style): string[] {
  const width = String(snippet.line + snippet.lines.length).length;
  return snippet.lines.map((text, i) => {
    const n = snippet.line + i;
    const gutter = `${n === snippet.focus ? '>' : ' '} ${String(n).padStart(width)} |`;
    return `      ${n === snippet.focus ? s.bold(gutter) : s.dim(gutter)} ${text}`;
  });
}
