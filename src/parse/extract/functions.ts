// Functions, parameters, destructuring patterns and type annotations.
import type { Decorator, Expr, FunctionIR, ObjProp, TypeRef } from '../../model/ir.js';
import type { AstNode, Ctx } from './context.js';
import { expr } from './expressions.js';
import { hoistDeclarations, statements } from './statements.js';

export function declareFunction(
  cx: Ctx,
  node: AstNode,
  name: string,
  kind: FunctionIR['kind'],
  opts: { cls?: number | null; isStatic?: boolean; decorators?: Decorator[]; thisObject?: Expr } = {},
): number {
  const memo = cx.fnOf.get(node);
  if (memo !== undefined) return memo;
  const id = cx.ir.functions.length;
  cx.fnOf.set(node, id);
  const ir: FunctionIR = {
    name,
    kind,
    async: Boolean(node.async),
    start: node.start,
    end: node.end,
    parent: cx.fb ? cx.fb.id : -1,
    cls: opts.cls ?? null,
    isStatic: opts.isStatic ?? false,
    params: [],
    decorators: opts.decorators ?? [],
    paramDecorators: [],
    directives: [],
    returns: [],
    nodes: [],
    strings: [],
  };
  cx.ir.functions.push(ir);
  // Arrow functions keep the enclosing `this`; other functions get their own.
  const outerThis = cx.thisObject;
  const outerStatic = cx.staticThis;
  const outerThisFn = cx.thisFn;
  if (node.type !== 'ArrowFunctionExpression') {
    cx.thisObject = opts.thisObject ?? null;
    cx.staticThis = opts.isStatic ?? false;
    cx.thisFn = kind === 'function' && !opts.thisObject ? id : null;
  }
  walkFunctionBody(cx, id, ir, node);
  cx.thisObject = outerThis;
  cx.staticThis = outerStatic;
  cx.thisFn = outerThisFn;
  return id;
}

function walkFunctionBody(cx: Ctx, id: number, ir: FunctionIR, node: AstNode): void {
  const outer = cx.fb;
  const outerCopying = cx.copying;
  cx.copying = 0;
  cx.fb = { id, ir, cur: null, handlers: [], finallies: [], targets: [], chainSkips: [], reached: new Set() };
  cx.node('entry', node.start);
  cx.node('exit', node.end);
  cx.node('throw-exit', node.end);
  cx.fb.cur = 0;
  cx.pushScope(true);
  const params: AstNode[] = node.params ?? [];
  params.forEach((p, index) => {
    const param = p.type === 'TSParameterProperty' ? p.parameter : p;
    ir.paramDecorators.push(decorators(cx, [...(p.decorators ?? []), ...(p === param ? [] : param.decorators ?? [])]));
    const declared: number[] = [];
    bindPattern(cx, param, { k: 'param', fn: id, index }, 'param', declared);
    const patternType = param.type === 'ObjectPattern' ? typeAnnotation(cx, param.typeAnnotation) : null;
    if (patternType) (ir.patternTypes ??= {})[index] = patternType;
    const simple = param.type === 'Identifier' || (param.type === 'AssignmentPattern' && param.left.type === 'Identifier');
    ir.params.push(simple && declared.length > 0 ? declared[0]! : -1);
  });
  const body: AstNode | null = node.body ?? null;
  if (body && body.type === 'BlockStatement') {
    ir.directives = directivesOf(body.body);
    hoistDeclarations(cx, body.body);
    statements(cx, body.body);
  } else if (body) {
    // Concise arrow body: its value is returned.
    const value = expr(cx, body);
    markReturned(cx, value);
    ir.returns.push(value);
    cx.emit('return', body.start, { expr: value });
  }
  cx.link(cx.fb.cur, 1);
  cx.popScope();
  cx.fb = outer;
  cx.copying = outerCopying;
}

/** `return call()` completes when the caller's call completes. */
export function markReturned(cx: Ctx, value: Expr): void {
  const v = unwrapAwait(value);
  if (v.k !== 'call') return;
  const site = cx.ir.sites[v.site];
  if (site && site.completion === null) site.completion = 'return';
}

function unwrapAwait(v: Expr): Expr {
  return v.k === 'await' ? v.of : v;
}

export function directivesOf(body: AstNode[]): string[] {
  const out: string[] = [];
  for (const s of body) {
    if (s.type !== 'ExpressionStatement' || typeof s.directive !== 'string') break;
    out.push(s.directive);
  }
  return out;
}

export function decorators(cx: Ctx, list: AstNode[]): Decorator[] {
  return list.map((d) => {
    const e: AstNode = d.expression;
    if (e.type === 'CallExpression') {
      return { name: expr(cx, e.callee), args: e.arguments.map((a: AstNode) => expr(cx, a)) };
    }
    return { name: expr(cx, e), args: [] };
  });
}

/**
 * Declares (kind given) or assigns (kind null) every name in a pattern, each bound to the part of
 * `value` it destructures. Collects declared binding ids into `out` when given.
 */
export function bindPattern(
  cx: Ctx,
  pattern: AstNode,
  value: Expr,
  kind: 'const' | 'let' | 'var' | 'param' | 'catch' | null,
  out?: number[],
): void {
  switch (pattern.type) {
    case 'Identifier': {
      if (kind === null) {
        const ref = cx.lookup(pattern.name);
        if (ref.k === 'ref') cx.addDef(ref.b, value);
        return;
      }
      const b = cx.declare(pattern.name, kind, pattern, pattern.start);
      const type = typeAnnotation(cx, pattern.typeAnnotation);
      const binding = cx.ir.bindings[b]!;
      if (type && !binding.type) binding.type = type;
      cx.addDef(b, value);
      out?.push(b);
      return;
    }
    case 'ObjectPattern':
      for (const prop of pattern.properties as AstNode[]) {
        if (prop.type === 'RestElement') bindPattern(cx, prop.argument, value, kind, out);
        else bindPattern(cx, prop.value, { k: 'member', obj: value, prop: propertyKey(prop) }, kind, out);
      }
      return;
    case 'ArrayPattern':
      (pattern.elements as (AstNode | null)[]).forEach((el, at) => {
        if (!el) return;
        if (el.type === 'RestElement') bindPattern(cx, el.argument, value, kind, out);
        else bindPattern(cx, el, { k: 'index', obj: value, at }, kind, out);
      });
      return;
    case 'AssignmentPattern': {
      const fallback = expr(cx, pattern.right);
      bindPattern(cx, pattern.left, { k: 'any', of: [value, fallback] }, kind, out);
      return;
    }
    case 'RestElement':
      bindPattern(cx, pattern.argument, value, kind, out);
      return;
    case 'MemberExpression':
      if (kind === null) assignMember(cx, pattern, value);
      return;
    default:
      return;
  }
}

/** `this.x = v` records a class field; `module.exports... = v` an export. */
export function assignMember(cx: Ctx, target: AstNode, value: Expr): void {
  const prop = target.computed ? literalKey(target.property) : target.property.name;
  const obj: AstNode = target.object;
  if (obj.type === 'ThisExpression' && cx.cls !== null && prop) {
    if (cx.copying) return;
    const fields = cx.ir.classes[cx.cls]!.fields;
    (fields[cx.staticThis ? `static ${prop}` : prop] ??= []).push(value);
    return;
  }
  if (target.computed && !prop && !cx.copying && obj.type === 'Identifier') {
    const registry = cx.lookup(obj.name);
    // `db[model.name] = model`: a registry holding each value under its own name.
    if (isOwnName(cx, target.property, value)) return gatherProp(cx, registry, { key: null, value, named: true }, target.start);
    // `sorted[key] = params[key]` (or `encodeURIComponent(params[key])`): a copy, key by key, of
    // another object, as a payment's parameters are sorted before they are signed; it holds that
    // object's fields.
    const source = copiedFrom(cx, value, 0);
    if (source && !(source.k === 'ref' && registry.k === 'ref' && source.b === registry.b)) {
      return gatherProp(cx, registry, { key: '...', value: source }, target.start);
    }
  }
  const path = memberPath(target);
  if (!path || cx.copying) return;
  const [root, ...rest] = path;
  if (root === 'module' && rest[0] === 'exports' && cx.lookup('module').k === 'global') {
    // `module.exports = exports` hands back the object the `exports.x = v` lines filled: no change.
    const same = value.k === 'global' && value.name === 'exports';
    if (rest.length === 1 && !same) cx.ir.exports.push({ kind: 'local', name: 'module.exports', value, pos: target.start });
    else if (rest.length === 2) cx.ir.exports.push({ kind: 'local', name: rest[1]!, value, pos: target.start });
  } else if (root === 'exports' && rest.length === 1 && cx.lookup('exports').k === 'global') {
    cx.ir.exports.push({ kind: 'local', name: rest[0]!, value, pos: target.start });
  } else if (rest.length >= 1 && obj.type === 'Identifier') {
    const ref = cx.lookup(root!);
    const binding = ref.k === 'ref' ? cx.ir.bindings[ref.b] : undefined;
    // `Payments.client = new Stripe(key)`, after the class or in its static block: a static field.
    const cls = ref.k === 'ref' && binding?.kind === 'class' ? declaredClass(cx, ref.b) : undefined;
    if (cls !== undefined && prop) {
      (cx.ir.classes[cls]!.fields[`static ${prop}`] ??= []).push(value);
      return;
    }
    if (prop) gatherProp(cx, ref, { key: prop, value }, target.start);
  }
}

/**
 * `params.metadata = {...}` on an object literal variable: the object also has that property.
 * Distinct properties gather in one object, so a registry filled with twenty models
 * (`db.Booking = define(...)`) keeps few values; a property assigned again gets one of its own,
 * so both values count.
 */
function gatherProp(cx: Ctx, ref: Expr, prop: ObjProp, pos: number): void {
  const binding = ref.k === 'ref' ? cx.ir.bindings[ref.b] : undefined;
  if (ref.k !== 'ref' || !binding || binding.kind === 'import' || !binding.defs.some((d) => d.k === 'obj')) return;
  const gathered = cx.assignedProps.get(ref.b);
  if (gathered && (prop.key === null || !gathered.keys.has(prop.key))) {
    gathered.obj.props.push(prop);
    if (prop.key !== null) gathered.keys.add(prop.key);
    return;
  }
  const def: Extract<Expr, { k: 'obj' }> = { k: 'obj', props: [prop], pos };
  if (!gathered) cx.assignedProps.set(ref.b, { obj: def, keys: new Set(prop.key === null ? [] : [prop.key]) });
  cx.addDef(ref.b, def);
}

/** The object a value reads by a computed key, as itself or through calls on it or given it (`String(obj[k]).replace(...)`). */
function copiedFrom(cx: Ctx, value: Expr, depth: number): Expr | null {
  if (value.k === 'member') return value.prop === null && (value.obj.k === 'ref' || value.obj.k === 'member') ? value.obj : null;
  if (value.k !== 'call' || depth > 2) return null;
  const site = cx.ir.sites[value.site];
  if (!site) return null;
  const operands = site.callee.k === 'member' ? [site.callee.obj, ...site.args] : site.args;
  for (const operand of operands) {
    const source = copiedFrom(cx, operand, depth + 1);
    if (source) return source;
  }
  return null;
}

/** `model.name` where `model` is the value assigned: the key a registry files it under. */
function isOwnName(cx: Ctx, key: AstNode, value: Expr): boolean {
  if (key.type !== 'MemberExpression' || key.computed || key.property?.name !== 'name' || key.object?.type !== 'Identifier') return false;
  const owner = cx.lookup(key.object.name);
  return value.k === 'ref' && owner.k === 'ref' && owner.b === value.b;
}

/**
 * The class a class binding names: its definition once the declaration was read, or, inside the
 * class's own body (its static block runs before the binding gets that definition), the class
 * whose declaration node declared the binding.
 */
function declaredClass(cx: Ctx, binding: number): number | undefined {
  for (const d of cx.ir.bindings[binding]!.defs) if (d.k === 'class') return d.cls;
  for (const [node, cls] of cx.classOf) if (cx.bindingOf.get(node) === binding) return cls;
  return undefined;
}

function memberPath(node: AstNode): string[] | null {
  if (node.type === 'Identifier') return [node.name];
  if (node.type !== 'MemberExpression') return null;
  const key = node.computed ? literalKey(node.property) : node.property.name;
  const head = memberPath(node.object);
  return head && key ? [...head, key] : null;
}

export function propertyKey(prop: AstNode): string | null {
  if (prop.computed) return literalKey(prop.key);
  const key: AstNode = prop.key;
  if (key.type === 'Identifier' || key.type === 'PrivateIdentifier') return key.name;
  return literalKey(key);
}

export function literalKey(node: AstNode): string | null {
  if (node.type === 'Literal' && (typeof node.value === 'string' || typeof node.value === 'number')) {
    return String(node.value);
  }
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? null;
  return null;
}

export function typeAnnotation(cx: Ctx, ann: AstNode | null | undefined): TypeRef | null {
  if (!ann) return null;
  return typeRef(cx, ann.type === 'TSTypeAnnotation' ? ann.typeAnnotation : ann);
}

function typeRef(cx: Ctx, t: AstNode): TypeRef | null {
  if (t.type === 'TSTypeReference') {
    const args = ((t.typeArguments ?? t.typeParameters)?.params ?? []) as AstNode[];
    return {
      name: typeName(cx, t.typeName),
      args: args.map((a) => typeRef(cx, a)).filter((a): a is TypeRef => a !== null),
    };
  }
  if (t.type === 'TSUnionType' || t.type === 'TSIntersectionType') {
    // `Stripe | null`: the first named member is the useful one; a value of `EntityManager & Extra` is an EntityManager.
    for (const member of t.types as AstNode[]) {
      const r = typeRef(cx, member);
      if (r) return r;
    }
  }
  return null;
}

/**
 * What a type alias of an object type or an interface declares: an object whose members are
 * values of their declared types, when one of them names a type (`em: EntityManager`); null else.
 */
export function objectShape(cx: Ctx, decl: AstNode): Extract<Expr, { k: 'obj' }> | null {
  const literal: AstNode | undefined = decl.type === 'TSInterfaceDeclaration' ? decl.body : decl.typeAnnotation?.type === 'TSTypeLiteral' ? decl.typeAnnotation : undefined;
  const props: ObjProp[] = [];
  for (const m of (literal?.body ?? literal?.members ?? []) as AstNode[]) {
    if (m.type !== 'TSPropertySignature' || m.computed) continue;
    const key = propertyKey(m);
    const type = typeAnnotation(cx, m.typeAnnotation);
    if (key && type) props.push({ key, value: { k: 'typed', type }, pos: m.start });
  }
  return props.length > 0 ? { k: 'obj', props, pos: decl.start, shape: true } : null;
}

function typeName(cx: Ctx, n: AstNode): Expr {
  if (n.type === 'Identifier') return cx.lookup(n.name);
  if (n.type === 'TSQualifiedName') return { k: 'member', obj: typeName(cx, n.left), prop: n.right.name };
  return { k: 'unknown' };
}
