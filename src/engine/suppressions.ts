// `// bookfirst-ignore <check-id> -- <reason>` comments, matched after the checks run: a failing
// path whose payment call or entry point has one on its line or the line directly above stays
// listed with `suppressed`, and leaves its check's X of Y and verdict.
import type { CheckDefinition } from '../checks/define.js';
import type { FileIR } from '../model/ir.js';
import type { CheckResult, Diagnostic, PathResult } from '../model/report.js';

interface Directive {
  file: string;
  line: number;
  checkId: string;
  reason: string;
  used: boolean;
}

/** Marks suppressed paths, recounts the checks they belong to, and returns the diagnostics. */
export function applySuppressions(checks: CheckResult[], files: Map<string, FileIR>, definitions: CheckDefinition[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const directives: Directive[] = [];
  for (const ir of files.values()) {
    for (const c of ir.directiveComments) {
      const def = definitions.find((d) => d.id === c.checkId || d.catalogId === c.checkId);
      if (!def) {
        const known = definitions.map((d) => d.id).join(', ');
        diagnostics.push(warning(ir.file, c.line, 'unknown-suppression-check', c.checkId
          ? `bookfirst-ignore names an unknown check "${c.checkId}" (known: ${known}); it suppresses nothing`
          : `bookfirst-ignore needs a check id: // bookfirst-ignore <check-id> -- <reason> (known: ${known})`));
        continue;
      }
      if (!c.reason) {
        diagnostics.push(warning(ir.file, c.line, 'suppression-without-reason',
          `bookfirst-ignore ${def.id} gives no reason; write one after " -- " so reviewers know why`));
      }
      directives.push({ file: ir.file, line: c.line, checkId: def.id, reason: c.reason, used: false });
    }
  }
  for (const check of checks) {
    const own = directives.filter((d) => d.checkId === check.id);
    if (own.length === 0 || check.verdict === 'error') continue;
    let changed = false;
    for (const p of check.paths) {
      if (p.status !== 'fail') continue;
      const matching = own.filter((d) => covers(d, p.payment) || covers(d, p.entry));
      for (const d of matching) d.used = true;
      const chosen = matching.find((d) => covers(d, p.payment)) ?? matching[0];
      if (!chosen) continue;
      p.suppressed = { reason: chosen.reason, file: chosen.file, line: chosen.line };
      changed = true;
    }
    const def = definitions.find((d) => d.id === check.id);
    if (changed && def) recount(check, def);
  }
  const ran = new Set(checks.filter((c) => c.verdict !== 'error').map((c) => c.id));
  for (const d of directives) {
    if (d.used || !ran.has(d.checkId)) continue;
    diagnostics.push(warning(d.file, d.line, 'unused-suppression',
      `bookfirst-ignore ${d.checkId} suppresses nothing: no failing path has its payment call or entry point on this line or the next`));
  }
  return diagnostics;
}

/** On the line itself, or directly above it. */
function covers(d: Directive, at: { file: string; line: number }): boolean {
  return d.file === at.file && (d.line === at.line || d.line === at.line - 1);
}

function recount(check: CheckResult, def: CheckDefinition): void {
  const counted = check.paths.filter((p) => p.status !== 'excluded' && !p.suppressed);
  const failing = counted.filter((p) => p.status === 'fail');
  check.passed = counted.length - failing.length;
  check.total = counted.length;
  check.summary = def.summary(check.passed, check.total);
  check.verdict = check.total === 0 ? 'skip' : failing.length === 0 ? 'pass' : 'fail';
  check.skipReason = check.total === 0 ? 'all-paths-suppressed' : null;
  const suppressed = check.paths.filter((p) => p.suppressed).length;
  const note = `${suppressed} failing path${suppressed === 1 ? '' : 's'} suppressed.`;
  check.detail = failing.length === 0 ? null : `${failing.map(describe).join(' ')} ${note}`.slice(0, 2000);
}

function describe(p: PathResult): string {
  return `${p.entry.name} -> ${p.payment.provider} ${p.payment.api} (${p.payment.file}:${p.payment.line}): ${p.reason}.`;
}

function warning(file: string, line: number, code: string, message: string): Diagnostic {
  return { file, line, severity: 'warning', code, message };
}
