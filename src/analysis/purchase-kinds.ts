// One webhook endpoint often serves every kind of purchase of an app, told apart by a field the
// initiation puts in the payload (`metadata: { kind: 'photos' }`) and the handler branches on
// (`if (session.metadata.kind === 'booking')`). A booking written only in the branch for another
// value of a field this payment sets is no booking written for this payment. So is one written
// only past a branch the handler takes, and leaves, when a field this payment always sets is
// present (`if (intent.metadata?.chargeId) { settleCharge(); return; }`).
import { soleDefinition, textConverted, type Expr, type FileIR } from '../model/ir.js';
import { ID_FIELDS } from '../recognizers/vocabulary.js';
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
export function writesBookingsFor(hook: WebhookHandler, payload: PayloadFields): boolean {
  const bookings = hook.facts.filter((f) => f.bookingLike && f.kind === 'write');
  if (bookings.length === 0) return false;
  const elsewhere = payload.notRunIn(hook);
  return bookings.some((f) => !elsewhere.has(f));
}

/** What a payload tells the webhooks that may receive it: the facts each runs only for another kind of purchase. */
export interface PayloadFields {
  notRunIn: (hook: WebhookHandler) => Set<SiteFact>;
}

/**
 * A payment's payload fields, worked out once per payload (a tree of many apps hands one payment's
 * payload to every webhook of its provider), with what each webhook would not run for it.
 */
export function payloadFields(program: Program, leaves: Leaf[]): PayloadFields {
  const sent = sentLiterals(leaves);
  const present = presentKeys(program, leaves);
  if (sent.size === 0 && present.size === 0) return { notRunIn: () => NONE };
  const signature = JSON.stringify([[...sent].map(([k, v]) => [k, [...v].sort()]).sort(), [...present].sort()]);
  return { notRunIn: (hook) => memo(program, `${hook.entry.fn}|${signature}`, () => otherKindFacts(program, hook, sent, present)) };
}

const NONE: Set<SiteFact> = new Set();

/**
 * A payload field as a handler reads it: its last two keys (`metadata.kind`), so that `event.type`
 * is not the `metadata.type` a payment sends; a top-level field by its own name.
 */
const fieldKey = (path: string[]) => path.slice(-2).join('.');

/** Payload fields with the string literals this payment gives them. */
function sentLiterals(leaves: Leaf[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const l of leaves) {
    const key = fieldKey(l.path);
    if (!key || l.expr.k !== 'lit' || typeof l.expr.value !== 'string') continue;
    if (!out.has(key)) out.set(key, new Set());
    out.get(key)!.add(l.expr.value);
  }
  return out;
}

/**
 * Payload keys this payment always gives a value that tests true: a record's id (`charge.id`,
 * `String(order._id)`) or a literal that is not empty. A field from the request may be missing.
 */
function presentKeys(program: Program, leaves: Leaf[]): Set<string> {
  const out = new Set<string>();
  for (const l of leaves) {
    const key = fieldKey(l.path);
    if (key && surelyTruthy(program.files.get(l.file), l.expr)) out.add(key);
  }
  return out;
}

function surelyTruthy(ir: FileIR | undefined, e: Expr): boolean {
  if (e.k === 'lit') return Boolean(e.value);
  if (e.k === 'member') return e.prop !== null && ID_FIELDS.has(e.prop);
  const text = ir ? textConverted(ir, e) : null;
  return text !== null && surelyTruthy(ir, text);
}

/** A test of a payload field in a webhook: its presence (`if (meta.chargeId)`) or its value (`=== 'booking'`). */
interface FieldTest {
  fn: string;
  node: number;
  /** The member names the tested value is read through, outermost last. */
  path: string[];
  /** The literal compared with, or null for a presence test. */
  literal: string | null;
}

const testsMemo = keyedMemo<Program, FieldTest[]>();

/**
 * Every field test of the code a hook reaches, found once per hook: a tree of many apps asks each
 * hook about each payment of its provider, and most send nothing the hook tests.
 */
function fieldTests(program: Program, hook: WebhookHandler): FieldTest[] {
  return testsMemo(program, hook.entry.fn, () => {
    const out: FieldTest[] = [];
    for (const fn of [...reachableFrom(program.graph, hook.entry.fn)].sort()) {
      const f = functionOf(program, fn);
      f?.fn.nodes.forEach((n, node) => {
        if (n.kind !== 'assume') return;
        if (n.truthy === false && n.expr && !n.compare) out.push({ fn, node, path: readPath(f.ir, n.expr, 0), literal: null });
        const c = n.compare;
        if (c?.equal && !c.relational && typeof c.literal === 'string') out.push({ fn, node, path: readPath(f.ir, c.value, 0), literal: c.literal });
      });
    }
    return out;
  });
}

/**
 * The facts of the hook's branches that run only when a field this payment sends holds another
 * literal, or only when a field it always sends is absent.
 */
function otherKindFacts(program: Program, hook: WebhookHandler, sent: Map<string, Set<string>>, present: Set<string>): Set<SiteFact> {
  const out = new Set<SiteFact>();
  for (const t of fieldTests(program, hook)) {
    const f = functionOf(program, t.fn)!;
    if (t.literal === null) {
      if (!fieldOf(t.path, present)) continue;
      // The field's absence: what runs from here that the field's presence never reaches, minus
      // what it reaches through another way (a helper both ways call).
      const taken = otherBranch(f.fn.nodes, frameIndex(program, t.fn, f.fn.nodes).preds, t.node);
      if (taken.length === 0) continue;
      const reached = new Set(factsInRegion(program, regionFrom(program, t.fn, taken)).map((x) => x.fact));
      for (const x of factsInRegion(program, regionFrom(program, t.fn, [t.node], () => false, taken))) if (!reached.has(x.fact)) out.add(x.fact);
      continue;
    }
    const field = fieldOf(t.path, sent);
    const values = field ? sent.get(field) : undefined;
    if (!values || values.has(t.literal)) continue;
    // The branch is its body only: minus where the code goes on when the test fails (the `else`,
    // the code after the `if`). Without that way out found, the branch is not told apart.
    const otherwise = otherBranch(f.fn.nodes, frameIndex(program, t.fn, f.fn.nodes).preds, t.node);
    if (otherwise.length === 0) continue;
    for (const x of factsInRegion(program, regionFrom(program, t.fn, [t.node], () => false, otherwise))) out.add(x.fact);
  }
  return out;
}

/**
 * Which of the payload fields `known` a tested value read through `path` is: `session.metadata.kind`,
 * and a `kind` taken from it (`const kind = session.metadata?.kind`, `const { kind } = session.metadata`).
 */
function fieldOf(path: string[], known: { has(key: string): boolean }): string | null {
  const two = path.length >= 2 ? path.slice(-2).join('.') : null;
  if (two && known.has(two)) return two;
  const one = path[path.length - 1];
  return one !== undefined && known.has(one) ? one : null;
}

/** The member names a value is read through, outermost last, following a constant to what it was read from. */
function readPath(ir: FileIR, e: Expr, depth: number): string[] {
  if (depth > 6) return [];
  if (e.k === 'member') return e.prop === null ? [] : [...readPath(ir, e.obj, depth + 1), e.prop];
  if (e.k !== 'ref') return [];
  const def = soleDefinition(ir, e);
  return def?.k === 'member' ? readPath(ir, def, depth + 1) : [ir.bindings[e.b]?.name ?? ''];
}
