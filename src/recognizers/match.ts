// The shared matching engine: compiles every recognizer's client and operation paths once, then
// tells what a resolved callee value is (a payment call, a booking write, a route registration...).
import { stepsText, type Step, type Value } from '../model/values.js';
import { globMatcher, type PathMatcher } from '../util/glob.js';
import type {
  ClientPattern, FrameworkRecognizer, HandlerParam, ProviderOperation, ProviderRecognizer, Recognizer, RegistrationRule,
  StoreOperation, StoreRecognizer,
} from './define.js';

export type MatchKind = 'provider' | 'carrier' | 'write' | 'read' | 'update' | 'transaction' | 'group' | 'flush' | 'inline' | 'settle' | 'registration' | 'route-group' | 'abort' | 'deferred' | 'client';

export interface Match {
  kind: MatchKind;
  recognizer: Recognizer;
  provider?: ProviderOperation;
  store?: StoreOperation;
  registration?: RegistrationRule;
  /** For carriers: the reference fields of the object created and the payment fields that hand its id on. */
  carrier?: NonNullable<ProviderRecognizer['carriers']>[number];
  /** For inline calls: what the framework fills in the function's parameters. */
  inlineParams?: HandlerParam[];
  /** For transactions: which callback parameter is a client, and whether it is the receiver. */
  transaction?: { param: number; client: 'receiver' | 'same' };
  /** Steps (in the value) matched by `*`. */
  wildcards: Step[];
  /** Steps that make up the client, for entity extraction from `from('x')`-style chains. */
  clientSteps: Step[];
  /** The operation's steps as written in the recognizer. */
  call: string;
}

interface Compiled {
  modules: string[] | null; // exact names; null = see moduleRe / global
  moduleRe: PathMatcher | null;
  global: string | null;
  client: string[];
  op: string[];
  make: (wildcards: Step[], clientSteps: Step[]) => Match;
  passthrough: Set<string>;
}

export function compilePath(path: string): string[] {
  return path === '' ? [] : path.split('.').flatMap((t) => (t.endsWith('()') && t !== '()' && t !== 'new()' ? [t.slice(0, -2), '()'] : [t]));
}

/** Whether a module is package `pkg` itself or one of its subpaths (`firebase-functions/v2/https`). */
export function isModuleOrSubpath(module: string, pkg: string): boolean {
  return module === pkg || module.startsWith(`${pkg}/`);
}

/** Whether a value is the client a pattern names: its package (any, when the pattern names none) and exactly its path. */
export function isPatternValue(v: Value, p: ClientPattern): boolean {
  return v.t === 'ext' && (!p.module || isModuleOrSubpath(v.module, p.module)) && stepsText(v.steps) === p.path;
}

/** Whether a value is `tokens` away from a package's root or a global (the HTTP client and query-serializer tables). */
export function isAtPath(v: Value, from: { module?: string; global?: string }, tokens: string[]): boolean {
  if (from.global) return v.t === 'global' && v.steps[0]?.p === from.global && matchSteps(tokens, v.steps.slice(1)) !== null;
  return from.module !== undefined && v.t === 'ext' && v.module === from.module && matchSteps(tokens, v.steps) !== null;
}

/** Matches tokens against steps; returns the steps matched by `*`, or null. */
export function matchSteps(tokens: string[], steps: Step[], ti = 0, si = 0, wild: Step[] = []): Step[] | null {
  if (ti === tokens.length) return si === steps.length ? wild : null;
  const t = tokens[ti]!;
  if (t === '**') {
    for (let k = si; k <= steps.length; k++) {
      const r = matchSteps(tokens, steps, ti + 1, k, wild);
      if (r) return r;
    }
    return null;
  }
  const s = steps[si];
  if (!s) return null;
  if (t === '*') return s.p === '()' || s.p === 'new()' ? null : matchSteps(tokens, steps, ti + 1, si + 1, [...wild, s]);
  return s.p === t ? matchSteps(tokens, steps, ti + 1, si + 1, wild) : null;
}

export class Matcher {
  private readonly byModule = new Map<string, Compiled[]>();
  private readonly byGlobal = new Map<string, Compiled[]>();
  private readonly globbed: Compiled[] = [];
  private readonly hits = new Map<string, Compiled[]>();
  readonly recognizers: Recognizer[];

  constructor(recognizers: Recognizer[]) {
    this.recognizers = recognizers;
    for (const r of recognizers) {
      if (r.kind === 'provider') this.addProvider(r);
      else if (r.kind === 'store') this.addStore(r);
      else this.addFramework(r);
    }
  }

  private add(r: Recognizer, clients: ClientPattern[], call: string, make: Compiled['make'], passthrough: string[] = []): void {
    for (const c of clients) {
      const compiled: Compiled = {
        modules: null, moduleRe: null, global: c.global ?? null,
        client: compilePath(c.path), op: compilePath(call), make, passthrough: new Set(passthrough),
      };
      if (c.global) {
        push(this.byGlobal, c.global, compiled);
      } else if (c.module && /[*{]/.test(c.module)) {
        compiled.moduleRe = globMatcher(c.module);
        this.globbed.push(compiled);
      } else {
        for (const m of c.module ? [c.module] : r.packages) push(this.byModule, m, compiled);
      }
    }
  }

  private addProvider(r: ProviderRecognizer): void {
    for (const op of r.operations) {
      this.add(r, r.clients, op.call, (w, c) => ({ kind: 'provider', recognizer: r, provider: op, wildcards: w, clientSteps: c, call: op.call }));
    }
    for (const carrier of r.carriers ?? []) {
      for (const call of carrier.calls) this.add(r, r.clients, call, (w, c) => ({ kind: 'carrier', recognizer: r, carrier, wildcards: w, clientSteps: c, call }));
    }
  }

  private addStore(r: StoreRecognizer): void {
    const pass = r.passthrough ?? [];
    for (const op of r.writes) this.add(r, r.clients, op.call, (w, c) => ({ kind: 'write', recognizer: r, store: op, wildcards: w, clientSteps: c, call: op.call }), pass);
    for (const op of r.reads) this.add(r, r.clients, op.call, (w, c) => ({ kind: 'read', recognizer: r, store: op, wildcards: w, clientSteps: c, call: op.call }), pass);
    for (const op of r.updates ?? []) this.add(r, r.clients, op.call, (w, c) => ({ kind: 'update', recognizer: r, store: op, wildcards: w, clientSteps: c, call: op.call }), pass);
    for (const t of r.transactions ?? []) {
      this.add(r, r.clients, t.call, (w, c) => ({ kind: 'transaction', recognizer: r, transaction: { param: t.param, client: t.client }, wildcards: w, clientSteps: c, call: t.call }), pass);
    }
    for (const g of r.groups ?? []) this.add(r, r.clients, g, (w, c) => ({ kind: 'group', recognizer: r, wildcards: w, clientSteps: c, call: g }), pass);
    for (const g of r.flushes ?? []) this.add(r, r.clients, g, (w, c) => ({ kind: 'flush', recognizer: r, wildcards: w, clientSteps: c, call: g }), pass);
    this.add(r, r.clients, '**', (w, c) => ({ kind: 'client', recognizer: r, wildcards: w, clientSteps: c, call: '' }), pass);
  }

  private addFramework(r: FrameworkRecognizer): void {
    for (const reg of r.registrations ?? []) {
      for (const call of reg.calls) {
        this.add(r, reg.clients, call, (w, c) => ({ kind: 'registration', recognizer: r, registration: reg, wildcards: w, clientSteps: c, call }));
      }
      for (const call of reg.routeFromKeys ?? []) {
        this.add(r, reg.clients, call, (w, c) => ({ kind: 'route-group', recognizer: r, registration: reg, wildcards: w, clientSteps: c, call }));
      }
    }
    for (const a of r.aborts ?? []) this.add(r, [a], '', (w, c) => ({ kind: 'abort', recognizer: r, wildcards: w, clientSteps: c, call: a.path }));
    for (const rule of r.inline ?? []) {
      for (const call of rule.calls) this.add(r, rule.clients, call, (w, c) => ({ kind: 'inline', recognizer: r, wildcards: w, clientSteps: c, call, ...(rule.params ? { inlineParams: rule.params } : {}) }));
    }
    for (const a of r.deferred ?? []) this.add(r, [a], '', (w, c) => ({ kind: 'deferred', recognizer: r, wildcards: w, clientSteps: c, call: a.path }));
    for (const a of r.settles ?? []) this.add(r, [a], '', (w, c) => ({ kind: 'settle', recognizer: r, wildcards: w, clientSteps: c, call: a.path }));
  }

  /** Everything a callee value is, most specific first ('client' matches only say "a store client"). */
  match(v: Value): Match[] {
    let candidates: Compiled[];
    let steps: Step[];
    let key: string;
    if (v.t === 'ext') {
      steps = v.steps;
      key = `${v.module}\u0000${stepNames(steps)}`;
      // A pattern for `firebase-functions` also covers `firebase-functions/v2/https`.
      candidates = this.hits.get(key) ?? [...modulePrefixes(v.module).flatMap((m) => this.byModule.get(m) ?? []), ...this.globbed.filter((c) => c.moduleRe!.test(v.module))];
    } else if (v.t === 'global' && v.steps[0]) {
      steps = v.steps.slice(1);
      key = `\u0001${v.steps[0].p}\u0000${stepNames(steps)}`;
      candidates = this.hits.get(key) ?? this.byGlobal.get(v.steps[0].p) ?? [];
    } else return [];
    // Which patterns match depends only on the module and the step names: remember those, so the
    // next value spelled the same (from another call site) tries only them.
    const matched: Compiled[] = [];
    const out: Match[] = [];
    for (const c of candidates) {
      const s = c.passthrough.size > 0 ? dropPassthrough(steps, c.passthrough) : steps;
      const clientWild = matchPrefix(c.client, s);
      if (!clientWild) continue;
      const rest = s.slice(clientWild.length);
      const wild = matchSteps(c.op, rest);
      if (!wild) continue;
      matched.push(c);
      out.push(c.make(wild, s.slice(0, clientWild.length)));
    }
    if (this.hits.size < MAX_REMEMBERED) this.hits.set(key, matched);
    return out.sort((a, b) => rank(a.kind) - rank(b.kind));
  }
}

const MAX_REMEMBERED = 200_000;

function stepNames(steps: Step[]): string {
  let out = '';
  for (const s of steps) out += `${s.p}\u0000`;
  return out;
}

function rank(kind: MatchKind): number {
  return kind === 'client' ? 1 : 0;
}

/** Length-carrying match of a client path at the start of steps (client paths have no `**`). */
function matchPrefix(tokens: string[], steps: Step[]): Step[] | null {
  if (tokens.length > steps.length) return null;
  const head = steps.slice(0, tokens.length);
  return matchSteps(tokens, head) ? head : null;
}

function dropPassthrough(steps: Step[], names: Set<string>): Step[] {
  const out: Step[] = [];
  for (let i = 0; i < steps.length; i++) {
    if (names.has(steps[i]!.p) && steps[i + 1]?.p === '()') {
      i++;
      continue;
    }
    out.push(steps[i]!);
  }
  return out;
}

/** `a/b/c` -> ['a/b/c', 'a/b', 'a']; scoped names keep their scope. */
function modulePrefixes(module: string): string[] {
  const parts = module.split('/');
  const min = module.startsWith('@') ? 2 : 1;
  const out: string[] = [];
  for (let n = parts.length; n >= min; n--) out.push(parts.slice(0, n).join('/'));
  return out;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
