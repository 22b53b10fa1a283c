// Fields of schema entities and their defaults, read from schema files as text (nothing is run):
// Prisma model fields with `@default(...)`, SQL columns with `DEFAULT ...` (in `create table` and
// `alter table ... add column / alter column ... set default`). Also the scheduled jobs the project
// declares outside the code: Vercel `crons` in vercel.json and Supabase `pg_cron` jobs in migrations.
import { lineOf, lineStartsOf } from '../parse/source-guards.js';

export interface SchemaField {
  name: string;
  /** Declared type as written (`BookingStatus`, `text`). */
  type: string;
  /** The default value's text: a literal without quotes (`pending`), an enum member (`PENDING`), or a call (`now()`). */
  default: string | null;
  line: number;
  /** The field may be empty (Prisma's `Int?`): a record can exist before what it refers to. */
  optional?: boolean;
}

/** A Vercel cron: the route it requests on a schedule, from the `crons` of a vercel.json. */
export interface CronRoute {
  path: string;
  schedule: string;
  /** The vercel.json or netlify.toml, root-relative, and the line of the entry. */
  file: string;
  line: number;
  /** Directory of the vercel.json or netlify.toml (the app the route belongs to). */
  dir: string;
  /** What requests it: 'vercel-cron', 'netlify-schedule'. */
  via: string;
}

/** A `cron.schedule(...)` job of Postgres' pg_cron, from a SQL migration. */
export interface SqlJob {
  name: string | null;
  schedule: string;
  /** The SQL the job runs. */
  command: string;
  file: string;
  line: number;
}

let lastText: string | null = null;
let lastStarts: number[] = [];

/**
 * The 1-based line of an offset in a text. Asked for every statement of a migration in turn: the
 * text's line starts are kept for the next question (a dump of 20,000 tables took minutes).
 */
export function lineAt(text: string, offset: number): number {
  if (text !== lastText) {
    lastText = text;
    lastStarts = lineStartsOf(text);
  }
  return lineOf(lastStarts, offset);
}

/** Fields of one Prisma model body (the text between its braces), `bodyOffset` where it starts in `text`. */
export function prismaFields(text: string, bodyOffset: number, body: string): SchemaField[] {
  const out: SchemaField[] = [];
  const re = /^[ \t]*(\w+)[ \t]+(\w+)(\[\])?(\?)?([^\n]*)$/gm;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    if (m[1]!.startsWith('@')) continue;
    const attrs = m[5] ?? '';
    const d = /@default\(\s*("(?:[^"\\]|\\.)*"|[^()]*(?:\([^)]*\))?)\s*\)/.exec(attrs);
    out.push({ name: m[1]!, type: m[2]!, default: d ? unquote(d[1]!) : null, line: lineAt(text, bodyOffset + m.index), ...(m[4] ? { optional: true } : {}) });
  }
  return out;
}

/** Columns of a `create table` body (the text inside its outer parentheses). */
export function sqlColumns(text: string, bodyOffset: number, body: string): SchemaField[] {
  const out: SchemaField[] = [];
  for (const [part, at] of topLevelParts(body)) {
    // Types may be quoted: Prisma migrations declare enum columns as `"status" "BookingStatus"`.
    const m = /^\s*[`"[]?(\w+)[`"\]]?\s+("?[\w.]+"?(?:\s*\([^)]*\))?)/.exec(part.replace(/--[^\n]*/g, ''));
    if (!m || /^(constraint|primary|foreign|unique|check|index|key|exclude)$/i.test(m[1]!)) continue;
    out.push({ name: m[1]!, type: m[2]!.replace(/"/g, ''), default: columnDefault(part), line: lineAt(text, bodyOffset + at + (part.length - part.trimStart().length)) });
  }
  return out;
}

function columnDefault(definition: string): string | null {
  const m = /\bdefault\s+('(?:[^']|'')*'|[\w.]+(?:\s*\([^)]*\))?)(?:\s*::\s*[\w".]+)?/i.exec(definition);
  return m ? unquote(m[1]!) : null;
}

/** `alter table bookings add column status text default 'pending'`, `alter column status set default 'pending'`. */
export function sqlAlteredDefaults(text: string): { table: string; field: SchemaField }[] {
  const out: { table: string; field: SchemaField }[] = [];
  const re = /alter\s+table\s+(?:if\s+exists\s+)?(?:only\s+)?(?:[`"[]?\w+[`"\]]?\.)?[`"[]?(\w+)[`"\]]?\s+([^;]*)/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    for (const [action] of topLevelParts(m[2]!)) {
      const add = /^\s*add\s+(?:column\s+)?(?:if\s+not\s+exists\s+)?[`"[]?(\w+)[`"\]]?\s+"?([\w.]+)"?([\s\S]*)$/i.exec(action);
      const set = /^\s*alter\s+(?:column\s+)?[`"[]?(\w+)[`"\]]?\s+set\s+default\s+([\s\S]*)$/i.exec(action);
      if (add && !/^(constraint|primary|foreign|unique|check)$/i.test(add[1]!)) {
        out.push({ table: m[1]!, field: { name: add[1]!, type: add[2]!, default: columnDefault(add[3]!), line: lineAt(text, m.index) } });
      } else if (set) {
        out.push({ table: m[1]!, field: { name: set[1]!, type: '', default: columnDefault(`default ${set[2]!}`), line: lineAt(text, m.index) } });
      }
    }
  }
  return out;
}

/** The parts of a list separated by commas outside parentheses, each with its offset. */
function topLevelParts(list: string): [string, number][] {
  const parts: [string, number][] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i <= list.length; i++) {
    const c = list[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if ((c === ',' && depth === 0) || i === list.length) {
      parts.push([list.slice(start, i), start]);
      start = i + 1;
    }
  }
  return parts;
}

/**
 * Where each of `opens` (offsets of `(` in `text`, ascending) is closed, for those that are: one
 * pass over the text however many there are.
 */
export function closingParens(text: string, opens: number[]): Map<number, number> {
  const out = new Map<number, number>();
  const waiting: { open: number; depth: number }[] = [];
  let next = 0;
  let depth = 0;
  for (let i = opens[0] ?? text.length; i < text.length && (next < opens.length || waiting.length > 0); i++) {
    const c = text.charCodeAt(i);
    if (c === 40) {
      if (i === opens[next]) {
        waiting.push({ open: i, depth });
        next++;
      }
      depth++;
    } else if (c === 41) {
      depth--;
      if (waiting.length > 0 && waiting[waiting.length - 1]!.depth === depth) out.set(waiting.pop()!.open, i);
    }
  }
  return out;
}

function unquote(v: string): string {
  const t = v.trim();
  if (/^"(?:[^"\\]|\\.)*"$/.test(t)) return t.slice(1, -1);
  if (/^'(?:[^']|'')*'$/.test(t)) return t.slice(1, -1).replace(/''/g, "'");
  return t;
}

/** `{ "crons": [{ "path": "/api/cron/expire-holds", "schedule": "*\/10 * * * *" }] }`. */
export function vercelCrons(file: string, text: string, json: Record<string, unknown> | null): CronRoute[] {
  const crons = json?.crons;
  if (!Array.isArray(crons)) return [];
  const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
  const out: CronRoute[] = [];
  // The crons appear in the text in their order: each is looked for after the one before.
  let from = 0;
  for (const c of crons) {
    if (!c || typeof c !== 'object') continue;
    const { path, schedule } = c as Record<string, unknown>;
    if (typeof path !== 'string') continue;
    const at = text.indexOf(JSON.stringify(path).slice(1, -1), from);
    if (at !== -1) from = at + 1;
    out.push({ path: path.replace(/\?.*$/, ''), schedule: typeof schedule === 'string' ? schedule : '', file, line: at === -1 ? 1 : lineAt(text, at), dir, via: 'vercel-cron' });
  }
  return out;
}

/**
 * Netlify scheduled functions declared in netlify.toml: `[functions."expire-holds"]` (or
 * `[functions.expire-holds]`) with `schedule = "*\/5 * * * *"`; the function's route is its name.
 */
export function netlifySchedules(file: string, text: string): CronRoute[] {
  const dir = file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
  const out: CronRoute[] = [];
  let fn: { name: string; line: number } | null = null;
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    const table = /^\[\s*functions\s*\.\s*(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_-]+))\s*\]$/.exec(line);
    if (table) fn = { name: table[1] ?? table[2] ?? table[3]!, line: i + 1 };
    else if (line.startsWith('[')) fn = null;
    const schedule = fn && /^schedule\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(line);
    if (fn && schedule) out.push({ path: `/${fn.name}`, schedule: schedule[1] ?? schedule[2] ?? '', file, line: fn.line, dir, via: 'netlify-schedule' });
  });
  return out;
}

/** `select cron.schedule('expire-holds', '*\/5 * * * *', $$ update ... $$)` and the two-argument form. */
export function pgCronJobs(file: string, text: string): SqlJob[] {
  const out: SqlJob[] = [];
  const re = /\bcron\.schedule\s*\(/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const args = sqlArgs(text.slice(m.index + m[0].length));
    if (args.length < 2) continue;
    const [name, schedule, command] = args.length >= 3 ? args : [null, args[0]!, args[1]!];
    out.push({ name, schedule: schedule!, command: command!, file, line: lineAt(text, m.index) });
  }
  return out;
}

/** String arguments of a SQL call, up to its closing parenthesis: '...' and $tag$...$tag$ literals. */
function sqlArgs(rest: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < rest.length && out.length < 4) {
    const c = rest[i]!;
    // A parenthesis or `;` ends the call: `cron.schedule(` repeated without one is not read to the end of the file each time.
    if (c === ')' || c === '(' || c === ';') break;
    if (c === "'") {
      const m = /^'((?:[^']|'')*)'/.exec(rest.slice(i));
      if (!m) break;
      out.push(m[1]!.replace(/''/g, "'"));
      i += m[0].length;
    } else if (c === '$') {
      const m = /^(\$\w*\$)([\s\S]*?)\1/.exec(rest.slice(i));
      if (!m) break;
      out.push(m[2]!);
      i += m[0].length;
    } else i++;
  }
  return out;
}
