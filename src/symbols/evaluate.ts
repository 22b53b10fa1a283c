// Evaluates symbolic Exprs to resolved Values across files: follows bindings, imports, re-export
// barrels, CommonJS exports, class members (with constructor-injected types), object-literal
// services and factory functions. Bounded in depth and breadth, cycle-safe, memoized.
import type { ClassIR, Expr, FileIR, TypeRef } from '../model/ir.js';
import { isUnknown, type Step, type Value } from '../model/values.js';
import type { ModuleResolver } from '../resolve/resolve.js';
import type { Follow } from './text.js';
import { addTo } from '../util/multimap.js';
import { listedFiles } from './listing.js';

const MAX_DEPTH = 28;
/**
 * Answers being computed inside one another. `depth` bounds one walk, but a parameter's callers and
 * a call's results start walks of their own, so a chain of 5,000 functions each passing its
 * parameter to the next would otherwise nest until the stack overflows and the file is lost.
 */
const MAX_NESTING = 300;
/** Globals that convert a value without changing what it identifies. */
const FREEZERS = new Set(['freeze', 'seal', 'preventExtensions']);
export const CONVERSIONS = new Set(['String', 'Number', 'BigInt', 'parseInt', 'parseFloat', 'encodeURIComponent', 'encodeURI']);
const MAX_VALUES = 12;
/**
 * Steps a value may take from its root (`a.b().c`): no SDK chain is a tenth as long, and values
 * built one step per statement (`x1 = x0.p ?? a` ... 20,000 times) would cost their square.
 */
const MAX_STEPS = 64;
const UNKNOWN: Value = { t: 'unknown' };
/** Validator methods that return their input, or wrap it as `{ data }` / `{ value }`. */
const RETURNS_INPUT = new Set(['parse', 'parseAsync', 'validateSync', 'cast', 'assert']);
const WRAPS_INPUT = new Set(['safeParse', 'safeParseAsync', 'validate', 'validateAsync']);

/** What a free identifier stands for when a framework auto-imports it (Nuxt's `server/utils`). */
export type GlobalSource = (file: string, name: string) => Value[] | null;
/** Values a framework hands later handlers by name on the request's context or the app (engine/context-values.ts). */
export interface ContextValues {
  /** What a context's getter returns (Hono's `c.get('db')`), for a call site and its callee's values. */
  got(file: string, siteIndex: number, callee: Value[], depth: number): Value[];
  /** What a context's field holds (`c.var.db`, `fastify.prisma`, `ctx.db`, `context.db`). */
  field(v: Value, prop: string, depth: number): Value[];
}
/** What a plain function's own `this` is, as the framework that calls it binds it (Fastify's route handlers). */
export type ThisSource = (file: string, fn: number) => Value[] | null;
/** Values a parameter takes that syntax alone cannot tell (callers' arguments, callback rules). */
export type ParamSource = (file: string, fn: number, index: number) => Value[] | null;
/**
 * Calls whose result comes from their arguments, as recognizers tell: a transaction returns what
 * its callback returns, `$transaction([...])` resolves to its elements' results.
 */
export type PassesThrough = (file: string, site: number, callee: Value[]) => boolean;
/**
 * Values a call returns that its callee's value does not tell, as recognizers and the call graph
 * do: what a settling call is handed (`firstValueFrom(obs)`), a message's reply (what the handlers
 * return), an observable piped through operators that keep its values.
 */
export type ResultSource = (file: string, site: number, callee: Value[], depth: number) => Value[];

/** Functions a store's schema declares for its models and documents (engine/schema-functions.ts). */
export interface SchemaFunctions {
  /** The functions a model's or document's member `prop` names. */
  member(v: Value, prop: string): Value[];
  /** What `this` is in such a function (a model, a document), given what it was assigned onto. */
  self(owner: Value): Value[];
}

/** Per scan (its files), what is put on requests' bags (`locals`), by bag and name: shared by every forked evaluator. */
const localsIndexes = new WeakMap<Map<string, FileIR>, Map<string, { file: string; value: Expr }[]>>();

export class Evaluator {
  paramSource: ParamSource | null = null;
  passesThrough: PassesThrough | null = null;
  resultSource: ResultSource | null = null;
  globalSource: GlobalSource | null = null;
  schemaFunctions: SchemaFunctions | null = null;
  contextValues: ContextValues | null = null;
  thisSource: ThisSource | null = null;
  /** Fields of a request that middleware fills by name for later handlers (the frameworks' `requestBags`). */
  requestBags: ReadonlySet<string> = new Set();
  /** The names a store gives a model value (`sequelize.define('Booking')`, `Booking.init(..., { modelName })`): its `name`. */
  modelNames: ((v: Value) => string[]) | null = null;
  /** The one module a directory's listing loads in this copy (see `registered`), or null for all of them. */
  private only: string | null = null;
  private readonly narrowed = new Map<string, Evaluator>();
  /** Per file, answers by key; null while the answer is being computed (a cycle answers nothing). */
  private readonly memo = new Map<string, Map<string, Value[] | null>>();
  private nesting = 0;
  /** What modules export and re-export by name: from the IR and resolution only, so kept across `reset`. */
  private readonly namesOf = new Map<string, Set<string> | null>();
  private readonly starFiles = new Map<string, string[]>();
  private readonly starIndex = new Map<string, { byName: Map<string, { order: number; file: string }[]>; open: { order: number; file: string }[] }>();

  readonly files: Map<string, FileIR>;
  private readonly resolver: ModuleResolver;

  constructor(files: Map<string, FileIR>, resolver: ModuleResolver) {
    this.files = files;
    this.resolver = resolver;
  }

  /** A copy with its own memo whose parameters take their values from `paramSource` first. */
  fork(paramSource: ParamSource): Evaluator {
    const copy = new Evaluator(this.files, this.resolver);
    const fallback = this.paramSource;
    copy.paramSource = (file, fn, index) => paramSource(file, fn, index) ?? fallback?.(file, fn, index) ?? null;
    copy.passesThrough = this.passesThrough;
    copy.resultSource = this.resultSource;
    copy.globalSource = this.globalSource;
    copy.schemaFunctions = this.schemaFunctions;
    copy.contextValues = this.contextValues;
    copy.thisSource = this.thisSource;
    copy.requestBags = this.requestBags;
    copy.modelNames = this.modelNames;
    return copy;
  }

  /**
   * What the app puts in a request's bag (`requestBags`) under this name, wherever it does
   * (SvelteKit's hook `event.locals.pb = new PocketBase(url)`, Astro middleware's
   * `context.locals.db`, Express' `res.locals.user`, a Nitro middleware's `event.context.prisma`):
   * a handler reading `locals.pb` gets that client, as no parameter tells it.
   */
  private requestLocal(bag: string, name: string, depth: number): Value[] {
    let index = localsIndexes.get(this.files);
    if (!index) {
      localsIndexes.set(this.files, (index = new Map()));
      for (const ir of this.files.values()) {
        for (const w of ir.fieldWrites ?? []) if (w.op === '=' && w.obj.k === 'member' && w.obj.prop !== null && this.requestBags.has(w.obj.prop)) addTo(index, `${w.obj.prop}.${w.prop}`, { file: ir.file, value: w.value });
      }
    }
    return this.union((index.get(`${bag}.${name}`) ?? []).map((w) => this.values(w.file, w.value, depth + 1)));
  }

  /** Forget memoized answers (after `paramSource` learns more). */
  reset(): void {
    this.memo.clear();
    this.narrowed.clear();
  }

  ir(file: string): FileIR | undefined {
    return this.files.get(file);
  }

  values(file: string, e: Expr, depth = 0): Value[] {
    if (depth > MAX_DEPTH) return [UNKNOWN];
    const d = depth + 1;
    switch (e.k) {
      case 'ref':
        return this.binding(file, e.b, d);
      case 'global': {
        const imported = this.globalSource?.(file, e.name);
        if (imported && imported.length > 0) return imported;
        // CommonJS: the module's own `exports` object, read back (`exports.toPaise(x)`,
        // `module.exports = { createOrder: exports.createOrder }`), holds what `exports.x = v` set.
        if (e.name === 'exports') return [{ t: 'ns', file }];
        return [{ t: 'global', steps: [{ p: e.name }] }];
      }
      case 'this':
        if (e.obj) {
          const owners = this.values(file, e.obj, d);
          const selves = this.schemaFunctions ? owners.flatMap((v) => this.schemaFunctions!.self(v)) : [];
          return selves.length > 0 ? selves : owners;
        }
        if (e.cls === null) return (e.fn !== undefined ? this.thisSource?.(file, e.fn) : null) ?? [UNKNOWN];
        return [e.static ? { t: 'class', file, cls: e.cls } : { t: 'inst', file, cls: e.cls }];
      case 'super': {
        if (e.cls === null && e.obj) return this.prototypeOf(file, e.obj, d);
        const cls = e.cls === null ? undefined : this.ir(file)?.classes[e.cls];
        return cls?.superClass ? this.values(file, cls.superClass, d).map((v) => (v.t === 'class' ? { ...v, t: 'inst' as const } : v)) : [UNKNOWN];
      }
      case 'member':
        return this.union(this.values(file, e.obj, d).map((v) => this.member(v, e.prop, d)));
      case 'index': {
        const items = this.groupItems(file, e.obj);
        if (items) return items[e.at] ? this.values(file, items[e.at]!, d) : [UNKNOWN];
        // `for (const b of rows ?? [])`: the empty fallback holds no items, so the items are the rows'.
        if (e.obj.k === 'any') {
          const listed = e.obj.of.filter((x) => !(x.k === 'arr' && x.items.length === 0));
          if (listed.length > 0 && listed.length < e.obj.of.length) return this.union(listed.map((x) => this.values(file, { k: 'index', obj: x, at: e.at }, d)));
        }
        return this.union(this.values(file, e.obj, d).map((v) => this.element(v, e.at, d)));
      }
      case 'call':
        return this.callResult(file, e.site, d);
      case 'await':
        return this.values(file, e.of, d);
      case 'lit':
        return [{ t: 'lit', value: e.value }];
      case 'obj':
        return [{ t: 'obj', file, pos: e.pos, props: e.props, ...(e.shape ? { shape: true as const } : {}) }];
      case 'fn':
        return [{ t: 'fn', file, fn: e.fn }];
      case 'class':
        return [{ t: 'class', file, cls: e.cls }];
      case 'typed':
        return this.typed(file, e.type, [], d);
      case 'param':
        return this.param(file, e.fn, e.index, d);
      case 'any':
        return this.union(e.of.map((x) => this.values(file, x, d)));
      case 'require':
        return this.requireValue(file, e.specifier, d);
      case 'tpl':
        // `${id}` alone is the id as text: the same value for whoever compares or passes it on.
        return e.text === '${}' && e.parts.length === 1 ? this.values(file, e.parts[0]!, d) : [UNKNOWN];
      case 'arr':
      case 'unknown':
        return [UNKNOWN];
    }
  }

  private cached(file: string, key: string, compute: () => Value[]): Value[] {
    // Keyed by file first: the path is hashed once per string, the short key per question.
    let answers = this.memo.get(file);
    if (!answers) this.memo.set(file, (answers = new Map()));
    const hit = answers.get(key);
    if (hit) return hit;
    if (hit === null) return [];
    if (this.nesting >= MAX_NESTING) return [UNKNOWN];
    answers.set(key, null);
    this.nesting++;
    try {
      const result = compute();
      answers.set(key, result);
      return result;
    } catch (error) {
      answers.delete(key);
      throw error;
    } finally {
      this.nesting--;
    }
  }

  private union(lists: Value[][]): Value[] {
    // Most questions have one answer: nothing to merge.
    if (lists.length === 1 && lists[0]!.length <= 1) return lists[0]!;
    const out: Value[] = [];
    const seen = new Set<string>();
    for (const list of lists) {
      for (const v of list) {
        const key = valueKey(v);
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(v);
        if (out.length >= MAX_VALUES) return out;
      }
    }
    return out;
  }

  binding(file: string, b: number, depth: number): Value[] {
    return this.cached(file, `b${b}`, () => {
      const ir = this.ir(file);
      const binding = ir?.bindings[b];
      if (!ir || !binding) return [UNKNOWN];
      if (binding.kind === 'import') {
        const decl = ir.imports.find((i) => i.binding === b);
        return decl ? this.importValue(file, decl.specifier, decl.imported, depth) : [UNKNOWN];
      }
      // A plain parameter: its declared type and what callers pass (see `param`).
      const only = binding.defs.length === 1 ? binding.defs[0]! : null;
      if (binding.kind === 'param' && only?.k === 'param') return this.param(file, only.fn, only.index, depth);
      const typed = binding.type ? this.typed(file, binding.type, [], depth).filter((v) => v.t !== 'unknown') : [];
      return this.union([typed, ...binding.defs.map((x) => this.values(file, x, depth))]);
    });
  }

  private param(file: string, fn: number, index: number, depth: number): Value[] {
    return this.cached(file, `p${fn}.${index}`, () => {
      const ir = this.ir(file);
      const f = ir?.functions[fn];
      if (!ir || !f) return [UNKNOWN];
      const b = f.params[index];
      const binding = b !== undefined && b >= 0 ? ir.bindings[b] : undefined;
      const decoratorTypes = (f.paramDecorators[index] ?? []).flatMap((d) => d.args.map((a) => typeName(ir, a))).filter((n): n is string => n !== null);
      const declared = binding?.type ?? (b === -1 ? f.patternTypes?.[index] : undefined);
      // A destructured parameter's type (`{ em }: Ctx`) counts only for the members it declares.
      const typed = declared ? this.typed(file, declared, decoratorTypes, depth).filter((v) => v.t !== 'unknown' && (binding || v.t === 'obj')) : [];
      const fromSource = this.paramSource?.(file, fn, index) ?? [];
      // Without callers the parameter also stays itself: for an entry point (`req: NextRequest`),
      // that is request input, whatever its declared type.
      // (Constructors are the exception: their parameters are injected services, not input.)
      if (fromSource.length === 0 && (f.kind !== 'constructor' || typed.length === 0)) return this.union([typed, [{ t: 'param', file, fn, index, steps: [] }]]);
      return this.union([typed, fromSource]);
    });
  }

  /** A value known by its declared type: an instance of a scanned class or of a package's export. */
  typed(file: string, type: TypeRef, extraArgs: string[], depth: number): Value[] {
    const ir = this.ir(file);
    if (!ir) return [UNKNOWN];
    const typeArgs = [...type.args.map((a) => typeName(ir, a.name)).filter((n): n is string => n !== null), ...extraArgs];
    return this.values(file, type.name, depth).map((v): Value => {
      if (v.t === 'ext') return { ...v, steps: [...v.steps, { p: 'new()' }], typeArgs };
      if (v.t === 'class') return { t: 'inst', file: v.file, cls: v.cls };
      // A type alias or interface of the scan: an object whose members have their declared types.
      if (v.t === 'obj' && v.shape) return v;
      return UNKNOWN;
    });
  }

  member(v: Value, prop: string | null, depth: number): Value[] {
    if (depth > MAX_DEPTH) return [UNKNOWN];
    if (prop === null) {
      if (v.t === 'ext' || v.t === 'param' || v.t === 'opaque') return [stepped(v, { p: '[?]' })];
      // `handlers[method](x)` on an object literal: any of its properties.
      if (v.t === 'obj') return this.union(v.props.filter((p) => p.key !== null && p.key !== '...').map((p) => this.values(v.file, p.value, depth + 1)));
      return [UNKNOWN];
    }
    switch (v.t) {
      case 'ext':
      case 'global':
      case 'param':
      case 'opaque': {
        const last = v.steps[v.steps.length - 1]?.p;
        const assigned = [
          ...(last !== undefined && this.requestBags.has(last) ? this.requestLocal(last, prop, depth) : []),
          ...(v.t === 'ext' && this.schemaFunctions ? this.schemaFunctions.member(v, prop) : []),
          ...(this.contextValues?.field(v, prop, depth) ?? []),
        ];
        return assigned.length > 0 ? this.union([[stepped(v, { p: prop })], assigned]) : [stepped(v, { p: prop })];
      }
      case 'inst':
        return this.classMember(v.file, v.cls, prop, false, depth);
      case 'class':
        return this.classMember(v.file, v.cls, prop, true, depth);
      case 'obj':
        return this.objectMember(v, prop, depth);
      case 'ns':
        return this.exportValue(v.file, prop, depth);
      case 'fields':
        return v.fields[prop] ?? (v.of ? [{ t: 'param', ...v.of, steps: [{ p: prop }] }] : [UNKNOWN]);
      case 'fn':
        return prop === 'bind' || prop === 'call' || prop === 'apply' ? [v] : [UNKNOWN];
      case 'lit':
        // `let ticket;` then `ticket = await Ticket.create(...)` in a `try`: a field of the null the
        // declaration starts with is never read (reading it throws), so only the record's flows on.
        return v.value === null || v.value === undefined ? [] : [UNKNOWN];
      default:
        return [UNKNOWN];
    }
  }

  /**
   * The values of `e` whose own name is `name`: what `db.Booking` is in a registry filled by
   * `db[model.name] = model`. When `e` comes from a directory's listing, each module of it is taken
   * alone, so a folder of more models than a value keeps still has the one asked for.
   */
  private registered(file: string, e: Expr, name: string, depth: number): Value[] {
    const readers = this.perListedModule(file);
    const named = (v: Value) => this.modelNames?.(v).includes(name) ?? false;
    return this.union((readers.length === 0 ? [this] : readers).map((r) => r.values(file, e, depth).filter(named)));
  }

  /**
   * One copy per module the file's directory listings load, each loading only that module: a value
   * built from the listing (`require(...)(sequelize, DataTypes)`) module by module, past MAX_VALUES.
   * None when the file lists no directory.
   */
  perListedModule(file: string): Evaluator[] {
    if (this.only !== null) return [];
    const modules = new Set<string>();
    this.ir(file)?.sites.forEach((_, site) => listedFiles(this, file, site)?.forEach((m) => modules.add(m)));
    return [...modules].map((m) => {
      let copy = this.narrowed.get(m);
      if (!copy) {
        copy = this.fork(() => null);
        copy.only = m;
        this.narrowed.set(m, copy);
      }
      return copy;
    });
  }

  /** What a `require` of a directory's listing loads: each module of it, or the one this copy takes. */
  private listedModules(file: string, siteIndex: number, depth: number): Value[] {
    const modules = listedFiles(this, file, siteIndex);
    if (!modules) return [];
    const taken = this.only !== null && modules.includes(this.only) ? [this.only] : modules;
    return this.union(taken.map((m) => this.moduleValue(m, depth)));
  }

  private element(v: Value, at: number, depth: number): Value[] {
    if (v.t === 'ext' || v.t === 'param' || v.t === 'opaque') return [stepped(v, { p: '[]' })];
    if (v.t === 'obj') return this.objectMember(v, String(at), depth);
    return [UNKNOWN];
  }

  private objectMember(v: Extract<Value, { t: 'obj' }>, prop: string, depth: number): Value[] {
    if (depth > MAX_DEPTH) return [UNKNOWN];
    return this.cached(v.file, `o${v.pos}.${prop}`, () => this.objectMemberUncached(v, prop, depth));
  }

  private objectMemberUncached(v: Extract<Value, { t: 'obj' }>, prop: string, depth: number): Value[] {
    // Fields of a record spread in (`{ ...booking, status }`, `booking` a row a query returned):
    // the record may have the field or not, so a key set before the spread stays possible too.
    const spread: Value[] = [];
    const withSpread = (found: Value[]) => (spread.length > 0 ? this.union([spread, found]) : found);
    for (let i = v.props.length - 1; i >= 0; i--) {
      const p = v.props[i]!;
      if (p.named) spread.push(...this.registered(v.file, p.value, prop, depth + 1));
      // `{ get databases() { return new Databases(client); } }`: reading the property runs the getter.
      const accessor = p.key === prop && p.value.k === 'fn' ? this.ir(v.file)?.functions[p.value.fn]?.kind : undefined;
      if (accessor === 'setter') continue;
      if (accessor === 'getter' && p.value.k === 'fn') return withSpread(this.fnReturns(v.file, p.value.fn, depth + 1));
      if (p.key === prop) return withSpread(this.values(v.file, p.value, depth + 1));
      if (p.key === '...') {
        const sources = this.values(v.file, p.value, depth + 1);
        // `{ ...creation, ...payment }` of `import * as payment`: a module's exports spread in.
        const found = sources.flatMap((s) => (s.t === 'obj' ? this.objectMember(s, prop, depth + 1) : s.t === 'ns' ? this.exportValue(s.file, prop, depth + 1) : []));
        if (found.some((x) => !isUnknown(x))) return withSpread(found);
        for (const s of sources) if (s.t === 'ext' || s.t === 'param' || s.t === 'opaque') spread.push(stepped(s, { p: prop }));
      }
    }
    return spread.length > 0 ? spread : [UNKNOWN];
  }

  classMember(file: string, cls: number, prop: string, isStatic: boolean, depth: number, origin?: string): Value[] {
    if (depth > MAX_DEPTH) return [UNKNOWN];
    return this.cached(file, `c${cls}.${isStatic ? 'static ' : ''}${prop}${origin ? `@${origin}` : ''}`, () => this.classMemberUncached(file, cls, prop, isStatic, depth, origin));
  }

  private classMemberUncached(file: string, cls: number, prop: string, isStatic: boolean, depth: number, origin?: string): Value[] {
    const ir = this.ir(file);
    const c: ClassIR | undefined = ir?.classes[cls];
    if (!ir || !c) return [UNKNOWN];
    const key = isStatic ? `static ${prop}` : prop;
    const method = c.methods[key];
    if (method !== undefined) return [{ t: 'fn', file, fn: method }];
    const getter = c.methods[isStatic ? `static get ${prop}` : `get ${prop}`];
    if (getter !== undefined) return this.fnReturns(file, getter, depth);
    const fields = c.fields[key];
    if (fields) return this.union(fields.map((x) => this.values(file, x, depth + 1)));
    if (!c.superClass) return [UNKNOWN];
    return this.union(
      this.values(file, c.superClass, depth + 1).map((s) => {
        if (s.t === 'class') return this.classMember(s.file, s.cls, prop, isStatic, depth + 1, origin ?? c.name);
        // `class Booking extends BaseEntity`: the package's member, remembering which class it came through.
        if (s.t === 'ext') return [{ ...s, steps: [...s.steps, ...(isStatic ? [] : [{ p: 'new()' }]), { p: prop }], typeArgs: [...(s.typeArgs ?? []), origin ?? c.name] }];
        return [UNKNOWN];
      }),
    );
  }

  /**
   * What an object literal's methods reach with `super`: for an object a function returns to the call
   * it is handed to, what that call makes. Strapi's `createCoreController(uid, () => ({ async create(ctx)
   * { return super.create(ctx) } }))` inherits the core controller of `uid`; the object itself is left
   * out (its own `create` is the method calling `super`).
   */
  private prototypeOf(file: string, obj: Expr, depth: number): Value[] {
    const ir = this.ir(file);
    if (!ir || obj.k !== 'obj') return [UNKNOWN];
    let owner = -1;
    ir.functions.forEach((f, i) => {
      if (i > 0 && f.start <= obj.pos && obj.pos < f.end && (owner === -1 || f.start >= ir.functions[owner]!.start)) owner = i;
    });
    const out: Value[] = [];
    ir.sites.forEach((s, site) => {
      if (owner === -1 || !s.args.some((a) => a.k === 'fn' && a.fn === owner)) return;
      for (const v of this.values(file, s.callee, depth)) if (v.t === 'ext' || v.t === 'global') out.push(stepped(v, { p: '()', file, site }));
    });
    return out.length > 0 ? out : [UNKNOWN];
  }

  /** `const [a, b] = await Promise.all([x(), y()])`: the array a group call resolves element by element. */
  private groupItems(file: string, e: Expr): Expr[] | null {
    while (e.k === 'await') e = e.of;
    if (e.k !== 'call') return null;
    const site = this.ir(file)?.sites[e.site];
    const first = site?.args[0];
    if (!site || first?.k !== 'arr') return null;
    const c = site.callee;
    const isPromiseAll = c.k === 'member' && c.obj.k === 'global' && c.obj.name === 'Promise' && c.prop === 'all';
    return isPromiseAll || this.passesThrough?.(file, e.site, this.values(file, c)) ? first.items : null;
  }

  callResult(file: string, siteIndex: number, depth: number): Value[] {
    return this.cached(file, `s${siteIndex}`, () => {
      const site = this.ir(file)?.sites[siteIndex];
      if (!site) return [UNKNOWN];
      const step: Step = { p: site.isNew ? 'new()' : '()', file, site: siteIndex };
      // `fn.bind(x)` returns the same function.
      if (site.callee.k === 'member' && site.callee.prop === 'bind') return this.values(file, site.callee.obj, depth);
      // `String(booking.id)`, `Number(req.params.id)`: the same value in another type, for data flow.
      if (site.callee.k === 'global' && CONVERSIONS.has(site.callee.name) && site.args[0] && !this.globalSource?.(file, site.callee.name)?.length) {
        return this.values(file, site.args[0], depth);
      }
      // `new Date(reserva.fechaHora)`: the same instant as a date, a key a record is looked up by.
      if (site.isNew && site.callee.k === 'global' && site.callee.name === 'Date' && site.args.length === 1 && !this.globalSource?.(file, 'Date')?.length) {
        return this.values(file, site.args[0]!, depth);
      }
      // `Object.freeze({ PENDING: 0, ... })` is the object it froze.
      const c = site.callee;
      if (c.k === 'member' && c.obj.k === 'global' && c.obj.name === 'Object' && c.prop !== null && FREEZERS.has(c.prop) && site.args[0]) return this.values(file, site.args[0], depth);
      const callee = this.values(file, site.callee, depth);
      // A transaction's result is its callback's return value.
      const returned = this.passesThrough?.(file, siteIndex, callee)
        ? site.args.flatMap((a) => this.values(file, a, depth)).flatMap((v) => (v.t === 'fn' ? this.fnReturns(v.file, v.fn, depth) : []))
        : [];
      return this.union([
        returned,
        this.resultSource?.(file, siteIndex, callee, depth) ?? [],
        this.validated(file, siteIndex, depth),
        this.proxied(file, siteIndex, depth),
        this.listedModules(file, siteIndex, depth),
        this.contextValues?.got(file, siteIndex, callee, depth) ?? [],
        ...callee.map((v): Value[] => {
          switch (v.t) {
            case 'fn':
              return this.fnReturns(v.file, v.fn, depth);
            case 'class':
              return site.isNew ? [{ t: 'inst', file: v.file, cls: v.cls }] : [UNKNOWN];
            case 'ext':
            case 'global':
            case 'param':
            case 'opaque':
              return [stepped(v, step)];
            default:
              return [UNKNOWN];
          }
        }),
      ]);
    });
  }

  /**
   * A lazily built client behind a proxy (`new Proxy({} as Stripe, { get: (_, prop) =>
   * getStripe()[prop] })`) is the object its `get` trap reads the property from.
   */
  private proxied(file: string, siteIndex: number, depth: number): Value[] {
    const site = this.ir(file)?.sites[siteIndex];
    if (!site?.isNew || site.callee.k !== 'global' || site.callee.name !== 'Proxy' || !site.args[1]) return [];
    const out: Value[] = [];
    for (const handler of this.values(file, site.args[1], depth)) {
      const trap = handler.t === 'obj' ? handler.props.find((p) => p.key === 'get') : undefined;
      if (!trap || handler.t !== 'obj') continue;
      for (const get of this.values(handler.file, trap.value, depth)) {
        if (get.t !== 'fn') continue;
        for (let r of this.ir(get.file)?.functions[get.fn]?.returns ?? []) {
          while (r.k === 'await') r = r.of;
          if (r.k === 'member' && r.prop === null) out.push(...this.values(get.file, r.obj, depth));
        }
      }
    }
    // `new Proxy({} as PrismaClient, { get() { ... } })`: a trap read no other way stands for the type its target was cast to.
    const target = site.args[0];
    if (out.length === 0 && target?.k === 'any' && target.of.some((x) => x.k === 'typed')) return this.values(file, target, depth);
    return out;
  }

  /**
   * Validators hand back what they were given: `schema.parse(x)` is x, `schema.safeParse(x).data`
   * and Joi's `validate(x).value` are x.
   */
  private validated(file: string, siteIndex: number, depth: number): Value[] {
    const site = this.ir(file)?.sites[siteIndex];
    const c = site?.callee;
    const input = site?.args[0];
    if (!input || c?.k !== 'member' || c.prop === null) return [];
    if (RETURNS_INPUT.has(c.prop)) return this.values(file, input, depth);
    if (WRAPS_INPUT.has(c.prop)) return [{ t: 'obj', file, pos: -1 - siteIndex, props: [{ key: 'data', value: input }, { key: 'value', value: input }] }];
    return [];
  }

  fnReturns(file: string, fn: number, depth: number): Value[] {
    return this.cached(file, `r${fn}`, () => {
      const f = this.ir(file)?.functions[fn];
      if (!f || f.returns.length === 0) return [UNKNOWN];
      return this.union(f.returns.map((r) => this.values(file, r, depth)));
    });
  }

  /**
   * The expressions that define a value, followed through local constants, imports, namespace
   * and object-literal members: where `controller.pay` was written as `catchAsync(async ...)`.
   */
  definitions(file: string, e: Expr, depth = 0): { file: string; expr: Expr }[] {
    if (depth > 8) return [];
    const ir = this.ir(file);
    if (!ir) return [];
    if (e.k === 'await') return this.definitions(file, e.of, depth + 1);
    if (e.k === 'ref') {
      const b = ir.bindings[e.b];
      if (!b || b.kind === 'param') return [];
      if (b.kind === 'import') {
        const decl = ir.imports.find((i) => i.binding === e.b);
        const target = decl ? this.resolver.resolve(file, decl.specifier) : null;
        return decl && target?.kind === 'file' ? this.exportDefinitions(target.file, decl.imported, depth + 1) : [];
      }
      return b.defs.length === 1 ? this.definitions(file, b.defs[0]!, depth + 1) : [];
    }
    // `server.route(require('./routes/bookings'))`: what that module assigned to `module.exports`.
    if (e.k === 'require') {
      const target = this.resolver.resolve(file, e.specifier);
      const assigned = target.kind === 'file' ? this.ir(target.file)?.exports.find((x) => x.kind === 'local' && x.name === 'module.exports') : undefined;
      if (target.kind === 'file' && assigned?.kind === 'local') return this.definitions(target.file, assigned.value, depth + 1);
      return [{ file, expr: e }];
    }
    if (e.k === 'member' && e.prop !== null) {
      const out: { file: string; expr: Expr }[] = [];
      for (const v of this.values(file, e.obj)) {
        if (v.t === 'ns') out.push(...this.exportDefinitions(v.file, e.prop, depth + 1));
        else if (v.t === 'obj') {
          const prop = [...v.props].reverse().find((p) => p.key === e.prop);
          if (prop) out.push(...this.definitions(v.file, prop.value, depth + 1));
        } else if (v.t === 'inst' || v.t === 'class') {
          // `this.baseUrl`, set in the constructor (`config.baseUrl ?? 'https://api.example.com'`);
          // `BookingController.checkout`, a static field (`static checkout = asyncHandler(async ...)`).
          const key = v.t === 'class' ? `static ${e.prop}` : e.prop;
          for (const x of this.ir(v.file)?.classes[v.cls]?.fields[key] ?? []) out.push(...this.definitions(v.file, x, depth + 1));
        }
      }
      return out;
    }
    return [{ file, expr: e }];
  }

  /** `staticText` across files: where an imported name or an object's member was defined (`ROUTES.PAY` in a constants module). */
  readonly follow: Follow = (at, e) => {
    const def = this.definitions(at.file, e).find((d) => d.expr !== e);
    const defIr = def ? this.ir(def.file) : undefined;
    return def && defIr ? { ir: defIr, expr: def.expr } : null;
  };

  private exportDefinitions(file: string, name: string, depth: number): { file: string; expr: Expr }[] {
    const ir = this.ir(file);
    if (!ir || depth > 8) return [];
    const out: { file: string; expr: Expr }[] = [];
    for (const x of ir.exports) {
      if (x.kind === 'local' && x.name === name) out.push(...this.definitions(file, x.value, depth + 1));
      else if (x.kind === 'from' && x.name === name) {
        const target = this.resolver.resolve(file, x.specifier);
        if (target.kind === 'file') out.push(...this.exportDefinitions(target.file, x.imported, depth + 1));
      }
    }
    return out;
  }

  importValue(file: string, specifier: string, imported: string, depth: number): Value[] {
    const target = this.resolver.resolve(file, specifier);
    if (target.kind === 'package') return [{ t: 'ext', module: target.name, steps: imported === '*' || imported === 'default' ? [] : [{ p: imported }] }];
    if (target.kind === 'unresolved') return [{ t: 'opaque', specifier, steps: imported === '*' || imported === 'default' ? [] : [{ p: imported }] }];
    if (imported === '*') return [{ t: 'ns', file: target.file }];
    return this.exportValue(target.file, imported, depth);
  }

  private requireValue(file: string, specifier: string, depth: number): Value[] {
    const target = this.resolver.resolve(file, specifier);
    if (target.kind === 'package') return [{ t: 'ext', module: target.name, steps: [] }];
    if (target.kind === 'unresolved') return [{ t: 'opaque', specifier, steps: [] }];
    return this.moduleValue(target.file, depth);
  }

  /** What `require(file)` returns: `module.exports` if assigned, else the namespace. */
  moduleValue(file: string, depth: number): Value[] {
    const ir = this.ir(file);
    const assigned = ir?.exports.filter((x) => x.kind === 'local' && x.name === 'module.exports') ?? [];
    if (assigned.length === 0) return [{ t: 'ns', file }];
    return this.union(assigned.map((x) => (x.kind === 'local' ? this.values(file, x.value, depth) : [])));
  }

  /**
   * The `export *` sources of a module that may export `name`, in declaration order. A barrel of a
   * thousand `export *` lines asked for a thousand names would otherwise evaluate a million
   * (source, name) pairs; indexed by the names each source exports, only the ones that have it are.
   */
  /** The scanned files a file's `export *` declarations name, in order. */
  private starTargets(file: string): string[] {
    let targets = this.starFiles.get(file);
    if (!targets) {
      targets = [];
      for (const x of this.ir(file)?.exports ?? []) {
        if (x.kind !== 'star') continue;
        const target = this.resolver.resolve(file, x.specifier);
        if (target.kind === 'file') targets.push(target.file);
      }
      this.starFiles.set(file, targets);
    }
    return targets;
  }

  private starSources(file: string, name: string): string[] {
    let index = this.starIndex.get(file);
    if (!index) {
      index = { byName: new Map(), open: [] };
      let order = 0;
      for (const target of this.starTargets(file)) {
        const names = this.exportedNames(target);
        const at = { order: order++, file: target };
        if (names === null) index.open.push(at);
        else for (const n of names) addTo(index.byName, n, at);
      }
      this.starIndex.set(file, index);
    }
    const named = index.byName.get(name) ?? [];
    if (index.open.length === 0) return named.map((x) => x.file);
    return [...named, ...index.open].sort((a, b) => a.order - b.order).map((x) => x.file);
  }

  /**
   * Names a module exports, those of its `export *` sources included (not `default`); null when any
   * name may be (CommonJS `module.exports`). `cut` says a cycle was cut below, so the answer is
   * partial for every module of the cycle but the one asked first, and is not kept.
   */
  /**
   * The names a file exports, through its `export *` sources (null: anything, a CommonJS module
   * behind it). Files that star-export one another in a cycle export the same names (each keeps
   * its own default), so each strongly connected group is worked out once, after what it points
   * to (Tarjan's algorithm, without recursion): a ring of 1,000 barrels is not walked 1,000 times.
   */
  private exportedNames(file: string): Set<string> | null {
    const known = this.namesOf.get(file);
    if (known !== undefined) return known;
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    const frames: { file: string; next: number }[] = [];
    const open = (f: string) => {
      index.set(f, index.size);
      low.set(f, index.get(f)!);
      stack.push(f);
      onStack.add(f);
      frames.push({ file: f, next: 0 });
    };
    open(file);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const out = this.starTargets(frame.file);
      if (frame.next < out.length) {
        const t = out[frame.next++]!;
        if (this.namesOf.has(t)) continue;
        if (!index.has(t)) open(t);
        else if (onStack.has(t)) low.set(frame.file, Math.min(low.get(frame.file)!, index.get(t)!));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.file, Math.min(low.get(parent.file)!, low.get(frame.file)!));
      if (low.get(frame.file) !== index.get(frame.file)) continue;
      const members: string[] = [];
      for (let m = stack.pop(); m !== undefined; m = stack.pop()) {
        onStack.delete(m);
        members.push(m);
        if (m === frame.file) break;
      }
      this.settleNames(members);
    }
    return this.namesOf.has(file) ? this.namesOf.get(file)! : new Set();
  }

  /** Names of a group of files that star-export one another, once everything they point to outside it is known. */
  private settleNames(members: string[]): void {
    const inGroup = new Set(members);
    const own = new Map<string, Set<string> | null>();
    let shared: Set<string> | null = new Set();
    for (const m of members) {
      let names: Set<string> | null = new Set();
      for (const x of this.ir(m)?.exports ?? []) {
        if (x.kind === 'local' && x.name === 'module.exports') names = null;
        else if ((x.kind === 'local' || x.kind === 'from') && names) names.add(x.name);
      }
      own.set(m, names);
      if (names === null) shared = null;
      else if (shared) for (const n of names) if (n !== 'default') shared.add(n);
      for (const t of this.starTargets(m)) {
        if (inGroup.has(t)) continue;
        const below = this.namesOf.has(t) ? this.namesOf.get(t)! : new Set<string>();
        if (below === null) shared = null;
        else if (shared) for (const n of below) if (n !== 'default') shared.add(n);
      }
    }
    for (const m of members) {
      const mine = own.get(m)!;
      this.namesOf.set(m, shared === null || mine === null ? null : new Set([...mine, ...shared]));
    }
  }


  exportValue(file: string, name: string, depth: number): Value[] {
    return this.cached(file, `e${name}`, () => {
      const ir = this.ir(file);
      if (!ir) return [UNKNOWN];
      const found: Value[][] = [];
      for (const x of ir.exports) {
        if (x.kind === 'local' && x.name === name) found.push(this.values(file, x.value, depth));
        else if (x.kind === 'from' && x.name === name) found.push(this.importValue(file, x.specifier, x.imported, depth));
      }
      if (found.length > 0) return this.union(found);
      if (name !== 'default') {
        for (const target of this.starSources(file, name)) {
          const v = this.exportValue(target, name, depth + 1);
          if (v.some((y) => !isUnknown(y))) return v;
        }
      }
      // CommonJS: `module.exports = { name }` or `module.exports = router` (the default).
      const assigned = ir.exports.some((x) => x.kind === 'local' && x.name === 'module.exports');
      if (!assigned) return [UNKNOWN];
      const mod = this.moduleValue(file, depth + 1);
      return name === 'default' ? mod : this.union(mod.map((m) => this.member(m, name, depth + 1)));
    });
  }
}

/** The name a type argument or decorator argument denotes: `Booking`, `Booking.name` -> 'Booking'. */
function typeName(ir: FileIR, e: Expr): string | null {
  if (e.k === 'ref') return ir.bindings[e.b]?.name ?? null;
  if (e.k === 'global') return e.name;
  if (e.k === 'member') return e.prop === 'name' ? typeName(ir, e.obj) : e.prop;
  if (e.k === 'lit' && typeof e.value === 'string') return e.value;
  return null;
}

/** `v` one step further, or unknown once it is longer than any real chain. */
function stepped<V extends Value & { steps: Step[] }>(v: V, step: Step): V | typeof UNKNOWN {
  return v.steps.length >= MAX_STEPS ? UNKNOWN : { ...v, steps: [...v.steps, step] };
}

export function valueKey(v: Value): string {
  switch (v.t) {
    case 'ext':
      return `x:${v.module}:${v.steps.map((s) => s.p + (s.site !== undefined ? `@${s.file}:${s.site}` : '')).join('.')}:${v.typeArgs?.join(',') ?? ''}`;
    case 'global':
    case 'param':
      return `${v.t}:${v.t === 'param' ? `${v.file}#${v.fn}.${v.index}` : ''}:${v.steps.map((s) => s.p + (s.site !== undefined ? `@${s.site}` : '')).join('.')}`;
    case 'fn':
      return `f:${v.file}#${v.fn}`;
    case 'class':
    case 'inst':
      return `${v.t}:${v.file}#${v.cls}`;
    case 'obj':
      return `o:${v.file}:${v.pos}`;
    case 'ns':
      return `n:${v.file}`;
    case 'lit':
      return `l:${String(v.value)}`;
    case 'fields':
      return `fields:${Object.entries(v.fields).map(([k, vs]) => `${k}=${vs.map(valueKey).join('|')}`).join(',')}${v.of ? `@${v.of.file}#${v.of.fn}.${v.of.index}` : ''}`;
    case 'opaque':
      return `?:${v.specifier}:${v.steps.map((s) => s.p + (s.site !== undefined ? `@${s.file}:${s.site}` : '')).join('.')}`;
    case 'unknown':
      return 'u';
  }
}
