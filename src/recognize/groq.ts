// GROQ, Sanity's query language (https://www.sanity.io/docs/groq): `*[_type == "booking" && _id == $id][0]{...}`.
// A query reads the documents its leading filter selects; their type is named there. Read as text, never run.
import type { Expr } from '../model/ir.js';
import type { Evaluator } from '../symbols/evaluate.js';
import { staticText } from '../symbols/text.js';

export interface GroqQuery {
  /** Document types the leading filter selects. */
  types: string[];
  /** The query takes one document (`[0]`): null when none matches, not an empty list. */
  single: boolean;
}

const TYPE_EQ = /\b_type\s*==\s*["']([\w.-]+)["']|["']([\w.-]+)["']\s*==\s*_type\b/g;
const TYPE_IN = /\b_type\s+in\s*\[([^\]]*)\]/g;
/** Pipes after the filter that keep one document a document: `| order(date desc)`. */
const SINGLE_AFTER = /^\s*(?:\|\s*order\([^)]*\)\s*)*\[\s*0\s*\]/;

/** A query whose result is documents (`*[...]`, optionally sliced and projected); null for others (`count(...)`, objects). */
export function groqQuery(text: string): GroqQuery | null {
  const start = /^\s*\*\s*\[/.exec(text);
  if (!start) return null;
  const open = start[0].length - 1;
  const close = matchingBracket(text, open);
  if (close < 0) return null;
  const filter = text.slice(open + 1, close);
  const types: string[] = [];
  for (const m of filter.matchAll(TYPE_EQ)) types.push(m[1] ?? m[2]!);
  for (const m of filter.matchAll(TYPE_IN)) for (const t of m[1]!.matchAll(/["']([\w.-]+)["']/g)) types.push(t[1]!);
  return { types: [...new Set(types)], single: SINGLE_AFTER.test(text.slice(close + 1)) };
}

function matchingBracket(text: string, open: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  return -1;
}

/** The text of a query argument: a literal, a `groq` tagged template, or a constant holding one, in this file or another. */
export function queryText(ev: Evaluator, file: string, e: Expr | undefined, depth = 0): string | null {
  const ir = ev.ir(file);
  if (!e || !ir || depth > 4) return null;
  const tagged = e.k === 'call' ? ir.sites[e.site]?.tagged : null;
  if (tagged) return tagged;
  const text = staticText(ir, e, 0, ev.follow);
  if (text !== null || (e.k !== 'ref' && e.k !== 'member')) return text;
  for (const d of ev.definitions(file, e)) {
    const found = d.expr === e ? null : queryText(ev, d.file, d.expr, depth + 1);
    if (found !== null) return found;
  }
  return null;
}
