// "The code that runs for webhook event X": branches where a compared value equals the event's
// type (`event.type === 'checkout.session.expired'`, `case 'payment.failed':`), found from the
// `compare` of assume nodes in every function the entry point reaches. A branch is what runs from
// its assume node on, without entering branches that compare the same value with another event,
// plus everything it calls.
import type { EntryPoint } from '../graph/entries.js';
import type { FlowNode } from '../model/ir.js';
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
