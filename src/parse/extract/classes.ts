// Classes: methods, fields, constructor parameter properties (how NestJS injects services) and
// decorators, recorded so `this.member` and `new X()` can be followed later.
import type { ClassIR, Expr } from '../../model/ir.js';
import type { AstNode, Ctx } from './context.js';
import { expr } from './expressions.js';
import { decorators, declareFunction, propertyKey, typeAnnotation } from './functions.js';

export function declareClass(cx: Ctx, n: AstNode, name: string): number {
  const memo = cx.classOf.get(n);
  if (memo !== undefined) return memo;
  const id = cx.ir.classes.length;
  cx.classOf.set(n, id);
  const cls: ClassIR = {
    name,
    start: n.start,
    superClass: null,
    decorators: [],
    methods: {},
    fields: {},
  };
  cx.ir.classes.push(cls);
  cls.superClass = n.superClass ? expr(cx, n.superClass) : null;
  cls.decorators = decorators(cx, n.decorators ?? []);
  const outerClass = cx.cls;
  cx.cls = id;
  for (const m of n.body.body as AstNode[]) member(cx, cls, m);
  cx.cls = outerClass;
  return id;
}

function member(cx: Ctx, cls: ClassIR, m: AstNode): void {
  if (m.type === 'StaticBlock') {
    staticBlock(cx, cls, m);
    return;
  }
  // `[key: string]: any` has no key (reading one made the whole file fail to extract) and declares
  // nothing to follow.
  if (!m.key) return;
  const key = propertyKey(m) ?? '[computed]';
  const prefix = m.static ? 'static ' : '';
  if (m.type === 'MethodDefinition' || m.type === 'TSAbstractMethodDefinition') {
    if (!m.value?.body && m.type !== 'MethodDefinition') return;
    const kind = m.kind === 'constructor' ? 'constructor' : m.kind === 'get' ? 'getter' : m.kind === 'set' ? 'setter' : 'method';
    const fn = declareFunction(cx, m.value, `${cls.name}.${key}`, kind, {
      cls: cx.cls,
      isStatic: Boolean(m.static),
      decorators: decorators(cx, m.decorators ?? []),
    });
    cls.methods[prefix + (kind === 'getter' ? `get ${key}` : key)] = fn;
    if (kind === 'constructor') parameterProperties(cx, cls, m.value.params ?? [], fn);
    return;
  }
  if (m.type === 'PropertyDefinition' || m.type === 'AccessorProperty') {
    const values: Expr[] = [];
    const type = typeAnnotation(cx, m.typeAnnotation);
    if (type) values.push({ k: 'typed', type });
    if (m.value) {
      const saved = cx.nameHint;
      const savedStatic = cx.staticThis;
      cx.nameHint = `${cls.name}.${key}`;
      cx.staticThis = Boolean(m.static);
      const v = expr(cx, m.value);
      cx.nameHint = saved;
      cx.staticThis = savedStatic;
      if (v.k === 'fn') cls.methods[prefix + key] = v.fn;
      values.push(v);
    }
    (cls.fields[prefix + key] ??= []).push(...values);
    // `@Column({ default: 'pending' }) status`: what an ORM fills in when a record is created.
    if (m.decorators?.length) (cls.fieldDecorators ??= {})[prefix + key] = decorators(cx, m.decorators);
    if (!cx.copying) (cls.fieldStarts ??= {})[prefix + key] ??= m.key?.start ?? m.start;
  }
}

/**
 * `static { this.stripe = new Stripe(key) }` runs once when the class is defined. Read as a static
 * method without parameters so its `this.x = ...` assignments become the class's static fields.
 */
function staticBlock(cx: Ctx, cls: ClassIR, m: AstNode): void {
  const asFunction: AstNode = {
    type: 'FunctionExpression',
    params: [],
    body: { type: 'BlockStatement', body: m.body, start: m.start, end: m.end },
    start: m.start,
    end: m.end,
  };
  declareFunction(cx, asFunction, `${cls.name}.static`, 'method', { cls: cx.cls, isStatic: true });
}

/** `constructor(private readonly stripe: Stripe)` declares a field typed Stripe. */
function parameterProperties(cx: Ctx, cls: ClassIR, params: AstNode[], fn: number): void {
  params.forEach((p, index) => {
    if (p.type !== 'TSParameterProperty') return;
    const id: AstNode = p.parameter.type === 'AssignmentPattern' ? p.parameter.left : p.parameter;
    if (id.type !== 'Identifier') return;
    (cls.fields[id.name] ??= []).push({ k: 'param', fn, index });
  });
}
