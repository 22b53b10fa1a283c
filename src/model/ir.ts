// The per-file intermediate representation: what one walk over a file's AST keeps. Plain JSON data,
// so it can cross a worker boundary or sit in a cache; everything after `parse` reads only this.

import { addTo } from '../util/multimap.js';

/** A symbolic value: what an expression evaluates to, with names still unresolved across files. */
export type Expr =
  | { k: 'ref'; b: number } // a binding of this file (index into FileIR.bindings)
  | { k: 'global'; name: string } // a free identifier: fetch, Deno, require, process...
  // `this` in a class body (index into classes; the class itself in static members), an object
  // literal's method (`obj`), or a plain function's own (`fn`: what its caller binds)
  | { k: 'this'; cls: number | null; obj?: Expr; static?: true; fn?: number }
  | { k: 'super'; cls: number | null; obj?: Expr } // in an object literal's method, `obj` is the object
  | { k: 'member'; obj: Expr; prop: string | null } // prop null = computed, unknown key
  | { k: 'index'; obj: Expr; at: number } // `x[0]` and array destructuring
  | { k: 'call'; site: number } // result of a call site (index into FileIR.sites)
  | { k: 'await'; of: Expr }
  | { k: 'lit'; value: string | number | boolean | null }
  | { k: 'tpl'; parts: Expr[]; text: string } // template or string concatenation; text = static parts
  // shape: an object type's members, each a value of its declared type (`type Ctx = { em: EntityManager }`)
  | { k: 'obj'; props: ObjProp[]; pos: number; shape?: true }
  | { k: 'arr'; items: Expr[] }
  | { k: 'fn'; fn: number } // a function value (index into FileIR.functions)
  | { k: 'class'; cls: number }
  | { k: 'typed'; type: TypeRef } // a value known only by its declared type
  | { k: 'param'; fn: number; index: number } // a function parameter, before destructuring
  | { k: 'any'; of: Expr[]; test?: string[] } // one of several values (conditional, logical, reassignment); test: names in a conditional's test
  | { k: 'require'; specifier: string } // require('x') / await import('x') with a literal specifier
  | { k: 'unknown' };

export interface ObjProp {
  /** Static key, or null for a computed one; `...` marks a spread. */
  key: string | null;
  value: Expr;
  /** Where the property starts. */
  pos?: number;
  /** Filed under the value's own name (`db[model.name] = model`); key is null. */
  named?: true;
}

/** A TypeScript type reference: `Repository<Booking>` is { name: ref Repository, args: [ref Booking] }. */
export interface TypeRef {
  name: Expr;
  args: TypeRef[];
}

export interface Binding {
  name: string;
  kind: 'const' | 'let' | 'var' | 'param' | 'function' | 'class' | 'import' | 'catch';
  /** Every value assigned to it, in source order. */
  defs: Expr[];
  /** Declared type, if annotated. */
  type: TypeRef | null;
  /** Function that owns it (0 = module scope). */
  fn: number;
  pos: number;
}

export interface ImportDecl {
  binding: number;
  specifier: string;
  /** 'default', '*' (namespace), or the imported name. */
  imported: string;
  typeOnly: boolean;
}

export type ExportDecl =
  | { kind: 'local'; name: string; value: Expr; pos: number }
  | { kind: 'from'; name: string; specifier: string; imported: string }
  | { kind: 'star'; specifier: string };

export interface Decorator {
  name: Expr;
  args: Expr[];
}

export interface CallSite {
  callee: Expr;
  args: Expr[];
  /** Present when an argument is a spread, so positions after it are uncertain. */
  spread: boolean;
  isNew: boolean;
  /** Tagged template: args are the template's expressions, text its static parts. */
  tagged: string | null;
  start: number;
  end: number;
  fn: number;
  /**
   * How the call's promise completes, when syntax tells: 'await' (awaited where it stands),
   * 'group' (an element of a Promise.all/allSettled call or of an array handed to a call, which
   * completes when that call completes), 'return' (returned, so it completes when the caller's
   * call completes), or null.
   */
  completion: 'await' | 'group' | 'return' | null;
  /** Call whose receiver is this call's result (`a().b()`), for query-builder chains. */
  chainedBy: number | null;
  /** Site of the Promise.all (or similar) this call is an element of. */
  group: number | null;
}

export type FlowNodeKind =
  | 'entry'
  | 'exit' // normal completion of the function
  | 'throw-exit' // abrupt completion by an exception
  | 'call' // a call site; reaching the node means the call was made
  | 'await' // `await x` where x is not itself a call: completes the promises x holds
  | 'assume' // start of a branch: `test` is known truthy or falsy here
  | 'return'
  | 'throw'
  | 'join';

export interface FlowNode {
  kind: FlowNodeKind;
  /** Normal successors. */
  next: number[];
  /** Exceptional successors: the handler reached if the next call throws before completing. */
  exc: number[];
  pos: number;
  site?: number;
  expr?: Expr;
  truthy?: boolean;
  /**
   * For a comparison with a literal (`event.type === 'checkout.session.completed'`, a switch
   * case): the compared value, the literal, and whether this branch is where they are equal.
   * `relational`: the test was `x <= 0` / `x > 0`, so "equal" holds only for a value never negative.
   * `member`: the literal is the name of an enum member compared with (`BookingStatus.PENDING`), not its value.
   */
  compare?: { value: Expr; literal: string | number | boolean; equal: boolean; relational?: true; member?: true };
  /**
   * For an ordering comparison (`hoursUntilVisit < 24`), which keeps no value to assume truthy:
   * its operands, so the branch can still be named by what it compares (a cancellation deadline).
   */
  operands?: Expr[];
  /**
   * For `found.length !== ids.length` (two row counts compared): whether this is the branch where
   * they are equal, every id asked for found. `operands` holds the two counts.
   */
  countsEqual?: boolean;
}

export interface FunctionIR {
  name: string;
  kind: 'module' | 'function' | 'arrow' | 'method' | 'constructor' | 'getter' | 'setter';
  async: boolean;
  start: number;
  end: number;
  /** Enclosing function (-1 for the module function). */
  parent: number;
  /** Class that declares it, for methods. */
  cls: number | null;
  isStatic: boolean;
  /** Binding of each parameter, by position; -1 for a destructuring pattern. */
  params: number[];
  decorators: Decorator[];
  /** One decorator list per parameter (NestJS @Body(), @InjectRepository(X)...). */
  paramDecorators: Decorator[][];
  directives: string[];
  returns: Expr[];
  /** Declared types of destructured parameters (`{ em }: Ctx`), by position. */
  patternTypes?: Record<number, TypeRef>;
  /** Flow graph: node 0 is entry, 1 is exit, 2 is throw-exit. */
  nodes: FlowNode[];
  /** String literals in the body (event types, route paths, URLs), deduplicated, capped. */
  strings: string[];
}

export interface FieldWrite {
  obj: Expr;
  prop: string;
  value: Expr;
  op: string;
  pos: number;
  fn: number;
}

export interface ClassIR {
  name: string;
  start: number;
  superClass: Expr | null;
  decorators: Decorator[];
  /** Methods and accessors by name (static ones prefixed with 'static '). */
  methods: Record<string, number>;
  /** Fields: property definitions, constructor parameter properties, `this.x = ...` assignments. */
  fields: Record<string, Expr[]>;
  /** Decorators of property definitions (`@Column({ default: 'pending' })`), by field. */
  fieldDecorators?: Record<string, Decorator[]>;
  /** Where each property definition's name is, by field. */
  fieldStarts?: Record<string, number>;
}

export interface ParseDiagnostic {
  line: number;
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
}

export interface FileIR {
  file: string;
  /** Offsets where each line starts, to turn offsets into line and column. */
  lineStarts: number[];
  directives: string[];
  imports: ImportDecl[];
  exports: ExportDecl[];
  bindings: Binding[];
  functions: FunctionIR[];
  classes: ClassIR[];
  sites: CallSite[];
  /** Interfaces and type aliases declared here (names only), for entity discovery. */
  typeNames: string[];
  /** Functions assigned onto members of other values (`obj.method = fn`), by target. */
  memberAssignments: { target: Expr; fn: number }[];
  /**
   * Values assigned to fields of objects (`booking.status = 'CANCELLED'`, `slot.seatsLeft += 1`,
   * `event.booked--`): what a record carries when it is saved later. `op` is the operator.
   */
  fieldWrites?: FieldWrite[];
  /** `// bookfirst-ignore <check-id> -- <reason>` comments, by line. */
  directiveComments: { line: number; checkId: string; reason: string }[];
  diagnostics: ParseDiagnostic[];
  /** True when the file could not be analyzed at all (binary, too deep, parse failed). */
  skipped: boolean;
}

interface SiteIndex {
  sites: Map<number, CallSite[]>;
  bindings: Map<number, Binding[]>;
  methodCalls: Map<number, CallSite[]>;
}

const siteIndexes = new WeakMap<FileIR, SiteIndex>();

function siteIndex(ir: FileIR): SiteIndex {
  let index = siteIndexes.get(ir);
  if (index) return index;
  siteIndexes.set(ir, (index = { sites: new Map(), bindings: new Map(), methodCalls: new Map() }));
  for (const s of ir.sites) {
    addTo(index.sites, s.fn, s);
    if (s.callee.k === 'member' && s.callee.obj.k === 'ref') addTo(index.methodCalls, s.callee.obj.b, s);
  }
  for (const b of ir.bindings) addTo(index.bindings, b.fn, b);
  return index;
}

/** The promise a `.then(...)` call is made on, or null for any other call. */
export function thenReceiver(site: CallSite): Expr | null {
  return site.callee.k === 'member' && site.callee.prop === 'then' ? site.callee.obj : null;
}

/**
 * The calls function `fn` makes itself (not those of functions nested in it), in source order. Asked
 * per function, a scan of the file's calls each time is quadratic in a file of thousands of functions.
 */
export function sitesIn(ir: FileIR, fn: number): CallSite[] {
  return siteIndex(ir).sites.get(fn) ?? [];
}

/** The bindings function `fn` owns (its parameters and locals), in source order. */
export function bindingsIn(ir: FileIR, fn: number): Binding[] {
  return siteIndex(ir).bindings.get(fn) ?? [];
}

/** Method calls on a binding of the file (`form.append(...)` for `form`), in source order. */
export function methodCallsOn(ir: FileIR, binding: number): CallSite[] {
  return siteIndex(ir).methodCalls.get(binding) ?? [];
}

/** Whether function `inner` is `outer` or nested in it. */
export function isWithin(ir: FileIR, inner: number, outer: number): boolean {
  for (let f = inner; f >= 0; f = ir.functions[f]?.parent ?? -1) if (f === outer) return true;
  return false;
}

/** The value `String(x)` or `x.toString()` makes text of: `x`; null for any other expression. */
export function textConverted(ir: FileIR, e: Expr): Expr | null {
  const site = e.k === 'call' ? ir.sites[e.site] : undefined;
  const c = site?.callee;
  if (c?.k === 'member' && c.prop === 'toString') return c.obj;
  return c?.k === 'global' && c.name === 'String' ? site!.args[0] ?? null : null;
}

/** The one value a local binding was ever given (`const x = ...`, never assigned again), or undefined. */
export function soleDefinition(ir: FileIR, e: Expr): Expr | undefined {
  const b = e.k === 'ref' ? ir.bindings[e.b] : undefined;
  return b && b.kind !== 'import' && b.defs.length === 1 ? b.defs[0] : undefined;
}
