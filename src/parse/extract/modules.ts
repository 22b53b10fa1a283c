// ESM imports and exports, TypeScript `import x = require()` / `export =`, recorded as bindings
// and export entries; CommonJS `module.exports` assignments are recorded by the assignment walker.
import type { Expr } from '../../model/ir.js';
import type { AstNode, Ctx } from './context.js';
import { expr } from './expressions.js';
import { declareFunction } from './functions.js';
import { collectIdentifiers, statement } from './statements.js';
import { declareClass } from './classes.js';

export function importDeclaration(cx: Ctx, s: AstNode): void {
  const specifier: string = s.source.value;
  const typeOnly = s.importKind === 'type';
  for (const spec of (s.specifiers ?? []) as AstNode[]) {
    const imported =
      spec.type === 'ImportDefaultSpecifier' ? 'default'
      : spec.type === 'ImportNamespaceSpecifier' ? '*'
      : spec.imported.type === 'Identifier' ? spec.imported.name : String(spec.imported.value);
    const binding = cx.declare(spec.local.name, 'import', spec, spec.start);
    if (!cx.copying && !cx.imported.has(binding)) {
      cx.imported.add(binding);
      cx.ir.imports.push({ binding, specifier, imported, typeOnly: typeOnly || spec.importKind === 'type' });
    }
  }
  if ((s.specifiers ?? []).length === 0 && !cx.imported.has(specifier)) {
    cx.imported.add(specifier);
    // Side-effect import: kept so the module graph and package use are still known.
    cx.ir.imports.push({ binding: -1, specifier, imported: '*', typeOnly });
  }
}

export function exportDeclaration(cx: Ctx, s: AstNode): void {
  const exports = cx.ir.exports;
  switch (s.type) {
    case 'ExportNamedDeclaration': {
      const d: AstNode | null = s.declaration;
      if (d) {
        statement(cx, d);
        for (const name of declaredNames(d)) exports.push({ kind: 'local', name, value: cx.lookup(name), pos: d.start });
        // `export type Ctx = { em: EntityManager }`: the members it declares (statements.ts `declareShapes`).
        const shape = isTypeDeclaration(d) ? cx.lookup(d.id.name) : null;
        if (shape?.k === 'ref' && cx.bindingOf.get(d) === shape.b) exports.push({ kind: 'local', name: d.id.name, value: shape, pos: d.start });
        return;
      }
      for (const spec of (s.specifiers ?? []) as AstNode[]) {
        const local = nameOf(spec.local);
        const name = nameOf(spec.exported);
        if (s.source) exports.push({ kind: 'from', name, specifier: s.source.value, imported: local });
        else exports.push({ kind: 'local', name, value: cx.lookup(local), pos: spec.start });
      }
      return;
    }
    case 'ExportDefaultDeclaration': {
      const d: AstNode = s.declaration;
      let value: Expr;
      if (d.type === 'FunctionDeclaration' || d.type === 'FunctionExpression' || d.type === 'ArrowFunctionExpression') {
        value = { k: 'fn', fn: declareFunction(cx, d, d.id?.name ?? 'default', d.type === 'ArrowFunctionExpression' ? 'arrow' : 'function') };
      } else if (d.type === 'ClassDeclaration') {
        statement(cx, d);
        value = { k: 'class', cls: declareClass(cx, d, d.id?.name ?? 'default') };
      } else {
        const saved = cx.nameHint;
        cx.nameHint = 'default';
        value = expr(cx, d);
        cx.nameHint = saved;
      }
      exports.push({ kind: 'local', name: 'default', value, pos: d.start });
      return;
    }
    case 'ExportAllDeclaration':
      if (s.exported) exports.push({ kind: 'from', name: nameOf(s.exported), specifier: s.source.value, imported: '*' });
      else exports.push({ kind: 'star', specifier: s.source.value });
      return;
    case 'TSExportAssignment':
      exports.push({ kind: 'local', name: 'module.exports', value: expr(cx, s.expression), pos: s.start });
      return;
    case 'TSImportEqualsDeclaration': {
      const ref: AstNode = s.moduleReference;
      const value: Expr =
        ref.type === 'TSExternalModuleReference' ? { k: 'require', specifier: ref.expression.value } : qualified(cx, ref);
      const b = cx.declare(s.id.name, 'const', s, s.start);
      cx.addDef(b, value);
      return;
    }
  }
}

function qualified(cx: Ctx, n: AstNode): Expr {
  if (n.type === 'Identifier') return cx.lookup(n.name);
  if (n.type === 'TSQualifiedName') return { k: 'member', obj: qualified(cx, n.left), prop: n.right.name };
  return { k: 'unknown' };
}

function nameOf(n: AstNode): string {
  return n.type === 'Identifier' ? n.name : String(n.value);
}

function declaredNames(d: AstNode): string[] {
  if (d.type === 'VariableDeclaration') {
    // `export const { Invoice } = xendit` exports every name the pattern declares.
    const ids: AstNode[] = [];
    for (const decl of d.declarations as AstNode[]) collectIdentifiers(decl.id, ids);
    return ids.map((id) => id.name);
  }
  return d.id?.name && !isTypeDeclaration(d) ? [d.id.name] : [];
}

function isTypeDeclaration(d: AstNode): boolean {
  return d.type === 'TSInterfaceDeclaration' || d.type === 'TSTypeAliasDeclaration';
}
