// `--cache`: what a re-scan can keep. Per file, keyed by a digest of its bytes: the text pass, what
// its parse reported (diagnostics, suppression comments), and for files analyzed in full their IR.
// For the whole scan: which files are analyzed in full, and the check results, each keyed by
// everything it was computed from (the configuration, the project's manifests and schemas, the
// list of files, and the digests of the files that matter). So a file whose size and mtime are
// unchanged is not read again, a file whose bytes are unchanged is not parsed again, and an edit to
// a file the analysis never reads leaves the check results as they were, without even loading the
// IR of the others.
//
// Two JSON files, each written whole (to a temporary name, then renamed): `files.json` holds the
// file table by column (tens of thousands of small objects cost more to read back than the scan
// saves) and the scan-wide results; `parsed.json` the full files' IR, read only when the analysis
// has to run again. A corrupt or foreign cache is ignored with a diagnostic.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FileIR } from '../model/ir.js';
import type { CheckResult, Diagnostic } from '../model/report.js';
import type { ParsedFile } from '../parse/parse-listed.js';
import type { TextScan } from './relevance.js';
import { VERSION } from './version.js';

const FORMAT = 3;
const TABLE = 'files.json';
const PARSED = 'parsed.json';

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
  analysis: { key: string; checks: CheckResult[]; diagnostics: Diagnostic[] } | null;
}

interface Kept {
  format: number;
  fingerprint: string;
  /** Full files' parses, with the digest of the bytes they were parsed from. */
  files: Record<string, { hash: string; result: ParsedFile }>;
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
  private kept: Kept | null = null;
  private tableDirty = false;
  private keptDirty = false;
  /** Parts found damaged and ignored (see damageDiagnostic). */
  private readonly damaged = new Set<string>();

  private constructor(dir: string, table: Table) {
    this.dir = dir;
    this.table = table;
    table.paths.forEach((p, i) => this.index.set(p, i));
  }

  /**
   * The cache in `dir` if this build of the tool wrote it with these recognizers, else an empty one
   * (and, when there was a file, the diagnostic that says why it was not used).
   */
  static open(dir: string, fingerprint: string, root: string): { cache: ScanCache; diagnostic: Diagnostic | null } {
    const empty = () => new ScanCache(dir, emptyTable(fingerprint));
    let text: string;
    try {
      text = fs.readFileSync(path.join(dir, TABLE), 'utf8');
    } catch {
      return { cache: empty(), diagnostic: null };
    }
    const ignored = (severity: Diagnostic['severity'], why: string) => ({
      cache: empty(),
      diagnostic: { file: displayPath(root, path.join(dir, TABLE)), line: 1, severity, code: 'cache-ignored', message: `the cache was ignored (${why}); it is rebuilt by this scan` },
    });
    let table: unknown;
    try {
      table = JSON.parse(text);
    } catch (error) {
      return ignored('warning', `unreadable: ${(error as Error).message.slice(0, 120)}`);
    }
    if (!isTable(table)) return ignored('warning', 'not a bookfirst cache');
    if (table.format !== FORMAT || table.fingerprint !== fingerprint) return ignored('info', 'written by another version of bookfirst or with other recognizers');
    return { cache: new ScanCache(dir, table), diagnostic: null };
  }

  private entry(file: string): Entry | null {
    const f = this.fresh.get(file);
    if (f) return f;
    const i = this.index.get(file);
    if (i === undefined) return null;
    const t = this.table;
    const hash = t.hashes[i];
    const scan: TextScan = { path: file, specifiers: t.specifiers[i] ? t.specifiers[i]!.split('\n') : [], seed: t.seeds[i] === 1, ...(hash ? { hash } : {}) };
    const notes = t.notes[file] ?? NO_NOTES;
    if (!isNotes(notes)) this.damaged.add('parse notes');
    return { size: t.sizes[i]!, mtimeMs: t.mtimes[i]!, scan, mode: isNotes(notes) ? (t.modes[i] as Mode) : Mode.None, notes: isNotes(notes) ? notes : NO_NOTES };
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
    const a = this.table.analysis;
    if (!a || a.key !== key) return null;
    if (isAnalysis(a)) return structuredClone({ checks: a.checks, diagnostics: a.diagnostics });
    this.damaged.add('the check results');
    return null;
  }

  storeAnalysis(key: string, checks: CheckResult[], diagnostics: Diagnostic[]): void {
    this.table.analysis = structuredClone({ key, checks, diagnostics });
    this.tableDirty = true;
  }

  /** Writes what changed, keeping only the files this scan listed. */
  save(paths: string[]): Diagnostic | null {
    const listed = new Set(paths);
    if (this.table.paths.length !== paths.length || this.table.paths.some((p) => !listed.has(p))) this.tableDirty = true;
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      if (this.tableDirty) writeWhole(path.join(this.dir, TABLE), JSON.stringify(this.nextTable(paths)));
      if (this.keptDirty && this.kept) {
        for (const f of Object.keys(this.kept.files)) if (!listed.has(f) || this.entry(f)?.mode !== Mode.Full) delete this.kept.files[f];
        writeWhole(path.join(this.dir, PARSED), JSON.stringify(this.kept));
      }
      return null;
    } catch (error) {
      return { file: path.basename(this.dir), line: 1, severity: 'warning', code: 'cache-not-written', message: `the cache could not be written: ${(error as NodeJS.ErrnoException).code ?? String(error)}` };
    }
  }

  private nextTable(paths: string[]): Table {
    const t = emptyTable(this.table.fingerprint);
    t.relevance = this.table.relevance;
    t.analysis = this.table.analysis;
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
    try {
      const read = JSON.parse(fs.readFileSync(path.join(this.dir, PARSED), 'utf8')) as Kept;
      if (read.format === FORMAT && read.fingerprint === this.table.fingerprint && typeof read.files === 'object' && read.files !== null) kept = read;
    } catch {
      // Missing or damaged: the full files are parsed again.
    }
    return (this.kept = kept ?? { format: FORMAT, fingerprint: this.table.fingerprint, files: {} });
  }
}

/** An IR standing for a file whose parse is known only by its notes: no code, its diagnostics and suppressions. */
export function notedIR(file: string, notes: ParseNotes): FileIR {
  return {
    file, lineStarts: [], directives: [], imports: [], exports: [], bindings: [], functions: [], classes: [], sites: [], typeNames: [],
    memberAssignments: [], directiveComments: notes.directiveComments, skipped: notes.skipped,
    diagnostics: notes.diagnostics.filter((d) => d.file === file).map(({ file: _, ...d }) => d),
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
  return { format: FORMAT, fingerprint, paths: [], sizes: [], mtimes: [], hashes: [], seeds: [], specifiers: [], modes: [], notes: {}, relevance: null, analysis: null };
}

function isEmpty(n: ParseNotes): boolean {
  return !n.skipped && n.diagnostics.length === 0 && n.directiveComments.length === 0;
}

function isTable(x: unknown): x is Table {
  const t = x as Table;
  if (typeof t !== 'object' || t === null || typeof t.format !== 'number' || typeof t.fingerprint !== 'string') return false;
  const columns: [unknown, (v: unknown) => boolean][] = [
    [t.paths, isString], [t.sizes, isNumber], [t.mtimes, isNumber], [t.hashes, (v) => v === null || isString(v)],
    [t.seeds, isNumber], [t.specifiers, isString], [t.modes, (v) => v === 0 || v === 1 || v === 2],
  ];
  // Every cell typed as the scan reads it: a hand-edited number where a string belongs must not crash it.
  const typed = columns.every(([c, ok]) => Array.isArray(c) && c.length === t.paths.length && c.every(ok));
  return typed && typeof t.notes === 'object' && t.notes !== null && (t.relevance === null || (typeof t.relevance === 'object' && Array.isArray(t.relevance?.files)));
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

function writeWhole(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    fs.writeFileSync(tmp, text);
    fs.renameSync(tmp, file);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

function displayPath(root: string, file: string): string {
  const rel = path.relative(root, file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? path.basename(file) : rel.split(path.sep).join('/');
}
