// Webhook and payment-success handlers: entry points that hear back from a provider. An entry is
// one for a provider when it verifies that provider's webhook signature, branches on its event
// types, or retrieves/captures a payment without starting one (success and return callbacks).
import type { EntryPoint } from '../graph/entries.js';
import { bindingsIn, sitesIn, type Expr } from '../model/ir.js';
import { fnKey, type Value } from '../model/values.js';
import { stateOfText } from './booking-state.js';
import type { SiteFact } from '../recognize/facts.js';
import { functionOf, integratedProviders, reachableFrom, type Program } from './program.js';
import { failureReturns, notifiedRoutes, successReturns } from './return-routes.js';
import { keyedMemo, lazyOnce } from '../util/memo.js';
import { addTo } from '../util/multimap.js';

export interface WebhookHandler {
  entry: EntryPoint;
  /** Provider ids this entry hears from. */
  providers: string[];
  /** Record facts (booking writes, reads, updates) reachable from it. */
  facts: SiteFact[];
}

const CALLBACK_NAME = /webhook|callback|success|return|confirm|notify|notification|ipn|verify|capture|complete/i;

export function findWebhookHandlers(program: Program): WebhookHandler[] {
  const out: WebhookHandler[] = [];
  for (const entry of program.entries) {
    const reach = reachableFrom(program.graph, entry.fn);
    const facts = [...reach].flatMap((k) => program.factsByFn.get(k) ?? []);
    // Event types the code branches on (`event.type === 'payment.created'`, `case 'payment.created':`), or holds.
    const texts = textsOf(program);
    const inReach = (fns: string[] | undefined) => fns !== undefined && fns.some((k) => reach.has(k));
    const fieldsRead = lazyOnce(() => fieldsReadIn(program, reach), new Set<string>());
    // A queued write (unit of work) writes nothing unless a flush of its store follows it.
    const flushed = (f: SiteFact) => !f.match?.store?.queued || facts.some((x) => x.kind === 'flush' && x.recognizer === f.recognizer && x.fn === f.fn && x.file === f.file);
    const records = facts.filter((f) => (f.kind === 'write' || f.kind === 'read' || f.kind === 'update') && flushed(f));
    const insertsBooking = records.some((f) => f.kind === 'write' && f.bookingLike);
    const providers: string[] = [];
    for (const r of program.recognizers) {
      // Event names are plain strings ('CANCELLATION', 'EXPIRE'): they name a provider's event only
      // in an app that integrates that provider.
      if (r.kind !== 'provider' || !integratedProviders(program).has(r.id)) continue;
      const own = facts.filter((f) => f.kind === 'provider' && f.recognizer.id === r.id);
      const has = (role: string) => own.some((f) => f.role === role);
      const initiates = has('initiation');
      // Only what the app named the route or file says it is a callback; synthesized function names do not count.
      const named = CALLBACK_NAME.test(`${entry.route ?? ''} ${entry.file}`);
      // An event's name heard: branched on, or merely named (a handler table) in a route called a
      // webhook; elsewhere the same text is more likely an audit action (`action: 'payment.created'`).
      const hears = (e: string) => inReach(texts.compared.get(e)) || (named && inReach(texts.held.get(e)));
      const hearsEvents = r.events.success.some(hears) || r.events.failure.some(hears);
      // A success callback retrieves or captures a payment another request started; one that also
      // refunds is a cancellation or reschedule flow, not a success callback, unless it inserts the
      // booking (and refunds only when that cannot be done, e.g. the slot was taken meanwhile).
      const postedBack = (r.callbackFields ?? []).some((f) => fieldsRead().has(f));
      // Unnamed, a retrieve is a callback when the code acts on its success: it checks the payment's
      // status against a success state and writes the booking (`/api/bookings/process` saving a
      // booking once Paystack's verify says 'success').
      const retrieved = () => checksSuccessOf(program, reach, own.filter((f) => f.role === 'retrieve')) && records.some((f) => f.kind !== 'read' && f.bookingLike);
      const followsUp = !initiates && (!has('refund') || insertsBooking) && (has('capture') || (has('retrieve') && (named || retrieved())) || postedBack);
      if (has('verify-webhook') || (hearsEvents && !initiates) || followsUp) providers.push(r.id);
    }
    // A route a payment comes back to when it fails (`fail_url`) hears from that provider whatever it reads.
    for (const r of failureReturns(program)) if (r.entry.fn === entry.fn && !providers.includes(r.provider)) providers.push(r.provider);
    // A route the browser comes back to once the payment succeeded (`success_url`) and that writes
    // there (a success page inserting the booking) acts on that success, unless it starts a payment itself.
    const startsPayment = (provider: string) => facts.some((f) => f.kind === 'provider' && f.role === 'initiation' && f.recognizer.id === provider);
    for (const r of successReturns(program)) if (r.entry.fn === entry.fn && !providers.includes(r.provider) && !startsPayment(r.provider)) providers.push(r.provider);
    // A route a payment names for its notifications (`notify_url`, `ipn_url`) is that provider's webhook.
    for (const r of notifiedRoutes(program)) if (r.entry.fn === entry.fn && !providers.includes(r.provider) && !startsPayment(r.provider)) providers.push(r.provider);
    if (providers.length > 0) out.push({ entry, providers, facts: records });
  }
  return out;
}

const textsMemo = keyedMemo<Program, { compared: Map<string, string[]>; held: Map<string, string[]> }>();

/**
 * The functions that compare a text with a value (`event.type === 'x'`, `case 'x':`) and those
 * that hold it, by text, once per program: every entry point is asked about the few event names of
 * each provider, and entries that reach the same shared functions would read them over and again.
 */
function textsOf(program: Program): { compared: Map<string, string[]>; held: Map<string, string[]> } {
  return textsMemo(program, '', () => {
    const compared = new Map<string, string[]>();
    const held = new Map<string, string[]>();
    for (const ir of program.files.values()) {
      ir.functions.forEach((fn, index) => {
        const key = fnKey({ file: ir.file, fn: index });
        for (const text of new Set(fn.strings)) addTo(held, text, key);
        const literals = new Set(fn.nodes.flatMap((n) => (n.kind === 'assume' && typeof n.compare?.literal === 'string' ? [n.compare.literal] : [])));
        for (const text of literals) addTo(compared, text, key);
      });
    }
    return { compared, held };
  });
}

/** Whether a branch in these functions compares what one of `calls` returned with a success state (`verified.data.status !== 'success'`). */
function checksSuccessOf(program: Program, fns: ReadonlySet<string>, calls: SiteFact[]): boolean {
  if (calls.length === 0) return false;
  const fromCall = (v: Value) => (v.t === 'ext' || v.t === 'global') && v.steps.some((s) => calls.some((f) => f.file === s.file && f.site === s.site));
  for (const key of fns) {
    const found = functionOf(program, key);
    for (const n of found?.fn.nodes ?? []) {
      const c = n.kind === 'assume' ? n.compare : undefined;
      if (!c || typeof c.literal !== 'string' || stateOfText(c.literal) !== 'confirmed') continue;
      if (program.ev.values(found!.ir.file, c.value).some(fromCall)) return true;
    }
  }
  return false;
}

/**
 * Property names the functions read into variables or pass on (`const { razorpay_signature } = req.body`),
 * also as parts of a concatenation or template, and names read through `get` (`searchParams.get('vnp_ResponseCode')`).
 */
function fieldsReadIn(program: Program, fns: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  const add = (e: Expr | undefined) => {
    if (e?.k === 'member' && e.prop) out.add(e.prop);
    // The text a signature is computed over (`req.body.razorpay_order_id + '|' + req.body.razorpay_payment_id`).
    if (e?.k === 'tpl') for (const p of e.parts) add(p);
  };
  for (const key of fns) {
    const found = functionOf(program, key);
    if (!found) continue;
    for (const b of bindingsIn(found.ir, found.index)) for (const d of b.defs) add(d);
    for (const s of sitesIn(found.ir, found.index)) {
      for (const a of s.args) add(a);
      const name = s.args[0];
      if (s.callee.k === 'member' && s.callee.prop === 'get' && name?.k === 'lit' && typeof name.value === 'string') out.add(name.value);
    }
  }
  return out;
}
