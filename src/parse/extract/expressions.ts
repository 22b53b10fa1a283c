// Expressions: each returns its symbolic value and adds flow nodes for the calls it makes, in
// evaluation order, with branches for ?:, &&, ||, ?? and optional chains.
import type { CallSite, Expr, ObjProp } from '../../model/ir.js';
import { declareClass } from './classes.js';
import { MAX_DEPTH, type AstNode, type Ctx } from './context.js';
import { bindPattern, declareFunction, literalKey, propertyKey, typeAnnotation } from './functions.js';

const UNKNOWN: Expr = { k: 'unknown' };
/** Calls whose array argument's promises all complete when the call's own promise does. */
const GROUP_CALLS = new Set(['all', 'allSettled']);
/** Operand counts beyond this are generated code: still analyzed, and reported. */
const LONG_CHAIN = 5_000;
const SKIP_KEYS = new Set(['type', 'start', 'end', 'typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'decorators', 'parent']);

export function expr(cx: Ctx, n: AstNode | null | undefined): Expr {
  if (!n) return UNKNOWN;
  if (cx.depth > MAX_DEPTH) {
    cx.tooDeep = true;
    return UNKNOWN;
  }
  cx.depth++;
  try {
    return exprInner(cx, n);
  } finally {
    cx.depth--;
  }
}

function exprInner(cx: Ctx, n: AstNode): Expr {
  switch (n.type) {
    case 'Identifier':
      return n.name === 'undefined' ? { k: 'lit', value: null } : cx.lookup(n.name);
    case 'Literal':
      if (typeof n.value === 'string') cx.addString(n.value);
      if (n.value === null || ['string', 'number', 'boolean'].includes(typeof n.value)) return { k: 'lit', value: n.value };
      return UNKNOWN;
    case 'TemplateLiteral':
      return template(cx, n.quasis, n.expressions);
    case 'TaggedTemplateExpression':
      return call(cx, n, expr(cx, n.tag), n.quasi.expressions, false, templateText(n.quasi.quasis));
    case 'MemberExpression':
      return member(cx, n);
    case 'CallExpression':
      return callExpression(cx, n);
    case 'NewExpression':
      return call(cx, n, expr(cx, n.callee), n.arguments, true, null);
    case 'ChainExpression':
      return chain(cx, n);
    case 'AwaitExpression':
      return awaitExpression(cx, n);
    case 'TSAsExpression':
    case 'TSTypeAssertion':
      return cast(cx, n);
    case 'ParenthesizedExpression':
    case 'TSSatisfiesExpression':
    case 'TSNonNullExpression':
    case 'TSInstantiationExpression':
      return expr(cx, n.expression);
    case 'ArrowFunctionExpression':
    case 'FunctionExpression':
      return { k: 'fn', fn: declareFunction(cx, n, n.id?.name ?? cx.nameHint ?? 'anonymous', n.type === 'ArrowFunctionExpression' ? 'arrow' : 'function') };
    case 'ClassExpression':
      return { k: 'class', cls: declareClass(cx, n, n.id?.name ?? cx.nameHint ?? 'anonymous') };
    case 'ObjectExpression':
      return object(cx, n);
    case 'ArrayExpression':
      return { k: 'arr', items: (n.elements as (AstNode | null)[]).map((e) => (e ? expr(cx, e.type === 'SpreadElement' ? e.argument : e) : UNKNOWN)) };
    case 'AssignmentExpression':
      return assignment(cx, n);
    case 'LogicalExpression':
      return logical(cx, n);
    case 'ConditionalExpression':
      return conditional(cx, n);
    case 'BinaryExpression':
      return binary(cx, n);
    case 'UpdateExpression':
      if (n.argument.type === 'MemberExpression' && !n.argument.computed) {
        fieldWrite(cx, expr(cx, n.argument.object), n.argument.property.name, { k: 'lit', value: 1 }, n.operator, n.start);
        return UNKNOWN;
      }
      expr(cx, n.argument);
      return UNKNOWN;
    case 'UnaryExpression':
      // `-1` is a number, not an unknown: `$inc: { seatsLeft: -1 }` must read as a decrement.
      if (n.operator === '-' && n.argument.type === 'Literal' && typeof n.argument.value === 'number') return { k: 'lit', value: -n.argument.value };
      expr(cx, n.argument);
      return UNKNOWN;
    case 'SpreadElement':
    case 'YieldExpression':
      expr(cx, n.argument);
      return UNKNOWN;
    case 'SequenceExpression': {
      let last: Expr = UNKNOWN;
      for (const e of n.expressions as AstNode[]) last = expr(cx, e);
      return last;
    }
    case 'ThisExpression':
      if (cx.cls === null && cx.thisObject) return { k: 'this', cls: null, obj: cx.thisObject };
      if (cx.cls === null && cx.thisFn !== null) return { k: 'this', cls: null, fn: cx.thisFn };
      return cx.staticThis && cx.cls !== null ? { k: 'this', cls: cx.cls, static: true } : { k: 'this', cls: cx.cls };
    case 'Super':
      return cx.cls === null && cx.thisObject ? { k: 'super', cls: null, obj: cx.thisObject } : { k: 'super', cls: cx.cls };
    case 'ImportExpression': {
      const spec = n.source.type === 'Literal' && typeof n.source.value === 'string' ? n.source.value : null;
      if (spec) return { k: 'require', specifier: spec };
      // `await import(path.join(dir, file))`: a call, so a directory's listing can tell what it loads.
      return call(cx, n, { k: 'global', name: 'import' }, [n.source], false, null);
    }
    case 'MetaProperty':
      // `import.meta.url`, `import.meta.dirname`: where the module itself is.
      return n.meta?.name === 'import' && n.property?.name === 'meta' ? { k: 'global', name: 'import.meta' } : UNKNOWN;
    default:
      walkChildren(cx, n);
      return UNKNOWN;
  }
}

/** Nodes without a value of interest (JSX, type-level and rare syntax): still find calls and functions inside. */
function walkChildren(cx: Ctx, n: AstNode): void {
  for (const key of Object.keys(n)) {
    if (SKIP_KEYS.has(key)) continue;
    const v = n[key];
    if (Array.isArray(v)) for (const c of v) isNode(c) && expr(cx, c);
    else if (isNode(v)) expr(cx, v);
  }
}

function isNode(v: unknown): v is AstNode {
  return typeof v === 'object' && v !== null && typeof (v as AstNode).type === 'string';
}

function templateText(quasis: AstNode[]): string {
  return quasis.map((q) => q.value.cooked ?? q.value.raw).join('${}');
}

function template(cx: Ctx, quasis: AstNode[], expressions: AstNode[]): Expr {
  const text = templateText(quasis);
  cx.addString(text);
  return { k: 'tpl', parts: expressions.map((e) => expr(cx, e)), text };
}

function member(cx: Ctx, n: AstNode): Expr {
  const obj = expr(cx, n.object);
  if (n.optional) optionalSkip(cx, obj, n.start);
  if (!n.computed) return { k: 'member', obj, prop: n.property.name };
  const key = literalKey(n.property);
  if (key === null) {
    expr(cx, n.property);
    return { k: 'member', obj, prop: null };
  }
  return /^\d+$/.test(key) ? { k: 'index', obj, at: Number(key) } : { k: 'member', obj, prop: key };
}

/** `a?.b`: when `a` is nullish, evaluation skips to the end of the chain. */
function optionalSkip(cx: Ctx, value: Expr, pos: number): void {
  const skips = cx.fb.chainSkips[cx.fb.chainSkips.length - 1];
  if (!skips) return;
  const { t, f } = cx.fork(value, pos);
  if (f !== null) skips.push(f);
  cx.fb.cur = t;
}

function chain(cx: Ctx, n: AstNode): Expr {
  cx.fb.chainSkips.push([]);
  const value = expr(cx, n.expression);
  const skips = cx.fb.chainSkips.pop()!;
  cx.fb.cur = cx.join(n.end, cx.fb.cur, ...skips);
  return value;
}

function callExpression(cx: Ctx, n: AstNode): Expr {
  const callee: AstNode = n.callee;
  if (callee.type === 'Identifier' && callee.name === 'require' && cx.lookup('require').k === 'global') {
    const arg: AstNode | undefined = n.arguments[0];
    const spec = arg ? literalKey(arg) : null;
    if (spec !== null) return { k: 'require', specifier: spec };
  }
  const calleeValue = expr(cx, callee);
  if (n.optional) optionalSkip(cx, calleeValue, n.start);
  return call(cx, n, calleeValue, n.arguments, false, null);
}

function call(cx: Ctx, n: AstNode, callee: Expr, argNodes: AstNode[], isNew: boolean, tagged: string | null): Expr {
  const hint = calleeName(callee);
  const saved = cx.nameHint;
  let spread = false;
  // `const pay = catchAsync(async (req, res) => ...)`: the callback is best known as `pay`.
  const argHint = saved ?? (hint ? `${hint} callback` : null);
  const args = argNodes.map((a) => {
    if (a.type === 'SpreadElement') spread = true;
    cx.nameHint = argHint;
    return expr(cx, a.type === 'SpreadElement' ? a.argument : a);
  });
  cx.nameHint = saved;
  let site = cx.siteOf.get(n);
  if (site === undefined) {
    site = cx.ir.sites.length;
    cx.siteOf.set(n, site);
    const record: CallSite = {
      callee, args, spread, isNew, tagged, start: n.start, end: n.end, fn: cx.fb.id,
      completion: null, chainedBy: null, group: null,
    };
    cx.ir.sites.push(record);
    linkChain(cx, callee, site);
    if (isGroupCall(callee)) markGroup(cx, args, site);
  }
  cx.emit('call', n.start, { site });
  return { k: 'call', site };
}

/** `db.insert(t).values(v)`: the inner call's result is the outer call's receiver. */
function linkChain(cx: Ctx, callee: Expr, site: number): void {
  if (callee.k !== 'member') return;
  let obj = callee.obj;
  while (obj.k === 'await') obj = obj.of;
  if (obj.k === 'call') {
    const inner = cx.ir.sites[obj.site];
    if (inner && inner.chainedBy === null) inner.chainedBy = site;
  }
}

function isGroupCall(callee: Expr): boolean {
  return callee.k === 'member' && callee.obj.k === 'global' && callee.obj.name === 'Promise' && GROUP_CALLS.has(callee.prop ?? '');
}

/** Elements of `Promise.all([...])` (or of `Promise.all(xs.map(...))`) complete with it. */
export function markGroup(cx: Ctx, args: Expr[], group: number): void {
  const first = args[0];
  const items = first?.k === 'arr' ? first.items : first ? [first] : [];
  for (const item of items) {
    const v = item.k === 'await' ? item.of : item;
    if (v.k !== 'call') continue;
    const s = cx.ir.sites[v.site];
    if (s && s.completion === null) {
      s.completion = 'group';
      s.group = group;
    }
  }
}

function calleeName(callee: Expr): string | null {
  if (callee.k === 'member') return callee.prop;
  if (callee.k === 'global') return callee.name;
  return null;
}

function awaitExpression(cx: Ctx, n: AstNode): Expr {
  const value = expr(cx, n.argument);
  if (value.k === 'call') {
    const site = cx.ir.sites[value.site]!;
    if (site.completion === null || site.completion === 'return') site.completion = 'await';
  } else if (value.k !== 'lit' && value.k !== 'require') {
    cx.emit('await', n.start, { expr: value });
  }
  return { k: 'await', of: value };
}

function object(cx: Ctx, n: AstNode): Expr {
  const props: ObjProp[] = [];
  // Methods see the object as `this`; it is filled in as its properties are walked.
  const self: Expr = { k: 'obj', props, pos: n.start };
  const saved = cx.nameHint;
  for (const p of n.properties as AstNode[]) {
    if (p.type === 'SpreadElement') {
      props.push({ key: '...', value: expr(cx, p.argument) });
      continue;
    }
    const key = propertyKey(p);
    if (p.computed && key === null) expr(cx, p.key);
    cx.nameHint = key;
    const isAccessor = p.kind === 'get' || p.kind === 'set';
    const isFunction = p.value.type === 'FunctionExpression';
    const value = isFunction
      ? { k: 'fn' as const, fn: declareFunction(cx, p.value, key ?? 'anonymous', isAccessor ? (p.kind === 'get' ? 'getter' : 'setter') : 'method', { thisObject: self }) }
      : expr(cx, p.value);
    props.push({ key, value, pos: p.start });
  }
  cx.nameHint = saved;
  return self;
}

function assignment(cx: Ctx, n: AstNode): Expr {
  const left: AstNode = n.left;
  let target: Expr | null = null;
  if (left.type === 'MemberExpression') {
    const obj = expr(cx, left.object);
    if (left.computed) expr(cx, left.property);
    if (!left.computed) target = { k: 'member', obj, prop: left.property.name };
  }
  const saved = cx.nameHint;
  cx.nameHint = left.type === 'Identifier' ? left.name : left.type === 'MemberExpression' && !left.computed ? left.property.name : null;
  let value: Expr;
  if (n.operator === '||=' || n.operator === '&&=' || n.operator === '??=') {
    // `a ||= b()` evaluates b() only on some paths, like `a || b()`.
    const current = expr(cx, left);
    const { t, f } = cx.fork(current, n.start);
    cx.fb.cur = n.operator === '&&=' ? t : f;
    const right = expr(cx, n.right);
    cx.fb.cur = cx.join(n.end, cx.fb.cur, n.operator === '&&=' ? f : t);
    value = { k: 'any', of: [current, right] };
  } else {
    // `bookingSchema.statics.createPending = function () { return this.create(...) }`: called on
    // what it was assigned onto, its `this` is that object.
    const owner = target?.k === 'member' && n.operator === '=' && n.right.type === 'FunctionExpression' ? target.obj : null;
    value = owner
      ? { k: 'fn', fn: declareFunction(cx, n.right, n.right.id?.name ?? cx.nameHint ?? 'anonymous', 'function', { thisObject: owner }) }
      : expr(cx, n.right);
    if (target?.k === 'member' && target.prop !== null) fieldWrite(cx, target.obj, target.prop, value, n.operator, n.start);
    if (n.operator === '+=') value = { k: 'tpl', parts: [expr(cx, left), value], text: '${}${}' };
    else if (n.operator !== '=') value = UNKNOWN;
  }
  cx.nameHint = saved;
  if (value !== UNKNOWN) bindPattern(cx, left, value, null);
  // `client.paymentIntents.create = async (...) => ...`: a function patched onto another object.
  if (target && value.k === 'fn' && !cx.copying) cx.ir.memberAssignments.push({ target, fn: value.fn });
  return value;
}

const MAX_FIELD_WRITES = 4000;

/** `booking.status = 'CANCELLED'`: kept so a later `booking.save()` knows what it writes. */
function fieldWrite(cx: Ctx, obj: Expr, prop: string, value: Expr, op: string, pos: number): void {
  if (cx.copying || value.k === 'fn') return;
  const list = (cx.ir.fieldWrites ??= []);
  if (list.length < MAX_FIELD_WRITES) list.push({ obj, prop, value, op, pos, fn: cx.fb.id });
}

function logical(cx: Ctx, n: AstNode): Expr {
  const left = expr(cx, n.left);
  const { t, f } = cx.fork(left, n.start);
  // `a && b` evaluates b when a is truthy; `a || b` and `a ?? b` when it is not.
  const evaluateRight = n.operator === '&&' ? t : f;
  const skip = n.operator === '&&' ? f : t;
  cx.fb.cur = evaluateRight;
  const right = expr(cx, n.right);
  cx.fb.cur = cx.join(n.end, cx.fb.cur, skip);
  return { k: 'any', of: [left, right] };
}

function conditional(cx: Ctx, n: AstNode): Expr {
  const { t, f } = condition(cx, n.test);
  cx.fb.cur = t;
  const a = expr(cx, n.consequent);
  const endT = cx.fb.cur;
  cx.fb.cur = f;
  const b = expr(cx, n.alternate);
  cx.fb.cur = cx.join(n.end, endT, cx.fb.cur);
  const test = namesIn(n.test, []);
  return test.length > 0 ? { k: 'any', of: [a, b], test } : { k: 'any', of: [a, b] };
}

/** Identifiers and property names a condition reads (`service.depositRequired` -> service, depositRequired): what it decides on. */
function namesIn(n: AstNode | null | undefined, out: string[], depth = 0): string[] {
  if (!n || typeof n !== 'object' || depth > 8 || out.length >= 8) return out;
  if (n.type === 'Identifier') out.push(n.name);
  else if (n.type === 'MemberExpression' || n.type === 'StaticMemberExpression') {
    namesIn(n.object, out, depth + 1);
    if (!n.computed && n.property?.type === 'Identifier') out.push(n.property.name);
  } else if (n.type === 'CallExpression') namesIn(n.callee, out, depth + 1);
  else for (const key of ['argument', 'left', 'right', 'expression']) namesIn(n[key], out, depth + 1);
  return out;
}

function binary(cx: Ctx, n: AstNode): Expr {
  if (n.operator !== '+') {
    expr(cx, n.left);
    expr(cx, n.right);
    return UNKNOWN;
  }
  // Left-nested `a + b + c + ...` chains are flattened without recursion: generated and
  // minified code has chains of tens of thousands of operands.
  const operands: AstNode[] = [];
  let cur: AstNode = n;
  while (cur.type === 'BinaryExpression' && cur.operator === '+') {
    operands.push(cur.right);
    cur = cur.left;
  }
  operands.push(cur);
  operands.reverse();
  if (operands.length > LONG_CHAIN) cx.longestChain = Math.max(cx.longestChain, operands.length);
  const parts: Expr[] = [];
  let text = '';
  for (const o of operands) {
    const v = expr(cx, o);
    if (v.k === 'lit' && typeof v.value === 'string') text += v.value;
    else if (v.k === 'tpl' && parts.length < 64) {
      parts.push(...v.parts);
      text += v.text;
    } else {
      if (parts.length < 64) parts.push(v);
      text += '${}';
    }
  }
  return { k: 'tpl', parts, text };
}

/**
 * Evaluates a test and splits the flow into the frontier where it held and where it did not,
 * short-circuiting `&&`, `||` and `!` so each branch passes through what it implies.
 */
export function condition(cx: Ctx, n: AstNode): { t: number | null; f: number | null } {
  while (n.type === 'ParenthesizedExpression' || n.type === 'TSNonNullExpression' || n.type === 'TSAsExpression') n = n.expression;
  if (n.type === 'UnaryExpression' && n.operator === '!') {
    const { t, f } = condition(cx, n.argument);
    return { t: f, f: t };
  }
  if (n.type === 'LogicalExpression' && (n.operator === '&&' || n.operator === '||')) {
    const a = condition(cx, n.left);
    const and = n.operator === '&&';
    cx.fb.cur = and ? a.t : a.f;
    const b = condition(cx, n.right);
    return and ? { t: b.t, f: cx.join(n.end, a.f, b.f) } : { t: cx.join(n.end, a.t, b.t), f: b.f };
  }
  // `rows.length > 0`, `rows.length < 1`: the same test as `rows.length !== 0` / `=== 0`.
  const emptiness = n.type === 'BinaryExpression' ? lengthTest(n) : null;
  if (emptiness) {
    const value = expr(cx, emptiness.length);
    const { t, f } = cx.fork({ k: 'unknown' }, n.start, { value, literal: 0 });
    return emptiness.empty ? { t, f } : { t: f, f: t };
  }
  // `total <= 0`, `amountDue > 0`: an amount is zero or positive, so these ask whether it is zero.
  // Only the branch that says "not zero" is a sure claim; a negative would also take the other one.
  const zero = n.type === 'BinaryExpression' ? zeroTest(n) : null;
  if (zero) {
    const value = expr(cx, zero.value);
    const { t, f } = cx.fork({ k: 'unknown' }, n.start, { value, literal: 0, relational: true });
    return zero.zero ? { t, f } : { t: f, f: t };
  }
  if (n.type === 'BinaryExpression' && /^[!=]==?$/.test(n.operator)) {
    const nullish = isNullish(n.right) ? n.left : isNullish(n.left) ? n.right : null;
    if (nullish) {
      // `x == null` holds where x is falsy: assume x's truthiness the other way round.
      const value = expr(cx, nullish);
      const { t, f } = cx.fork(value, n.start);
      return n.operator.startsWith('=') ? { t: f, f: t } : { t, f };
    }
    // `event.type === 'checkout.session.completed'`: the branches know what was compared with what.
    const literal = comparedLiteral(n.right) !== undefined ? n.right : comparedLiteral(n.left) !== undefined ? n.left : null;
    if (literal) {
      const value = expr(cx, literal === n.right ? n.left : n.right);
      expr(cx, literal);
      const equalOp = n.operator.startsWith('=');
      const { t, f } = cx.fork({ k: 'unknown' }, n.start, { value, literal: comparedLiteral(literal)! });
      return equalOp ? { t, f } : { t: f, f: t };
    }
    // `booking.status !== BookingStatus.PENDING`: a state compared with an enum member, named by it.
    const member = enumMember(n.right) !== undefined ? n.right : enumMember(n.left) !== undefined ? n.left : null;
    if (member) {
      const value = expr(cx, member === n.right ? n.left : n.right);
      expr(cx, member);
      const { t, f } = cx.fork({ k: 'unknown' }, n.start, { value, literal: enumMember(member)!, member: true });
      return n.operator.startsWith('=') ? { t, f } : { t: f, f: t };
    }
  }
  // `found.length !== ids.length`: the branches know which one found as many rows as it asked for.
  if (n.type === 'BinaryExpression' && /^[!=]==?$/.test(n.operator) && isRowCount(n.left) && isRowCount(n.right)) {
    const { t, f } = cx.fork(UNKNOWN, n.start, undefined, [expr(cx, n.left), expr(cx, n.right)]);
    const equal = n.operator.startsWith('=') ? t : f;
    if (equal !== null) cx.fb.ir.nodes[equal]!.countsEqual = true;
    return { t, f };
  }
  // `'error' in result`: whether a result union carries that key, taken as the field's truthiness
  // (a tag such as `{ error: 'not_found' } | { booking }` is set to a truthy value where it is there).
  if (n.type === 'BinaryExpression' && n.operator === 'in' && n.left.type === 'Literal' && typeof n.left.value === 'string') {
    return cx.fork({ k: 'member', obj: expr(cx, n.right), prop: n.left.value }, n.start);
  }
  // `hoursUntilVisit < 24` is no value to assume truthy or not; its operands name the branch.
  if (n.type === 'BinaryExpression' && /^[<>]=?$/.test(n.operator)) {
    const operands = [expr(cx, n.left), expr(cx, n.right)];
    return cx.fork(UNKNOWN, n.start, undefined, operands);
  }
  return cx.fork(expr(cx, n), n.start);
}

/** The same comparison with its operands swapped: `0 < x` is `x > 0`. */
const FLIPPED: Record<string, string> = { '<': '>', '>': '<', '<=': '>=', '>=': '<=' };

/** `rows.length`, pg's `result.rowCount`. */
function isRowCount(x: AstNode): boolean {
  return x.type === 'MemberExpression' && !x.computed && (x.property?.name === 'length' || x.property?.name === 'rowCount');
}

/**
 * A comparison of a `.length` (or pg's `.rowCount`) with a count whose one branch holds only when
 * rows were found (`> 0`, `>= 1`, `< 2`: the other way, at least two): which side is the length,
 * and whether that branch is the false one (`empty`: true may mean none).
 */
function lengthTest(n: AstNode): { length: AstNode; empty: boolean } | null {
  if (!/^[<>]=?$/.test(n.operator)) return null;
  const [length, op, k] = isRowCount(n.left) ? [n.left, n.operator, n.right] : isRowCount(n.right) ? [n.right, FLIPPED[n.operator]!, n.left] : [null, '', null];
  const count = k?.type === 'Literal' && Number.isInteger(k.value) ? (k.value as number) : -1;
  if (!length || count < 0) return null;
  if ((op === '>' && count >= 0) || (op === '>=' && count >= 1)) return { length, empty: false };
  if ((op === '<' && count >= 1) || (op === '<=' && count >= 0)) return { length, empty: true };
  return null;
}

/** `x <= 0` / `0 >= x` (`zero`: true is where it is zero) and `x > 0` / `0 < x` (true is where it is not). */
function zeroTest(n: AstNode): { value: AstNode; zero: boolean } | null {
  const isZero = (x: AstNode) => x.type === 'Literal' && x.value === 0;
  const [value, op] = isZero(n.right) ? [n.left, n.operator] : isZero(n.left) ? [n.right, FLIPPED[n.operator]] : [null, ''];
  if (!value || isZero(value)) return null;
  return op === '<=' ? { value, zero: true } : op === '>' ? { value, zero: false } : null;
}

function comparedLiteral(n: AstNode): string | number | boolean | undefined {
  if (n.type === 'Literal' && (typeof n.value === 'string' || typeof n.value === 'number' || typeof n.value === 'boolean')) return n.value;
  if (n.type === 'TemplateLiteral' && n.expressions.length === 0) return n.quasis[0]?.value.cooked ?? undefined;
  return undefined;
}

/**
 * The member's name when the node reads a member of an enum or a constant object
 * (`BookingStatus.PENDING`, `$Enums.Status.Confirmed`, `STATUS.PAID`): capitalized names on both
 * sides, never computed. Prisma enum values are their member names, and TypeScript enums and
 * constant maps name their members after the value they hold, so the name says the state.
 */
export function enumMember(n: AstNode): string | undefined {
  if (n.type !== 'MemberExpression' || n.computed || n.property?.type !== 'Identifier') return undefined;
  const prop: string = n.property.name;
  const owner = n.object?.type === 'Identifier' ? n.object.name : n.object?.type === 'MemberExpression' && !n.object.computed ? n.object.property?.name : undefined;
  const capitalized = (x: string | undefined) => x !== undefined && /^[A-Z]/.test(x);
  return capitalized(owner) && capitalized(prop) ? prop : undefined;
}

function isNullish(n: AstNode): boolean {
  return (n.type === 'Literal' && n.value === null) || (n.type === 'Identifier' && n.name === 'undefined');
}


/**
 * `{} as PrismaClient`, `new Proxy(...) as unknown as PrismaClient`: a lazily built client whose only
 * trace in the code is the type it is cast to, beside the value cast. Other casts keep only the value.
 */
function cast(cx: Ctx, n: AstNode): Expr {
  const value = expr(cx, n.expression);
  let inner = n.expression;
  while (inner.type === 'ParenthesizedExpression' || inner.type === 'TSAsExpression' || inner.type === 'TSTypeAssertion') inner = inner.expression;
  const stub = (inner.type === 'ObjectExpression' && inner.properties.length === 0) || (inner.type === 'NewExpression' && inner.callee?.type === 'Identifier' && inner.callee.name === 'Proxy');
  const type = stub ? typeAnnotation(cx, n.typeAnnotation) : null;
  return type ? { k: 'any', of: [value, { k: 'typed', type }] } : value;
}
