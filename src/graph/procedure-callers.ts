// Server-side callers: a route handler or server action that runs a procedure in-process
// (`api.booking.create(input)` on tRPC's `createCaller`) calls that procedure's handler, as a request
// to it would. The caller is made from a route group (`callers` in the frameworks' registrations);
// the names after it are the keys the procedure sits under in that group.
import type { FileIR } from '../model/ir.js';
import { fnKey, type Step } from '../model/values.js';
import type { SiteFact } from '../recognize/facts.js';
import type { FrameworkRecognizer } from '../recognizers/define.js';
import { compilePath, isModuleOrSubpath, matchSteps } from '../recognizers/match.js';
import type { Evaluator } from '../symbols/evaluate.js';
import type { CallEdge } from './call-graph.js';
import { entryFunctions, KeyRoutes } from './entries.js';

export function procedureCallerEdges(ev: Evaluator, files: FileIR[], factsBySite: Map<string, SiteFact[]>, frameworks: FrameworkRecognizer[]): CallEdge[] {
  const callers = frameworks.flatMap((fw) => (fw.registrations ?? []).flatMap((reg) => (reg.callers ?? []).flatMap((call) =>
    reg.clients.map((c) => ({ modules: c.module ? [c.module] : fw.packages, tokens: compilePath(c.path ? `${c.path}.${call}` : call) })))));
  if (callers.length === 0) return [];
  const factsAt = (key: string) => factsBySite.get(key.replace(/#(\d+)$/, ':$1')) ?? [];
  const isGroup = (key: string) => factsAt(key).some((f) => f.kind === 'route-group');
  let keyRoutes: KeyRoutes | null = null;
  const out: CallEdge[] = [];
  for (const ir of files) {
    ir.sites.forEach((site, index) => {
      if (site.callee.k !== 'member') return;
      for (const v of ev.values(ir.file, site.callee)) {
        if (v.t !== 'ext') continue;
        for (const c of callers) {
          if (!c.modules.some((m) => isModuleOrSubpath(v.module, m))) continue;
          const made = callerLength(c.tokens, v.steps);
          if (made === null) continue;
          const group = groupOf(ev, v.steps.slice(0, made), isGroup);
          if (group === null) continue;
          keyRoutes ??= new KeyRoutes(ev, [...factsBySite.values()].flat());
          for (const at of keyRoutes.placedAt(group, v.steps.slice(made).map((s) => s.p))) {
            const reg = factsAt(at).find((f) => f.kind === 'registration');
            const regIr = reg && ev.ir(reg.file);
            if (!regIr) continue;
            for (const arg of regIr.sites[reg.site]!.args) {
              for (const to of entryFunctions(ev, regIr, arg)) {
                out.push({ from: fnKey({ file: ir.file, fn: site.fn }), file: ir.file, site: index, to, kind: 'call', filledParams: true });
              }
            }
          }
        }
      }
    });
  }
  return out;
}

/** How many steps make the caller, when the rest are only the names of a procedure's keys. */
function callerLength(tokens: string[], steps: Step[]): number | null {
  for (let n = steps.length - 1; n > 0 && !steps[n]!.p.endsWith('()') && steps[n]!.p !== '[]'; n--) {
    if (matchSteps(tokens, steps.slice(0, n))) return n;
  }
  return null;
}

/** The route group a caller was made from: a group call among its steps, or such a call's first argument. */
function groupOf(ev: Evaluator, steps: Step[], isGroup: (key: string) => boolean): string | null {
  for (const s of steps) {
    if (s.site === undefined || !s.file) continue;
    if (isGroup(`${s.file}#${s.site}`)) return `${s.file}#${s.site}`;
    const arg = ev.ir(s.file)?.sites[s.site]?.args[0];
    for (const v of arg ? ev.values(s.file, arg) : []) {
      const last = v.t === 'ext' ? v.steps[v.steps.length - 1] : undefined;
      if (last?.site !== undefined && last.file && isGroup(`${last.file}#${last.site}`)) return `${last.file}#${last.site}`;
    }
  }
  return null;
}
