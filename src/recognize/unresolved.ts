// Payment calls the engine could not resolve must not vanish silently (analysis notes §7): a call
// spelled like a provider operation on a receiver named after the provider, whose value did not
// resolve to that provider's client, is reported as a diagnostic.
import { describeExpr } from '../debug/flow-dump.js';
import type { Expr, FileIR } from '../model/ir.js';
import type { Diagnostic } from '../model/report.js';
import { lineOf } from '../parse/source-guards.js';
import type { Recognizer } from '../recognizers/define.js';
import type { SiteFact } from './facts.js';

export function unresolvedPaymentCalls(files: FileIR[], providers: Recognizer[], factsBySite: Map<string, SiteFact[]>): Diagnostic[] {
  const names = (ir: FileIR, e: Expr): string[] | null => memberChain(e, (x) => (x.k === 'ref' ? ir.bindings[x.b]?.name ?? '?' : x.k === 'global' ? x.name : 'this'));
  const ops = providers.flatMap((r) =>
    r.kind === 'provider' ? r.operations.filter((o) => o.role === 'initiation' && o.call.includes('.')).map((o) => ({ r, path: o.call.split('.') })) : [],
  );
  const out: Diagnostic[] = [];
  for (const ir of files) {
    ir.sites.forEach((site, index) => {
      if ((factsBySite.get(`${ir.file}:${index}`) ?? []).some((f) => f.kind === 'provider')) return;
      const chain = names(ir, site.callee);
      if (!chain) return;
      for (const { r, path } of ops) {
        const receiver = chain.slice(0, chain.length - path.length).join('.').toLowerCase();
        if (chain.length <= path.length || !receiver.includes(r.id) || path.some((p, i) => chain[chain.length - path.length + i] !== p)) continue;
        out.push({
          file: ir.file, line: lineOf(ir.lineStarts, site.start), severity: 'warning', code: 'unresolved-payment-call',
          message: `${describeExpr(ir, site.callee)}() looks like a ${r.name} payment initiation, but its client could not be resolved (an import the scan cannot follow?); it is not analyzed as a path`,
        });
        return;
      }
    });
  }
  return out;
}

/** `this.stripe.paymentIntents.create` -> ['this', 'stripe', 'paymentIntents', 'create']. */
function memberChain(e: Expr, rootName: (e: Expr) => string): string[] | null {
  if (e.k === 'member' && e.prop !== null) {
    const head = memberChain(e.obj, rootName);
    return head ? [...head, e.prop] : null;
  }
  return e.k === 'ref' || e.k === 'global' || e.k === 'this' ? [rootName(e)] : null;
}
