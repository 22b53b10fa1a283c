// `--cache`: what a re-scan can keep. Per file, keyed by a digest of its bytes: the text pass, what
// its parse reported (diagnostics, suppression comments), and for files analyzed in full their IR.
// For the whole scan: which files are analyzed in full, and the check results, each keyed by
// everything it was computed from (the configuration, the project's manifests and schemas, the
// list of files, and the digests of the files that matter). So a file whose size and mtime are
// unchanged is not read again, a file whose bytes are unchanged is not parsed again, and an edit to
// a file the analysis never reads leaves the check results as they were, without even loading the
// IR of the others.
//
// JSON files, each written whole (to a temporary name, then renamed): `files.json` holds the file
// table by column (tens of thousands of small objects cost more to read back than the scan saves)
// and which files are analyzed in full; `parsed.json` the full files' IR, read only when the
// analysis has to run again; `analysis.json` the check results, read only when they are reused.
// A re-scan that changed a few files does not write the two big ones again: it writes what changed
// since they were written to a journal beside each (`files.changes.json`, `parsed.changes.json`),
// applied when they are read, and folds the journal in once it grows. A journal names the write of
// the file it amends, so one left behind by an interrupted scan is never applied to another.
// A corrupt or foreign cache is ignored with a diagnostic.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readRegular, TOOL_FILE_BYTES } from '../files/read.js';
import type { FileIR } from '../model/ir.js';
import type { CheckResult, Diagnostic } from '../model/report.js';
import type { ParsedFile } from '../parse/parse-listed.js';
import type { TextScan } from './relevance.js';
import { VERSION } from './version.js';

const FORMAT = 5;
const TABLE = 'files.json';
const PARSED = 'parsed.json';
const ANALYSIS = 'analysis.json';
/** The journal beside a file the cache writes whole. */
const journalOf = (file: string) => file.replace(/\.json$/, '.changes.json');
/** How many files a journal holds before its file is written whole again: a few edits' worth. */
const journalLimit = (files: number) => Math.max(100, Math.ceil(files / 32));

export interface FileStat {
  size: number;
  mtimeMs: number;
}

/** What a file's parse told the report, whatever the mode: enough when the analysis is reused. */
export interface ParseNotes {
  skipped: boolean;
  diagnostics: Diagnostic[];
  directiveComments: FileIR['directiveComments'];
}

const NO_NOTES: ParseNotes = { skipped: false, diagnostics: [], directiveComments: [] };

/** Parse modes in the table: not parsed, thin, full. */
type Mode = 0 | 1 | 2;
const Mode = { None: 0, Thin: 1, Full: 2 } as const;

interface Table {
  format: number;
  fingerprint: string;
  /** Which write of the table this is; in a journal, the write it amends. */
  generation: string;
  paths: string[];
  sizes: number[];
  mtimes: number[];
  hashes: (string | null)[];
  seeds: number[];
  specifiers: string[];
  modes: number[];
  /** Notes of files whose parse reported something; the others had nothing to say. */
  notes: Record<string, ParseNotes>;
  relevance: { key: string; files: string[] } | null;
  /** The key of the check results in `analysis.json`. */
  analysisKey: string | null;
  /**
   * A digest of `analysis.json` as written: the results go into the report as they are, so an edit
   * that keeps their shape (a path that is `null`) must not reach it.
   */
  analysisDigest: string | null;
}

interface Kept {
  format: number;
  fingerprint: string;
  generation: string;
  /** Full files' parses, with the digest of the bytes they were parsed from. */
  files: Record<string, { hash: string; result: ParsedFile }>;
}

interface StoredAnalysis {
  format: number;
  fingerprint: string;
  key: string;
  checks: CheckResult[];
  diagnostics: Diagnostic[];
}

interface Entry extends FileStat {
  scan: TextScan;
  mode: Mode;
  notes: ParseNotes;
}

export class ScanCache {
  private readonly dir: string;
  private readonly table: Table;
  private readonly index = new Map<string, number>();
  /** Files scanned or parsed in this run. */
  private readonly fresh = new Map<string, Entry>();
  /** Rows of the table read so far, each read once. */
  private readonly read = new Map<string, Entry>();
  /** Files whose row the table's journal holds (applied when the cache was opened). */
  private readonly journaled: Set<string>;
  private kept: Kept | null = null;
  private readonly keptJournaled = new Set<string>();
  private readonly keptFresh = new Set<string>();
  private keptDirty = false;
  /** The check results to write, as JSON made when they were computed (the report mutates them after). */
  private analysisText: string | null = null;
  private tableDirty = false;
  /** Parts found damaged and ignored (see damageDiagnostic). */
  private readonly damaged = new Set<string>();

  private constructor(dir: string, table: Table, journaled: string[] = []) {
    this.dir = dir;
    this.table = table;
    table.paths.forEach((p, i) => this.index.set(p, i));
    this.journaled = new Set(journaled);
  }

  /**
   * The cache in `dir` if this build of the tool wrote it with these recognizers, else an empty one
   * (and, when there was a file, the diagnostic that says why it was not used).
   */
  static open(dir: string, fingerprint: string, root: string): { cache: ScanCache | null; diagnostic: Diagnostic | null } {
    const escape = escapesRoot(dir, root);
    if (escape) {
      return { cache: null, diagnostic: { file: displayPath(root, dir), line: 1, severity: 'warning', code: 'cache-not-written', message: `the cache was not used: ${escape}` } };
    }
    const empty = () => new ScanCache(dir, emptyTable(fingerprint));
    const ignored = (severity: Diagnostic['severity'], why: string) => ({ cache: empty(), diagnostic: { ...cacheIgnored(root, dir, why), severity } });
    const read = readCacheFile(path.join(dir, TABLE));
    if (read === null) return { cache: empty(), diagnostic: null };
    if ('refused' in read) return ignored('warning', read.refused);
    const { text } = read;
    let table: unknown;
    try {
      table = JSON.parse(text);
    } catch (error) {
      return ignored('warning', `unreadable: ${(error as Error).message.slice(0, 120)}`);
    }
    if (!isTable(table)) return ignored('warning', 'not a bookfirst cache');
    if (table.format !== FORMAT || table.fingerprint !== fingerprint) return ignored('info', 'written by another version of bookfirst or with other recognizers');
    const journal = readJournal(path.join(dir, TABLE), table, isTable);
    const cache = new ScanCache(dir, table, journal === 'damaged' || !journal ? [] : journal.paths);
    if (journal === 'damaged') cache.rewriteDamaged();
    else if (journal) cache.apply(journal);
    return { cache, diagnostic: null };
  }

  /** A damaged journal is not applied: the table it amended is written whole again, without it. */
  private rewriteDamaged(): void {
    this.damaged.add('a journal');
    this.table.generation = '';
    this.tableDirty = true;
  }

  /** The journal's rows over the table's: they are newer. */
  private apply(journal: Table): void {
    const t = this.table;
    journal.paths.forEach((p, j) => {
      let i = this.index.get(p);
      if (i === undefined) this.index.set(p, (i = t.paths.push(p) - 1));
      t.sizes[i] = journal.sizes[j]!;
      t.mtimes[i] = journal.mtimes[j]!;
      t.hashes[i] = journal.hashes[j]!;
      t.seeds[i] = journal.seeds[j]!;
      t.specifiers[i] = journal.specifiers[j]!;
      t.modes[i] = journal.modes[j]!;
      if (journal.notes[p]) t.notes[p] = journal.notes[p]!;
      else delete t.notes[p];
    });
    t.relevance = journal.relevance;
    t.analysisKey = journal.analysisKey;
    t.analysisDigest = journal.analysisDigest;
  }

  /** A cache in `dir` that trusts nothing found there, and writes over it: after one made the analysis throw. */
  static replacing(dir: string, fingerprint: string): ScanCache {
    return new ScanCache(dir, emptyTable(fingerprint));
  }

  private entry(file: string): Entry | null {
    const f = this.fresh.get(file) ?? this.read.get(file);
    if (f) return f;
    const i = this.index.get(file);
    if (i === undefined) return null;
    const t = this.table;
    const hash = t.hashes[i];
    const scan: TextScan = { path: file, specifiers: t.specifiers[i] ? t.specifiers[i]!.split('\n') : [], seed: t.seeds[i] === 1, ...(hash ? { hash } : {}) };
    const notes = t.notes[file] ?? NO_NOTES;
    if (!isNotes(notes)) this.damaged.add('parse notes');
    const e: Entry = { size: t.sizes[i]!, mtimeMs: t.mtimes[i]!, scan, mode: isNotes(notes) ? (t.modes[i] as Mode) : Mode.None, notes: isNotes(notes) ? notes : NO_NOTES };
    this.read.set(file, e);
    return e;
  }

  /** The text pass of a file whose size and mtime are what the cache saw. */
  unchanged(file: string, stat: FileStat): TextScan | null {
    const i = this.index.get(file);
    if (i === undefined || this.fresh.has(file)) return this.fresh.get(file)?.scan ?? null;
    return this.table.sizes[i] === stat.size && this.table.mtimes[i] === stat.mtimeMs ? this.entry(file)!.scan : null;
  }

  /** Records a fresh text pass; a file whose bytes are unchanged (touched, not edited) keeps its parse. */
  scanned(file: string, stat: FileStat, scan: TextScan): void {
    const old = this.entry(file);
    const same = old !== null && scan.hash !== undefined && old.scan.hash === scan.hash;
    this.fresh.set(file, { ...stat, scan, mode: same ? old.mode : Mode.None, notes: same ? old.notes : NO_NOTES });
    this.tableDirty = true;
  }

  /** What the file's parse in this mode reported, if it was parsed so from its current bytes. */
  notes(file: string, full: boolean): ParseNotes | null {
    const e = this.entry(file);
    return e && e.mode === (full ? Mode.Full : Mode.Thin) ? e.notes : null;
  }

  /** The full parse of a file, if kept from its current bytes (loads the kept parses once). */
  fullParse(file: string): ParsedFile | null {
    const hash = this.entry(file)?.scan.hash;
    const k = this.loadKept().files[file];
    if (!k || !hash || k.hash !== hash) return null;
    // An edited or damaged cache file must cost a re-parse, never the scan.
    if (isParsedFile(k.result)) return k.result;
    this.damaged.add('a kept parse');
    return null;
  }

  /** What was found damaged inside an otherwise valid cache (and not used), as one diagnostic. */
  damageDiagnostic(root: string): Diagnostic | null {
    if (this.damaged.size === 0) return null;
    return { file: displayPath(root, path.join(this.dir, TABLE)), line: 1, severity: 'warning', code: 'cache-ignored', message: `parts of the cache were damaged and were ignored (${[...this.damaged].sort().join(', ')}); they are rebuilt by this scan` };
  }

  storeParsed(file: string, full: boolean, result: ParsedFile): void {
    const e = this.entry(file);
    if (!e?.scan.hash) return;
    const { ir } = result;
    const notes = { skipped: Boolean(ir.skipped), diagnostics: result.diagnostics, directiveComments: ir.directiveComments };
    this.fresh.set(file, { ...e, mode: full ? Mode.Full : Mode.Thin, notes: isEmpty(notes) ? NO_NOTES : notes });
    this.tableDirty = true;
    if (full) {
      this.loadKept().files[file] = { hash: e.scan.hash, result };
      this.keptFresh.add(file);
      this.keptDirty = true;
    }
  }

  relevance(key: string): Set<string> | null {
    const r = this.table.relevance;
    return r && r.key === key ? new Set(r.files) : null;
  }

  storeRelevance(key: string, files: Set<string>): void {
    this.table.relevance = { key, files: [...files].sort() };
    this.tableDirty = true;
  }

  analysis(key: string): { checks: CheckResult[]; diagnostics: Diagnostic[] } | null {
    if (this.table.analysisKey !== key) return null;
    let stored: StoredAnalysis | null = null;
    const read = readCacheFile(path.join(this.dir, ANALYSIS));
    try {
      if (read && 'text' in read && textDigest(read.text) === this.table.analysisDigest) stored = JSON.parse(read.text) as StoredAnalysis;
    } catch {
      // Unreadable: checked below.
    }
    if (stored?.format === FORMAT && stored.fingerprint === this.table.fingerprint && stored.key === key && isAnalysis(stored)) return { checks: stored.checks, diagnostics: stored.diagnostics };
    this.damaged.add('the check results');
    return null;
  }

  storeAnalysis(key: string, checks: CheckResult[], diagnostics: Diagnostic[]): void {
    const stored: StoredAnalysis = { format: FORMAT, fingerprint: this.table.fingerprint, key, checks, diagnostics };
    this.analysisText = JSON.stringify(stored);
    this.table.analysisKey = key;
    this.table.analysisDigest = textDigest(this.analysisText);
    this.tableDirty = true;
  }

  /** Writes what changed, keeping only the files this scan listed. */
  save(paths: string[]): Diagnostic | null {
    const listed = new Set(paths);
    // Rows of files gone from the tree: dropped when the table is written whole.
    const gone = this.table.paths.filter((p) => !listed.has(p) && !this.fresh.has(p)).length;
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      // The results first: the table that names them by key must never name results not written.
      if (this.analysisText !== null) writeWhole(path.join(this.dir, ANALYSIS), this.analysisText);
      if (this.tableDirty) this.saveTable(paths, listed, gone);
      if (this.kept && this.keptDirty) this.saveKept(listed);
      return null;
    } catch (error) {
      return { file: path.basename(this.dir), line: 1, severity: 'warning', code: 'cache-not-written', message: `the cache could not be written: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
    }
  }

  private saveTable(paths: string[], listed: Set<string>, gone: number): void {
    const file = path.join(this.dir, TABLE);
    const changed = [...new Set([...this.journaled, ...this.fresh.keys()])].filter((p) => listed.has(p)).sort();
    if (this.table.generation && changed.length + gone <= journalLimit(paths.length)) {
      const journal = this.rows(changed, this.table.generation);
      journal.relevance = this.table.relevance;
      journal.analysisKey = this.table.analysisKey;
      journal.analysisDigest = this.table.analysisDigest;
      writeWhole(journalOf(file), JSON.stringify(journal));
      return;
    }
    writeWhole(file, JSON.stringify({ ...this.rows(paths, randomUUID()), relevance: this.table.relevance, analysisKey: this.table.analysisKey, analysisDigest: this.table.analysisDigest }));
    fs.rmSync(journalOf(file), { force: true });
  }

  private saveKept(listed: Set<string>): void {
    const kept = this.kept!;
    const file = path.join(this.dir, PARSED);
    const changed = [...new Set([...this.keptJournaled, ...this.keptFresh])].filter((f) => listed.has(f));
    if (kept.generation && changed.length <= journalLimit(listed.size)) {
      const files = Object.fromEntries(changed.map((f) => [f, kept.files[f]]));
      writeWhole(journalOf(file), JSON.stringify({ format: FORMAT, fingerprint: kept.fingerprint, generation: kept.generation, files }));
      return;
    }
    for (const f of Object.keys(kept.files)) if (!listed.has(f) || this.entry(f)?.mode !== Mode.Full) delete kept.files[f];
    writeWhole(file, JSON.stringify({ ...kept, generation: randomUUID() }));
    fs.rmSync(journalOf(file), { force: true });
  }

  /** The table's rows for these files, as a table of that write. */
  private rows(paths: string[], generation: string): Table {
    const t = emptyTable(this.table.fingerprint);
    t.generation = generation;
    for (const p of paths) {
      const e = this.entry(p);
      if (!e) continue;
      t.paths.push(p);
      t.sizes.push(e.size);
      t.mtimes.push(e.mtimeMs);
      t.hashes.push(e.scan.hash ?? null);
      t.seeds.push(e.scan.seed ? 1 : 0);
      t.specifiers.push(e.scan.specifiers.join('\n'));
      t.modes.push(e.mode);
      if (!isEmpty(e.notes)) t.notes[p] = e.notes;
    }
    return t;
  }

  private loadKept(): Kept {
    if (this.kept) return this.kept;
    let kept: Kept | null = null;
    const file = path.join(this.dir, PARSED);
    const read = readCacheFile(file);
    try {
      const json = read && 'text' in read ? (JSON.parse(read.text) as Kept) : null;
      if (isKept(json, this.table.fingerprint)) kept = json;
    } catch {
      // Checked below.
    }
    // Missing (never written, or removed): the full files are parsed again, nothing to say.
    if (read !== null && !kept) this.damaged.add('the kept parses');
    const journal = kept ? readJournal(file, kept, (x): x is Kept => isKept(x, kept!.fingerprint)) : null;
    if (journal === 'damaged') {
      this.damaged.add('a journal');
      kept!.generation = '';
      this.keptDirty = true;
    } else if (journal && kept) {
      Object.assign(kept.files, journal.files);
      for (const f of Object.keys(journal.files)) this.keptJournaled.add(f);
    }
    return (this.kept = kept ?? { format: FORMAT, fingerprint: this.table.fingerprint, generation: '', files: {} });
  }
}

/**
 * The journal beside `file`, if it amends this write of it: null when there is none or it amends
 * another (left by an interrupted scan), 'damaged' when it cannot be read as one.
 */
function readJournal<T extends { format: number; fingerprint: string; generation: string }>(file: string, base: T, valid: (x: unknown) => x is T): T | null | 'damaged' {
  const read = readCacheFile(journalOf(file));
  if (read === null) return null;
  if ('refused' in read) return 'damaged';
  let journal: unknown;
  try {
    journal = JSON.parse(read.text);
  } catch {
    return 'damaged';
  }
  if (!valid(journal) || journal.format !== base.format || journal.fingerprint !== base.fingerprint) return 'damaged';
  return journal.generation === base.generation && base.generation !== '' ? journal : null;
}

function isKept(x: unknown, fingerprint: string): x is Kept {
  const k = x as Kept | null;
  return typeof k === 'object' && k !== null && k.format === FORMAT && k.fingerprint === fingerprint && typeof k.generation === 'string' && typeof k.files === 'object' && k.files !== null;
}

/** Shared by every noted IR: tens of thousands of empty arrays per re-scan cost more to collect than to share. */
const NOTHING = Object.freeze([]) as never[];

/** An IR standing for a file whose parse is known only by its notes: no code, its diagnostics and suppressions. */
export function notedIR(file: string, notes: ParseNotes): FileIR {
  return {
    file, lineStarts: NOTHING, directives: NOTHING, imports: NOTHING, exports: NOTHING, bindings: NOTHING, functions: NOTHING, classes: NOTHING,
    sites: NOTHING, typeNames: NOTHING, memberAssignments: NOTHING, directiveComments: notes.directiveComments, skipped: notes.skipped,
    diagnostics: notes === NO_NOTES ? NOTHING : notes.diagnostics.filter((d) => d.file === file).map(({ file: _, ...d }) => d),
  };
}

export function statOf(abs: string): FileStat | null {
  try {
    const s = fs.statSync(abs);
    return { size: s.size, mtimeMs: s.mtimeMs };
  } catch {
    return null;
  }
}

/** Digest of anything JSON can hold. */
export function digest(value: unknown): string {
  return createHash('sha1').update(JSON.stringify(value)).digest('base64url');
}

let toolDigest: string | null = null;

/**
 * This build of the tool: its version and its own module files (size and mtime), so a cache made
 * by a rebuilt or upgraded bookfirst is not trusted.
 */
export function toolFingerprint(): string {
  if (toolDigest) return toolDigest;
  const dir = fileURLToPath(new URL('..', import.meta.url));
  const parts: string[] = [VERSION];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.[cm]?[jt]s$/.test(e.name)) {
        const s = fs.statSync(p);
        parts.push(`${path.relative(dir, p)}:${s.size}:${s.mtimeMs}`);
      }
    }
  };
  walk(dir);
  return (toolDigest = digest(parts));
}

function emptyTable(fingerprint: string): Table {
  return { format: FORMAT, fingerprint, generation: '', paths: [], sizes: [], mtimes: [], hashes: [], seeds: [], specifiers: [], modes: [], notes: {}, relevance: null, analysisKey: null, analysisDigest: null };
}

function isEmpty(n: ParseNotes): boolean {
  return !n.skipped && n.diagnostics.length === 0 && n.directiveComments.length === 0;
}

function isTable(x: unknown): x is Table {
  const t = x as Table;
  if (typeof t !== 'object' || t === null || typeof t.format !== 'number' || typeof t.fingerprint !== 'string' || typeof t.generation !== 'string') return false;
  const columns: [unknown, (v: unknown) => boolean][] = [
    [t.paths, isString], [t.sizes, isNumber], [t.mtimes, isNumber], [t.hashes, (v) => v === null || isString(v)],
    [t.seeds, isNumber], [t.specifiers, isString], [t.modes, (v) => v === 0 || v === 1 || v === 2],
  ];
  // Every cell typed as the scan reads it: a hand-edited number where a string belongs must not crash it.
  const typed = columns.every(([c, ok]) => Array.isArray(c) && c.length === t.paths.length && c.every(ok));
  return typed && typeof t.notes === 'object' && t.notes !== null && (t.relevance === null || (typeof t.relevance === 'object' && Array.isArray(t.relevance?.files) && t.relevance.files.every(isString)))
    && (t.analysisKey === null || typeof t.analysisKey === 'string') && (t.analysisDigest === null || typeof t.analysisDigest === 'string');
}

function isString(v: unknown): boolean {
  return typeof v === 'string';
}

function isNumber(v: unknown): boolean {
  return typeof v === 'number';
}

const ARRAY_FIELDS = ['lineStarts', 'directives', 'imports', 'exports', 'bindings', 'functions', 'classes', 'sites', 'typeNames', 'memberAssignments', 'directiveComments', 'diagnostics'] as const;

/** The shape of a kept parse, checked before the analysis trusts it. */
function isParsedFile(x: unknown): x is ParsedFile {
  const r = x as ParsedFile | null;
  if (typeof r !== 'object' || r === null || !Array.isArray(r.diagnostics) || typeof r.ir !== 'object' || r.ir === null) return false;
  return typeof r.ir.file === 'string' && ARRAY_FIELDS.every((f) => Array.isArray(r.ir[f]));
}

function isNotes(x: unknown): x is ParseNotes {
  const n = x as ParseNotes | null;
  return typeof n === 'object' && n !== null && Array.isArray(n.diagnostics) && Array.isArray(n.directiveComments);
}

function isAnalysis(a: { checks: unknown; diagnostics: unknown }): a is { checks: CheckResult[]; diagnostics: Diagnostic[] } {
  return Array.isArray(a.diagnostics) && Array.isArray(a.checks) && a.checks.every((c) => typeof c === 'object' && c !== null && Array.isArray((c as CheckResult).paths));
}

/**
 * A cache file's text; null when there is none; refused when it is no regular file of a sane size
 * (a FIFO would block the scan for good, `/dev/zero` never ends).
 */
function readCacheFile(file: string): { text: string } | { refused: string } | null {
  const read = readRegular(file, TOOL_FILE_BYTES);
  if (read.ok) return { text: read.buf.toString('utf8') };
  return read.code === 'unreadable' && /ENOENT|ENOTDIR/.test(read.message) ? null : { refused: read.message };
}

function textDigest(text: string): string {
  return createHash('sha1').update(text).digest('base64url');
}

/**
 * Why a cache directory inside the scanned tree may not be used: the tree is not ours, and a
 * `.bookfirst-cache` it ships as a symlink (or below a symlinked folder) would have the scan write
 * wherever it points. A directory given outside the tree is the user's own choice.
 */
function escapesRoot(dir: string, root: string): string | null {
  const inside = (from: string, to: string) => {
    const rel = path.relative(from, to);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  };
  if (!inside(root, dir)) return null;
  let existing = dir;
  while (!fs.lstatSync(existing, { throwIfNoEntry: false }) && existing !== root) existing = path.dirname(existing);
  const escaped = 'the cache directory is a symlink out of the scanned tree; it is not read or written through';
  try {
    return inside(fs.realpathSync(root), fs.realpathSync(existing)) ? null : escaped;
  } catch {
    return escaped; // a link to nowhere: where it would lead is not ours to create
  }
}

function writeWhole(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    // Never through a link someone left under that name: `wx` creates the file or fails.
    fs.rmSync(tmp, { force: true });
    fs.writeFileSync(tmp, text, { flag: 'wx' });
    fs.renameSync(tmp, file);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/** The warning that the cache in `dir` was not used, and why. */
export function cacheIgnored(root: string, dir: string, why: string): Diagnostic {
  return { file: displayPath(root, path.join(dir, TABLE)), line: 1, severity: 'warning', code: 'cache-ignored', message: `the cache was ignored (${why}); it is rebuilt by this scan` };
}

function displayPath(root: string, file: string): string {
  const rel = path.relative(root, file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? path.basename(file) : rel.split(path.sep).join('/');
}
