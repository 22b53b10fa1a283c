// "Does something of kind P complete before this call, on every chain from the entry point?", for
// any kind of fact: a booking set to CONFIRMED before a capture, a refund before a cancellation,
// money moved before a booking is written. The confirmation-record machinery (must-analysis,
// summaries, chains) with other facts as the evidence; one analysis per kind and program.
import { reaches } from '../flow/dominators.js';
import type { CallEdge } from '../graph/call-graph.js';
import { fnKey } from '../model/values.js';
import type { SiteFact } from '../recognize/facts.js';
import { evidenceOnEveryChain, type ChainResult, type ChainTarget } from './chains.js';
import { FlowFacts, type StateCheck } from './flow-facts.js';
import { functionOf, reachingSet, type Program } from './program.js';

const memo = new WeakMap<Program, Map<string, FlowFacts>>();

/**
 * Flow facts where the facts `isEvidence` accepts are evidence once they complete; memoized by
 * `name`. `sameProgram`, another analysis of the program, lends what does not depend on the facts.
 */
export function flowFor(program: Program, name: string, isEvidence: (f: SiteFact) => boolean, sameProgram?: FlowFacts, stateCheck?: StateCheck): FlowFacts {
  let byName = memo.get(program);
  if (!byName) memo.set(program, (byName = new Map()));
  let flow = byName.get(name);
  if (!flow) byName.set(name, (flow = new FlowFacts(program, isEvidence, isEvidence, sameProgram ?? byName.values().next().value, stateCheck)));
  return flow;
}

/** Whether a fact `isEvidence` accepts completes before `target` on every chain from `entry`. */
export function precededOnEveryChain(
  program: Program, name: string, isEvidence: (f: SiteFact) => boolean, entry: string, target: ChainTarget, sameProgram?: FlowFacts,
): ChainResult {
  return evidenceOnEveryChain(program, flowFor(program, name, isEvidence, sameProgram), entry, target);
}

/**
 * Whether a fact `is` accepts runs before `target` on some path: in a frame of `chain` (or the
 * target's own function), directly or through a call, at a node from which the frame's call can be
 * reached. "The refund can happen before the cancellation" even when it is conditional.
 */
export function runsBeforeOnSomePath(program: Program, chain: CallEdge[], target: ChainTarget, is: (f: SiteFact) => boolean): boolean {
  return runsOnSomePath(program, chain, target, is, 'before');
}

/**
 * Whether a fact `is` accepts runs after `target` on some path: at a node the frame's call reaches.
 * With `runsBeforeOnSomePath`, whether it can run in the same request as `target` at all: a refund on
 * another branch of the handler is no refund of what this call cancels.
 */
export function runsAfterOnSomePath(program: Program, chain: CallEdge[], target: ChainTarget, is: (f: SiteFact) => boolean): boolean {
  return runsOnSomePath(program, chain, target, is, 'after');
}

function runsOnSomePath(program: Program, chain: CallEdge[], target: ChainTarget, is: (f: SiteFact) => boolean, when: 'before' | 'after'): boolean {
  // Who can do it through a call, found only when a frame calls a function: 2,000 handlers that
  // call none each went through every fact of the program.
  let doers: Set<string> | null = null;
  const doersOf = () => (doers ??= reachingSet(program.graph, program.facts.filter(is).map((f) => fnKey(f)), (e) => e.kind !== 'deferred'));
  const frames = [...chain.map((e) => ({ fn: e.from, site: e.site })), target];
  for (const frame of frames) {
    const found = functionOf(program, frame.fn);
    if (!found) continue;
    const nodes = found.fn.nodes;
    const sites = new Set<number>();
    for (const f of program.factsByFn.get(frame.fn) ?? []) if (is(f)) sites.add(f.site);
    for (const e of program.graph.out.get(frame.fn) ?? []) if (e.kind !== 'deferred' && e.site !== frame.site && doersOf().has(e.to)) sites.add(e.site);
    const at = nodes.flatMap((n, i) => (n.kind === 'call' && n.site === frame.site ? [i] : []));
    for (const [i, n] of nodes.entries()) {
      if (n.kind !== 'call' || n.site === undefined || !sites.has(n.site)) continue;
      if (at.some((t) => t !== i && (when === 'before' ? reaches(nodes, i, t) : reaches(nodes, t, i)))) return true;
    }
  }
  return false;
}
