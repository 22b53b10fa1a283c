// Constructor parameters injected by token (NestJS `@Inject(GATEWAY_REGISTRY) registry:
// GatewayRegistryPort`, typed by an interface the scan cannot follow): they hold what the provider
// registered for that token stands for, as the frameworks' `injection` data describes providers.
// Containers bound at run time (tsyringe `container.registerSingleton(TOKEN, Class)`, inversify
// `container.bind(TOKEN).to(Class)`) register too, and what they hand back for a token
// (`container.resolve<IController>(TOKEN)`) is what it was registered with.
import type { Expr, FileIR } from '../model/ir.js';
import { isUnknown, type Value } from '../model/values.js';
import type { ClientPattern, FrameworkRecognizer } from '../recognizers/define.js';
import { isPatternValue } from '../recognizers/match.js';
import { lazyOnce } from '../util/memo.js';
import { addTo } from '../util/multimap.js';
import type { Evaluator } from '../symbols/evaluate.js';

type Injection = NonNullable<FrameworkRecognizer['injection']>;

/** Values of parameter `index` of function `fn` that its `@Inject(TOKEN)` decorator says, or []. */
export function injectedByToken(ev: Evaluator, frameworks: FrameworkRecognizer[]): (file: string, fn: number, index: number) => Value[] {
  const rules = frameworks.flatMap((fw) => (fw.injection ? [fw.injection] : []));
  if (rules.length === 0) return () => [];
  // Read once when first asked; asked again while they are read (a binding resolved through a container), none.
  const providers = lazyOnce(() => registeredProviders(ev, rules), new Map<string, Value[]>());
  return (file, fn, index) => {
    const ir = ev.ir(file);
    const f = ir?.functions[fn];
    if (!ir || f?.kind !== 'constructor') return [];
    const out: Value[] = [];
    for (const d of f.paramDecorators[index] ?? []) {
      if (!d.args[0] || !rules.some((r) => r.decorators.some((p) => names(ev, ir, d.name, p)))) continue;
      for (const key of tokenKeys(ev, file, d.args[0])) out.push(...(providers().get(key) ?? []));
    }
    return out;
  };
}

/**
 * What a container call hands back for the token it is given (`container.resolve(TOKENS.Booking)`,
 * `container.get(TYPES.Booking)`): the values registered for it, or an instance of a class asked for
 * by itself; [] for any other call.
 */
export function resolvedFromContainer(ev: Evaluator, frameworks: FrameworkRecognizer[]): (file: string, site: number, callee: Value[]) => Value[] {
  const rules = frameworks.flatMap((fw) => (fw.injection?.containers ? [fw.injection] : []));
  const resolvers = rules.flatMap((r) => r.containers!.flatMap((c) => c.clients.flatMap((client) => c.resolvers.map((call) => ({ client, call })))));
  if (resolvers.length === 0) return () => [];
  const providers = lazyOnce(() => registeredProviders(ev, rules), new Map<string, Value[]>());
  return (file, site, callee) => {
    const token = ev.ir(file)?.sites[site]?.args[0];
    if (!token || !callee.some((v) => resolvers.some((r) => atCall(v, r.client, r.call)))) return [];
    const registered = tokenKeys(ev, file, token).flatMap((key) => providers().get(key) ?? []);
    if (registered.length > 0) return registered;
    return ev.values(file, token).flatMap((v): Value[] => (v.t === 'class' ? [{ t: 'inst', file: v.file, cls: v.cls }] : []));
  };
}

/** `v` is the method `call` of a container `client` (the container itself for ''). */
function atCall(v: Value, client: ClientPattern, call: string): boolean {
  return isPatternValue(v, { ...client, path: [client.path, call].filter((p) => p !== '').join('.') });
}

function names(ev: Evaluator, ir: FileIR, e: Expr, p: ClientPattern): boolean {
  return p.module !== undefined && ev.values(ir.file, e).some((v) => isPatternValue(v, p));
}

/** What identifies a token wherever it is used: a string, a class, or the call that made it (`Symbol('X')`). */
function tokenKeys(ev: Evaluator, file: string, e: Expr): string[] {
  return ev.values(file, e).flatMap((v) => {
    if (v.t === 'lit' && typeof v.value === 'string') return [`lit:${v.value}`];
    if (v.t === 'class') return [`class:${v.file}#${v.cls}`];
    const made = (v.t === 'global' || v.t === 'ext') ? v.steps[v.steps.length - 1] : undefined;
    return made?.site !== undefined ? [`site:${made.file}#${made.site}`] : [];
  });
}

/** Token -> values, from every provider object listed in a registry decorator of the scan. */
function registeredProviders(ev: Evaluator, rules: Injection[]): Map<string, Value[]> {
  const out = new Map<string, Value[]>();
  for (const ir of ev.files.values()) {
    for (const cls of ir.classes) {
      for (const d of cls.decorators) {
        for (const rule of rules) {
          const registry = rule.registries.find((r) => names(ev, ir, d.name, r.decorator));
          if (!registry || !d.args[0]) continue;
          for (const provider of listed(ev, ir.file, d.args[0], registry.key)) add(ev, out, provider, rule.provider);
        }
      }
    }
  }
  for (const rule of rules) for (const c of rule.containers ?? []) containerBindings(ev, c, rule.provider, out);
  return out;
}

type Container = NonNullable<Injection['containers']>[number];

/**
 * Token -> values from a container's binding calls: `register(TOKEN, Class | { useClass } | value)`,
 * `registerSingleton(Class)` (the class is its own token), or a method chained on the binding call
 * (`bind(TOKEN).to(Class)`, `.toSelf()`, `.toConstantValue(v)`).
 */
function containerBindings(ev: Evaluator, c: Container, keys: Injection['provider'], out: Map<string, Value[]>): void {
  const methods = new Set(c.bindings.flatMap((b) => (b.chained ? b.chained.map((m) => m.method) : [b.call])));
  const onClient = (file: string, e: Expr, call: string) => ev.values(file, e).some((v) => c.clients.some((client) => atCall(v, client, call)));
  for (const ir of ev.files.values()) {
    for (const site of ir.sites) {
      const callee = site.callee;
      if (callee.k !== 'member' || callee.prop === null || !methods.has(callee.prop)) continue;
      for (const b of c.bindings) {
        if (!b.chained) {
          if (callee.prop !== b.call || !onClient(ir.file, callee, b.call)) continue;
          const token = site.args[b.token];
          const target = b.target !== undefined ? site.args[b.target] : undefined;
          if (token) bind(ev, out, ir.file, token, target ?? token, 'any', keys);
          continue;
        }
        // Read off the syntax, `bind(TOKEN).to(Class)`: a binding call named `bind` reads as
        // `Function.prototype.bind` to the evaluator, which hands back its receiver.
        const m = b.chained.find((x) => x.method === callee.prop);
        const made = callee.obj.k === 'call' ? ir.sites[callee.obj.site] : undefined;
        if (!m || made?.callee.k !== 'member' || made.callee.prop !== b.call || !onClient(ir.file, made.callee.obj, '')) continue;
        const token = made.args[b.token];
        const target = m.as === 'self' ? token : site.args[0];
        if (token && target) bind(ev, out, ir.file, token, target, m.as === 'self' ? 'class' : m.as, keys);
      }
    }
  }
}

/** Registers what `target` stands for under `token`: an instance of a class, a provider object's values, what a factory returns, or the value itself. */
function bind(
  ev: Evaluator, out: Map<string, Value[]>, file: string, token: Expr, target: Expr,
  as: 'any' | 'class' | 'value' | 'factory', keys: Injection['provider'],
): void {
  const values: Value[] = [];
  for (const v of ev.values(file, target)) {
    if (v.t === 'class' && as !== 'value' && as !== 'factory') values.push({ t: 'inst', file: v.file, cls: v.cls });
    else if (v.t === 'obj' && as === 'any') values.push(...provided(ev, v, keys));
    else if (v.t === 'fn' && as === 'factory') values.push(...ev.fnReturns(v.file, v.fn, 0));
    else if ((as === 'any' || as === 'value') && v.t !== 'class' && !isUnknown(v)) values.push(v);
  }
  if (values.length === 0) return;
  for (const key of tokenKeys(ev, file, token)) addTo(out, key, ...values);
}

/** The object values of the array under `key` of an options object (spreads and constants followed). */
function listed(ev: Evaluator, file: string, options: Expr, key: string): Extract<Value, { t: 'obj' }>[] {
  const items: Extract<Value, { t: 'obj' }>[] = [];
  for (const o of ev.values(file, options)) {
    if (o.t !== 'obj') continue;
    const list = o.props.find((p) => p.key === key)?.value;
    for (const at of list ? ev.definitions(o.file, list) : []) {
      if (at.expr.k !== 'arr') continue;
      for (const item of at.expr.items) for (const v of ev.values(at.file, item)) if (v.t === 'obj') items.push(v);
    }
  }
  return items;
}

function add(ev: Evaluator, out: Map<string, Value[]>, provider: Extract<Value, { t: 'obj' }>, keys: Injection['provider']): void {
  const token = provider.props.find((p) => p.key === keys.token)?.value;
  if (!token) return;
  const values = provided(ev, provider, keys);
  if (values.length === 0) return;
  for (const key of tokenKeys(ev, provider.file, token)) addTo(out, key, ...values);
}

/** What a provider object stands for: an instance of its class, its value, or what its factory returns. */
function provided(ev: Evaluator, provider: Extract<Value, { t: 'obj' }>, keys: Injection['provider']): Value[] {
  const prop = (names: string[]) => provider.props.find((p) => p.key !== null && names.includes(p.key))?.value;
  const values: Value[] = [];
  const cls = prop(keys.classKeys);
  const value = prop(keys.valueKeys);
  const factory = prop(keys.factoryKeys);
  if (cls) for (const v of ev.values(provider.file, cls)) if (v.t === 'class') values.push({ t: 'inst', file: v.file, cls: v.cls });
  if (value) values.push(...ev.values(provider.file, value));
  if (factory) for (const v of ev.values(provider.file, factory)) if (v.t === 'fn') values.push(...ev.fnReturns(v.file, v.fn, 0));
  return values;
}
