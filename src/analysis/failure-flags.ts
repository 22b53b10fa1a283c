// A helper whose catch returns `{ success: false, error }` hands the failure to its caller as a
// value, as one whose catch rethrows hands it on as an exception: where the caller tests that flag
// (`if (!result.success)`), the caller's branch is where the failure is handled, not the catch.
import { soleDefinition, type Expr, type FileIR, type FlowNode } from '../model/ir.js';
import { branchEnds, FAILURE_FIELDS, nodesAfter, resultCheck, SUCCESS_FIELDS, type FailureBranch } from './failure-branches.js';
import { functionOf, type Program } from './program.js';
import { frameIndex } from './regions.js';
import { releasesIn } from './releases.js';

const SUCCESS = new Set(SUCCESS_FIELDS);
const FAILURE = new Set(FAILURE_FIELDS);

/** A call on the chain: the function it is made in and its site there. */
export interface Frame {
  fn: string;
  site: number;
}

/**
 * Where the failure `branch` of `frames[depth]` hands on as a flag goes in the frames above it (the
 * callers, outermost first): the branches of the nearest caller that test the flag on that call's
 * result, and so on while those too only return a flag. `[branch]` itself when it releases
 * something, or no caller tests what it returns.
 */
export function flagHandledBy(program: Program, branch: FailureBranch, frames: Frame[], depth: number): FailureBranch[] {
  const caller = depth > 0 ? frames[depth - 1] : undefined;
  const flags = caller ? failureFlagsReturned(program, branch) : [];
  if (!caller || flags.length === 0) return [branch];
  const tests = flagTests(program, caller, flags);
  if (tests.length === 0) return [branch];
  return tests.flatMap((t) => flagHandledBy(program, t, frames, depth - 1));
}

/**
 * The flag fields every way on from the branch returns as failed (`success: false`, `ok: false`,
 * `error: message`), when it releases nothing and every way ends in such a `return`.
 */
function failureFlagsReturned(program: Program, branch: FailureBranch): string[] {
  const found = functionOf(program, branch.fn);
  const inFn = branch.region.nodes.get(branch.fn);
  if (!found || !inFn) return [];
  const released = releasesIn(program, branch.region);
  if (released.booking.length > 0 || released.slot.length > 0) return [];
  const ends = branchEnds(found.fn.nodes, inFn);
  if (ends.throws.length > 0 || ends.fallsOff || ends.returns.length === 0) return [];
  const [first, ...rest] = ends.returns.map((r) => failingFields(found.ir, found.fn.nodes[r]!));
  return first!.filter((f) => rest.every((fields) => fields.includes(f)));
}

/** The fields of a returned object literal that say the call failed. */
function failingFields(ir: FileIR, node: FlowNode): string[] {
  const value = node.expr && (soleDefinition(ir, node.expr) ?? node.expr);
  if (value?.k !== 'obj') return [];
  const out: string[] = [];
  for (const p of value.props) {
    if (p.key === null || p.key === '...') continue;
    const falsy = p.value.k === 'lit' && !p.value.value;
    if ((SUCCESS.has(p.key) && p.value.k === 'lit' && p.value.value === false) || (FAILURE.has(p.key) && !falsy)) out.push(p.key);
  }
  return out;
}

/** Branches in the caller, after its call, on a failing value of one of `flags` of that call's result. */
function flagTests(program: Program, caller: Frame, flags: string[]): FailureBranch[] {
  const found = functionOf(program, caller.fn);
  if (!found) return [];
  const { ir } = found;
  const nodes = found.fn.nodes;
  const { preds, callNodes } = frameIndex(program, caller.fn, nodes);
  const single = (e: Expr): Expr => soleDefinition(ir, e) ?? e;
  const out: FailureBranch[] = [];
  for (const a of nodesAfter(nodes, callNodes.get(caller.site) ?? [])) {
    const n = nodes[a]!;
    if (n.kind !== 'assume' || n.compare || !n.expr) continue;
    // `result.success` where `result = await helper(...)`, or `success` destructured from it.
    const member = single(n.expr);
    if (member.k !== 'member' || member.prop === null || !flags.includes(member.prop)) continue;
    let call = single(member.obj);
    if (call.k === 'await') call = call.of;
    if (call.k !== 'call' || call.site !== caller.site) continue;
    if ((SUCCESS.has(member.prop) && n.truthy === false) || (FAILURE.has(member.prop) && n.truthy === true)) out.push(resultCheck(program, caller.fn, ir.file, nodes, preds, a));
  }
  return out;
}
