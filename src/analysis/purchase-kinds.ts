// One webhook endpoint often serves every kind of purchase of an app, told apart by a field the
// initiation puts in the payload (`metadata: { kind: 'photos' }`) and the handler branches on
// (`if (session.metadata.kind === 'booking')`). A booking written only in the branch for another
// value of a field this payment sets is no booking written for this payment.
import type { Expr, FileIR } from '../model/ir.js';
import type { SiteFact } from '../recognize/facts.js';
import type { Leaf } from './id-flow.js';
import { functionOf, reachableFrom, type Program } from './program.js';
import { factsInRegion, frameIndex, otherBranch, regionFrom } from './regions.js';
import type { WebhookHandler } from './webhooks.js';
import { keyedMemo } from '../util/memo.js';

/** Asked for each payment that names no booking: thousands of a generated route's send the same payload. */
const memo = keyedMemo<Program, Set<SiteFact>>();

/**
 * Whether the webhook inserts bookings on a way this payment can take, judged by the literals its
 * payload sends. One that only reads or confirms bookings (a deposit's `payment_intent.succeeded`)
 * books nothing for a payment that names no booking: an invoice paid beside them stays an invoice.
 */
export function writesBookingsFor(program: Program, hook: WebhookHandler, leaves: Leaf[]): boolean {
  const bookings = hook.facts.filter((f) => f.bookingLike && f.kind === 'write');
  if (bookings.length === 0) return false;
  const sent = sentLiterals(leaves);
  if (sent.size === 0) return true;
  const signature = JSON.stringify([...sent].map(([k, v]) => [k, [...v].sort()]).sort());
  const elsewhere = memo(program, `${hook.entry.fn}|${signature}`, () => otherKindFacts(program, hook, sent));
  return bookings.some((f) => !elsewhere.has(f));
}

/** Payload keys (the last step of their path) with the string literals this payment gives them. */
function sentLiterals(leaves: Leaf[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const l of leaves) {
    const key = l.path[l.path.length - 1];
    if (!key || l.expr.k !== 'lit' || typeof l.expr.value !== 'string') continue;
    if (!out.has(key)) out.set(key, new Set());
    out.get(key)!.add(l.expr.value);
  }
  return out;
}

/** The facts of the hook's branches that run only when a field this payment sends holds another literal. */
function otherKindFacts(program: Program, hook: WebhookHandler, sent: Map<string, Set<string>>): Set<SiteFact> {
  const out = new Set<SiteFact>();
  for (const key of [...reachableFrom(program.graph, hook.entry.fn)].sort()) {
    const f = functionOf(program, key);
    if (!f) continue;
    f.fn.nodes.forEach((n, i) => {
      const c = n.compare;
      if (n.kind !== 'assume' || !c?.equal || c.relational || typeof c.literal !== 'string') return;
      const field = fieldCompared(f.ir, c.value);
      const values = field ? sent.get(field) : undefined;
      if (!values || values.has(c.literal)) return;
      // The branch is its body only: minus where the code goes on when the test fails (the `else`,
      // the code after the `if`). Without that way out found, the branch is not told apart.
      const otherwise = otherBranch(f.fn.nodes, frameIndex(program, key, f.fn.nodes).preds, i);
      if (otherwise.length === 0) return;
      for (const x of factsInRegion(program, regionFrom(program, key, [i], () => false, otherwise))) out.add(x.fact);
    });
  }
  return out;
}

/** The name of the field a comparison reads: `session.metadata.kind` and a `kind` taken from it are `kind`. */
function fieldCompared(ir: FileIR, value: Expr): string | null {
  if (value.k === 'member') return value.prop;
  if (value.k === 'ref') return ir.bindings[value.b]?.name ?? null;
  return null;
}
