// Constructor parameters injected by token (NestJS `@Inject(GATEWAY_REGISTRY) registry:
// GatewayRegistryPort`, typed by an interface the scan cannot follow): they hold what the provider
// registered for that token stands for, as the frameworks' `injection` data describes providers.
import type { Expr, FileIR } from '../model/ir.js';
import type { Value } from '../model/values.js';
import type { ClientPattern, FrameworkRecognizer } from '../recognizers/define.js';
import { isPatternValue } from '../recognizers/match.js';
import { addTo } from '../util/multimap.js';
import type { Evaluator } from '../symbols/evaluate.js';

type Injection = NonNullable<FrameworkRecognizer['injection']>;

/** Values of parameter `index` of function `fn` that its `@Inject(TOKEN)` decorator says, or []. */
export function injectedByToken(ev: Evaluator, frameworks: FrameworkRecognizer[]): (file: string, fn: number, index: number) => Value[] {
  const rules = frameworks.flatMap((fw) => (fw.injection ? [fw.injection] : []));
  if (rules.length === 0) return () => [];
  let providers: Map<string, Value[]> | null = null;
  return (file, fn, index) => {
    const ir = ev.ir(file);
    const f = ir?.functions[fn];
    if (!ir || f?.kind !== 'constructor') return [];
    const out: Value[] = [];
    for (const d of f.paramDecorators[index] ?? []) {
      if (!d.args[0] || !rules.some((r) => r.decorators.some((p) => names(ev, ir, d.name, p)))) continue;
      providers ??= registeredProviders(ev, rules);
      for (const key of tokenKeys(ev, file, d.args[0])) out.push(...(providers.get(key) ?? []));
    }
    return out;
  };
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
  return out;
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
  const prop = (names: string[]) => provider.props.find((p) => p.key !== null && names.includes(p.key))?.value;
  const token = prop([keys.token]);
  if (!token) return;
  const values: Value[] = [];
  const cls = prop(keys.classKeys);
  const value = prop(keys.valueKeys);
  const factory = prop(keys.factoryKeys);
  if (cls) for (const v of ev.values(provider.file, cls)) if (v.t === 'class') values.push({ t: 'inst', file: v.file, cls: v.cls });
  if (value) values.push(...ev.values(provider.file, value));
  if (factory) for (const v of ev.values(provider.file, factory)) if (v.t === 'fn') values.push(...ev.fnReturns(v.file, v.fn, 0));
  if (values.length === 0) return;
  for (const key of tokenKeys(ev, provider.file, token)) addTo(out, key, ...values);
}
