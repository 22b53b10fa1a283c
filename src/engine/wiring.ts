// What the stages feed back into each other: parameter values learned from transaction callbacks
// and callers' arguments, and entry points for payment code nobody in the scan calls.
import type { CallGraph } from '../graph/call-graph.js';
import { optionHandlers, type EntryPoint, type ObjValue } from '../graph/entries.js';
import { defaultExport, filesAtStem, fillGroups, frameworkModule } from '../graph/framework-modules.js';
import { functionOf, parseFnKey, reachableFrom, reachingSet, type Program } from '../analysis/program.js';
import { fnKey, isUnknown, receiverOf, stepsText, type Value } from '../model/values.js';
import { isWithin, thenReceiver, type CallSite, type Expr, type FileIR, type TypeRef } from '../model/ir.js';
import { compilePath, isAtPath, isModuleOrSubpath, isPatternValue, type Matcher } from '../recognizers/match.js';
import type { ClientPattern, FrameworkRecognizer, HandlerParam } from '../recognizers/define.js';
import type { Manifest } from '../project/discover.js';
import { globMatcher } from '../util/glob.js';
import { injectedByToken, resolvedFromContainer } from './injection.js';
import { staticText } from '../symbols/text.js';
import type { Evaluator, GlobalSource, ParamSource, PassesThrough, ResultSource, ThisSource } from '../symbols/evaluate.js';
import { addTo } from '../util/multimap.js';
import { sqlHelperOf } from '../recognize/sql-helpers.js';

const MAX_CALLERS = 8;
/** Array methods (and a Firestore `QuerySnapshot`'s `forEach`) that call their first argument with each item. */
const ITEM_CALLBACKS = new Set(['map', 'forEach', 'flatMap', 'filter', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex']);
/** How many wrappers a handler may be handed through before one calls it (`route(h)` -> `withSession(h)`). */
const MAX_HANDOFFS = 3;

export function paramSources(ev: Evaluator, matcher: Matcher, graph: CallGraph | null, frameworks: FrameworkRecognizer[] = []): ParamSource {
  const typedRules = frameworks.flatMap((fw) => fw.typedFunctions ?? []);
  // Declared function types of functions held in annotated variables, by file: fn -> types.
  const declaredTypes = new Map<string, Map<number, TypeRef[]>>();
  const typesOf = (file: string, fn: number) => {
    let m = declaredTypes.get(file);
    if (!m) {
      m = new Map();
      for (const b of ev.ir(file)?.bindings ?? []) {
        if (!b.type) continue;
        for (const d of b.defs) if (d.k === 'fn') addTo(m, d.fn, b.type);
      }
      declaredTypes.set(file, m);
    }
    return m.get(fn) ?? [];
  };
  const typedParam = (file: string, fn: number, index: number): Value[] => {
    if (typedRules.length === 0) return [];
    const out: Value[] = [];
    for (const type of typesOf(file, fn)) {
      for (const v of ev.values(file, type.name)) {
        if (v.t !== 'ext') continue;
        const rule = typedRules.find((r) => r.param === index && isModuleOrSubpath(v.module, r.module) && stepsText(v.steps) === r.type);
        if (rule) out.push({ t: 'ext', module: rule.module, steps: rule.value.split('.').map((p) => ({ p })) });
      }
    }
    return out;
  };
  const passedAt = new Map<string, Map<number, { site: number; arg: number }[]>>();
  const callbackSites = (file: string) => {
    let m = passedAt.get(file);
    if (!m) {
      m = new Map();
      ev.ir(file)?.sites.forEach((s, site) => s.args.forEach((a, arg) => {
        if (a.k === 'fn') m!.set(a.fn, [...(m!.get(a.fn) ?? []), { site, arg }]);
      }));
      passedAt.set(file, m);
    }
    return m;
  };
  // Functions by exported name, for fields a framework fills from a factory (`createContext`).
  let exportsByName: Map<string, Value[]> | null = null;
  const returnsOf = (names: string[]): Value[] => {
    if (!exportsByName) {
      exportsByName = new Map();
      for (const ir of ev.files.values()) {
        for (const x of ir.exports) {
          if (x.kind !== 'local') continue;
          addTo(exportsByName, x.name, ...ev.values(ir.file, x.value));
        }
      }
    }
    return names.flatMap((n) => exportsByName!.get(n) ?? []).flatMap((v) => (v.t === 'fn' ? ev.fnReturns(v.file, v.fn, 0) : []));
  };
  const handlerParam = (rules: HandlerParam[] | undefined, index: number, options?: ObjValue): Value[] => {
    const rule = rules?.find((r) => r.index === index);
    if (!rule || rule.receiver) return [];
    if (rule.option) {
      const declared = options?.props.find((p) => p.key === rule.option);
      return declared && options ? ev.values(options.file, declared.value) : [];
    }
    const held = (what: string[] | { module: string; path: string }): Value[] =>
      Array.isArray(what) ? returnsOf(what) : [{ t: 'ext', module: what.module, steps: what.path.split('.').map((p) => ({ p })) }];
    return [{ t: 'fields', fields: Object.fromEntries(Object.entries(rule.fields ?? {}).map(([k, what]) => [k, held(what)])) }];
  };
  /**
   * What `fn` passes as argument `index` where it calls its own parameter `param`: in its body, in a
   * function it returns (`withSession(handler)` returns `async (req) => handler({ req, supabase })`),
   * or in a function of the scan it hands the parameter on to (`route(h)` returns `withSession(h)`).
   */
  const invokedWith = (file: string, fn: number, param: number, index: number, depth = 0): Value[] => {
    const ir = ev.ir(file);
    if (!ir || depth > MAX_HANDOFFS) return [];
    const isParam = (e: Expr) => e.k === 'ref' && ir.bindings[e.b]?.kind === 'param' && ir.bindings[e.b]!.defs.some((d) => d.k === 'param' && d.fn === fn && d.index === param);
    const out: Value[] = [];
    for (const s of ir.sites) {
      if (!isWithin(ir, s.fn, fn)) continue;
      if (isParam(s.callee)) {
        if (s.args[index]) out.push(...ev.values(file, s.args[index]!).filter((v) => !isUnknown(v)));
        continue;
      }
      s.args.forEach((a, handedAs) => {
        if (!isParam(a)) return;
        for (const v of ev.values(file, s.callee)) if (v.t === 'fn') out.push(...invokedWith(v.file, v.fn, handedAs, index, depth + 1));
      });
    }
    return out;
  };
  // `obs.pipe(map((value) => ...))`: the operator's callback takes the values the piped receiver gives.
  const piping = frameworks.flatMap((fw) => fw.keepsValues ?? []).filter((k) => k.valueCallbacks);
  const pipedValues = (file: string, site: number): Value[] => {
    const ir = ev.ir(file)!;
    const operator = ev.values(file, ir.sites[site]!.callee);
    const out: Value[] = [];
    for (const keep of piping) {
      if (!operator.some((v) => keep.valueCallbacks!.some((o) => isPatternValue(v, o)))) continue;
      for (const pipe of ir.sites) {
        const c = pipe.callee;
        if (c.k !== 'member' || c.prop !== keep.method || !pipe.args.some((a) => a.k === 'call' && a.site === site)) continue;
        out.push(...ev.values(file, c.obj).filter((v) => !isUnknown(v)));
      }
    }
    return out;
  };
  const optionHandlerRules = optionHandlerParams(ev, matcher, frameworks);
  const factoryParams = moduleFactoryParams(ev, frameworks);
  const byToken = injectedByToken(ev, frameworks);
  return (file, fn, index) => {
    const out: Value[] = [...typedParam(file, fn, index), ...byToken(file, fn, index), ...handlerParam(factoryParams.get(fnKey({ file, fn })), index)];
    // A handler in a registration's options (`endpoints: [{ handler: async (req) => ... }]`). What
    // the options declare a parameter takes (Convex's `args` validators) stands in for callers' arguments.
    const held = optionHandlerRules.get(fnKey({ file, fn }));
    const declares = held?.params.some((r) => r.index === index && r.option) ?? false;
    const declared = declares ? handlerParam(held?.params, index, held?.options) : [];
    if (!declares) out.push(...handlerParam(held?.params, index, held?.options));
    // hapi's `server.register({ name, register: async (server) => ... })`: the server it is registered on.
    if (held?.params.some((r) => r.index === index && r.receiver) && !isUnknown(held.receiver)) out.push(held.receiver);
    // `prisma.$transaction(async (tx) => ...)`: tx is a client of the same store. A framework
    // handler's parameter holds what the framework fills in (`{ ctx }` from `createContext`).
    for (const { site, arg } of callbackSites(file).get(fn) ?? []) {
      const s = ev.ir(file)!.sites[site]!;
      // `snap.docs.map(async (doc) => ...)`, `rows.forEach((row) => ...)`: the item, as `for (const doc of snap.docs)` binds it.
      if (arg === 0 && index === 0 && s.callee.k === 'member' && s.callee.prop !== null && ITEM_CALLBACKS.has(s.callee.prop)) {
        out.push(...ev.values(file, { k: 'index', obj: s.callee.obj, at: 0 }).filter((v) => !isUnknown(v)));
      }
      // `import('https://deno.land/std/http/server.ts').then(({ serve }) => serve(handler))`: what the promise settles to.
      if (arg === 0 && index === 0) out.push(...settledValues(ev, file, s), ...pipedValues(file, site));
      for (const v of ev.values(file, s.callee)) {
        // Handed to a function of the scan that calls it (`transaction(async (client) => ...)`
        // with `await callback(client)` inside): the parameter takes what that call passes.
        if (v.t === 'fn') out.push(...invokedWith(v.file, v.fn, arg, index));
        for (const m of matcher.match(v)) {
          if (m.kind === 'registration') out.push(...handlerParam(m.registration?.handlerParams, index));
          if (m.kind === 'registration' && v.t === 'ext' && m.registration?.handlerParams?.some((r) => r.index === index && r.receiver)) out.push(receiverOf(v));
          if (m.kind === 'inline') out.push(...handlerParam(m.inlineParams, index));
          // `db.query(sql, values, (err, result) => ...)`: the result is what the statement returned.
          if (m.kind === 'write' && m.recognizer.kind === 'store' && m.recognizer.completionCallbacks && index === 1 && arg === s.args.length - 1) {
            out.push(...ev.values(file, { k: 'call', site }));
          }
          if (m.kind !== 'transaction' || m.transaction!.param !== index || v.t !== 'ext') continue;
          out.push(m.transaction!.client === 'receiver' ? receiverOf(v) : v);
        }
      }
    }
    if (graph) {
      // `.then(orNotFound)`: a named function handed to `.then` is called with what the promise settles to.
      if (index === 0) {
        for (const e of graph.in.get(fnKey({ file, fn })) ?? []) {
          const s = e.kind === 'callback' ? ev.ir(e.file)?.sites[e.site] : undefined;
          if (s && s.args[0]?.k !== 'fn') out.push(...settledValues(ev, e.file, s));
        }
      }
      // A plugin handed by name (`app.register(bookingRoutes)`): the instance the call is made on.
      for (const e of graph.in.get(fnKey({ file, fn })) ?? []) {
        const s = e.kind === 'callback' || e.kind === 'deferred' ? ev.ir(e.file)?.sites[e.site] : undefined;
        if (!s || s.args.some((a) => a.k === 'fn' && a.fn === fn && e.file === file)) continue;
        for (const v of ev.values(e.file, s.callee)) {
          if (v.t !== 'ext') continue;
          if (matcher.match(v).some((m) => m.kind === 'registration' && m.registration?.handlerParams?.some((r) => r.index === index && r.receiver))) out.push(receiverOf(v));
        }
      }
      const callers = (graph.in.get(fnKey({ file, fn })) ?? []).filter((e) => (e.kind === 'call' || e.message) && !e.filledParams).slice(0, MAX_CALLERS);
      const perCaller = callers.map((e) => {
        const arg = ev.ir(e.file)?.sites[e.site]?.args[e.argMap?.[index] ?? index];
        return arg ? ev.values(e.file, arg).filter((v) => !isUnknown(v)) : [];
      });
      // Taken in turns, so a caller whose argument has many values (a validated request body) does
      // not crowd out the others when the values are capped: each caller's first value comes first.
      for (let i = 0; perCaller.some((list) => i < list.length); i++) for (const list of perCaller) if (i < list.length) out.push(list[i]!);
      // Callers in the scan say what it is handed; without any, what its declaration says.
      if (callers.length === 0) out.push(...declared);
    } else {
      out.push(...declared);
    }
    // What the framework fills is only some of its members (tRPC's `ctx`): the others (`input`) come with the request.
    return out.length > 0 ? out.map((v) => (v.t === 'fields' && !v.of ? { ...v, of: { file, fn, index } } : v)) : null;
  };
}


/**
 * What a plain function's `this` is when it is handed inline to a registration whose framework binds
 * it (`handlerThis`): the instance the call is made on (`fastify.post(url, async function () { this.prisma })`).
 */
export function boundThis(ev: Evaluator, matcher: Matcher): ThisSource {
  const handedAt = new Map<string, Map<number, number[]>>();
  return (file, fn) => {
    let byFn = handedAt.get(file);
    if (!byFn) {
      handedAt.set(file, (byFn = new Map()));
      ev.ir(file)?.sites.forEach((s, site) => s.args.forEach((a) => a.k === 'fn' && addTo(byFn!, a.fn, site)));
    }
    const out: Value[] = [];
    for (const site of byFn.get(fn) ?? []) {
      for (const v of ev.values(file, ev.ir(file)!.sites[site]!.callee)) {
        if (v.t === 'ext' && matcher.match(v).some((m) => m.kind === 'registration' && m.registration?.handlerThis)) out.push(receiverOf(v));
      }
    }
    return out.length > 0 ? out : null;
  };
}

/**
 * Handlers that registrations hold in options objects (`handlerKeys`) of rules that fill their
 * parameters: function -> the rule's parameters. Read once, with what the evaluator knows so far:
 * the calls are found by name first (the last step of the rule's path), then by their value.
 */
function optionHandlerParams(ev: Evaluator, matcher: Matcher, frameworks: FrameworkRecognizer[]): Map<string, { params: HandlerParam[]; options: ObjValue; receiver: Value }> {
  const out = new Map<string, { params: HandlerParam[]; options: ObjValue; receiver: Value }>();
  const rules = frameworks.flatMap((fw) => fw.registrations ?? []).filter((r) => r.handlerKeys && r.handlerParams);
  const names = new Set(rules.flatMap((r) => r.clients.flatMap((c) => r.calls.map((call) => compilePath(`${c.path}.${call}`).filter((t) => t !== '()').pop() ?? ''))));
  if (names.size === 0) return out;
  for (const ir of ev.files.values()) {
    ir.sites.forEach((site) => {
      const c = site.callee;
      const name = c.k === 'member' ? c.prop : c.k === 'ref' ? ir.bindings[c.b]?.name : null;
      if (!name || !names.has(name)) return;
      for (const v of ev.values(ir.file, c)) {
        for (const m of matcher.match(v)) {
          const reg = m.kind === 'registration' ? m.registration : undefined;
          if (!reg?.handlerKeys || !reg.handlerParams) continue;
          const receiver: Value = v.t === 'ext' ? receiverOf(v) : { t: 'unknown' };
          for (const arg of site.args) for (const h of optionHandlers(ev, ir, arg, reg)) if (!out.has(h.fn)) out.set(h.fn, { params: reg.handlerParams, options: h.options, receiver });
        }
      }
    });
  }
  return out;
}

/**
 * A function that reaches a provider call and has no caller in the scanned code is its own entry
 * point. Code that merely hands a function to something that runs it later (a library wrapper, a
 * UI hook, a node-style callback) is not its caller: such a function is a root of its own
 * ('callback'), unless a known entry point already reaches it. No payment call is left unreached.
 * An entry a directive makes (a `'use server'` action) is a request of its own: code that calls it
 * and no known entry reaches is the client sending that request (a component's click handler), so
 * it does not become an entry by way of the action; what the client did before proves nothing to
 * the server. What a framework is told not to serve (`unserved`) is no root either, nor what only it reaches.
 */
export function implicitEntries(program: Program, known: EntryPoint[], frameworks: FrameworkRecognizer[] = [], unserved = new Set<string>()): EntryPoint[] {
  const reachedByKnown = new Set<string>();
  // What only code past an early `return` calls is switched off with it.
  const switchedOff = [...(program.graph.deadCallees ?? [])].filter((k) => !program.graph.in.get(k)?.some((e) => e.from !== k));
  for (const e of [...known.map((k) => k.fn), ...unserved, ...switchedOff]) for (const k of reachableFrom(program.graph, e)) reachedByKnown.add(k);
  const requestKinds = new Set(frameworks.flatMap((fw) => (fw.directives ?? []).map((d) => d.entry)));
  const requests = new Set(known.filter((e) => requestKinds.has(e.kind)).map((e) => e.fn));
  const providerFns = program.facts.filter((f) => f.kind === 'provider').map((f) => fnKey({ file: f.file, fn: f.fn }));
  const reaching = reachingSet(program.graph, providerFns, (e) => e.kind !== 'deferred' && !requests.has(e.to));
  const patches = patchedOntoPackages(program);
  const out: EntryPoint[] = [];
  for (const key of [...reaching].sort()) {
    if (reachedByKnown.has(key) || patches.has(key)) continue;
    const callers = (program.graph.in.get(key) ?? []).filter((e) => e.from !== key);
    if (callers.some((e) => e.kind !== 'deferred')) continue;
    const found = functionOf(program, key);
    if (!found) continue;
    const listener = program.graph.listeners.get(key);
    const registration = listener ? program.files.get(listener.file)?.sites[listener.site] : undefined;
    if (listener && registration && callers.length === 0) {
      // An event enters here: named after the registration (`on message`), placed where it is made.
      const event = staticText(program.files.get(listener.file)!, registration.args[0]);
      const method = registration.callee.k === 'member' ? registration.callee.prop : null;
      out.push({ fn: key, file: listener.file, pos: registration.start, kind: 'event-listener', name: [method, event].filter(Boolean).join(' ') || found.fn.name, route: null, framework: null });
      continue;
    }
    const isModule = found.fn.kind === 'module';
    out.push({
      fn: key, file: found.ir.file, pos: found.fn.start, kind: isModule ? 'module' : callers.length > 0 ? 'callback' : 'uncalled-function',
      name: isModule ? found.ir.file : found.fn.name, route: null, framework: null,
    });
  }
  // Functions that call one another in a cycle nothing outside calls (`retry` -> `charge` ->
  // `retry`) have no uncalled root: the first of each such cycle enters, so no payment is left unreached.
  const covered = new Set(reachedByKnown);
  for (const e of out) for (const k of reachableFrom(program.graph, e.fn)) covered.add(k);
  for (const key of [...reaching].sort()) {
    const found = functionOf(program, key);
    if (covered.has(key) || patches.has(key) || !found) continue;
    out.push({ fn: key, file: found.ir.file, pos: found.fn.start, kind: 'recursive-function', name: found.fn.name, route: null, framework: null });
    for (const k of reachableFrom(program.graph, key)) covered.add(k);
  }
  return out;
}

/**
 * Functions patched onto a package's API (`stripe.paymentIntents.create = async (...) => real(...)`,
 * for tests or instrumentation) run when that API is called: they are not where a request enters.
 */
function patchedOntoPackages(program: Program): Set<string> {
  const out = new Set<string>();
  for (const ir of program.files.values()) {
    for (const a of ir.memberAssignments) {
      if (program.ev.values(ir.file, a.target).some((v) => v.t === 'ext')) out.add(fnKey({ file: ir.file, fn: a.fn }));
    }
  }
  return out;
}

/**
 * What calls return beyond their callee's value: a settling call's argument (`firstValueFrom(obs)`),
 * a message sender's reply (the handlers' return values, once a call graph exists), and a receiver
 * piped through value-keeping operators.
 */
export function resultSources(ev: Evaluator, matcher: Matcher, graph: CallGraph | null, frameworks: FrameworkRecognizer[]): ResultSource {
  const keeps = frameworks.flatMap((fw) => fw.keepsValues ?? []);
  const isOperator = (ops: ClientPattern[], v: Value) => ops.some((o) => isPatternValue(v, o));
  const fromContainer = resolvedFromContainer(ev, frameworks);
  const fromKey = keyedModules(ev, frameworks);
  return (file, siteIndex, callee, depth) => {
    const ir = ev.ir(file);
    const site = ir?.sites[siteIndex];
    if (!ir || !site) return [];
    // `container.resolve<IBookingController>(TOKENS.BookingController)`: what the token was registered with;
    // `strapi.service('api::booking.payment')`: the module that key names.
    const out: Value[] = [...fromContainer(file, siteIndex, callee), ...fromKey(ir, siteIndex, callee, depth)];
    if (site.args[0] && callee.some((v) => matcher.match(v).some((m) => m.kind === 'settle'))) out.push(...ev.values(file, site.args[0], depth));
    const c = site.callee;
    const keep = c.k === 'member' ? keeps.find((k) => k.method === c.prop) : undefined;
    if (keep && c.k === 'member' && site.args.length > 0 && site.args.every((a) => a.k === 'call' && ev.values(file, ir.sites[a.site]!.callee, depth).some((v) => isOperator(keep.operators, v)))) {
      out.push(...ev.values(file, c.obj, depth));
    }
    // A call of the app's own query helper returns what its driver call returns, for this statement:
    // the record a guard then checks is this call's (see recognize/sql-helpers.ts).
    for (const v of callee) {
      const helper = v.t === 'fn' ? sqlHelperOf(ev, matcher, v) : null;
      if (helper && (helper.value.t === 'ext' || helper.value.t === 'global')) out.push({ ...helper.value, steps: [...helper.value.steps, { p: '()', file, site: siteIndex }] });
    }
    if (graph) {
      const from = fnKey({ file, fn: site.fn });
      for (const e of graph.out.get(from) ?? []) {
        // A message's reply, or what a procedure run through a server-side caller returns.
        if ((e.message || e.filledParams) && e.kind === 'call' && e.file === file && e.site === siteIndex) {
          const handler = parseFnKey(e.to);
          out.push(...ev.fnReturns(handler.file, handler.fn, depth));
        }
      }
    }
    return out.filter((v) => !isUnknown(v));
  };
}

/** Transactions and grouped queries, as the store recognizers declare them. */
/** The functions that modules export for their framework to call once (`moduleFactories`), with what it hands them. */
function moduleFactoryParams(ev: Evaluator, frameworks: FrameworkRecognizer[]): Map<string, HandlerParam[]> {
  const out = new Map<string, HandlerParam[]>();
  for (const rule of frameworks.flatMap((fw) => fw.moduleFactories ?? [])) {
    const re = globMatcher(rule.files);
    for (const ir of ev.files.values()) {
      if (!re.test(ir.file) && !re.test(`/${ir.file}`)) continue;
      for (const v of defaultExport(ev, ir.file, 0)) if (v.t === 'fn') out.set(fnKey(v), rule.params);
    }
  }
  return out;
}

/** What a call of a framework's `keyedModules` returns: the default export of the module its key names. */
function keyedModules(ev: Evaluator, frameworks: FrameworkRecognizer[]): (ir: FileIR, site: number, callee: Value[], depth: number) => Value[] {
  const rules = frameworks.flatMap((fw) => fw.keyedModules ?? []).map((r) => ({
    ...r, re: new RegExp(r.key), paths: r.clients.flatMap((c) => r.calls.map((call) => ({ from: c, tokens: compilePath([c.path, call].filter(Boolean).join('.')) }))),
  }));
  if (rules.length === 0) return () => [];
  return (ir, siteIndex, callee, depth) => {
    const out: Value[] = [];
    for (const rule of rules) {
      if (!callee.some((v) => rule.paths.some((p) => isAtPath(v, p.from, p.tokens)))) continue;
      const key = staticText(ir, ir.sites[siteIndex]!.args[rule.arg]);
      const m = key === null ? null : rule.re.exec(key);
      if (!m) continue;
      const wanted = fillGroups(rule.file, m);
      for (const f of filesAtStem(ev, wanted)) out.push(...frameworkModule(ev, frameworks, f, depth));
    }
    return out;
  };
}

export function passesThrough(matcher: Matcher): PassesThrough {
  return (_file, _site, callee) => callee.some((v) => matcher.match(v).some((m) => m.kind === 'transaction' || m.kind === 'group' || m.kind === 'inline'));
}

/** The app (nearest manifest with dependencies) a file belongs to. */
export function appOf(manifests: Manifest[], file: string): Manifest | null {
  let byFile = appsOfFiles.get(manifests);
  if (!byFile) appsOfFiles.set(manifests, (byFile = new Map()));
  let best = byFile.get(file);
  if (best !== undefined) return best;
  best = null;
  for (const m of manifests) {
    if (m.dependencies.length === 0 || (m.dir && !file.startsWith(`${m.dir}/`))) continue;
    if (!best || m.dir.length > best.dir.length) best = m;
  }
  byFile.set(file, best);
  return best;
}

/** A file's path inside the app it belongs to (`apps/web/src/x.ts` -> `src/x.ts`). */
export function appRelative(manifests: Manifest[], file: string): string {
  const dir = appOf(manifests, file)?.dir ?? '';
  return dir ? file.slice(dir.length + 1) : file;
}

/** Asked for every file many times over: the answers, per list of manifests. */
const appsOfFiles = new WeakMap<Manifest[], Map<string, Manifest | null>>();

/** A framework is in use for a file when its app depends on one of the framework's packages. */
export function frameworkActive(manifests: Manifest[], siteConfigs: string[] = []): (fw: FrameworkRecognizer, file: string) => boolean {
  const anyManifest = manifests.some((m) => m.dependencies.length > 0);
  const sites = siteConfigs.map((c) => ({ name: c.slice(c.lastIndexOf('/') + 1), dir: c.includes('/') ? c.slice(0, c.lastIndexOf('/')) : '' }));
  return (fw, file) => {
    // A framework with no package is part of the runtime (timers): every app has it.
    if (fw.packages.length === 0) return true;
    // A site the platform deploys, whose functions need no package (`exports.handler` beside a netlify.toml).
    if (sites.some((s) => fw.siteConfigs?.includes(s.name) && (s.dir === '' || file.startsWith(`${s.dir}/`)))) return true;
    const app = appOf(manifests, file);
    if (!app) return !anyManifest;
    return fw.packages.some((p) => app.dependencies.includes(p));
  };
}

/** Free names a framework auto-imports (Nuxt's server/utils): the exports of the declared files. */
export function autoImports(ev: Evaluator, manifests: Manifest[], frameworks: FrameworkRecognizer[]): GlobalSource {
  const active = frameworkActive(manifests);
  const rules = frameworks.flatMap((fw) => (fw.autoImports ?? []).map((rule) => ({ fw, files: globMatcher(rule.files), from: rule.from.map(globMatcher) })));
  const cache = new Map<string, Value[] | null>();
  return (file, name) => {
    const key = `${file}\0${name}`;
    if (cache.has(key)) return cache.get(key)!;
    let found: Value[] | null = null;
    const app = appOf(manifests, file)?.dir ?? '';
    for (const rule of rules) {
      if (!active(rule.fw, file) || !rule.files.test(appRelative(manifests, file))) continue;
      for (const ir of ev.files.values()) {
        if ((app && !ir.file.startsWith(`${app}/`)) || !rule.from.some((re) => re.test(appRelative(manifests, ir.file)))) continue;
        if (ir.exports.some((x) => x.kind !== 'star' && x.name === name)) found = [...(found ?? []), ...ev.exportValue(ir.file, name, 0)];
      }
    }
    cache.set(key, found);
    return found;
  };
}

/** What a `.then()` call's callback is handed: what the promise it is called on settles to. */
function settledValues(ev: Evaluator, file: string, site: CallSite): Value[] {
  const promise = thenReceiver(site);
  return promise ? ev.values(file, { k: 'await', of: promise }).filter((v) => !isUnknown(v)) : [];
}
