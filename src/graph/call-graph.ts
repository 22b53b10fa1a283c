// The cross-file call graph: an edge per (call site, target function). Targets come from resolved
// callee values; function arguments are callbacks that run within the call; when a receiver cannot
// be resolved, methods are looked up by name over the scanned classes (marked approximate).
import { sitesIn, type CallSite, type Expr, type FileIR } from '../model/ir.js';
import { fnKey, isUnknown, type Value } from '../model/values.js';
import type { SiteFact } from '../recognize/facts.js';
import type { Evaluator } from '../symbols/evaluate.js';
import type { FrameworkRecognizer } from '../recognizers/define.js';
import { deadSites } from '../flow/dominators.js';
import { messageEdges } from './messages.js';
import { referenceEdges } from './function-references.js';
import { procedureCallerEdges } from './procedure-callers.js';

export interface CallEdge {
  from: string;
  file: string;
  site: number;
  to: string;
  /** 'call' direct; 'callback' a function argument; 'deferred' a callback run later; 'approximate' by method name. */
  kind: 'call' | 'callback' | 'deferred' | 'approximate';
  /** Which argument each parameter receives, when not the same position (a message payload). */
  argMap?: number[];
  /** A message link (sender to pattern handler) rather than a direct call. */
  message?: boolean;
  /**
   * The target's parameters are what its framework fills, not this call's arguments: a tRPC
   * procedure run through a server-side caller gets `{ ctx, input }` (procedure-callers.ts).
   */
  filledParams?: true;
}

export interface CallGraph {
  out: Map<string, CallEdge[]>;
  in: Map<string, CallEdge[]>;
  /**
   * Listeners on emitters that outlive the call registering them (`this.client.on('message', fn)`,
   * a module-level `bus.on(...)`): each event enters the app anew, so the function is an entry point
   * of its own, not a callback of whoever registered it. Keyed by function, with the registration.
   */
  listeners: Map<string, { file: string; site: number }>;
  /** Functions called from code no run reaches (past an early `return`): switched off with it, no roots of their own. */
  deadCallees?: Set<string>;
}

/** Array and promise methods run their function argument (promise methods once the receiver settles). */
const INLINE_METHODS = new Set([
  'map', 'forEach', 'filter', 'reduce', 'reduceRight', 'some', 'every', 'find', 'findIndex', 'findLast', 'flatMap', 'sort',
  'then', 'catch', 'finally',
]);
/** Callbacks of these run after the call returns, not within it. */
const DEFERRING_GLOBALS = new Set(['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask', 'requestIdleCallback']);
const DEFERRING_METHODS = new Set(['on', 'once', 'addListener', 'addEventListener', 'nextTick', 'subscribe', 'listen']);
/** Registrations of an event listener: the function runs on each event the receiver emits. */
const LISTENER_METHODS = new Set(['on', 'once', 'addListener', 'prependListener', 'addEventListener', 'subscribe']);
/** Method names too common to look up by name alone. */
const TOO_COMMON = new Set([
  'get', 'set', 'has', 'delete', 'add', 'push', 'pop', 'map', 'filter', 'find', 'forEach', 'reduce', 'some', 'every', 'then',
  'catch', 'finally', 'json', 'send', 'status', 'end', 'log', 'error', 'warn', 'info', 'debug', 'toString', 'call', 'apply',
  'bind', 'emit', 'on', 'use', 'init', 'run', 'start', 'stop', 'close', 'open', 'execute', 'handle', 'render', 'parse',
  'validate', 'create', 'update', 'save', 'remove', 'findOne', 'findAll', 'findById', 'list', 'query', 'request', 'next',
]);
const MAX_APPROXIMATE_TARGETS = 3;

export function buildCallGraph(
  ev: Evaluator, files: FileIR[], factsBySite: Map<string, SiteFact[]>, onError: (file: string, error: unknown) => void = () => {},
  frameworks: FrameworkRecognizer[] = [],
): CallGraph {
  const graph: CallGraph = { out: new Map(), in: new Map(), listeners: new Map(), deadCallees: new Set() };
  const methodsByName = indexMethods(files);
  const paramUses = new Map<string, ParamUse>();
  const inlineScopes = new Map<string, Set<number>>();
  const add = (e: CallEdge) => {
    const list = graph.out.get(e.from) ?? [];
    if (list.some((x) => x.site === e.site && x.to === e.to && x.file === e.file)) return;
    list.push(e);
    graph.out.set(e.from, list);
    const back = graph.in.get(e.to) ?? [];
    back.push(e);
    graph.in.set(e.to, back);
  };
  for (const ir of files) {
    try {
      addFileEdges(ir);
      addListedEdges(ir);
    } catch (error) {
      onError(ir.file, error);
    }
  }
  for (const e of messageEdges(ev, files, frameworks)) add(e);
  for (const e of procedureCallerEdges(ev, files, factsBySite, frameworks)) add(e);
  for (const e of referenceEdges(ev, files, frameworks)) add(e);
  return graph;

  /** Calls of what a directory listing loads, module by module: a folder of many models calls each one's factory. */
  function addListedEdges(ir: FileIR): void {
    const readers = ev.perListedModule(ir.file);
    if (readers.length === 0) return;
    ir.sites.forEach((site, index) => {
      const from = fnKey({ file: ir.file, fn: site.fn });
      for (const reader of readers) {
        for (const v of reader.values(ir.file, site.callee)) {
          const target = targetOf(reader, v, site);
          if (target) add({ from, file: ir.file, site: index, to: target, kind: 'call' });
        }
      }
    });
  }

  function addFileEdges(ir: FileIR): void {
    const dead = deadSites(ir);
    ir.sites.forEach((site, index) => {
      if (dead.has(index)) {
        for (const v of ev.values(ir.file, site.callee)) {
          const target = targetOf(ev, v, site);
          if (target) graph.deadCallees!.add(target);
        }
        return;
      }
      const from = fnKey({ file: ir.file, fn: site.fn });
      const facts = factsBySite.get(`${ir.file}:${index}`) ?? [];
      const callee = ev.values(ir.file, site.callee);
      // `fn.bind(x)` makes a function; it calls nothing. A call of a parameter is resolved where the
      // function argument is passed (a callback edge there), so each caller keeps its own callback.
      const makesNoCall = site.callee.k === 'member' && site.callee.prop === 'bind';
      let resolved = makesNoCall;
      if (!makesNoCall && !isParameterCall(ir, site)) {
        for (const v of callee) {
          const target = targetOf(ev, v, site);
          if (target) {
            resolved = true;
            add({ from, file: ir.file, site: index, to: target, kind: 'call' });
          }
        }
      }
      if (!resolved && facts.length === 0) {
        for (const to of approximateTargets(site, callee, methodsByName)) add({ from, file: ir.file, site: index, to, kind: 'approximate' });
      }
      // Route registrations hand their functions to the framework: those are entry points, not calls.
      // A plugin (`app.register(plugin, { prefix })`) is no entry point: the framework runs it at start.
      if (facts.some((f) => f.kind === 'registration' && !f.match?.registration?.pluginCalls?.includes(f.api.split('.').pop() ?? ''))) return;
      const deferred = facts.some((f) => f.kind === 'deferred') || isDeferring(site);
      const inline = runsInScope(facts) || isInlineMethod(site);
      const ownEntry = listensOnLongLivedEmitter(ir, site);
      site.args.forEach((arg, i) => {
        if (forwardsOwnParameter(ir, site, index, arg)) return;
        for (const v of ev.values(ir.file, arg)) {
          if (v.t !== 'fn') continue;
          if (ownEntry) {
            if (!graph.listeners.has(fnKey(v))) graph.listeners.set(fnKey(v), { file: ir.file, site: index });
            continue;
          }
          // Known inline runners (array and promise methods, transactions, scanned functions that call
          // the parameter) run it within the call. A scanned wrapper that only returns a closure
          // (`asyncHandler(fn)`) runs nothing now. Anything else (`payment.execute(id, cb)`,
          // `withAuth(fn)` from a library) may run it, later: a deferred edge, which keeps the callback
          // reachable without making the caller an entry point of its own.
          const internal = callee.some((c) => c.t === 'fn');
          const use = callee.reduce<ParamUse>((u, c) => (c.t === 'fn' ? strongerUse(u, paramUse(c.file, c.fn, i)) : u), 'none');
          if (!deferred && (inline || use === 'inline')) {
            add({ from, file: ir.file, site: index, to: fnKey(v), kind: 'callback' });
          } else if (deferred || !internal || use === 'deferred') add({ from, file: ir.file, site: index, to: fnKey(v), kind: 'deferred' });
        }
      });
    });
  }

  /**
   * How function `fn` uses its parameter `index` while it runs: calls it (in its body or an inline
   * callback), hands it on to a function that does (`withRetry(label, op)` calling itself again with
   * `op`), or to one that may run it later. A returned closure calling it runs nothing now.
   */
  function paramUse(file: string, fn: number, index: number): ParamUse {
    const key = `${file}#${fn}.${index}`;
    const known = paramUses.get(key);
    if (known !== undefined) return known;
    paramUses.set(key, 'none');
    const ir = ev.ir(file);
    const param = ir?.functions[fn]?.params[index];
    let use: ParamUse = 'none';
    if (ir && param !== undefined && param >= 0) {
      const scope = inlineScope(ir, fn);
      ir.sites.forEach((site, s) => {
        if (use === 'inline' || !scope.has(site.fn)) return;
        if (site.callee.k === 'ref' && site.callee.b === param) use = 'inline';
        site.args.forEach((a, i) => {
          if (a.k === 'ref' && a.b === param) use = strongerUse(use, forwardedUse(ir, site, s, i));
        });
      });
    }
    paramUses.set(key, use);
    return use;
  }

  /** What becomes of a function handed on as argument `arg` of a call. */
  function forwardedUse(ir: FileIR, site: CallSite, index: number, arg: number): ParamUse {
    const facts = factsBySite.get(`${ir.file}:${index}`) ?? [];
    if (facts.some((f) => f.kind === 'registration') || runsInScope(facts)) return 'none';
    if (facts.some((f) => f.kind === 'deferred') || isDeferring(site)) return 'deferred';
    if (isInlineMethod(site)) return 'inline';
    const targets = ev.values(ir.file, site.callee).filter((v) => v.t === 'fn');
    if (targets.length === 0) return 'deferred';
    return targets.reduce<ParamUse>((use, t) => strongerUse(use, paramUse(t.file, t.fn, arg)), 'none');
  }

  /** A function and the functions passed inline as arguments of the calls it makes. */
  function inlineScope(ir: FileIR, fn: number): Set<number> {
    const key = `${ir.file}#${fn}`;
    let scope = inlineScopes.get(key);
    if (scope) return scope;
    scope = new Set([fn]);
    for (const site of sitesIn(ir, fn)) for (const a of site.args) if (a.k === 'fn') scope.add(a.fn);
    inlineScopes.set(key, scope);
    return scope;
  }

  /**
   * `helper(op)` with `op` a parameter of the function making the call: handled where that function
   * is called, with each caller's own argument. Handed to a transaction or group runner, it keeps
   * its edge here, where the scope it runs in is known (regions.ts).
   */
  function forwardsOwnParameter(ir: FileIR, site: CallSite, index: number, arg: Expr): boolean {
    if (arg.k !== 'ref' || runsInScope(factsBySite.get(`${ir.file}:${index}`) ?? [])) return false;
    const binding = ir.bindings[arg.b];
    return binding?.kind === 'param' && inlineScope(ir, binding.fn).has(site.fn);
  }
}

type ParamUse = 'inline' | 'deferred' | 'none';

/** A transaction, group or other known runner runs its function argument within the call. */
function runsInScope(facts: SiteFact[]): boolean {
  return facts.some((f) => f.kind === 'transaction' || f.kind === 'group' || f.kind === 'inline');
}

function strongerUse(a: ParamUse, b: ParamUse): ParamUse {
  return a === 'inline' || b === 'inline' ? 'inline' : a === 'deferred' || b === 'deferred' ? 'deferred' : 'none';
}

function isParameterCall(ir: FileIR, site: CallSite): boolean {
  return site.callee.k === 'ref' && ir.bindings[site.callee.b]?.kind === 'param';
}

function isInlineMethod(site: CallSite): boolean {
  const c = site.callee;
  if (site.isNew && c.k === 'global' && c.name === 'Promise') return true;
  return c.k === 'member' && c.prop !== null && INLINE_METHODS.has(c.prop);
}
function targetOf(ev: Evaluator, v: Value, site: CallSite): string | null {
  if (v.t === 'fn') return fnKey(v);
  // `super(model)` runs the base class's constructor: its parameters take the subclass's arguments.
  if ((v.t === 'class' && site.isNew) || (v.t === 'inst' && site.callee.k === 'super')) {
    const ctor = ev.ir(v.file)?.classes[v.cls]?.methods['constructor'];
    return ctor === undefined ? null : fnKey({ file: v.file, fn: ctor });
  }
  return null;
}

/**
 * `emitter.on(event, fn)` where the emitter outlives the function registering it: an instance field
 * (`this.client`), a module-level or imported binding, a global (`process`). A listener on the
 * request itself, a parameter or a local stream (`req.on('end', ...)`, `busboy.on('finish', ...)`)
 * finishes the work of the call that registered it and stays its deferred callback.
 */
function listensOnLongLivedEmitter(ir: FileIR, site: CallSite): boolean {
  const c = site.callee;
  if (c.k !== 'member' || c.prop === null || !LISTENER_METHODS.has(c.prop)) return false;
  let root: Expr = c.obj;
  while (root.k === 'member' || root.k === 'index') root = root.obj;
  if (root.k === 'this' || root.k === 'global' || root.k === 'require') return true;
  if (root.k !== 'ref') return false;
  const binding = ir.bindings[root.b];
  return binding !== undefined && binding.kind !== 'param' && (binding.fn === 0 || binding.kind === 'import');
}

function isDeferring(site: CallSite): boolean {
  const c = site.callee;
  if (c.k === 'global') return DEFERRING_GLOBALS.has(c.name);
  return c.k === 'member' && c.prop !== null && DEFERRING_METHODS.has(c.prop);
}

function indexMethods(files: FileIR[]): Map<string, string[]> {
  const index = new Map<string, string[]>();
  for (const ir of files) {
    for (const cls of ir.classes) {
      for (const [name, fn] of Object.entries(cls.methods)) {
        if (name.startsWith('static ') || name === 'constructor') continue;
        const list = index.get(name) ?? [];
        list.push(fnKey({ file: ir.file, fn }));
        index.set(name, list);
      }
    }
  }
  return index;
}

/**
 * A method of what a built-in call returned (`new Map().get(name).charge`, `JSON.parse(s).run`): the
 * value is the app's data (a gateway registered by name, say), which the scan cannot see into.
 */
function isBuiltinResultMember(v: Value): boolean {
  return v.t === 'global' && v.steps.slice(1, -1).some((s) => s.p === '()' || s.p === 'new()');
}

/** `x.bookSlot()` with `x` unresolvable: the scanned classes that define `bookSlot`, if few. */
function approximateTargets(site: CallSite, callee: Value[], methodsByName: Map<string, string[]>): string[] {
  if (site.callee.k !== 'member' || site.callee.prop === null) return [];
  const name = site.callee.prop;
  if (TOO_COMMON.has(name)) return [];
  const receiverUnknown = callee.every((v) => isUnknown(v) || v.t === 'param' || isBuiltinResultMember(v));
  if (!receiverUnknown) return [];
  const candidates = methodsByName.get(name) ?? [];
  return candidates.length <= MAX_APPROXIMATE_TARGETS ? candidates : [];
}
