// Where a call's failure is handled in its function: the catch blocks (and exceptional finally
// copies) its exceptions reach, and branches on its result that mean it failed (`if
// (!result.success)`, `if (error)`, `if (res.status !== 'COMPLETED')`). Each is a region: what runs
// from there on and not on the way the code goes when the call succeeded.
import { reachFrom } from '../flow/dominators.js';
import type { FileIR, FlowNode } from '../model/ir.js';
import { fnKey, type Value } from '../model/values.js';
import type { SiteFact } from '../recognize/facts.js';
import { stateOfText } from './booking-state.js';
import { captureModeOf } from './capture-mode.js';
import { functionOf, type Program } from './program.js';
import { frameIndex, otherBranch, regionFrom, type Region } from './regions.js';
import { releasesIn } from './releases.js';
import { keyedMemo, objectMemo } from '../util/memo.js';

export interface FailureBranch {
  kind: 'catch' | 'result-check';
  fn: string;
  file: string;
  /** Where the handler or the branch starts. */
  pos: number;
  region: Region;
}

/**
 * Result fields that say a call succeeded or failed, for every provider beside its own `resultFlags`:
 * an HTTP response's `ok`, and the words SDKs and in-house wrappers alike use.
 */
export const SUCCESS_FIELDS = ['success', 'ok', 'succeeded', 'isSuccess', 'successful'];
export const FAILURE_FIELDS = ['error', 'errors', 'err', 'failed', 'failure', 'declined'];

/** Where a failure of the call at `site` (one that leads to the provider call `call`, or that call itself) is handled in `fn`. */
export function failureBranches(program: Program, fn: string, site: number, call: SiteFact): FailureBranch[] {
  // What of the provider call matters here is its result flags and whether its page is hosted: the
  // frames of a chain are shared by every payment below them (a ring of 1,600 functions asked each
  // frame once per payment).
  const variant = variantMemo(call, () => {
    const hosted = call.kind === 'provider' && call.role === 'initiation' && hostedByRule(program, call);
    return { key: `${call.recognizer.id}\0${hosted}`, hosted };
  });
  const byVariant = branchMemo(program, fn, () => new Map<string, Map<number, FailureBranch[]>>());
  let bySite = byVariant.get(variant.key);
  if (!bySite) byVariant.set(variant.key, (bySite = new Map()));
  let found = bySite.get(site);
  if (!found) bySite.set(site, (found = branchesAt(program, fn, site, call, variant.hosted)));
  return found;
}

const variantMemo = objectMemo<SiteFact, { key: string; hosted: boolean }>();
const branchMemo = keyedMemo<Program, Map<string, Map<number, FailureBranch[]>>>();

function branchesAt(program: Program, fn: string, site: number, call: SiteFact, hosted: boolean): FailureBranch[] {
  const found = functionOf(program, fn);
  if (!found) return [];
  const { ir } = found;
  const nodes = found.fn.nodes;
  const { preds, callNodes } = frameIndex(program, fn, nodes);
  const calls = callNodes.get(site) ?? [];
  const out: FailureBranch[] = [];
  const seen = new Set<number>();
  // The `catch` handlers around the call in this function.
  const handlerNodes = new Set<number>();
  // `pay().then(ok).catch(onRejected)`: the rejection runs the handler, and a `try` around a call
  // whose promise is handled there never sees the payment fail.
  const rejected = rejectionHandlers(program, ir, site);
  for (const h of rejected) {
    const handler = functionOf(program, h);
    if (handler) out.push({ kind: 'catch', fn: h, file: handler.ir.file, pos: handler.fn.nodes[0]?.pos ?? 0, region: regionFrom(program, h, [0]) });
  }
  for (const p of rejected.length > 0 ? [] : calls) {
    // A call may throw before it completes: its handler hangs off the node before it.
    const handlers = new Set(preds[p]!.flatMap((q) => nodes[q]!.exc));
    for (const h of handlers) {
      if (seen.has(h)) continue;
      seen.add(h);
      const region = regionFrom(program, fn, [h], () => false, nodes[p]!.next);
      // The exceptional copy of a `finally` block rethrows without a throw statement: cleanup that
      // runs on every way out, not handling of the failure. Only where the handler itself goes on
      // normally: a `catch` followed by a `finally` reaches that copy only when it throws itself.
      if ([...normallyFrom(nodes, h)].some((n) => nodes[n]!.kind !== 'throw' && nodes[n]!.next.includes(2))) continue;
      out.push({ kind: 'catch', fn, file: ir.file, pos: nodes[h]!.pos, region });
      handlerNodes.add(h);
    }
  }
  // Branches on the call's result, after it.
  const after = nodesAfter(nodes, calls);
  const flags = call.recognizer.kind === 'provider' ? call.recognizer.resultFlags : undefined;
  const success = new Set([...SUCCESS_FIELDS, ...(flags?.success ?? [])]);
  const failure = new Set([...FAILURE_FIELDS, ...(flags?.failure ?? [])]);
  const fromCall = (v: Value) => (v.t === 'ext' || v.t === 'global') && v.steps.some((s) => s.site === site && s.file === ir.file);
  // A hosted payment (a Checkout Session, an order to approve) is never complete when it has just
  // been created: `session.status === 'complete' ? ... : ...` there maps a value, it finds no failure.
  for (const a of after) {
    const n = nodes[a]!;
    if (n.kind !== 'assume' || seen.has(a)) continue;
    let failing = false;
    if (n.compare) {
      const values = program.ev.values(ir.file, n.compare.value).filter(fromCall);
      const state = typeof n.compare.literal === 'string' ? stateOfText(n.compare.literal) : null;
      failing = values.length > 0 && ((n.compare.equal && (state === 'failed' || state === 'cancelled')) || (!n.compare.equal && state === 'confirmed' && !hosted));
    } else if (n.expr) {
      for (const v of program.ev.values(ir.file, n.expr).filter(fromCall)) {
        const last = (v as Extract<Value, { steps: unknown }>).steps.at(-1)?.p ?? '';
        if ((success.has(last) && n.truthy === false) || (failure.has(last) && n.truthy === true)) failing = true;
      }
    }
    if (!failing) continue;
    seen.add(a);
    if (throwsIntoHandler(program, fn, nodes, a, handlerNodes)) continue;
    out.push(resultCheck(program, fn, ir.file, nodes, preds, a));
  }
  return out;
}

/**
 * `if (intent.status !== 'succeeded') throw new Error(...)` inside the `try` whose `catch` is already
 * a failure path of the same call: every way on from the branch throws into that catch, releasing
 * nothing on the way, so the branch is a way into it, not a failure path of its own.
 */
function throwsIntoHandler(program: Program, fn: string, nodes: FlowNode[], start: number, handlers: Set<number>): boolean {
  if (handlers.size === 0) return false;
  const normal = normallyFrom(nodes, start);
  for (const n of normal) {
    const node = nodes[n]!;
    if (node.kind === 'return' || node.next.includes(1)) return false;
    if (node.kind === 'throw' && ![...node.next, ...node.exc].some((h) => handlers.has(h))) return false;
  }
  const own = new Set([...normal].map((n) => nodes[n]!));
  const region = regionFrom(program, fn, [start], (n) => !own.has(n));
  const released = releasesIn(program, region);
  return [...normal].some((n) => nodes[n]!.kind === 'throw') && released.booking.length === 0 && released.slot.length === 0;
}

/** Nodes reached over normal edges once any of `calls` has run. */
export function nodesAfter(nodes: FlowNode[], calls: number[]): Set<number> {
  return reachFrom(nodes, calls.flatMap((p) => nodes[p]!.next), (n) => n.next);
}

/** The branch starting at assume node `a`, without the way the code goes when the test came out the other way. */
export function resultCheck(program: Program, fn: string, file: string, nodes: FlowNode[], preds: number[][], a: number): FailureBranch {
  const n = nodes[a]!;
  // The other branch of the same test is how the code goes on when the call succeeded.
  const siblings = otherBranch(nodes, preds, a);
  // What the branch does itself, and where its own `throw`s go: a catch around it that only an
  // error of some call in it would reach is a failure path of its own, whose release is not the
  // branch's (`if (intent.status !== 'succeeded') return c.json(..., 402)` inside a releasing try).
  const own = new Set([...branchNodes(nodes, a)].map((i) => nodes[i]!));
  return { kind: 'result-check', fn, file, pos: n.pos, region: regionFrom(program, fn, [a], (m) => !own.has(m), siblings) };
}

/** Nodes reached from `start` over normal edges, and from its `throw`s on to their handlers. */
function branchNodes(nodes: FlowNode[], start: number): Set<number> {
  return reachFrom(nodes, [start], (n) => (n.kind === 'throw' ? [...n.next, ...n.exc] : n.next));
}

/** Nodes reached from `start` over normal edges only, not past a throw (which leaves the handler). */
function normallyFrom(nodes: FlowNode[], start: number): Set<number> {
  return reachFrom(nodes, [start], (n) => (n.kind === 'throw' ? [] : n.next));
}

/**
 * The functions that handle a rejection of the promise the call at `site` returns, along its chain
 * in the same function: `.catch(fn)` and the second argument of `.then(ok, fn)`.
 */
export function rejectionHandlers(program: Program, ir: FileIR, site: number): string[] {
  const out: string[] = [];
  for (let at = ir.sites[site], depth = 0; at && at.chainedBy !== null && depth < 8; depth++) {
    const next = ir.sites[at.chainedBy];
    if (!next || next.fn !== at.fn || next.callee.k !== 'member') break;
    const method = next.callee.prop;
    if (method !== 'then' && method !== 'catch' && method !== 'finally') break;
    const handler = method === 'catch' ? next.args[0] : method === 'then' ? next.args[1] : undefined;
    for (const v of handler ? program.ev.values(ir.file, handler) : []) if (v.t === 'fn') out.push(fnKey(v));
    at = next;
  }
  return out;
}

/** The provider's capture rule for this call says the customer completes it later ('hosted'). */
function hostedByRule(program: Program, call: SiteFact): boolean {
  const r = call.recognizer;
  if (r.kind !== 'provider' || !(r.capture?.[call.api] ?? r.capture?.['*'])) return false;
  return captureModeOf(program, call).mode === 'hosted';
}

/** A branch whose every way on ends in a throw, releasing nothing on the way: it only hands the failure up. */
export function onlyThrows(program: Program, fn: string, region: Region): boolean {
  const released = releasesIn(program, region);
  return released.booking.length === 0 && released.slot.length === 0 && endsInThrow(program, fn, region);
}

/**
 * A branch whose every way on ends in a throw (`catch (e) { release(); throw e; }`): whatever it
 * does, it hands the failure on to its caller.
 */
export function endsInThrow(program: Program, fn: string, region: Region): boolean {
  const nodes = functionOf(program, fn)?.fn.nodes;
  const inFn = region.nodes.get(fn);
  if (!nodes || !inFn) return false;
  const ends = branchEnds(nodes, inFn);
  return ends.returns.length === 0 && !ends.fallsOff && ends.throws.length > 0;
}

/**
 * How the ways on from a branch's nodes end: the `return`s and `throw`s they reach and whether one
 * runs off the function's end. Over the whole function: the branch's own nodes may end where it
 * joins code it shares with others.
 */
export function branchEnds(nodes: FlowNode[], from: Iterable<number>): { returns: number[]; throws: number[]; fallsOff: boolean } {
  const out = { returns: [] as number[], throws: [] as number[], fallsOff: false };
  const seen = new Set<number>();
  const stack = [...from];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    const node = nodes[n]!;
    if (node.kind === 'return') {
      out.returns.push(n);
      continue;
    }
    if (node.kind === 'throw') out.throws.push(n);
    else if (node.next.includes(1)) out.fallsOff = true;
    stack.push(...node.next);
  }
  return out;
}
