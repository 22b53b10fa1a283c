// SQL as the analysis reads it from a driver call: the statement the call runs, the expressions bound
// to its placeholders, and the columns its statements set and filter on, each value with the
// parameter it takes. Regular expressions over the text, not a SQL parser: enough for the INSERT,
// UPDATE, DELETE and keyed SELECT statements booking code runs.
import type { CallSite, Expr, FileIR } from '../model/ir.js';
import { sqlText, taggedArg } from '../recognize/facts.js';
import { staticText } from '../symbols/text.js';
import { hasSteps } from '../model/values.js';
import type { Program } from './program.js';

/** A column and the text of the value a statement gives it or compares it with. */
export interface SqlValue {
  column: string;
  value: string;
  /** The bound parameter the value is, when it is a placeholder: `$2` is 1, `?` and `${}` count in order. */
  param: number | null;
  /** An IN list of more than one value: each of them (`value` is the first). */
  list?: string[];
}

export interface ParsedStatement {
  op: 'insert' | 'update' | 'delete';
  table: string;
  sets: SqlValue[];
  filter: SqlValue[];
  /** An UPDATE or DELETE without WHERE. */
  everyRow: boolean;
}

/** A statement with its columns and values as `[column, value]` pairs. */
export type SqlStatement = Omit<ParsedStatement, 'sets' | 'filter'> & { sets: [string, string][]; filter: [string, string][] };

/** The statement a driver call runs: its own text or the text a prepared statement was made from. */
export function statementOf(program: Program, ir: FileIR, site: CallSite): string {
  const own = sqlText(ir, site);
  if (own) return own;
  for (const v of program.ev.values(ir.file, site.callee)) {
    // A parameter's steps too: `env.DB.prepare(sql).run()` on a platform binding (recognize/bindings.ts).
    if (!hasSteps(v)) continue;
    for (const step of [...v.steps].reverse()) {
      const at = step.file ? program.files.get(step.file) : undefined;
      const s = step.site !== undefined ? at?.sites[step.site] : undefined;
      const text = s && at ? sqlText(at, s) : '';
      if (text) return text;
    }
  }
  return '';
}

/** The expressions a call binds to its statement's placeholders, in order (`$n`, `?` and `${}` alike), when it passes them itself. */
export function boundParams(ir: FileIR, site: CallSite): Expr[] | null {
  if (site.tagged !== null) return site.args;
  const inner = taggedArg(ir, site);
  if (inner) return inner.args;
  const second = site.args[1];
  if (second?.k === 'arr') return second.items;
  const first = site.args[0];
  const values = first?.k === 'obj' ? first.props.find((p) => p.key === 'values')?.value : undefined;
  if (values?.k === 'arr') return values.items;
  // `db.prepare(sql).bind(a, b).run()` (D1, sql.js): the values were bound by the call before.
  const c = site.callee;
  const before = site.args.length === 0 && c.k === 'member' && c.obj.k === 'call' ? ir.sites[c.obj.site] : undefined;
  return before?.callee.k === 'member' && before.callee.prop === 'bind' ? before.args : null;
}

/** The body of the migrations' SQL function a call names (`rpc('create_booking')`), with the bodies of the functions it calls. */
export function sqlFunctionBody(program: Program, ir: FileIR, site: CallSite): string | null {
  const name = staticText(ir, site.args[0]);
  if (!name) return null;
  const lower = name.toLowerCase().replace(/^\w+\./, '');
  const root = program.project.sqlFunctions.find((f) => f.name.toLowerCase() === lower);
  if (!root) return null;
  // `perform release_slot(...)`: what the called function writes is part of the call.
  const bodies = [root.body ?? ''];
  for (const called of root.calls) {
    const f = program.project.sqlFunctions.find((x) => x.name.toLowerCase() === called);
    if (f && f !== root) bodies.push(f.body ?? '');
  }
  return bodies.join(';\n');
}

const TABLE = String.raw`(?:[\x60"[]?\w+[\x60"\]]?\.)?[\x60"[]?(\w+)[\x60"\]]?`;
const INSERT = new RegExp(String.raw`^(?:with\b[\s\S]*?\)\s*)?insert\s+into\s+${TABLE}\s*\(([^)]*)\)\s*values\s*\(([\s\S]*?)\)\s*(?:on\s+conflict|on\s+duplicate\s+key|returning|$)`, 'id');
const UPDATE = new RegExp(String.raw`^(?:with\b[\s\S]*?\)\s*)?update\s+(?:only\s+)?${TABLE}(?:\s+(?:as\s+)?\w+)?\s+set\s+([\s\S]*?)(?:\s+from\s+[\s\S]*?)?(?:\s+where\s+([\s\S]*?))?(?:\s+returning\b[\s\S]*)?$`, 'id');
const DELETE = new RegExp(String.raw`^(?:with\b[\s\S]*?\)\s*)?delete\s+from\s+${TABLE}(?:\s+(?:as\s+)?\w+)?(?:\s+where\s+([\s\S]*?))?(?:\s+returning\b[\s\S]*)?$`, 'id');

/** INSERT / UPDATE / DELETE statements of a SQL text (one per statement). */
export function sqlStatements(sql: string): SqlStatement[] {
  const pairs = (values: SqlValue[]) => values.map(({ column, value }): [string, string] => [column, value]);
  return parsedStatements(sql).map((s) => ({ ...s, sets: pairs(s.sets), filter: pairs(s.filter) }));
}

/** The same statements, each value with the parameter it takes. */
export function parsedStatements(sql: string): ParsedStatement[] {
  const text = withoutComments(sql);
  const params = placeholderParams(text);
  const out: ParsedStatement[] = [];
  for (const [s, at] of statements(text)) {
    const start = (m: RegExpExecArray, group: number) => at + m.indices![group]![0];
    let m = INSERT.exec(s);
    if (m) {
      const cols = splitTop(m[2]!, 0).map(([c]) => unquoteIdent(c));
      const vals = splitTop(m[3]!, start(m, 3));
      const sets = cols.map((column, i): SqlValue => {
        const [value, offset] = vals[i] ?? ['', -1];
        return { column, value, param: paramOf(value, offset, params) };
      });
      out.push({ op: 'insert', table: m[1]!, sets, filter: [], everyRow: false });
      continue;
    }
    m = UPDATE.exec(s);
    if (m) {
      const where = m[3] === undefined ? [] : conditions(m[3], start(m, 3), params);
      out.push({ op: 'update', table: m[1]!, sets: assignments(m[2]!, start(m, 2), params), filter: where, everyRow: m[3] === undefined });
      continue;
    }
    m = DELETE.exec(s);
    if (m) out.push({ op: 'delete', table: m[1]!, sets: [], filter: m[2] === undefined ? [] : conditions(m[2], start(m, 2), params), everyRow: m[2] === undefined });
  }
  return out;
}

/**
 * The `column = placeholder` comparisons after a SELECT's or an UPDATE's WHERE: the key it finds
 * records by (an UPDATE whose changed rows are counted finds its booking as a read does).
 */
export function lookupKeys(sql: string): SqlValue[] {
  const text = withoutComments(sql);
  const where = /\bwhere\b/i.exec(text);
  if (!where || !/^\s*(?:select|update)\b/i.test(text)) return [];
  const params = placeholderParams(text);
  return [...text.slice(where.index).matchAll(/(?:[\w"`]+\.)?([\w"`]+)\s*=\s*(\$\d+|\?|\$\{\})/g)].map((m) => {
    const at = where.index + m.index + m[0].length - m[2]!.length;
    return { column: unquoteIdent(m[1]!), value: m[2]!, param: paramOf(m[2]!, at, params) };
  });
}

/** The conditions after a SELECT's WHERE (up to GROUP BY, ORDER BY, LIMIT, FOR UPDATE...): which rows it reads. */
export function selectFilter(sql: string): SqlValue[] {
  const text = withoutComments(sql).trim();
  const where = /\bwhere\b/i.exec(text);
  if (!where || !/^select\b/i.test(text)) return [];
  const from = where.index + where[0].length;
  const end = /\b(?:group\s+by|order\s+by|limit|offset|for\s+(?:update|share|no\s+key)|union|returning)\b|;/i.exec(text.slice(from));
  return conditions(text.slice(from, end ? from + end.index : text.length), from, placeholderParams(text));
}

/** Comments removed, quoted text kept as it is. */
function withoutComments(sql: string): string {
  return sql.replace(/('(?:[^']|'')*')|--[^\n]*|\/\*[\s\S]*?\*\//g, (_, quoted: string | undefined) => quoted ?? '');
}

/** The parameter each `?` and `${}` placeholder takes, by its offset: each kind counts in order, `?` outside quotes only. */
function placeholderParams(text: string): Map<number, number> {
  const out = new Map<number, number>();
  let quoted = false;
  let question = 0;
  let slot = 0;
  for (let i = 0; i < text.length; i++) {
    // A template's interpolation is an argument wherever it stands, quotes or not.
    if (text.startsWith('${}', i)) out.set(i, slot++);
    else if (text[i] === "'") quoted = !quoted;
    else if (text[i] === '?' && !quoted) out.set(i, question++);
  }
  return out;
}

function paramOf(value: string, at: number, params: Map<number, number>): number | null {
  if (/^\$\d+$/.test(value)) return Number(value.slice(1)) - 1;
  return value === '?' || value === '${}' ? params.get(at) ?? null : null;
}

/**
 * What opens a PL/pgSQL block or branch before its first statement (`begin update ...`, `if found
 * then delete ...`, `else insert ...`): split on semicolons, that statement starts with it.
 */
const PLPGSQL_BLOCK_START = /^(?:(?:begin(?:\s+atomic)?|else|loop|(?:if|elsif)\b[\s\S]*?\bthen|end\s+(?:if|loop))\s+)+/i;

/** The statements of a text, split at semicolons outside quotes, trimmed, each with its offset. */
function statements(text: string): [string, number][] {
  const out: [string, number][] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (text[i] === "'") quoted = !quoted;
    else if (i === text.length || (text[i] === ';' && !quoted)) {
      const raw = text.slice(start, i);
      const trimmed = raw.trim();
      const opener = PLPGSQL_BLOCK_START.exec(trimmed)?.[0].length ?? 0;
      out.push([trimmed.slice(opener), start + raw.length - raw.trimStart().length + opener]);
      start = i + 1;
    }
  }
  return out;
}

function assignments(text: string, at: number, params: Map<number, number>): SqlValue[] {
  return splitTop(text, at).flatMap(([a, offset]) => {
    const m = /^\s*[`"[]?(\w+)[`"\]]?\s*=\s*([\s\S]*)$/d.exec(a);
    if (!m) return [];
    const value = m[2]!.trim();
    return [{ column: m[1]!, value, param: paramOf(value, offset + m.indices![2]![0], params) }];
  });
}

/** `a = 1 and b in (2, 3)`: each equality, an IN list by its first value. */
function conditions(text: string, at: number, params: Map<number, number>): SqlValue[] {
  const out: SqlValue[] = [];
  let start = 0;
  for (const sep of [...text.matchAll(/\band\b/gi), null]) {
    const end = sep ? sep.index : text.length;
    // `id = ANY($1)` (Postgres, an array bound to one placeholder) compares like an IN list.
    const m = /^\s*(?:\w+\.)?[`"[]?(\w+)[`"\]]?\s*(?:=\s*any\b|=|in)\s*\(?\s*([^)]*?)\s*\)?\s*$/id.exec(text.slice(start, end));
    if (m) {
      const items = splitTop(m[2]!, 0).map(([item]) => item);
      const value = items[0] ?? '';
      out.push({ column: m[1]!, value, param: paramOf(value, at + start + m.indices![2]![0], params), ...(items.length > 1 ? { list: items } : {}) });
    }
    if (sep) start = sep.index + sep[0].length;
  }
  return out;
}

/** Comma-separated items outside parentheses and quotes, trimmed, each with its offset. */
function splitTop(text: string, at: number): [string, number][] {
  const out: [string, number][] = [];
  let depth = 0;
  let quote = false;
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    if (raw.trim()) out.push([raw.trim(), at + start + raw.length - raw.trimStart().length]);
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") quote = !quote;
    else if (!quote && c === '(') depth++;
    else if (!quote && c === ')') depth--;
    else if (!quote && depth === 0 && c === ',') {
      push(i);
      start = i + 1;
    }
  }
  push(text.length);
  return out;
}

function unquoteIdent(s: string): string {
  return s.trim().replace(/^[`"[]|[`"\]]$/g, '');
}
