// The config file: `bookfirst.config.json` or `.bookfirst.json` at the scanned root (or a file
// named with `--config`). Strict JSON, validated here key by key; its JSON Schema ships as
// `schema/bookfirst.config.schema.json` and a test keeps the two in agreement. An invalid file
// is a ConfigError naming the file and every bad key path: a scan never runs with a config
// half-applied, from the command line (exit 2) or the library (thrown).
import fs from 'node:fs';
import path from 'node:path';
import { isDirectory, PROJECT_FILE_BYTES, readRegularText } from '../files/read.js';
import { isObject, kindOf } from '../util/jsonc.js';
import { CHECKS } from '../checks/index.js';
import type { Severity } from '../model/report.js';
import type { ProviderRole } from '../recognizers/define.js';
import { PROVIDER_IDS } from '../recognizers/index.js';

export const CONFIG_FILES = ['bookfirst.config.json', '.bookfirst.json'];

export const SEVERITY_NAMES: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];
const ROLES: ProviderRole[] = ['initiation', 'capture', 'refund', 'retrieve', 'verify-webhook', 'cancel'];

/** Reference fields of a configured payment wrapper when it names none: any field, up to three levels deep. */
export const DEFAULT_WRAPPER_REFERENCE_FIELDS = ['*', '*.*', '*.*.*'];

export interface ConfigEntity {
  name: string;
  /** Table or collection it is stored in, when the config says. */
  table: string | null;
}

export interface ConfiguredPayment {
  module: string;
  /** Steps from the module's root to the function, in recognizer path syntax: 'charge', 'payments.create', 'AcmePay.new().charge'. */
  call: string;
  /** A provider id (its webhook events and remediation apply), or 'custom'. */
  provider: string;
  role: ProviderRole;
  referenceFields: string[] | null;
}

export interface ConfiguredBookingWrite {
  module: string;
  call: string;
  entity: string;
  /** Where the written record is: the call's result, or the argument handed to it. */
  record: 'result' | 'arg0';
}

export interface ConfiguredEntry {
  /** Root-relative globs of the files whose exports are entry points. */
  files: string[];
  /** Export names ('default' for a default export, '*' for every export). */
  exports: string[];
}

export interface CheckSetting {
  enabled: boolean;
  severity: Severity | null;
}

export interface BookfirstConfig {
  /** The file it was read from, as displayed in messages; null when there is none. */
  file: string | null;
  entities: ConfigEntity[];
  payments: ConfiguredPayment[];
  bookingWrites: ConfiguredBookingWrite[];
  include: string[];
  exclude: string[];
  includeTests: boolean | null;
  entries: ConfiguredEntry[];
  checks: Record<string, CheckSetting>;
  failOn: Severity | null;
}

export interface ConfigProblem {
  /** Key path inside the file: 'payments[0].call', 'checks.confirmation-record.severity'; '' for the whole file. */
  path: string;
  message: string;
}

export class ConfigError extends Error {
  readonly file: string;
  readonly problems: ConfigProblem[];

  constructor(file: string, problems: ConfigProblem[]) {
    const lines = problems.map((p) => `  ${p.path ? `${p.path}: ` : ''}${p.message}`);
    super(`invalid config ${file}:\n${lines.join('\n')}`);
    this.name = 'ConfigError';
    this.file = file;
    this.problems = problems;
  }
}

export function emptyConfig(): BookfirstConfig {
  return { file: null, entities: [], payments: [], bookingWrites: [], include: [], exclude: [], includeTests: null, entries: [], checks: {}, failOn: null };
}

/** What validation checks names against. */
export interface KnownIds {
  checks: string[];
  providers: string[];
}

export const KNOWN_IDS: KnownIds = {
  checks: CHECKS.map((c) => c.id),
  providers: PROVIDER_IDS,
};

/**
 * The config for a scan of `root` (as the user wrote it): `choice` is a file to read, `false` for
 * none, or undefined to look for one of CONFIG_FILES at the root.
 */
export function loadConfig(root: string, choice?: string | false, known: KnownIds = KNOWN_IDS): BookfirstConfig {
  if (choice === false) return emptyConfig();
  let file: string;
  if (choice !== undefined) file = choice;
  else {
    // Whatever holds the name, as a directory or a FIFO can: refused below, never passed over as absent.
    const present = CONFIG_FILES.map((name) => path.join(root, name)).filter((file) => fs.existsSync(file));
    if (present.length === 0) return emptyConfig();
    if (present.length > 1) throw new ConfigError(present[0]!, [{ path: '', message: `both ${CONFIG_FILES.join(' and ')} are present; keep one` }]);
    file = present[0]!;
  }
  if (isDirectory(file)) throw new ConfigError(file, [{ path: '', message: 'is a directory, not a config file' }]);
  const read = readRegularText(file, PROJECT_FILE_BYTES);
  if (!read.ok) throw new ConfigError(file, [{ path: '', message: read.message }]);
  return parseConfig(read.text, file, known);
}

/** Parses and validates a config file's text; throws ConfigError listing every problem. */
export function parseConfig(text: string, file: string, known: KnownIds = KNOWN_IDS): BookfirstConfig {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new ConfigError(file, [{ path: '', message: `is not valid JSON: ${jsonErrorText(text, error as Error)}` }]);
  }
  const { config, problems } = validateConfig(data, known);
  if (problems.length > 0) throw new ConfigError(file, problems);
  return { ...config, file };
}

function jsonErrorText(text: string, error: Error): string {
  const clean = text.replace(/^\uFEFF/, '');
  const offset = jsonErrorOffset(clean);
  const message = error.message.split('\n')[0]!.replace(/, "[\s\S]*$/, '').replace(/ in JSON at position \d+.*$/, '');
  if (offset === null) return message;
  const before = clean.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `${message} (line ${line}, column ${column})`;
}

/** Where strict JSON first goes wrong (Node's messages do not always say): a small recursive-descent scan. */
export function jsonErrorOffset(text: string): number | null {
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail();
  };
  const string = () => {
    if (text[i] !== '"') fail();
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i]! < ' ') fail();
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? '')) fail();
      }
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const value = (depth: number): void => {
    if (depth > 200) fail();
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        string();
        ws();
        if (text[i] !== ':') fail();
        i++;
        value(depth + 1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') {
          i++;
          return;
        } else fail();
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value(depth + 1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') {
          i++;
          return;
        } else fail();
      }
    } else if (c === '"') string();
    else if (c === 't') literal('true');
    else if (c === 'f') literal('false');
    else if (c === 'n') literal('null');
    else {
      const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
      if (!m) fail();
      i += m![0].length;
    }
  };
  try {
    value(0);
    ws();
    return i < text.length ? i : null;
  } catch (at) {
    return typeof at === 'number' ? Math.min(at, text.length) : null;
  }
}

const TOP_KEYS = ['$schema', 'entities', 'payments', 'bookingWrites', 'include', 'exclude', 'includeTests', 'entries', 'checks', 'failOn'];
const PAYMENT_KEYS = ['module', 'call', 'provider', 'role', 'referenceFields'];
const WRITE_KEYS = ['module', 'call', 'entity', 'record'];
const ENTRY_KEYS = ['files', 'exports'];
const ENTITY_KEYS = ['name', 'table'];
const CHECK_KEYS = ['enabled', 'severity'];

const IDENT = '[A-Za-z_$][\\w$]*';
/** Recognizer path syntax: property names, `name()` calls, `()`, `new()`, `*`, `**`, joined by dots. */
export const CALL_PATH = new RegExp(`^(?:(?:${IDENT}(?:\\(\\))?|\\(\\)|new\\(\\)|\\*\\*?)(?:\\.(?:${IDENT}(?:\\(\\))?|\\(\\)|new\\(\\)|\\*\\*?))*)?$`);
/** An npm package name, optionally with a subpath: `@acme/pay`, `acme-pay/server`. */
export const MODULE_NAME = /^(?:@[a-z0-9][\w.~-]*\/)?[a-z0-9][\w.~-]*(?:\/[\w.~@-]+)*$/i;
/** Entity and table names: `Booking`, `tbl_res`, `public.reservations`. */
export const ENTITY_NAME = /^[A-Za-z_][\w$-]*(?:\.[A-Za-z_][\w$-]*)?$/;
const EXPORT_NAME = new RegExp(`^(?:${IDENT}|\\*)$`);
const FIELD_PATH = /^(?:[\w$-]+|\*)(?:\.(?:[\w$-]+|\*))*$/;

/** Checks a parsed config; returns what it says (with defaults filled in) and every problem found. */
export function validateConfig(data: unknown, known: KnownIds = KNOWN_IDS): { config: BookfirstConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const config = emptyConfig();
  const problem = (at: string, message: string) => problems.push({ path: at, message });
  if (!isObject(data)) {
    problem('', `must be a JSON object (got ${kindOf(data)})`);
    return { config, problems };
  }
  const v = new Validator(problem);
  v.keys(data, '', TOP_KEYS);
  if ('$schema' in data) v.string(data.$schema, '$schema');

  v.list(data.entities, 'entities', (item, at) => {
    if (typeof item === 'string') {
      if (v.name(item, at)) config.entities.push({ name: item, table: null });
    } else if (isObject(item)) {
      v.keys(item, at, ENTITY_KEYS);
      const name = v.required(item, 'name', at) ? v.name(item.name, `${at}.name`) : false;
      const table = 'table' in item ? v.name(item.table, `${at}.table`) : null;
      if (name && table !== false) config.entities.push({ name: item.name as string, table: table ? (item.table as string) : null });
    } else problem(at, `must be an entity name or { "name", "table" } (got ${kindOf(item)})`);
  });

  v.list(data.payments, 'payments', (item, at) => {
    if (!v.object(item, at)) return;
    v.keys(item, at, PAYMENT_KEYS);
    const module = v.required(item, 'module', at) && v.module(item.module, `${at}.module`);
    const call = v.required(item, 'call', at) && v.callPath(item.call, `${at}.call`);
    const provider = item.provider === undefined ? 'custom' : v.oneOf(item.provider, `${at}.provider`, [...known.providers, 'custom'], 'a provider id');
    const role = item.role === undefined ? 'initiation' : v.oneOf(item.role, `${at}.role`, ROLES, 'a role');
    let referenceFields: string[] | null = null;
    if (item.referenceFields !== undefined) {
      const fields = v.stringList(item.referenceFields, `${at}.referenceFields`, (s, p) => v.pattern(s, p, FIELD_PATH, "a field path such as 'reference' or 'metadata.*'"));
      referenceFields = fields ?? null;
    }
    if (module && call && provider && role) {
      config.payments.push({ module: item.module as string, call: item.call as string, provider, role: role as ProviderRole, referenceFields });
    }
  });

  v.list(data.bookingWrites, 'bookingWrites', (item, at) => {
    if (!v.object(item, at)) return;
    v.keys(item, at, WRITE_KEYS);
    const module = v.required(item, 'module', at) && v.module(item.module, `${at}.module`);
    const call = v.required(item, 'call', at) && v.callPath(item.call, `${at}.call`);
    const entity = item.entity === undefined ? true : v.name(item.entity, `${at}.entity`);
    const record = item.record === undefined ? 'result' : v.oneOf(item.record, `${at}.record`, ['result', 'arg0'], 'a record place');
    if (module && call && entity && record) {
      config.bookingWrites.push({ module: item.module as string, call: item.call as string, entity: (item.entity as string | undefined) ?? 'Booking', record: record as 'result' | 'arg0' });
    }
  });

  for (const key of ['include', 'exclude'] as const) {
    if (data[key] === undefined) continue;
    const globs = v.stringList(data[key], key, (s, p) => v.glob(s, p));
    if (globs) config[key] = globs.map(normalizeGlob);
  }

  if (data.includeTests !== undefined) {
    if (typeof data.includeTests === 'boolean') config.includeTests = data.includeTests;
    else problem('includeTests', `must be true or false (got ${kindOf(data.includeTests)})`);
  }

  v.list(data.entries, 'entries', (item, at) => {
    if (!v.object(item, at)) return;
    v.keys(item, at, ENTRY_KEYS);
    if (!v.required(item, 'files', at)) return;
    const files = typeof item.files === 'string' ? (v.glob(item.files, `${at}.files`) ? [item.files] : null) : v.stringList(item.files, `${at}.files`, (s, p) => v.glob(s, p), true);
    const exports = item.exports === undefined ? ['*'] : v.stringList(item.exports, `${at}.exports`, (s, p) => v.pattern(s, p, EXPORT_NAME, "an export name, 'default' or '*'"), true);
    if (files && exports) config.entries.push({ files: files.map(normalizeGlob), exports });
  });

  if (data.checks !== undefined && v.object(data.checks, 'checks')) {
    for (const [id, setting] of Object.entries(data.checks)) {
      const at = `checks.${id}`;
      if (!known.checks.includes(id)) {
        problem(at, `unknown check${suggest(id, known.checks)} (known: ${known.checks.join(', ')})`);
        continue;
      }
      if (setting === 'off') config.checks[id] = { enabled: false, severity: null };
      else if (setting === 'on') config.checks[id] = { enabled: true, severity: null };
      else if (typeof setting === 'string') {
        const severity = v.oneOf(setting, at, ['off', 'on', ...SEVERITY_NAMES], "'off', 'on' or a severity");
        if (severity) config.checks[id] = { enabled: true, severity: severity as Severity };
      } else if (isObject(setting)) {
        v.keys(setting, at, CHECK_KEYS);
        let enabled = true;
        if (setting.enabled !== undefined) {
          if (typeof setting.enabled === 'boolean') enabled = setting.enabled;
          else problem(`${at}.enabled`, `must be true or false (got ${kindOf(setting.enabled)})`);
        }
        const severity = setting.severity === undefined ? null : v.oneOf(setting.severity, `${at}.severity`, SEVERITY_NAMES, 'a severity');
        if (severity !== false) config.checks[id] = { enabled, severity: severity as Severity | null };
      } else problem(at, `must be 'off', 'on', a severity or { "enabled", "severity" } (got ${kindOf(setting)})`);
    }
  }

  if (data.failOn !== undefined) {
    const severity = v.oneOf(data.failOn, 'failOn', SEVERITY_NAMES, 'a severity');
    if (severity) config.failOn = severity as Severity;
  }
  return { config, problems };
}

/** `./src/**` and `src/**` are the same root-relative glob. */
function normalizeGlob(glob: string): string {
  return glob.replace(/^(?:\.\/)+/, '');
}

class Validator {
  private readonly problem: (at: string, message: string) => void;

  constructor(problem: (at: string, message: string) => void) {
    this.problem = problem;
  }

  keys(obj: Record<string, unknown>, at: string, allowed: string[]): void {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) this.problem(join(at, key), `unknown key${suggest(key, allowed)} (allowed: ${allowed.join(', ')})`);
    }
  }

  required(obj: Record<string, unknown>, key: string, at: string): boolean {
    if (obj[key] !== undefined) return true;
    this.problem(join(at, key), 'is required');
    return false;
  }

  object(value: unknown, at: string): value is Record<string, unknown> {
    if (isObject(value)) return true;
    this.problem(at, `must be an object (got ${kindOf(value)})`);
    return false;
  }

  string(value: unknown, at: string): value is string {
    if (typeof value === 'string' && value.length > 0) return true;
    this.problem(at, typeof value === 'string' ? 'must not be empty' : `must be a string (got ${kindOf(value)})`);
    return false;
  }

  pattern(value: unknown, at: string, re: RegExp, what: string): boolean {
    if (!this.string(value, at)) return false;
    if (re.test(value)) return true;
    this.problem(at, `must be ${what} (got ${JSON.stringify(value)})`);
    return false;
  }

  name(value: unknown, at: string): boolean {
    return this.pattern(value, at, ENTITY_NAME, 'an entity or table name (letters, digits, _ and -, optionally schema.table)');
  }

  module(value: unknown, at: string): boolean {
    return this.pattern(value, at, MODULE_NAME, "a package name such as '@acme/pay'");
  }

  callPath(value: unknown, at: string): boolean {
    if (typeof value === 'string' && value === '') return true;
    return this.pattern(value, at, CALL_PATH, "a call path such as 'charge', 'payments.create' or 'Client.new().charge'");
  }

  glob(value: unknown, at: string): boolean {
    if (!this.string(value, at)) return false;
    if (value.startsWith('/') || /^[A-Za-z]:/.test(value) || value.includes('\\') || value.split('/').includes('..')) {
      this.problem(at, `must be a glob relative to the scanned root, with / separators and no .. (got ${JSON.stringify(value)})`);
      return false;
    }
    return true;
  }

  oneOf<T extends string>(value: unknown, at: string, allowed: T[], what: string): T | false {
    if (typeof value === 'string' && allowed.includes(value as T)) return value as T;
    const got = typeof value === 'string' ? JSON.stringify(value) : kindOf(value);
    this.problem(at, `must be ${what}${typeof value === 'string' ? suggest(value, allowed) : ''}: ${allowed.join(', ')} (got ${got})`);
    return false;
  }

  list(value: unknown, at: string, each: (item: unknown, at: string) => void): void {
    if (value === undefined) return;
    if (!Array.isArray(value)) {
      this.problem(at, `must be an array (got ${kindOf(value)})`);
      return;
    }
    value.forEach((item, i) => each(item, `${at}[${i}]`));
  }

  stringList(value: unknown, at: string, check: (s: unknown, at: string) => boolean, nonEmpty = false): string[] | null {
    if (!Array.isArray(value)) {
      this.problem(at, `must be an array of strings (got ${kindOf(value)})`);
      return null;
    }
    if (nonEmpty && value.length === 0) {
      this.problem(at, 'must not be empty');
      return null;
    }
    let ok = true;
    value.forEach((s, i) => {
      if (!check(s, `${at}[${i}]`)) ok = false;
    });
    return ok ? (value as string[]) : null;
  }
}

function join(at: string, key: string): string {
  return at ? `${at}.${key}` : key;
}

/** ` (did you mean "exclude"?)` for a near miss; '' otherwise. */
function suggest(word: string, candidates: string[]): string {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = c.toLowerCase() === word.toLowerCase() ? 0 : distance(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== null && bestDistance <= Math.max(1, Math.floor(best.length / 4)) ? ` (did you mean ${JSON.stringify(best)}?)` : '';
}

/** Edit distance counting a swap of neighbours as one edit (`strpie` is one edit from `stripe`). */
function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}
