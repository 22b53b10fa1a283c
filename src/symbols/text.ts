// Static text of string-valued expressions (URLs, SQL, route paths), following local constants;
// unknown parts become `${}`.
import type { Expr, FileIR } from '../model/ir.js';

/** Where an imported name or a namespace member was defined: another file's expression. */
export type Follow = (ir: FileIR, e: Expr) => { ir: FileIR; expr: Expr } | null;

/**
 * The text of a variable given several: only URLs that differ in their host alone (a live or a
 * sandbox gateway chosen in an if/else, as a ternary would), which name one endpoint.
 */
function oneEndpoint(texts: (string | null)[]): string | null {
  const path = (t: string | null) => (t && /^https?:\/\/[^/]+\//.test(t) ? t.replace(/^https?:\/\/[^/]+/, '') : null);
  const first = path(texts[0] ?? null);
  return first !== null && texts.every((t) => path(t) === first) ? texts[0]! : null;
}

export function staticText(ir: FileIR, e: Expr | undefined, depth = 0, follow?: Follow): string | null {
  if (!e || depth > 8) return null;
  const again = (x: Expr | undefined, at: FileIR = ir) => staticText(at, x, depth + 1, follow);
  switch (e.k) {
    case 'lit':
      return typeof e.value === 'string' ? e.value : null;
    case 'tpl': {
      // Substitute known parts into the template's placeholders.
      const pieces = e.text.split('${}');
      let out = pieces[0] ?? '';
      for (let i = 1; i < pieces.length; i++) out += (again(e.parts[i - 1]) ?? '${}') + pieces[i];
      return out;
    }
    case 'ref': {
      const b = ir.bindings[e.b];
      // A parameter's text is known only to a caller (an HTTP helper's `url`, see recognize/rest.ts).
      if ((b?.kind === 'import' || b?.kind === 'param') && follow) {
        const def = follow(ir, e);
        return def ? again(def.expr, def.ir) : null;
      }
      if (!b || b.kind === 'param') return null;
      // `let url;` declares it without a text: a request is never sent to that.
      return b.defs.length === 1 ? again(b.defs[0]) : oneEndpoint(b.defs.filter((d) => !(d.k === 'lit' && d.value === null)).map((d) => again(d)));
    }
    case 'member': {
      const def = follow?.(ir, e);
      return def ? again(def.expr, def.ir) : null;
    }
    case 'call': {
      // `new URL('/v1/x', base)` and `String(x)` keep their text.
      const site = ir.sites[e.site];
      if (site?.callee.k === 'global' && (site.callee.name === 'URL' || site.callee.name === 'String')) {
        const path = again(site.args[0]);
        const base = site.args[1] ? again(site.args[1]) ?? '${}' : '';
        return path === null ? null : /^https?:/.test(path) ? path : base + path;
      }
      return site ? builtText(ir, site.callee, site.args, depth, follow) : null;
    }
    case 'any':
      for (const x of e.of) {
        const t = again(x);
        if (t !== null) return t;
      }
      return null;
    default:
      return null;
  }
}

/**
 * `ROUTES.BOOKINGS.REPAY(':id')` with `REPAY: (id) => `/${id}/repay``: the text a one-line helper
 * builds, its parameters bound to the caller's arguments.
 */
function builtText(ir: FileIR, callee: Expr, args: Expr[], depth: number, follow?: Follow): string | null {
  const local = callee.k === 'ref' && ir.bindings[callee.b]?.kind === 'const' ? ir.bindings[callee.b]!.defs : [];
  const def = local.length === 1 ? { ir, expr: local[0]! } : follow?.(ir, callee);
  if (def?.expr.k !== 'fn') return null;
  const at = def.ir;
  const f = at.functions[def.expr.fn];
  if (!f || f.returns.length !== 1) return null;
  const bound: Follow = (x, e) => {
    const i = x === at && e.k === 'ref' ? f.params.indexOf(e.b) : -1;
    if (i >= 0) return args[i] ? { ir, expr: args[i]! } : null;
    return follow?.(x, e) ?? null;
  };
  return staticText(at, f.returns[0], depth + 1, bound);
}

/** Names an expression carries: a literal's text, a variable's or property's name. */
export function exprNames(ir: FileIR, e: Expr | undefined): string[] {
  if (!e) return [];
  switch (e.k) {
    case 'lit':
      return typeof e.value === 'string' ? [e.value] : [];
    case 'ref':
      return [ir.bindings[e.b]?.name ?? ''].filter(Boolean);
    case 'member':
      return e.prop ? [e.prop === 'name' ? exprNames(ir, e.obj)[0] ?? e.prop : e.prop] : [];
    case 'global':
      return [e.name];
    case 'await':
      return exprNames(ir, e.of);
    default:
      return [];
  }
}

/** The name a callee is written with: `pgTable` in `pgTable(...)` or `t.pgTable(...)`, an import's exported name. */
export function lastName(ir: FileIR, e: Expr): string | null {
  if (e.k === 'member') return e.prop;
  if (e.k === 'global') return e.name;
  if (e.k === 'ref') {
    const imported = ir.imports.find((i) => i.binding === e.b)?.imported;
    return imported && imported !== 'default' && imported !== '*' ? imported : ir.bindings[e.b]?.name ?? null;
  }
  return null;
}
