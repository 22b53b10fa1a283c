// "The code that runs for webhook event X": branches where a compared value equals the event's
// type (`event.type === 'checkout.session.expired'`, `case 'payment.failed':`), found from the
// `compare` of assume nodes in every function the entry point reaches. A branch is what runs from
// its assume node on, without entering branches that compare the same value with another event,
// plus everything it calls.
import type { EntryPoint } from '../graph/entries.js';
import type { Expr, FileIR, FlowNode } from '../model/ir.js';
import { functionOf, reachableFrom, type Program } from './program.js';
import { regionFrom, type Region } from './regions.js';

export interface EventBranch {
  event: string;
  /** Function holding the comparison, and where the comparison is. */
  fn: string;
  file: string;
  pos: number;
  region: Region;
  /** True when no comparison was found and the branch is the whole handler (the event is only named). */
  whole: boolean;
  /** How a report names the branch, when not by its event. */
  note?: string;
}

export function eventBranches(program: Program, entry: EntryPoint, events: string[]): EventBranch[] {
  const reach = [...reachableFrom(program.graph, entry.fn)].sort();
  const out: EventBranch[] = [];
  for (const event of events) {
    let named = false;
    let found = false;
    for (const key of reach) {
      const f = functionOf(program, key);
      if (!f) continue;
      if (f.fn.strings.includes(event)) named = true;
      const starts = f.fn.nodes.flatMap((n, i) => (n.kind === 'assume' && n.compare?.equal && n.compare.literal === event ? [i] : []));
      if (starts.length === 0) continue;
      found = true;
      const value = JSON.stringify(f.fn.nodes[starts[0]!]!.compare!.value);
      // Another event's branch of the same comparison never runs for this event.
      const other = (n: FlowNode) => n.kind === 'assume' && n.compare !== undefined && JSON.stringify(n.compare.value) === value
        && ((n.compare.equal && n.compare.literal !== event) || (!n.compare.equal && n.compare.literal === event));
      out.push({ event, fn: key, file: f.ir.file, pos: f.fn.nodes[starts[0]!]!.pos, region: regionFrom(program, key, starts, other), whole: false });
    }
    if (!found && named) {
      const f = functionOf(program, entry.fn);
      if (f) out.push({ event, fn: entry.fn, file: entry.file, pos: entry.pos, region: regionFrom(program, entry.fn, [0]), whole: true });
    }
  }
  return out;
}

/**
 * Branches of a webhook that run when a result field says the payment did not succeed:
 * `if (Number(body.resultCode) !== 0)`, the `else` of `if (resultCode === 0)`. The field is found
 * through conversions (`String(x)`, `Number(x)`) and destructuring.
 */
export function resultFailureBranches(program: Program, entry: EntryPoint, rule: { field: string; success: (string | number)[] }): EventBranch[] {
  const succeeds = (literal: string | number | boolean) => rule.success.some((s) => String(s) === String(literal));
  const event = `${rule.field} not ${rule.success.join(' or ')}`;
  const out: EventBranch[] = [];
  for (const key of [...reachableFrom(program.graph, entry.fn)].sort()) {
    const f = functionOf(program, key);
    if (!f) continue;
    // Only comparisons with a success value: `resultCode === 9000` may be a pending state, not a failure.
    const onSuccessValue = (n: FlowNode) => n.kind === 'assume' && n.compare !== undefined && succeeds(n.compare.literal) && fieldOf(f.ir, n.compare.value) === rule.field;
    const failing = (n: FlowNode) => onSuccessValue(n) && !n.compare!.equal;
    const starts = f.fn.nodes.flatMap((n, i) => (failing(n) ? [i] : []));
    if (starts.length === 0) continue;
    // The success branch of the same comparison never runs for a failed payment.
    const succeeding = (n: FlowNode) => onSuccessValue(n) && n.compare!.equal;
    out.push({ event, fn: key, file: f.ir.file, pos: f.fn.nodes[starts[0]!]!.pos, region: regionFrom(program, key, starts, succeeding), whole: false });
  }
  return out;
}

/** The field a compared value reads: `body.resultCode`, `Number(body.resultCode)`, a destructured `resultCode`. */
function fieldOf(ir: FileIR, e: Expr, depth = 0): string | null {
  if (depth > 4) return null;
  if (e.k === 'member') return e.prop;
  if (e.k === 'call') {
    const site = ir.sites[e.site];
    const conversion = site?.callee.k === 'global' && ['Number', 'String', 'parseInt', 'parseFloat'].includes(site.callee.name);
    return conversion && site.args[0] ? fieldOf(ir, site.args[0], depth + 1) : null;
  }
  if (e.k === 'ref') {
    const b = ir.bindings[e.b];
    const def = b?.defs.length === 1 ? b.defs[0] : undefined;
    return def ? fieldOf(ir, def, depth + 1) : null;
  }
  return null;
}
