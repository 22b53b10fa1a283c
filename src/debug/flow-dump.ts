// Text dumps of a function's flow graph and of symbolic values: used by `--debug-flow` and by the
// flow fixtures, whose expected dump sits beside them.
import type { Expr, FileIR, FunctionIR } from '../model/ir.js';
import { lineOf } from '../parse/source-guards.js';

export function describeExpr(ir: FileIR, e: Expr | undefined, depth = 0): string {
  if (!e) return '?';
  if (depth > 6) return '…';
  const d = (x: Expr) => describeExpr(ir, x, depth + 1);
  switch (e.k) {
    case 'ref':
      return ir.bindings[e.b]?.name ?? `#${e.b}`;
    case 'global':
      return e.name;
    case 'this':
      return 'this';
    case 'super':
      return 'super';
    case 'member':
      return `${d(e.obj)}.${e.prop ?? '[?]'}`;
    case 'index':
      return `${d(e.obj)}[${e.at}]`;
    case 'call': {
      const site = ir.sites[e.site];
      return site ? `${site.isNew ? 'new ' : ''}${d(site.callee)}()` : 'call?';
    }
    case 'await':
      return `await ${d(e.of)}`;
    case 'lit':
      return JSON.stringify(e.value);
    case 'tpl':
      return '`' + e.text + '`';
    case 'obj':
      return `{${e.props.map((p) => p.key).join(',')}}`;
    case 'arr':
      return `[${e.items.length}]`;
    case 'fn':
      return `fn ${ir.functions[e.fn]?.name}`;
    case 'class':
      return `class ${ir.classes[e.cls]?.name}`;
    case 'typed':
      return `: ${d(e.type.name)}`;
    case 'param':
      return `param${e.index}`;
    case 'any':
      return e.of.map(d).join(' | ');
    case 'require':
      return `require(${e.specifier})`;
    case 'unknown':
      return '?';
  }
}

/** One line per node: `id kind[detail] -> successors (exc: handlers)`, line numbers 1-based. */
export function dumpFlow(ir: FileIR, fn: FunctionIR): string {
  const lines = [`function ${fn.name}`];
  fn.nodes.forEach((n, id) => {
    let detail = '';
    if (n.kind === 'call' && n.site !== undefined) detail = ` ${describeExpr(ir, { k: 'call', site: n.site })}`;
    else if (n.kind === 'assume' && n.compare) detail = ` ${describeExpr(ir, n.compare.value)} ${n.compare.equal ? '==' : '!='} ${n.compare.member ? `.${n.compare.literal}` : JSON.stringify(n.compare.literal)}`;
    else if (n.kind === 'assume') detail = ` ${n.truthy ? '' : '!'}${describeExpr(ir, n.expr)}`;
    else if (n.kind === 'await' || n.kind === 'return') detail = n.expr ? ` ${describeExpr(ir, n.expr)}` : '';
    const exc = n.exc.length > 0 ? ` exc ${n.exc.join(',')}` : '';
    lines.push(`  ${id} ${n.kind}${detail} @${lineOf(ir.lineStarts, n.pos)} -> ${n.next.join(',') || '.'}${exc}`);
  });
  return lines.join('\n');
}
