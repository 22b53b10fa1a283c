// State of the one walk over a file: lexical scopes, the function whose flow graph is being built,
// and the node-emitting primitives the statement and expression walkers share.
import type { Expr, FileIR, FlowNode, FlowNodeKind, FunctionIR } from '../../model/ir.js';

/** An oxc ESTree node; the walkers read it structurally. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AstNode = { type: string; start: number; end: number; [key: string]: any };

export interface Scope {
  parent: Scope | null;
  names: Map<string, number>;
  /** Function scopes receive `var` declarations. */
  isFunction: boolean;
}

interface JumpTarget {
  labels: string[];
  breakTo: number[]; // nodes that break here, joined after the statement
  continueTo: number | null; // loop head to continue to
  finallyDepth: number;
  isLoopOrSwitch: boolean;
}

/** Building state of one function's flow graph. */
export interface FnBuilder {
  id: number;
  ir: FunctionIR;
  /** Frontier node; null once the code that follows is unreachable. */
  cur: number | null;
  /** Exception handler entries (catch or exceptional finally), innermost last. */
  handlers: number[];
  /** Enclosing finally blocks, innermost last; each with the handler depth outside it. */
  finallies: { body: AstNode; handlerDepth: number }[];
  targets: JumpTarget[];
  /** Nodes that skip to the end of the current optional chain, innermost chain last. */
  chainSkips: number[][];
  /** Nodes with at least one predecessor, so "is this join reached?" costs nothing. */
  reached: Set<number>;
}

export const MAX_DEPTH = 400;
const MAX_STRINGS = 300;

export class Ctx {
  readonly ir: FileIR;
  scope: Scope;
  fb!: FnBuilder;
  /** Class whose body is being walked, for `this`. */
  cls: number | null = null;
  /** In a static member, `this` is the class itself, not an instance. */
  staticThis = false;
  /** Name for the anonymous function about to be walked: the variable, key or callee it belongs to. */
  nameHint: string | null = null;
  /** What `this` is in a function outside classes: the object literal a method belongs to. */
  thisObject: Expr | null = null;
  /** The plain function (not a method, not an arrow) whose own `this` is read: what its caller binds. */
  thisFn: number | null = null;
  /** Finally blocks already walked once for real; later walks (other exits) only add flow nodes. */
  readonly walkedFinally = new Set<AstNode>();
  depth = 0;
  /** > 0 while re-walking a finally block for another exit: only flow nodes are added then. */
  copying = 0;
  tooDeep = false;
  /** Longest `a + b + ...` chain seen, when unusually long (generated code). */
  longestChain = 0;
  readonly siteOf = new Map<AstNode, number>();
  readonly fnOf = new Map<AstNode, number>();
  readonly classOf = new Map<AstNode, number>();
  readonly bindingOf = new Map<AstNode, number>();
  /** Per binding, the object its assigned properties gather in (`db.Booking = ...`; see assignMember). */
  readonly assignedProps = new Map<number, { obj: Extract<Expr, { k: 'obj' }>; keys: Set<string> }>();
  /** Bindings and side-effect specifiers already in ir.imports (declarations are walked more than once). */
  readonly imported = new Set<number | string>();

  constructor(ir: FileIR) {
    this.ir = ir;
    this.scope = { parent: null, names: new Map(), isFunction: true };
  }

  pushScope(isFunction: boolean): void {
    this.scope = { parent: this.scope, names: new Map(), isFunction };
  }

  popScope(): void {
    if (this.scope.parent) this.scope = this.scope.parent;
  }

  lookup(name: string): Expr {
    for (let s: Scope | null = this.scope; s; s = s.parent) {
      const b = s.names.get(name);
      if (b !== undefined) return { k: 'ref', b };
    }
    return { k: 'global', name };
  }

  /** Declares a name in the current scope (or the nearest function scope for `var`). */
  declare(name: string, kind: FileIR['bindings'][number]['kind'], decl: AstNode, pos: number): number {
    const memo = this.bindingOf.get(decl);
    if (memo !== undefined) {
      this.scopeFor(kind).names.set(name, memo);
      return memo;
    }
    let scope = this.scopeFor(kind);
    const existing = kind === 'var' || kind === 'function' ? scope.names.get(name) : undefined;
    const id = existing ?? this.ir.bindings.length;
    if (existing === undefined) {
      this.ir.bindings.push({ name, kind, defs: [], type: null, fn: this.fb?.id ?? 0, pos });
      scope.names.set(name, id);
    }
    this.bindingOf.set(decl, id);
    return id;
  }

  private scopeFor(kind: string): Scope {
    let scope = this.scope;
    if (kind === 'var') while (!scope.isFunction && scope.parent) scope = scope.parent;
    return scope;
  }

  addDef(binding: number, value: Expr): void {
    if (this.copying) return;
    const b = this.ir.bindings[binding];
    if (b && b.defs.length < 64) b.defs.push(value);
  }

  addString(value: string): void {
    if (this.copying || value.length === 0 || value.length > 200) return;
    const list = this.fb.ir.strings;
    if (list.length < MAX_STRINGS && !list.includes(value)) list.push(value);
  }

  // ---- flow graph primitives ----

  node(kind: FlowNodeKind, pos: number, extra?: Partial<FlowNode>): number {
    const nodes = this.fb.ir.nodes;
    const id = nodes.length;
    nodes.push({ kind, next: [], exc: [], pos, ...extra });
    return id;
  }

  link(from: number | null, to: number): void {
    if (from === null) return;
    const n = this.fb.ir.nodes[from];
    if (n && !n.next.includes(to)) n.next.push(to);
    this.fb.reached.add(to);
  }

  /** Appends a node after the frontier and makes it the frontier. */
  emit(kind: FlowNodeKind, pos: number, extra?: Partial<FlowNode>): number {
    const fb = this.fb;
    if (kind === 'call' || kind === 'await') this.linkToHandler();
    const id = this.node(kind, pos, extra);
    this.link(fb.cur, id);
    fb.cur = id;
    return id;
  }

  /** A call or await may throw before it completes: the handler is reachable from just before it. */
  linkToHandler(): void {
    const fb = this.fb;
    const handler = fb.handlers[fb.handlers.length - 1];
    if (handler === undefined || fb.cur === null) return;
    const n = fb.ir.nodes[fb.cur];
    if (n && !n.exc.includes(handler)) n.exc.push(handler);
    fb.reached.add(handler);
  }

  /** Joins frontiers; null when none is reachable. */
  join(pos: number, ...froms: (number | null)[]): number | null {
    const live = froms.filter((f): f is number => f !== null);
    if (live.length === 0) return null;
    if (live.length === 1) return live[0]!;
    const id = this.node('join', pos);
    for (const f of live) this.link(f, id);
    return id;
  }

  /** Splits the frontier into two assume nodes: `test` truthy and `test` falsy. */
  fork(test: Expr, pos: number, compare?: { value: Expr; literal: string | number | boolean; relational?: true; member?: true }, operands?: Expr[]): { t: number | null; f: number | null } {
    const from = this.fb.cur;
    if (from === null) return { t: null, f: null };
    const more = operands ? { operands } : {};
    const t = this.node('assume', pos, { expr: test, truthy: true, ...more, ...(compare ? { compare: { ...compare, equal: true } } : {}) });
    const f = this.node('assume', pos, { expr: test, truthy: false, ...more, ...(compare ? { compare: { ...compare, equal: false } } : {}) });
    this.link(from, t);
    this.link(from, f);
    return { t, f };
  }
}
