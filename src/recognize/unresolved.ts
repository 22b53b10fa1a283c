// Payment calls the engine could not resolve must not vanish silently (analysis notes §7): a call
// spelled like a provider operation on a receiver named after the provider (`request.stripe
// .paymentIntents.create`, a client hung on the request by a hook, an import the scan cannot
// follow), whose value did not resolve to anything else, is that operation, by name. Its paths are
// marked approximate.
import type { CallSite, Expr, FileIR } from '../model/ir.js';
import type { Value } from '../model/values.js';
import type { ProviderOperation, Recognizer } from '../recognizers/define.js';
import type { SiteFact } from './facts.js';
import { addTo } from '../util/multimap.js';

interface NamedOperation {
  recognizer: Recognizer;
  op: ProviderOperation;
  path: string[];
}

/** An operation a call can be matched by name: a dotted name (`refunds.create`) that moves money or verifies a webhook, not a lookup. */
export const isNamedOperation = (op: ProviderOperation) => op.role !== 'retrieve' && /^[\w$]+(\.[\w$]+)+$/.test(op.call);

const operations = new WeakMap<Recognizer[], Map<string, NamedOperation[]>>();

/** Named operations by their last name (`create`), so most calls are ruled out by one lookup. */
function namedOperations(providers: Recognizer[]): Map<string, NamedOperation[]> {
  let hit = operations.get(providers);
  if (!hit) {
    hit = new Map();
    for (const r of providers) {
      if (r.kind !== 'provider') continue;
      for (const op of r.operations.filter(isNamedOperation)) {
        const path = op.call.split('.');
        const last = path[path.length - 1]!;
        addTo(hit, last, { recognizer: r, op, path });
      }
    }
    operations.set(providers, hit);
  }
  return hit;
}

/** The provider operation (an initiation, refund, capture...) this call is by name, when its callee resolved to nothing that says otherwise. */
export function paymentCallByName(ir: FileIR, index: number, site: CallSite, callee: Value[], providers: Recognizer[]): SiteFact | null {
  const candidates = site.callee.k === 'member' && site.callee.prop !== null ? namedOperations(providers).get(site.callee.prop) : undefined;
  if (!candidates || callee.some((v) => v.t === 'fn' || v.t === 'class')) return null;
  const chain = memberChain(site.callee, (x) => (x.k === 'ref' ? ir.bindings[x.b]?.name ?? '?' : x.k === 'global' ? x.name : 'this'));
  if (!chain) return null;
  for (const { recognizer, op, path } of candidates) {
    if (chain.length <= path.length || path.some((p, i) => chain[chain.length - path.length + i] !== p)) continue;
    const receiver = chain.slice(0, chain.length - path.length).join('.').toLowerCase();
    if (!receiver.includes(recognizer.id)) continue;
    return {
      file: ir.file, site: index, fn: site.fn, kind: 'provider', recognizer, role: op.role, api: op.api ?? op.call, entity: null, bookingLike: false,
      billing: Boolean(op.billing), rest: null, approximate: true,
      match: { kind: 'provider', recognizer, provider: op, wildcards: [], clientSteps: [], call: op.call },
    };
  }
  return null;
}

/** `this.stripe.paymentIntents.create` -> ['this', 'stripe', 'paymentIntents', 'create']. */
function memberChain(e: Expr, rootName: (e: Expr) => string): string[] | null {
  if (e.k === 'member' && e.prop !== null) {
    const head = memberChain(e.obj, rootName);
    return head ? [...head, e.prop] : null;
  }
  return e.k === 'ref' || e.k === 'global' || e.k === 'this' ? [rootName(e)] : null;
}
