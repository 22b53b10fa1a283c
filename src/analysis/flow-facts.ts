// Per-function flow queries shared by the checks: where each call's promise completes, which
// nodes never continue (calls that never return), dominators, and where a record of interest is
// known to exist on every path (a completed write, a read that aborts when the record is missing,
// or a call to a function that guarantees one on every normal exit). That "exists on every path"
// is a forward must-analysis, so a write in each branch of an if/else or switch counts. Function
// summaries are a greatest fixpoint: a function keeps its guarantee unless some path to a normal
// return lacks one, so a retry that calls itself after a failed insert still guarantees the write.
import { computeDominators, dominates, reaches, reversePostorder, type Dominators } from '../flow/dominators.js';
import { infeasibleBranches } from '../flow/infeasible.js';
import { soleDefinition, thenReceiver, type Expr, type FileIR, type FlowNode, type FunctionIR } from '../model/ir.js';
import { fnKey, hasSteps, type Value } from '../model/values.js';
import type { SiteFact } from '../recognize/facts.js';
import type { Guard } from '../recognizers/define.js';
import { ID_FIELDS } from '../recognizers/vocabulary.js';
import { functionOf, reachingSet, siteKey, type Program } from './program.js';
import { recordAtCall } from './record-at-call.js';
import { addTo } from '../util/multimap.js';

export interface EvidenceSource {
  kind: 'write' | 'guarded-read';
  fact: SiteFact;
  /** Where the record comes to exist, when not at the fact's own call (the flush of a queued write). */
  site?: number;
}

export interface EvidenceNode {
  node: number;
  source: EvidenceSource;
  /** The helper (function key) whose summary provides it, when not direct. */
  via: string | null;
  /** The call site that provides it (for helper calls and direct operations). */
  site: number | null;
}

interface FunctionFlow {
  key: string;
  ir: FileIR;
  fn: FunctionIR;
  siteNodes: Map<number, number[]>;
  /** Promise consumers: site -> await or group-call nodes that complete it later. */
  consumers: Map<number, number[]>;
  dom: Dominators | null;
  /** isTerminal per node once `neverReturns` is final (0 = not asked yet, 1 = no, 2 = yes): asked per node per pass. */
  terminal: Uint8Array;
  /** Branches an earlier branch already ruled out: nothing runs past them. */
  infeasible: Set<number>;
}

const RECORD_ACCESSORS = new Set(['[]', 'data', 'rows', 'Item', 'Items', 'records', 'recordset', 'result', 'value']);
/**
 * How many rows a query found: a list's `length`, pg's `rowCount`, a Firestore query snapshot's
 * `size`, the rows an update changed (TypeORM's `affected`, mysql2's `affectedRows`).
 */
const ROW_COUNTS = new Set(['length', 'rowCount', 'size', 'affected', 'affectedRows']);
/** Lists of found records a count may be read from (`snap.docs.length`, Payload's `{ docs }`). */
const ROW_LISTS = new Set([...RECORD_ACCESSORS, 'docs']);
/** A field that keeps the id of another record (`hostawayReservationId`, `stripe_customer_id`). */
const REFERENCE_FIELD = /[a-z0-9](?:Id|ID|_id)$/;
/** Methods that ask about the record rather than refine the query. */
const RECORD_PROBES = new Set(['exists', 'data', 'toObject', 'toJSON', 'get']);

/** Where a compared field says a record is in a state that counts as evidence, and which flow knows those records. */
export interface StateCheck {
  records: FlowFacts;
  inState: (field: string, literal: string | number | boolean) => boolean;
}

export class FlowFacts {
  private readonly flows = new Map<string, FunctionFlow>();
  readonly neverReturns: Set<string>;
  /** Whether `neverReturns` is complete (it grows while computed, and what is terminal with it). */
  private neverReturnsFinal = false;
  readonly summaries = new Map<string, EvidenceSource>();
  /**
   * Helpers that report success in a field of the object they return (`{ success: true, booking }`
   * after the insert, `{ success: false, error }` on every refusal): field -> the evidence before
   * every return that sets it true. A caller past `if (!result.success) return` has the record.
   */
  readonly flagSummaries = new Map<string, Map<string, EvidenceSource>>();
  /**
   * Helpers that report failure instead (`{ error: 'not_found' }` on every refusal, `{ booking }`
   * once it is found): field -> the evidence before every return that leaves it out. A caller past
   * `if ('error' in result) return` (or `if (result.error)`) has the record.
   */
  readonly failureFlagSummaries = new Map<string, Map<string, EvidenceSource>>();
  /**
   * Helpers that return nothing (`null`, `undefined`, `false`) when the record is missing and
   * something surely truthy once it exists (`{ email: booking.email, total }`, built from it rather
   * than the record itself, which values already follow): the evidence before every truthy return.
   * A caller past `if (!found) throw` has the record.
   */
  readonly presenceSummaries = new Map<string, EvidenceSource>();
  private readonly program: Program;
  /** Which facts are records of interest (booking-like writes and reads). */
  private readonly isRecordFact: (f: SiteFact) => boolean;
  /** Which record facts are evidence once they complete; by default writes, and reads that throw when the record is missing. */
  private readonly asEvidence: ((f: SiteFact) => boolean) | null;
  private readonly stateCheck: StateCheck | null;

  /**
   * `asEvidence` widens what counts as evidence beyond writes and throwing reads: an update that
   * sets a booking to CONFIRMED, a refund call, each once it has completed.
   */
  constructor(program: Program, isRecordFact: (f: SiteFact) => boolean, asEvidence?: (f: SiteFact) => boolean, sameProgram?: FlowFacts, stateCheck?: StateCheck) {
    this.program = program;
    this.isRecordFact = isRecordFact;
    this.asEvidence = asEvidence ?? null;
    this.stateCheck = stateCheck ?? null;
    // Which calls never return does not depend on the records of interest: computed once per program.
    this.neverReturns = sameProgram?.neverReturns ?? new Set<string>();
    if (!sameProgram) this.computeNeverReturns();
    this.neverReturnsFinal = true;
    this.computeFlagSummaries(this.computeSummaries());
  }

  flow(key: string): FunctionFlow | null {
    let f = this.flows.get(key);
    if (f) return f;
    const found = functionOf(this.program, key);
    if (!found) return null;
    const siteNodes = new Map<number, number[]>();
    found.fn.nodes.forEach((n, i) => {
      if (n.kind === 'call' && n.site !== undefined) addTo(siteNodes, n.site, i);
    });
    // Group calls complete their array's queries; settling calls (`firstValueFrom(obs)`) what they are handed.
    const isGroup = (site: number) => (this.program.factsBySite.get(siteKey(found.ir.file, site)) ?? []).some((x) => x.kind === 'group' || x.kind === 'settle');
    f = { key, ir: found.ir, fn: found.fn, siteNodes, consumers: consumersOf(found.ir, found.fn, isGroup), dom: null, terminal: new Uint8Array(found.fn.nodes.length), infeasible: infeasibleBranches(found.ir, found.fn) };
    this.flows.set(key, f);
    return f;
  }

  dominators(key: string): Dominators | null {
    const f = this.flow(key);
    if (!f) return null;
    f.dom ??= computeDominators(f.fn.nodes, (i) => this.isTerminal(f, i));
    return f.dom;
  }

  siteNodes(key: string, site: number): number[] {
    return this.flow(key)?.siteNodes.get(site) ?? [];
  }

  /** Nodes where the promise of `site` has completed: the awaited call itself, its group, or a later await. */
  completionNodes(key: string, site: number, depth = 0): number[] {
    const f = this.flow(key);
    if (!f || depth > 4) return [];
    let outer = site;
    for (let s = f.ir.sites[outer]; s && s.chainedBy !== null && f.ir.sites[s.chainedBy]?.fn === s.fn; s = f.ir.sites[outer]) outer = s.chainedBy;
    const s = f.ir.sites[outer]!;
    if (s.completion === 'await' || s.completion === 'return') return f.siteNodes.get(outer) ?? [];
    if (s.completion === 'group' && s.group !== null) return this.completionNodes(key, s.group, depth + 1);
    return (f.consumers.get(outer) ?? []).flatMap((n) => {
      const node = f.fn.nodes[n]!;
      return node.kind === 'call' && node.site !== undefined ? this.completionNodes(key, node.site, depth + 1) : [n];
    });
  }

  private isTerminal(f: FunctionFlow, node: number): boolean {
    if (!this.neverReturnsFinal) return this.terminalNow(f, node);
    f.terminal[node] ||= this.terminalNow(f, node) ? 2 : 1;
    return f.terminal[node] === 2;
  }

  private terminalNow(f: FunctionFlow, node: number): boolean {
    const n = f.fn.nodes[node]!;
    if (f.infeasible.has(node)) return true;
    if (n.kind !== 'call' || n.site === undefined) return false;
    const facts = this.program.factsBySite.get(siteKey(f.ir.file, n.site)) ?? [];
    if (facts.some((x) => x.kind === 'abort')) return true;
    const calls = (this.program.graph.out.get(f.key) ?? []).filter((e) => e.site === n.site && e.file === f.ir.file && e.kind === 'call');
    if (calls.length === 0 || !calls.every((e) => this.neverReturns.has(e.to))) return false;
    const site = f.ir.sites[n.site]!;
    return site.completion === 'await' || calls.every((e) => !functionOf(this.program, e.to)?.fn.async);
  }

  private computeNeverReturns(): void {
    const queue: string[] = [];
    for (const ir of this.program.files.values()) {
      ir.functions.forEach((_, i) => i > 0 && queue.push(fnKey({ file: ir.file, fn: i })));
    }
    const queued = new Set(queue);
    // A read index, not shift(): shifting a queue of every function is quadratic.
    for (let head = 0; head < queue.length; head++) {
      const key = queue[head]!;
      queued.delete(key);
      if (this.neverReturns.has(key)) continue;
      const f = this.flow(key);
      if (!f || f.fn.nodes.length === 0) continue;
      if (reaches(f.fn.nodes, 0, 1, (i) => this.isTerminal(f, i))) continue;
      this.neverReturns.add(key);
      for (const e of this.program.graph.in.get(key) ?? []) {
        if (!queued.has(e.from)) {
          queued.add(e.from);
          queue.push(e.from);
        }
      }
    }
  }

  /** Settles `summaries`; returns the functions it asked about (on the way to a record fact, returning normally). */
  private computeSummaries(): string[] {
    const direct = this.program.facts.filter((f) => this.isRecordFact(f)).map((f) => fnKey({ file: f.file, fn: f.fn }));
    const reaching = reachingSet(this.program.graph, direct, (e) => e.kind !== 'deferred');
    const relevant = [...reaching, ...this.settledCallbacks(reaching)]
      .filter((k) => {
        const f = this.flow(k);
        return f !== null && f.fn.kind !== 'module' && this.dominators(k)!.reachable[1] === 1;
      })
      .sort();
    // Greatest fixpoint: assume every candidate guarantees a record, drop those with a path to exit
    // that lacks one. A function's answer depends only on its callees', so dropping one re-asks
    // its callers alone (a chain of 5,000 calls is not asked 5,000 times over).
    const candidates = new Set(relevant);
    const holds = (k: string) => candidates.has(k);
    this.untilStable(relevant, (key) => {
      if (!candidates.has(key) || this.stateBefore(key, 1, holds) !== null) return false;
      candidates.delete(key);
      return true;
    });
    // Name the evidence behind each guarantee, callees first; functions whose guarantee rests only
    // on each other (mutual recursion that never reaches a write) get none.
    this.untilStable(relevant, (key) => {
      if (!candidates.has(key) || this.summaries.has(key)) return false;
      const found = this.stateBefore(key, 1, holds);
      if (!found || found.source === PENDING) return false;
      this.summaries.set(key, found.source);
      return true;
    });
    this.stateMemo.clear();
    return relevant;
  }

  /**
   * Callbacks of `.then()` on calls in these functions: the callback's parameter is what the promise
   * settles to (engine/wiring.ts), so `findById(id).then((doc) => { if (!doc) throw ...; return doc })`
   * checks the record the read found, and the `.then()` call settles only past that check.
   */
  private settledCallbacks(fns: Set<string>): string[] {
    const out: string[] = [];
    for (const from of fns) {
      for (const e of this.program.graph.out.get(from) ?? []) {
        const site = e.kind === 'callback' ? this.program.files.get(e.file)?.sites[e.site] : undefined;
        if (site && thenReceiver(site) && !fns.has(e.to)) out.push(e.to);
      }
    }
    return out;
  }

  private computeFlagSummaries(relevant: string[]): void {
    for (const key of relevant) {
      if (this.summaries.has(key)) continue;
      const nodes = this.flow(key)!.fn.nodes;
      const returns = nodes.flatMap((n, i) => (n.kind === 'return' ? [i] : []));
      const fields = new Set(returns.flatMap((r) => (nodes[r]!.expr?.k === 'obj' ? nodes[r]!.expr.props : []).filter((p) => p.value.k === 'lit' && p.value.value === true).map((p) => p.key!)));
      for (const field of fields) {
        const source = this.flagEvidence(key, returns, field);
        if (source) addFlag(this.flagSummaries, key, field, source);
      }
      const present = this.presenceEvidence(key, returns);
      if (present) this.presenceSummaries.set(key, present);
      const failures = new Set(returns.flatMap((r) => (nodes[r]!.expr?.k === 'obj' ? nodes[r]!.expr.props : []).filter((p) => surelyTruthy(p.value)).map((p) => p.key!)));
      for (const field of failures) {
        if (fields.has(field)) continue;
        const source = this.failureFlagEvidence(key, returns, field);
        if (source) addFlag(this.failureFlagSummaries, key, field, source);
      }
    }
    this.stateMemo.clear();
  }

  /** The evidence before every return that leaves `field` out (or sets it falsy), when every other return sets it to a value that is surely truthy. */
  private failureFlagEvidence(key: string, returns: number[], field: string): EvidenceSource | null {
    const nodes = this.flow(key)!.fn.nodes;
    let source: EvidenceSource | null = null;
    for (const r of returns) {
      const e = nodes[r]!.expr;
      // `return;` would make the caller's `'error' in result` throw: no union of results.
      if (!e || e.k !== 'obj' || e.props.some((p) => p.key === '...' || p.key === null)) return null;
      const value = e.props.find((p) => p.key === field)?.value;
      if (value && surelyTruthy(value)) continue;
      if (value && !(value.k === 'lit' && !value.value)) return null;
      const before = this.stateBefore(key, r);
      if (!before || before.source === PENDING) return null;
      source ??= before.source;
    }
    return source;
  }

  /**
   * The evidence before every return of a surely truthy value, when every other return is falsy and
   * there is one of each. `return doc ? toDomain(doc) : null` returns both: the mapped record
   * where the call that maps it is made.
   */
  private presenceEvidence(key: string, returns: number[]): EvidenceSource | null {
    const f = this.flow(key)!;
    let source: EvidenceSource | null = null;
    let absent = false;
    for (const r of returns) {
      const e = f.fn.nodes[r]!.expr;
      for (const part of !e ? [e] : e.k === 'any' ? e.of : [e]) {
        if (!part || surelyFalsy(part)) {
          absent = true;
          continue;
        }
        if (!this.neverFalsy(f.ir, part)) return null;
        // In a conditional, the truthy part is known made only at its call.
        const at = e !== part && part.k === 'call' ? f.siteNodes.get(part.site) ?? [] : e === part ? [r] : [];
        if (at.length === 0) return null;
        for (const node of at) {
          const before = this.stateBefore(key, node);
          if (!before || before.source === PENDING) return null;
          source ??= before.source;
        }
      }
    }
    return absent ? source : null;
  }

  /** A literal object or text, a `new` instance, or a call of the app's own mapper that returns only such values (`toDomain(doc)`). */
  private neverFalsy(ir: FileIR, e: Expr, depth = 0): boolean {
    if (surelyTruthy(e)) return true;
    if (e.k !== 'call' || depth > 2) return false;
    const site = ir.sites[e.site];
    if (!site) return false;
    if (site.isNew) return true;
    const fns = this.program.ev.values(ir.file, site.callee);
    return fns.length > 0 && fns.every((v) => {
      if (v.t !== 'fn') return false;
      const at = this.program.files.get(v.file);
      const fn = at?.functions[v.fn];
      return !!at && !!fn && !fn.async && fn.returns.length > 0 && fn.returns.every((r) => this.neverFalsy(at, r, depth + 1));
    });
  }

  /** The evidence before every return that sets `field` true, when every other return sets it false or leaves it out. */
  private flagEvidence(key: string, returns: number[], field: string): EvidenceSource | null {
    const nodes = this.flow(key)!.fn.nodes;
    let source: EvidenceSource | null = null;
    for (const r of returns) {
      const e = nodes[r]!.expr;
      if (!e) continue; // `return;`: undefined, no field at all
      if (e.k !== 'obj' || e.props.some((p) => p.key === '...' || p.key === null)) return null;
      const value = e.props.find((p) => p.key === field)?.value;
      if (!value || (value.k === 'lit' && !value.value)) continue;
      if (value.k !== 'lit' || value.value !== true) return null;
      const before = this.stateBefore(key, r);
      if (!before || before.source === PENDING) return null;
      source ??= before.source;
    }
    return source;
  }

  /**
   * `result.success` (or `success` destructured from it) where `result = await helper(...)` and the
   * helper's summary says that field is true only once the record exists; with the failure
   * summaries, the branch where `result.error` is falsy (or `'error' in result` false).
   */
  private flagSource(f: FunctionFlow, expr: Expr, summaries = this.flagSummaries): EvidenceSource | null {
    const single = (e: Expr): Expr => soleDefinition(f.ir, e) ?? e;
    const member = single(expr);
    if (member.k !== 'member' || member.prop === null) return null;
    let call = single(member.obj);
    if (call.k === 'await') call = call.of;
    if (call.k !== 'call') return null;
    const site = call.site;
    const edges = (this.program.graph.out.get(f.key) ?? []).filter((e) => e.site === site && e.file === f.ir.file && e.kind === 'call');
    const sources = edges.map((e) => {
      const source = summaries.get(e.to)?.get(member.prop!);
      return source && this.recordAtCall(source.fact, e.to, f.ir.file, site) ? source : null;
    });
    return sources.length > 0 && sources.every((x) => x !== null) ? sources[0]! : null;
  }

  /** `found` where `found = await helper(...)` and the helper returns something only once the record exists. */
  private presenceSource(f: FunctionFlow, expr: Expr): EvidenceSource | null {
    // `if (!booking?.id) return`: what the helper returned has no id when it returned nothing.
    if (expr.k === 'member' && expr.prop && ID_FIELDS.has(expr.prop)) return this.presenceSource(f, expr.obj);
    let call = soleDefinition(f.ir, expr) ?? expr;
    if (call.k === 'await') call = call.of;
    if (call.k !== 'call') return null;
    const site = call.site;
    const edges = (this.program.graph.out.get(f.key) ?? []).filter((e) => e.site === site && e.file === f.ir.file && e.kind === 'call');
    const sources = edges.map((e) => {
      const source = this.presenceSummaries.get(e.to);
      return source && this.recordAtCall(source.fact, e.to, f.ir.file, site) ? source : null;
    });
    return sources.length > 0 && sources.every((x) => x !== null) ? sources[0]! : null;
  }

  /** Asks `changed` of every key in order, then again of the callers of each key it changed, until none changes. */
  private untilStable(keys: string[], changed: (key: string) => boolean): void {
    const queue = [...keys];
    const queued = new Set(queue);
    for (let i = 0; i < queue.length; i++) {
      const key = queue[i]!;
      queued.delete(key);
      if (!changed(key)) continue;
      for (const e of this.program.graph.in.get(key) ?? []) {
        if (queued.has(e.from)) continue;
        queued.add(e.from);
        queue.push(e.from);
      }
    }
  }

  private readonly stateMemo = new Map<string, (EvidenceNode | null)[]>();

  /**
   * The evidence that holds on every path reaching `node`, before it runs (null if some path has
   * none). `summarized(k)` says which callees guarantee a record; final summaries by default.
   */
  stateBefore(key: string, node: number, summarized?: (k: string) => boolean): EvidenceNode | null {
    const memoKey = summarized ? null : key;
    let states = memoKey ? this.stateMemo.get(memoKey) : undefined;
    if (!states) {
      states = this.mustAnalysis(key, summarized ?? ((k) => this.summaries.has(k)));
      if (memoKey) this.stateMemo.set(memoKey, states);
    }
    return states[node] ?? null;
  }

  private mustAnalysis(key: string, summarized: (k: string) => boolean): (EvidenceNode | null)[] {
    const f = this.flow(key)!;
    const nodes = f.fn.nodes;
    const gen = new Map<number, EvidenceNode>();
    for (const e of this.evidenceNodes(key, summarized)) if (!gen.has(e.node)) gen.set(e.node, e);
    const succ = (i: number) => (this.isTerminal(f, i) ? nodes[i]!.exc : [...nodes[i]!.next, ...nodes[i]!.exc]);
    const order = reversePostorder(nodes.length, succ);
    const preds: number[][] = nodes.map(() => []);
    for (const i of order) for (const s of succ(i)) preds[s]!.push(i);
    // TOP (not yet known) is undefined; null is "no evidence on some path".
    const before: (EvidenceNode | null | undefined)[] = new Array(nodes.length).fill(undefined);
    const after = (i: number): EvidenceNode | null | undefined => (before[i] === undefined ? undefined : gen.get(i) ?? before[i]);
    let changed = true;
    while (changed) {
      changed = false;
      for (const i of order) {
        let v: EvidenceNode | null | undefined = i === 0 ? null : undefined;
        for (const p of preds[i]!) {
          const o = after(p);
          if (o === undefined) continue;
          v = v === undefined ? o : v && o ? (v.node <= o.node ? v : o) : null; // the earliest evidence represents
        }
        if (v !== undefined && v !== before[i]) {
          before[i] = v;
          changed = true;
        }
      }
    }
    return before.map((v) => v ?? null);
  }

  /** Nodes in a function after which a record of interest is known to exist. */
  evidenceNodes(key: string, summarized: (k: string) => boolean = (k) => this.summaries.has(k)): EvidenceNode[] {
    const f = this.flow(key);
    if (!f) return [];
    const out: EvidenceNode[] = [];
    for (const fact of this.program.factsByFn.get(key) ?? []) {
      if (!this.isRecordFact(fact)) continue;
      const op = fact.match?.store;
      const isEvidence = this.asEvidence
        ? this.asEvidence(fact)
        : fact.kind === 'write' || (throwsWhenMissing(fact) && requiredChain(f.ir, fact, 'throws'));
      if (isEvidence) {
        const kind = fact.kind === 'write' ? 'write' : 'guarded-read';
        if (op?.queued) {
          // A unit-of-work write is written by the flush: that is where the record exists.
          for (const [node, flush] of this.flushNodes(key, fact)) out.push({ node, source: { kind, fact, site: flush }, via: null, site: fact.site });
          continue;
        }
        const nodes = op?.sync ? f.siteNodes.get(fact.site) ?? [] : this.completionNodes(key, fact.site);
        for (const node of nodes) out.push({ node, source: { kind, fact }, via: null, site: fact.site });
      }
    }
    for (const e of this.program.graph.out.get(key) ?? []) {
      if (e.kind === 'deferred' || e.kind === 'approximate' || e.file !== f.ir.file || !summarized(e.to)) continue;
      const summary: EvidenceSource = this.summaries.get(e.to) ?? PENDING;
      // A helper that reads whatever record it is handed (`getDocument(ref)`) guarantees a booking
      // only where it is handed one.
      if (summary !== PENDING && !this.recordAtCall(summary.fact, e.to, f.ir.file, e.site)) continue;
      const callee = functionOf(this.program, e.to)?.fn;
      const site = f.ir.sites[e.site]!;
      const nodes = !callee?.async && site.completion === null && e.kind === 'call' && isSync(summary) ? f.siteNodes.get(e.site) ?? [] : this.completionNodes(key, e.site);
      for (const node of nodes) out.push({ node, source: summary, via: e.to, site: e.site });
    }
    f.fn.nodes.forEach((n, node) => {
      if (n.kind !== 'assume' || !n.expr) return;
      // Where the rows are not empty: `rows.length === 0` compared the other way round (`!== 0`),
      // or a count of one or more found (`rows.length === 1`).
      const c = n.compare;
      const found = c && ((c.literal === 0 && !c.equal) || (typeof c.literal === 'number' && c.literal >= 1 && c.equal));
      // `found.length === ids.length`: the rows found are as many as the ids asked for (a list
      // checked empty before, or nothing to pay).
      const counted = found ? [c.value] : n.countsEqual ? n.operands ?? [] : [];
      const nonEmpty = counted.map((e) => this.guardSource(f.ir.file, e, true, true)).find((x) => x) ?? null;
      const source = nonEmpty ?? this.guardSource(f.ir.file, n.expr, n.truthy === true) ?? (n.truthy === true ? this.flagSource(f, n.expr) ?? this.presenceSource(f, n.expr) : n.truthy === false ? this.flagSource(f, n.expr, this.failureFlagSummaries) : null) ?? this.stateSource(f, n);
      if (source) out.push({ node, source, via: null, site: null });
    });
    // `return found.content.totalPrice`: a field read on a missing record throws, so a return
    // reading one through the record is past it (`found.content?.totalPrice` is not: it skips).
    f.fn.nodes.forEach((n, node) => {
      const source = n.kind === 'return' && n.expr ? this.readThrough(f, n.expr) : null;
      if (source) out.push({ node, source, via: null, site: null });
    });
    // `db.query(insert, values, (err, result) => { if (err) return ...; pay() })`: past the error
    // check of a write's completion callback, the record exists.
    for (const fact of this.completedBy().get(key) ?? []) {
      const err = f.fn.params[0];
      f.fn.nodes.forEach((n, node) => {
        if (n.kind === 'assume' && n.truthy === false && n.expr?.k === 'ref' && n.expr.b === err) out.push({ node, source: { kind: 'write', fact }, via: null, site: fact.site });
      });
    }
    // `assertBookable(booking)`: a helper that returns only when its argument is there guards the
    // record it is handed, as `if (!booking) throw` would in place.
    for (const e of this.program.graph.out.get(key) ?? []) {
      if (e.kind !== 'call' || e.file !== f.ir.file) continue;
      const site = f.ir.sites[e.site]!;
      for (const i of this.assertedParams(e.to)) {
        const arg = site.args[i];
        const source = arg ? this.guardSource(f.ir.file, arg, true) : null;
        if (!source) continue;
        const nodes = !functionOf(this.program, e.to)?.fn.async && site.completion === null ? f.siteNodes.get(e.site) ?? [] : this.completionNodes(key, e.site);
        for (const node of nodes) out.push({ node, source, via: null, site: null });
      }
    }
    return out;
  }

  /**
   * `if (booking.status === 'confirmed') return booking`: on the branch where a record read from the
   * store was found in the state `stateCheck` asks for, it is in that state (an idempotent confirm,
   * which leaves a booking confirmed already as it is).
   */
  private stateSource(f: FunctionFlow, n: FlowNode): EvidenceSource | null {
    const c = n.compare;
    const check = this.stateCheck;
    if (!check || !c || !c.equal || c.relational || c.value.k !== 'member' || c.value.prop === null || !check.inState(c.value.prop, c.literal)) return null;
    for (const v of this.program.ev.values(f.ir.file, c.value.obj)) {
      const found = check.records.recordOf(v, false);
      if (found && found.fact.kind === 'read' && found.rest.every((p) => RECORD_ACCESSORS.has(p))) return { kind: 'guarded-read', fact: found.fact };
    }
    return null;
  }

  /** The record a chain of field reads goes through (`found.content` of `found.content.totalPrice`), unless optional there. */
  private readThrough(f: FunctionFlow, e: Expr): EvidenceSource | null {
    for (let read = e; read.k === 'member' || read.k === 'await'; read = read.k === 'member' ? read.obj : read.of) {
      if (read.k !== 'member') continue;
      const record = read.obj;
      const skipped = f.fn.nodes.some((n) => n.kind === 'assume' && n.truthy === false && n.expr !== undefined && sameExpr(n.expr, record));
      if (skipped) return null;
      const source = this.guardSource(f.ir.file, record, true);
      if (source) return source;
    }
    return null;
  }

  private completionCallbacks: Map<string, SiteFact[]> | null = null;

  /** The record writes each function is the error-first completion callback of (a store's `completionCallbacks`). */
  private completedBy(): Map<string, SiteFact[]> {
    if (this.completionCallbacks) return this.completionCallbacks;
    this.completionCallbacks = new Map();
    for (const fact of this.program.facts) {
      const store = fact.recognizer.kind === 'store' ? fact.recognizer : null;
      if (!store?.completionCallbacks || !this.isRecordFact(fact) || !(this.asEvidence ? this.asEvidence(fact) : fact.kind === 'write')) continue;
      const last = this.program.files.get(fact.file)?.sites[fact.site]?.args.at(-1);
      if (last?.k !== 'fn') continue;
      addTo(this.completionCallbacks, fnKey({ file: fact.file, fn: last.fn }), fact);
    }
    return this.completionCallbacks;
  }

  private readonly asserted = new Map<string, number[]>();

  /** Positions of the parameters a function returns normally only when they are truthy (`if (!booking) throw ...`). */
  assertedParams(key: string): number[] {
    let out = this.asserted.get(key);
    if (out) return out;
    out = [];
    const f = this.flow(key);
    const dom = f && f.fn.kind !== 'module' ? this.dominators(key) : null;
    if (f && dom?.reachable[1]) {
      f.fn.params.forEach((b, i) => {
        const guarded = b >= 0 && f.fn.nodes.some((n, node) => n.kind === 'assume' && n.truthy === true && n.expr?.k === 'ref' && n.expr.b === b && dominates(dom, node, 1));
        if (guarded) out!.push(i);
      });
    }
    this.asserted.set(key, out);
    return out;
  }

  /** Whether a helper's record operation is still a record of interest when called at this site. */
  recordAtCall(fact: SiteFact, fn: string, callerFile: string, callerSite: number): boolean {
    return recordAtCall(this.program, fact, fn, callerFile, callerSite);
  }

  /** Where a queued write (`em.persist(x)`) is written: a later flush of the same store, in the same function, that it dominates. */
  private flushNodes(key: string, fact: SiteFact): [number, number][] {
    const dom = this.dominators(key);
    if (!dom) return [];
    const starts = this.siteNodes(key, fact.site);
    const out: [number, number][] = [];
    for (const flush of this.program.factsByFn.get(key) ?? []) {
      if (flush.kind !== 'flush' || flush.recognizer !== fact.recognizer) continue;
      if (!this.siteNodes(key, flush.site).some((n) => starts.some((s) => dominates(dom, s, n)))) continue;
      for (const node of this.completionNodes(key, flush.site)) out.push([node, flush.site]);
    }
    return out;
  }

  /** The write a record produced at this site was handed to (`new Booking()` then `em.persist(b)`). */
  producedRecord(file: string, site: number): SiteFact | undefined {
    return this.producedRecords().get(siteKey(file, site));
  }

  /**
   * `if (!booking) throw` / `if (error) return` / `if (!snap.exists) return` / `if (!rows.length)
   * return`: the branch where a read record exists. With `lengthOnly`, only a list's length counts
   * (`rows.length` where it is not 0).
   */
  private guardSource(file: string, expr: Expr, truthy: boolean, lengthOnly = false): EvidenceSource | null {
    // `result[0]` is the item `const [count] = result` names.
    if (expr.k !== 'ref' && expr.k !== 'member' && expr.k !== 'index' && expr.k !== 'await' && expr.k !== 'call') return null;
    // `if (!booking?.id) return`: a missing record has no id (and `booking.id` on null throws), nor
    // a reference it keeps (`if (!booking?.channelReservationId) throw`). Only the record's own
    // field: a variable that may hold such an id may also hold another value. Not any field: the
    // result of a query may be a response whose `error` is set when the record is missing.
    if (truthy && !lengthOnly && expr.k === 'member' && expr.prop && (ID_FIELDS.has(expr.prop) || REFERENCE_FIELD.test(expr.prop))) {
      const record = this.guardSource(file, expr.obj, true);
      if (record) return record;
    }
    for (const v of this.program.ev.values(file, expr)) {
      const found = this.recordOf(v, false);
      if (!found) continue;
      const { fact, rest, chain } = found;
      const holds = (g: Guard) => {
        const required = fact.match?.store?.guardRequires?.[g];
        return guardsOf(fact).includes(g) && (!required || required.some((m) => chain.includes(m)));
      };
      const kind = fact.kind === 'write' ? 'write' : 'guarded-read';
      const last = rest[rest.length - 1];
      // Rows or a list that is not empty: whatever the query matched exists.
      if (truthy && last !== undefined && ROW_COUNTS.has(last) && rest.slice(0, -1).every((p) => ROW_LISTS.has(p))) return { kind, fact };
      // The rows an update changed, counted in its result (`if (!changed)`, `const [count] = ...;
      // if (count === 0)`): one or more, so the record it matched exists. A query asked to return
      // rows (`returning()`) resolves to them, not to their count.
      const changed = (holds('changed') && rest.length === 0) || (holds('changed-first') && rest.length === 1 && rest[0] === '[]');
      if (truthy && changed && !chain.includes('returning')) return { kind, fact };
      if (lengthOnly) continue;
      if (truthy && rest.every((p) => RECORD_ACCESSORS.has(p)) && (fact.kind === 'write' || holds('null') || holds('throws'))) return { kind, fact };
      if (truthy && last === 'exists' && holds('exists')) return { kind, fact };
      if (truthy && last === 'data' && rest.length === 1 && holds('data')) return { kind, fact };
      if (!truthy && last === 'error' && holds('error')) return { kind, fact };
      if (!truthy && last === 'empty' && rest.length === 1 && holds('empty')) return { kind, fact };
    }
    return null;
  }

  /**
   * The record fact a value was produced by, the steps taken from the record after the query chain,
   * and the chain's method names. With `produced`, a record a write was handed (`new Booking()` then
   * `booking.save()`, a document reference then `t.set(ref, data)`) counts as that write's record.
   */
  recordOf(v: Value, produced = true): { fact: SiteFact; rest: string[]; chain: string[] } | null {
    // A parameter's steps count too: a statement run on a platform binding (`env.DB`, see
    // recognize/bindings.ts) is recognized at its site though its value starts at a parameter.
    if (!hasSteps(v)) return null;
    for (let i = v.steps.length - 1; i >= 0; i--) {
      const step = v.steps[i]!;
      if (step.site === undefined || step.file === undefined) continue;
      const key = siteKey(step.file, step.site);
      const atSite = (this.program.factsBySite.get(key) ?? []).filter((x) => this.isRecordFact(x) && !x.match?.store?.resultIsOther);
      const fact = atSite.find((x) => !x.match?.store?.embedded) ?? (produced ? this.producedRecords().get(key) : undefined);
      const embeds = atSite.filter((x) => x.match?.store?.embedded);
      if (!fact && embeds.length === 0) continue;
      const after = v.steps.slice(i + 1).map((s) => s.p);
      // Query-builder calls after the operation (`.eq().single()`) still yield the record.
      const rest: string[] = [];
      const chain: string[] = [];
      for (let j = 0; j < after.length; j++) {
        const name = after[j]!;
        if (after[j + 1] === '()' && !RECORD_ACCESSORS.has(name) && !RECORD_PROBES.has(name)) {
          chain.push(name);
          j++;
          continue;
        }
        if (name !== '()') rest.push(name);
      }
      const embedded = embeddedRecord(embeds, rest);
      if (embedded) return { fact: embedded.fact, rest: embedded.rest, chain };
      if (fact) return { fact, rest, chain };
    }
    return null;
  }

  private produced: Map<string, SiteFact> | null = null;

  /** Sites that produced the record a write was handed, by the write's `record` declaration. */
  private producedRecords(): Map<string, SiteFact> {
    if (this.produced) return this.produced;
    this.produced = new Map();
    for (const fact of this.program.facts) {
      const record = fact.match?.store?.record;
      if (!this.isRecordFact(fact) || (record !== 'receiver' && record !== 'arg0')) continue;
      const site = this.program.files.get(fact.file)?.sites[fact.site];
      if (!site) continue;
      const source = record === 'arg0' ? site.args[0] : site.callee.k === 'member' ? site.callee.obj : undefined;
      if (!source) continue;
      for (const v of this.program.ev.values(fact.file, source)) {
        if (v.t !== 'ext' && v.t !== 'global') continue;
        const producer = [...v.steps].reverse().find((s) => s.site !== undefined);
        if (producer) this.produced.set(siteKey(producer.file!, producer.site!), fact);
      }
      // A scanned entity class constructed in a local (`const b = new Booking(...)`): that `new` site.
      const ir = this.program.files.get(fact.file);
      const def = ir ? soleDefinition(ir, source) : undefined;
      if (def?.k === 'call') this.produced.set(siteKey(fact.file, def.site), fact);
    }
    return this.produced;
  }
}

/**
 * The record of a resource embedded in the rows read (`slot.booking`, `slot.bookings.length`), with
 * the steps taken from it. An `!inner` embed is there whenever the outer row is (`if (!slot)`,
 * `if (error)`), but no field of that row is one of its fields.
 */
function embeddedRecord(embeds: SiteFact[], rest: string[]): { fact: SiteFact; rest: string[] } | null {
  const at = rest.findIndex((p) => !RECORD_ACCESSORS.has(p));
  const under = at < 0 ? undefined : embeds.find((f) => f.match!.store!.embedded!.field === rest[at]);
  if (under) {
    // A to-one embed (`payment.bookings` by the payment's `booking_id`) is the row or null; a to-many
    // one a list, which code tests by its length: the field tested true is taken as the row.
    return { fact: under, rest: [...rest.slice(0, at), ...rest.slice(at + 1)] };
  }
  const inner = embeds.find((f) => f.match!.store!.embedded!.inner);
  return inner && (at < 0 || (at === rest.length - 1 && rest[at] === 'error')) ? { fact: inner, rest } : null;
}

/** The parameter a call's receiver chain starts from (`ref.get()` with `ref` the first parameter -> 0). */
/** A guard kind that needs a chained call (`executeTakeFirstOrThrow`) holds only when the query ends in one. */
function requiredChain(ir: FileIR, fact: SiteFact, guard: Guard): boolean {
  const required = fact.match?.store?.guardRequires?.[guard];
  if (!required) return true;
  for (let s = ir.sites[fact.site]; s && s.chainedBy !== null; s = ir.sites[s.chainedBy]) {
    const next = ir.sites[s.chainedBy]!.callee;
    if (next.k === 'member' && next.prop !== null && required.includes(next.prop)) return true;
  }
  return false;
}

/** A read, or an update, that rejects when its record is missing (`findUniqueOrThrow`, Prisma `update`). */
export function throwsWhenMissing(fact: SiteFact): boolean {
  return (fact.kind === 'read' || fact.kind === 'update') && guardsOf(fact).includes('throws');
}

/** How a missing record shows at this read or update (none for writes and lists). */
export function guardsOf(fact: SiteFact): Guard[] {
  const g = fact.match?.store?.guard;
  return g === undefined ? [] : Array.isArray(g) ? g : [g];
}

function isSync(source: EvidenceSource): boolean {
  return Boolean(source.fact?.match?.store?.sync);
}

/** A value a result field holds that is truthy whatever happens: a non-empty literal, a template, an object or array. */
function surelyTruthy(e: Expr): boolean {
  return (e.k === 'lit' && !!e.value) || (e.k === 'tpl' && e.text.length > 0) || e.k === 'obj' || e.k === 'arr';
}

/** `null`, `false`, `0`, `''` (and `undefined`, which the parser reads as `null`). */
function surelyFalsy(e: Expr): boolean {
  return e.k === 'lit' && !e.value;
}

function addFlag(m: Map<string, Map<string, EvidenceSource>>, key: string, field: string, source: EvidenceSource): void {
  let fields = m.get(key);
  if (!fields) m.set(key, (fields = new Map()));
  fields.set(field, source);
}

/** Placeholder source while the summary fixpoint has not named one yet. */
const PENDING = { kind: 'write', fact: null } as unknown as EvidenceSource;


/**
 * For promises kept in variables or handed to a group call: which await nodes and group calls
 * (Promise.all, a store's `$transaction([...])`) consume each call's promise.
 */
function consumersOf(ir: FileIR, fn: FunctionIR, isGroup: (site: number) => boolean): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const add = (site: number, node: number) => addTo(out, site, node);
  fn.nodes.forEach((n, node) => {
    if (n.kind === 'await' && n.expr) for (const s of referencedSites(ir, n.expr, 0)) add(s, node);
    if (n.kind === 'call' && n.site !== undefined) {
      const site = ir.sites[n.site]!;
      const c = site.callee;
      const promiseGroup = c.k === 'member' && c.obj.k === 'global' && c.obj.name === 'Promise' && (c.prop === 'all' || c.prop === 'allSettled');
      if (promiseGroup || isGroup(n.site)) {
        for (const a of site.args) for (const s of referencedSites(ir, a, 0)) if (s !== n.site) add(s, node);
      }
    }
  });
  return out;
}

function referencedSites(ir: FileIR, e: Expr, depth: number): number[] {
  if (depth > 4) return [];
  switch (e.k) {
    case 'call':
      return [e.site];
    case 'await':
      return referencedSites(ir, e.of, depth + 1);
    case 'arr':
      return e.items.flatMap((x) => referencedSites(ir, x, depth + 1));
    case 'any':
      return e.of.flatMap((x) => referencedSites(ir, x, depth + 1));
    case 'ref': {
      const b = ir.bindings[e.b];
      return b && b.kind !== 'import' ? b.defs.flatMap((x) => referencedSites(ir, x, depth + 1)) : [];
    }
    default:
      return [];
  }
}

/** Two expressions of the same function written alike (`found.content` tested, then read). */
function sameExpr(a: Expr, b: Expr): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
