// Statements: scoping, control flow (branches, loops, switch, try/catch/finally, jumps) and
// module declarations. Each statement extends the current function's flow graph.
import type { Expr } from '../../model/ir.js';
import { declareClass } from './classes.js';
import { MAX_DEPTH, type AstNode, type Ctx } from './context.js';
import { condition, enumMember, expr } from './expressions.js';
import { bindPattern, declareFunction, markReturned, objectShape } from './functions.js';
import { exportDeclaration, importDeclaration } from './modules.js';

/** Declares the names a statement list introduces before any of it runs (hoisting, TDZ aside). */
export function hoistDeclarations(cx: Ctx, body: AstNode[]): void {
  for (const raw of body) {
    const s = unwrapExport(raw);
    if (!s) continue;
    if (s.type === 'VariableDeclaration') {
      for (const d of s.declarations as AstNode[]) declareNames(cx, d.id, s.kind === 'var' ? 'var' : s.kind === 'let' ? 'let' : 'const');
    } else if (s.type === 'FunctionDeclaration' && s.id) {
      cx.declare(s.id.name, 'function', s, s.start);
    } else if (s.type === 'ClassDeclaration' && s.id) {
      cx.declare(s.id.name, 'class', s, s.start);
    } else if (s.type === 'TSEnumDeclaration' && s.id) {
      cx.declare(s.id.name, 'const', s, s.start);
    } else if (s.type === 'ImportDeclaration') {
      importDeclaration(cx, s);
    }
  }
  hoistVars(cx, body);
  declareShapes(cx, body);
  // Function declarations are callable from anywhere in their scope: build them now.
  for (const raw of body) {
    const s = unwrapExport(raw);
    if (s?.type === 'FunctionDeclaration' && s.id) {
      const fn = declareFunction(cx, s, s.id.name, 'function');
      cx.addDef(cx.bindingOf.get(s)!, { k: 'fn', fn });
    }
  }
}

/**
 * Type aliases of object types and interfaces whose name no value of the scope takes: a parameter
 * of that type (`ctx: Ctx`) has the members they declare.
 */
function declareShapes(cx: Ctx, body: AstNode[]): void {
  for (const raw of body) {
    const s = unwrapExport(raw);
    if ((s?.type !== 'TSTypeAliasDeclaration' && s?.type !== 'TSInterfaceDeclaration') || !s.id?.name || cx.lookup(s.id.name).k === 'ref') continue;
    const shape = objectShape(cx, s);
    if (shape) cx.addDef(cx.declare(s.id.name, 'const', s, s.start), shape);
  }
}

function unwrapExport(s: AstNode): AstNode | null {
  if (s.type === 'ExportNamedDeclaration' || s.type === 'ExportDefaultDeclaration') return s.declaration ?? null;
  return s;
}

function declareNames(cx: Ctx, pattern: AstNode, kind: 'var' | 'let' | 'const'): void {
  // Declaration only; values are bound when the declarator runs.
  const names: AstNode[] = [];
  collectIdentifiers(pattern, names);
  for (const id of names) cx.declare(id.name, kind, id, id.start);
}

export function collectIdentifiers(p: AstNode | null, out: AstNode[]): void {
  if (!p) return;
  if (p.type === 'Identifier') out.push(p);
  else if (p.type === 'ObjectPattern') for (const q of p.properties) collectIdentifiers(q.type === 'RestElement' ? q.argument : q.value, out);
  else if (p.type === 'ArrayPattern') for (const q of p.elements) collectIdentifiers(q, out);
  else if (p.type === 'AssignmentPattern') collectIdentifiers(p.left, out);
  else if (p.type === 'RestElement') collectIdentifiers(p.argument, out);
}

/** `var` in nested blocks belongs to the function: declare it up front. */
function hoistVars(cx: Ctx, body: AstNode[]): void {
  const stack = [...body];
  while (stack.length > 0) {
    const s = stack.pop();
    if (!s || typeof s !== 'object') continue;
    switch (s.type) {
      case 'VariableDeclaration':
        if (s.kind === 'var') for (const d of s.declarations) declareNames(cx, d.id, 'var');
        break;
      case 'BlockStatement':
        stack.push(...s.body);
        break;
      case 'IfStatement':
        stack.push(s.consequent, s.alternate);
        break;
      case 'ForStatement':
      case 'ForInStatement':
      case 'ForOfStatement':
        stack.push(s.init ?? s.left, s.body);
        break;
      case 'WhileStatement':
      case 'DoWhileStatement':
      case 'LabeledStatement':
        stack.push(s.body);
        break;
      case 'TryStatement':
        stack.push(s.block, s.handler?.body, s.finalizer);
        break;
      case 'SwitchStatement':
        for (const c of s.cases) stack.push(...c.consequent);
        break;
    }
  }
}

export function statements(cx: Ctx, body: AstNode[]): void {
  for (const s of body) statement(cx, s);
}

export function statement(cx: Ctx, s: AstNode): void {
  if (cx.depth > MAX_DEPTH) {
    cx.tooDeep = true;
    return;
  }
  cx.depth++;
  try {
    statementInner(cx, s);
  } finally {
    cx.depth--;
  }
}

function statementInner(cx: Ctx, s: AstNode): void {
  switch (s.type) {
    case 'ExpressionStatement':
      expr(cx, s.expression);
      return;
    case 'VariableDeclaration':
      for (const d of s.declarations as AstNode[]) {
        const saved = cx.nameHint;
        cx.nameHint = d.id.type === 'Identifier' ? d.id.name : null;
        const value: Expr = d.init ? expr(cx, d.init) : { k: 'lit', value: null };
        cx.nameHint = saved;
        bindPattern(cx, d.id, value, s.kind === 'var' ? 'var' : s.kind === 'let' ? 'let' : 'const');
      }
      return;
    case 'FunctionDeclaration':
      if (!s.id) declareFunction(cx, s, 'default', 'function');
      return; // built when hoisted
    case 'ClassDeclaration': {
      const cls = declareClass(cx, s, s.id?.name ?? 'default');
      const b = s.id ? cx.bindingOf.get(s) : undefined;
      if (b !== undefined) cx.addDef(b, { k: 'class', cls });
      return;
    }
    case 'TSEnumDeclaration':
      enumDeclaration(cx, s);
      return;
    case 'ReturnStatement': {
      const value: Expr = s.argument ? expr(cx, s.argument) : { k: 'lit', value: null };
      if (s.argument) {
        markReturned(cx, value);
        if (!cx.copying) cx.fb.ir.returns.push(value);
      }
      cx.emit('return', s.start, { expr: value });
      jumpOut(cx, 0, 1);
      return;
    }
    case 'ThrowStatement': {
      expr(cx, s.argument);
      cx.emit('throw', s.start);
      throwOut(cx);
      return;
    }
    case 'IfStatement': {
      const { t, f } = condition(cx, s.test);
      cx.fb.cur = t;
      statement(cx, s.consequent);
      const endT = cx.fb.cur;
      cx.fb.cur = f;
      if (s.alternate) statement(cx, s.alternate);
      cx.fb.cur = cx.join(s.end, endT, cx.fb.cur);
      return;
    }
    case 'BlockStatement':
    case 'StaticBlock':
      block(cx, s.body);
      return;
    case 'TryStatement':
      tryStatement(cx, s);
      return;
    case 'SwitchStatement':
      switchStatement(cx, s, []);
      return;
    case 'WhileStatement':
    case 'DoWhileStatement':
    case 'ForStatement':
    case 'ForInStatement':
    case 'ForOfStatement':
      loop(cx, s, []);
      return;
    case 'LabeledStatement':
      labeled(cx, s);
      return;
    case 'BreakStatement':
    case 'ContinueStatement':
      jump(cx, s);
      return;
    case 'ImportDeclaration':
      return; // hoisted
    case 'ExportNamedDeclaration':
    case 'ExportDefaultDeclaration':
    case 'ExportAllDeclaration':
    case 'TSExportAssignment':
    case 'TSImportEqualsDeclaration':
      exportDeclaration(cx, s);
      return;
    case 'TSModuleDeclaration':
      if (s.body?.type === 'TSModuleBlock') block(cx, s.body.body);
      return;
    case 'TSInterfaceDeclaration':
    case 'TSTypeAliasDeclaration':
      if (!cx.copying && s.id?.name) cx.ir.typeNames.push(s.id.name);
      return;
    case 'WithStatement':
      expr(cx, s.object);
      statement(cx, s.body);
      return;
    default:
      return; // type declarations, empty and debugger statements
  }
}

function enumDeclaration(cx: Ctx, s: AstNode): void {
  const members = (s.body?.members ?? s.members ?? []) as AstNode[];
  const props = members.map((m) => ({
    key: m.id.type === 'Identifier' ? m.id.name : String(m.id.value),
    value: m.initializer ? expr(cx, m.initializer) : ({ k: 'lit', value: m.id.name ?? null } as Expr),
  }));
  const b = cx.bindingOf.get(s);
  if (b !== undefined) cx.addDef(b, { k: 'obj', props, pos: s.start });
}

export function block(cx: Ctx, body: AstNode[]): void {
  cx.pushScope(false);
  hoistDeclarations(cx, body);
  statements(cx, body);
  cx.popScope();
}

/** Leaves through every enclosing finally above `finallyDepth`, then links to `target`. */
function jumpOut(cx: Ctx, finallyDepth: number, target: number): void {
  const fb = cx.fb;
  const saved = fb.finallies;
  const savedHandlers = fb.handlers;
  for (let i = saved.length - 1; i >= finallyDepth && fb.cur !== null; i--) {
    const f = saved[i]!;
    fb.finallies = saved.slice(0, i);
    fb.handlers = savedHandlers.slice(0, f.handlerDepth);
    copyFinally(cx, f.body);
  }
  fb.finallies = saved;
  fb.handlers = savedHandlers;
  cx.link(fb.cur, target);
  fb.cur = null;
}

function throwOut(cx: Ctx): void {
  const fb = cx.fb;
  const handler = fb.handlers[fb.handlers.length - 1];
  cx.link(fb.cur, handler ?? 2);
  fb.cur = null;
}

/** Walks a finally block for one way out; only the first walk records bindings and sites' values. */
function copyFinally(cx: Ctx, body: AstNode): void {
  const first = !cx.walkedFinally.has(body);
  cx.walkedFinally.add(body);
  if (!first) cx.copying++;
  try {
    statement(cx, body);
  } finally {
    if (!first) cx.copying--;
  }
}

function tryStatement(cx: Ctx, s: AstNode): void {
  const fb = cx.fb;
  const finalizer: AstNode | null = s.finalizer ?? null;
  const excFinally = finalizer ? cx.node('join', finalizer.start) : null;
  if (finalizer) fb.finallies.push({ body: finalizer, handlerDepth: fb.handlers.length });
  const catchEntry = s.handler ? cx.node('join', s.handler.start) : null;

  if (excFinally !== null) fb.handlers.push(excFinally);
  if (catchEntry !== null) fb.handlers.push(catchEntry);
  statement(cx, s.block);
  if (catchEntry !== null) fb.handlers.pop();
  const endTry = fb.cur;

  let endCatch: number | null = null;
  if (catchEntry !== null) {
    const reached = isReached(cx, catchEntry);
    fb.cur = reached ? catchEntry : null;
    cx.pushScope(false);
    if (s.handler.param) bindPattern(cx, s.handler.param, { k: 'unknown' }, 'catch');
    hoistDeclarations(cx, s.handler.body.body);
    statements(cx, s.handler.body.body);
    cx.popScope();
    endCatch = fb.cur;
  }
  if (excFinally !== null) fb.handlers.pop();
  if (finalizer) fb.finallies.pop();

  fb.cur = cx.join(s.end, endTry, endCatch);
  if (!finalizer) return;
  // The finally block on normal completion.
  copyFinally(cx, finalizer);
  const endNormal = fb.cur;
  // A copy for the exceptional path, which then keeps propagating.
  if (excFinally !== null && isReached(cx, excFinally)) {
    fb.cur = excFinally;
    copyFinally(cx, finalizer);
    throwOut(cx);
  }
  fb.cur = endNormal;
}

function isReached(cx: Ctx, node: number): boolean {
  return cx.fb.reached.has(node);
}

function pushTarget(cx: Ctx, labels: string[], continueTo: number | null, isLoopOrSwitch: boolean) {
  const target = { labels, breakTo: [] as number[], continueTo, finallyDepth: cx.fb.finallies.length, isLoopOrSwitch };
  cx.fb.targets.push(target);
  return target;
}

function loop(cx: Ctx, s: AstNode, labels: string[]): void {
  const fb = cx.fb;
  cx.pushScope(false);
  if (s.type === 'ForStatement' && s.init) {
    if (s.init.type === 'VariableDeclaration') {
      hoistDeclarations(cx, [s.init]);
      statement(cx, s.init);
    } else expr(cx, s.init);
  }
  let iterated: Expr = { k: 'unknown' };
  let list: Expr = { k: 'unknown' };
  if (s.type === 'ForInStatement' || s.type === 'ForOfStatement') {
    list = expr(cx, s.right);
    iterated = { k: 'index', obj: list, at: 0 };
  }
  const head = cx.node('join', s.start);
  if (s.type === 'DoWhileStatement') {
    cx.link(fb.cur, head);
    fb.cur = head;
    const target = pushTarget(cx, labels, null, true);
    const cont = cx.node('join', s.test.start);
    target.continueTo = cont;
    statement(cx, s.body);
    cx.link(fb.cur, cont);
    fb.cur = cont;
    const { t, f } = condition(cx, s.test);
    cx.link(t, head);
    fb.targets.pop();
    fb.cur = cx.join(s.end, f, ...target.breakTo);
    cx.popScope();
    return;
  }
  // `for (const x of xs)` is `if (xs.length !== 0) do { ... } while (more)`: its first test asks
  // whether the list has items, so a loop over a list found non-empty before runs its body at
  // least once (flow-facts drops the contradicting branch), and the writes in it are done after it.
  let none: number | null = null;
  // `for (let i = 0; i < xs.length; i++)` asks the same first question: its body is entered at
  // once on the branch where the list has items, and the test at the head decides the later rounds.
  let firstRound: number | null = null;
  const indexed = s.type === 'ForStatement' ? indexLoopList(s) : null;
  if (s.type === 'ForOfStatement') {
    const first = cx.fork({ k: 'unknown' }, s.start, { value: { k: 'member', obj: list, prop: 'length' }, literal: 0 });
    none = first.t;
    cx.link(first.f, head);
  } else if (indexed) {
    const first = cx.fork({ k: 'unknown' }, s.start, { value: expr(cx, indexed), literal: 0 });
    none = first.t;
    firstRound = first.f;
  } else cx.link(fb.cur, head);
  fb.cur = head;
  let exit: number | null = null;
  if (s.type === 'ForInStatement' || s.type === 'ForOfStatement') {
    if (s.type === 'ForInStatement') {
      const { t, f } = cx.fork({ k: 'unknown' }, s.start);
      exit = f;
      fb.cur = t;
    }
    if (s.left.type === 'VariableDeclaration') {
      hoistDeclarations(cx, [s.left]);
      const kind = s.left.kind === 'var' ? 'var' : s.left.kind === 'let' ? 'let' : 'const';
      bindPattern(cx, s.left.declarations[0].id, iterated, kind);
    } else bindPattern(cx, s.left, iterated, null);
  } else if (s.test) {
    const { t, f } = condition(cx, s.test);
    exit = f;
    fb.cur = firstRound === null ? t : cx.join(s.body.start, t, firstRound);
  } // else for (;;)
  const cont = s.type === 'ForStatement' && s.update ? cx.node('join', s.update.start) : s.type === 'ForOfStatement' ? cx.node('join', s.body.end) : head;
  const target = pushTarget(cx, labels, cont, true);
  statement(cx, s.body);
  if (cont !== head) {
    cx.link(fb.cur, cont);
    fb.cur = isReached(cx, cont) ? cont : null;
    if (s.type === 'ForStatement') expr(cx, s.update);
    else {
      const more = cx.fork({ k: 'unknown' }, s.start);
      exit = more.f;
      fb.cur = more.t;
    }
  }
  cx.link(fb.cur, head);
  fb.targets.pop();
  fb.cur = cx.join(s.end, exit, none, ...target.breakTo);
  cx.popScope();
}

/**
 * The `xs.length` of `for (let i = 0; i < xs.length; i++)` (or `xs.length > i`), when `xs` is a name
 * or a chain of property reads, which reading again has no effect.
 */
function indexLoopList(s: AstNode): AstNode | null {
  const init = s.init?.type === 'VariableDeclaration' && s.init.declarations.length === 1 ? s.init.declarations[0] : null;
  const index = init?.id?.type === 'Identifier' && init.init?.type === 'Literal' && init.init.value === 0 ? (init.id.name as string) : null;
  const test = s.test;
  if (!index || test?.type !== 'BinaryExpression') return null;
  const isIndex = (x: AstNode) => x.type === 'Identifier' && x.name === index;
  const length = test.operator === '<' && isIndex(test.left) ? test.right : test.operator === '>' && isIndex(test.right) ? test.left : null;
  if (length?.type !== 'MemberExpression' || length.computed || length.property?.name !== 'length') return null;
  let list: AstNode = length.object;
  while (list.type === 'MemberExpression' && !list.computed) list = list.object;
  return list.type === 'Identifier' ? length : null;
}

function switchStatement(cx: Ctx, s: AstNode, labels: string[]): void {
  const fb = cx.fb;
  const value = expr(cx, s.discriminant);
  const target = pushTarget(cx, labels, null, true);
  cx.pushScope(false);
  for (const c of s.cases as AstNode[]) hoistDeclarations(cx, c.consequent);
  let testFrontier = fb.cur;
  let fallthrough: number | null = null;
  let defaultEntry: number | null = null;
  let defaultCase: AstNode | null = null;
  for (const c of s.cases as AstNode[]) {
    let entry: number | null;
    if (c.test) {
      fb.cur = testFrontier;
      const test = expr(cx, c.test);
      // `case 'checkout.session.completed':` records what the branch compared.
      const literal = test.k === 'lit' && test.value !== null ? test.value : undefined;
      const member = literal === undefined ? enumMember(c.test) : undefined;
      const compared = literal !== undefined ? { value, literal } : member !== undefined ? { value, literal: member, member: true as const } : undefined;
      const { t, f } = cx.fork({ k: 'unknown' }, c.start, compared);
      testFrontier = f;
      entry = cx.join(c.start, t, fallthrough);
    } else {
      // The default case is entered when no test matched; linked once all tests ran.
      defaultCase = c;
      defaultEntry = cx.node('join', c.start);
      cx.link(fallthrough, defaultEntry);
      entry = defaultEntry;
    }
    fb.cur = entry;
    statements(cx, c.consequent);
    fallthrough = fb.cur;
  }
  if (defaultCase && defaultEntry !== null) {
    cx.link(testFrontier, defaultEntry);
    testFrontier = null;
  }
  cx.popScope();
  fb.targets.pop();
  fb.cur = cx.join(s.end, fallthrough, testFrontier, ...target.breakTo);
}

function labeled(cx: Ctx, s: AstNode): void {
  const labels: string[] = [];
  let body: AstNode = s;
  while (body.type === 'LabeledStatement') {
    labels.push(body.label.name);
    body = body.body;
  }
  if (body.type === 'SwitchStatement') return switchStatement(cx, body, labels);
  if (/^(While|DoWhile|For|ForIn|ForOf)Statement$/.test(body.type)) return loop(cx, body, labels);
  const target = pushTarget(cx, labels, null, false);
  statement(cx, body);
  cx.fb.targets.pop();
  cx.fb.cur = cx.join(s.end, cx.fb.cur, ...target.breakTo);
}

function jump(cx: Ctx, s: AstNode): void {
  const fb = cx.fb;
  const label: string | undefined = s.label?.name;
  const isBreak = s.type === 'BreakStatement';
  for (let i = fb.targets.length - 1; i >= 0; i--) {
    const t = fb.targets[i]!;
    const matches = label ? t.labels.includes(label) : t.isLoopOrSwitch && (isBreak || t.continueTo !== null);
    if (!matches) continue;
    if (isBreak) {
      const j = cx.node('join', s.start);
      t.breakTo.push(j);
      jumpOut(cx, t.finallyDepth, j);
    } else if (t.continueTo !== null) {
      jumpOut(cx, t.finallyDepth, t.continueTo);
    }
    return;
  }
  fb.cur = null;
}
