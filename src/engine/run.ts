// The one place that knows the stage order:
// project -> files -> parse -> resolve -> symbols -> recognize -> call graph/entries -> checks -> report.
import fs from 'node:fs';
import path from 'node:path';
import { CHECKS } from '../checks/index.js';
import { listFiles, type ListedFile } from '../files/walk.js';
import type { FileIR } from '../model/ir.js';
import type { CheckResult, Diagnostic, Report } from '../model/report.js';
import type { BookfirstConfig } from '../project/config.js';
import { discoverProject, type Project } from '../project/discover.js';
import { configDiagnostics, includeDiagnostics, resolveSettings, type Settings } from '../project/settings.js';
import type { ParsedFile, ParseRequest } from '../parse/parse-listed.js';
import { ModuleResolver } from '../resolve/resolve.js';
import { globMatcher } from '../util/glob.js';
import { analyze } from './analyze.js';
import { cacheIgnored, digest, notedIR, ScanCache, statOf, toolFingerprint, type FileStat } from './cache.js';
import { collect, ParserPool } from './parse-all.js';
import { relevanceTokens, relevantFiles, type RelevanceTokens, type TextScan } from './relevance.js';
import { attachSnippets } from './snippets.js';
import { applySuppressions } from './suppressions.js';
import { VERSION } from './version.js';
import { appRelative } from './wiring.js';

export interface ScanOptions {
  /** Directory to scan. */
  root: string;
  /** Check ids to run (default: all). */
  checks?: string[];
  /** Scan test and fixture files for paths too. */
  includeTests?: boolean;
  /** Root-relative globs to leave out (added to the config file's). */
  exclude?: string[];
  /** Root-relative globs: only source files matching one are scanned (replaces the config file's). */
  include?: string[];
  /** Config file to read, a config already loaded, or false for none; by default the root's (docs/config.md). */
  config?: string | false | BookfirstConfig;
  /** Extra booking-like entity names. */
  entities?: string[];
  /** Parser worker threads (default: available cores; 0 parses on the calling thread). */
  threads?: number;
  /** Called as each stage finishes (for a progress line). */
  onStage?: (stage: string) => void;
  /** Analyze every file in full, not only those payment and booking code depends on. */
  full?: boolean;
  /** Directory of the cache that re-scans reuse (see cache.ts); none by default. */
  cache?: string;
}

export class UsageError extends Error {}

/** The first `file` named anywhere in an analysis result that is not a listed file, or null. */
function strangerFile(analysis: { checks: CheckResult[]; diagnostics: Diagnostic[] }, listed: Set<string>): string | null {
  const stack: unknown[] = [analysis.checks, analysis.diagnostics];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key === 'file' && typeof item === 'string' && !listed.has(item)) return item;
        if (typeof item === 'object') stack.push(item);
      }
    }
  }
  return null;
}

/** Imports and relevance of every file: read again only where the cache has not seen the file as it is. */
async function textPass(
  sources: ListedFile[], project: Project, resolver: ModuleResolver, options: ScanOptions, settings: Settings, cache: ScanCache | null, pool: ParserPool,
  lap: (stage: string) => void,
): Promise<{ scans: Map<string, TextScan>; relevant: Set<string> }> {
  const scans = new Map<string, TextScan>();
  if (options.full && !cache) return { scans, relevant: new Set(sources.map((f) => f.path)) };
  const stats = new Map<string, FileStat | null>();
  const changed: ListedFile[] = [];
  for (const f of sources) {
    const stat = cache ? statOf(f.abs) : null;
    const hit = stat && cache!.unchanged(f.path, stat);
    stats.set(f.path, stat);
    if (hit) scans.set(f.path, hit);
    else changed.push(f);
  }
  for (const s of await pool.scan(changed)) {
    scans.set(s.path, s);
    const stat = stats.get(s.path);
    if (cache && stat) cache.scanned(s.path, stat, s);
  }
  lap(`text pass (${changed.length} files read)`);
  if (options.full) return { scans, relevant: new Set(sources.map((f) => f.path)) };
  // Which files are relevant follows from every file's imports and seeds, and how imports resolve.
  const key = cache ? digest({ project, files: sources.map((f) => [f.path, scans.get(f.path)!.seed, scans.get(f.path)!.specifiers]) }) : '';
  let relevant = cache?.relevance(key) ?? null;
  if (!relevant) {
    const recognizers = settings.recognizers;
    // Files a framework reads without anything importing them: auto-imported modules, tables that route actions by name,
    // and config files that declare routes.
    const autoImported = recognizers.flatMap((r) => (r.kind === 'framework'
      ? [
        ...(r.autoImports ?? []).map((a) => a.files),
        ...(r.routeFiles ?? []).flatMap((f) => (f.routeTable ? [f.routeTable.files] : [])),
        ...(r.routeDefiners ?? []).map((d) => d.configs),
      ].map(globMatcher)
      : []));
    relevant = relevantFiles(sources.map((f) => scans.get(f.path)!), resolver, (file) => autoImported.some((re) => re.test(appRelative(project.manifests, file))));
    cache?.storeRelevance(key, relevant);
  }
  lap(`relevance (${relevant.size} of ${sources.length} files in full)`);
  return { scans, relevant };
}

/**
 * The parse: full for the relevant files, thin for the rest. With a cache, a file parsed before
 * from the same bytes in the same mode is not parsed again; when the analysis is reused (`needIR`
 * false), what its parse reported is all that is needed of it.
 */
async function parseFiles(
  sources: ListedFile[], relevant: Set<string>, cache: ScanCache | null, needIR: boolean, pool: ParserPool, lap: (stage: string) => void,
): Promise<{ files: FileIR[]; diagnostics: Diagnostic[] }> {
  const results: ParsedFile[] = [];
  const requests: ParseRequest[] = [];
  for (const f of sources) {
    const full = relevant.has(f.path);
    const notes = cache?.notes(f.path, full);
    const kept = notes && full && needIR ? cache!.fullParse(f.path) : null;
    if (kept) results.push(kept);
    else if (notes && (!full || !needIR)) results.push({ ir: notedIR(f.path, notes), diagnostics: notes.diagnostics });
    else requests.push({ path: f.path, abs: f.abs, full });
  }
  const fresh = await pool.parse(requests);
  fresh.forEach((r, i) => cache?.storeParsed(requests[i]!.path, requests[i]!.full, r));
  lap(`parse (${requests.length} files)`);
  return collect([...results, ...fresh]);
}

/** The stages up to the parse: the cache, the listing, the project, the text pass and the parse. */
async function readAndParse(
  root: string, options: ScanOptions, settings: Settings, tokens: RelevanceTokens, pool: ParserPool, lap: (stage: string) => void, trustCache: boolean,
) {
  const recognizers = settings.recognizers;
  const fingerprint = options.cache ? digest([toolFingerprint(), tokens]) : '';
  const cacheDir = options.cache ? path.resolve(options.cache) : null;
  const opened = cacheDir === null ? null : trustCache ? ScanCache.open(cacheDir, fingerprint, root) : { cache: ScanCache.replacing(cacheDir, fingerprint), diagnostic: null };
  const cache = opened?.cache ?? null;
  const listed = listFiles(root, { includeTests: settings.includeTests, exclude: settings.exclude, include: settings.include });
  const project = discoverProject(root, listed.files);
  // Builds of scanned sources (a tsconfig's outDir, such as a committed functions/lib) would repeat every path.
  const sources = listed.files.filter((f) => f.kind === 'source' && !project.outDirs.some((d) => f.path.startsWith(`${d}/`)));
  const resolver = new ModuleResolver(project, new Set(sources.map((f) => f.path)), recognizers);
  const { scans, relevant } = await textPass(sources, project, resolver, options, settings, cache, pool, lap);
  // Everything the analysis reads: an edit elsewhere (a component, a test) leaves its result as it was.
  let analysisKey = '';
  let reused: { checks: CheckResult[]; diagnostics: Diagnostic[] } | null = null;
  if (cache) {
    analysisKey = digest({
      fingerprint, config: settings.config, entities: settings.entities, checks: settings.checks.map((c) => [c.id, settings.severityOf(c)]),
      project, sources: sources.map((f) => f.path), full: [...relevant].sort().map((p) => [p, scans.get(p)?.hash ?? null]),
    });
    reused = cache.analysis(analysisKey);
  }
  const parsed = await parseFiles(sources, relevant, cache, reused === null, pool, lap);
  return { opened, listed, project, sources, resolver, parsed, reused, analysisKey, relevant };
}

export async function scan(options: ScanOptions): Promise<Report> {
  if (!options.cache) return scanOnce(options, true);
  try {
    return await scanOnce(options, true);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    // The cache's files are checked for shape, not for every field of every record they hold: one
    // damaged past what those checks see must cost a cold scan, never the scan.
    const report = await scanOnce(options, false);
    const why = `the analysis failed on what it held: ${String((error as Error)?.message ?? error).slice(0, 120)}`;
    report.diagnostics = sortDiagnostics([...report.diagnostics, cacheIgnored(path.resolve(options.root), path.resolve(options.cache), why)]);
    return report;
  }
}

async function scanOnce(options: ScanOptions, trustCache: boolean): Promise<Report> {
  const started = performance.now();
  const root = path.resolve(options.root);
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new UsageError(`not a directory: ${options.root}`);
  const unknown = (options.checks ?? []).filter((id) => !CHECKS.some((c) => c.id === id));
  if (unknown.length > 0) throw new UsageError(`unknown check: ${unknown.join(', ')} (known: ${CHECKS.map((c) => c.id).join(', ')})`);
  // The config file, merged with the options; its payment wrappers and booking writes are recognizers.
  const settings = resolveSettings(options);
  const recognizers = settings.recognizers;

  const lap = (stage: string) => {
    if (process.env.BOOKFIRST_TIMINGS) process.stderr.write(`[timing] ${stage} ${Math.round(performance.now() - started)} ms\n`);
    options.onStage?.(stage);
  };
  const tokens = relevanceTokens(recognizers);
  const pool = new ParserPool(tokens, { threads: options.threads, hash: Boolean(options.cache) });
  pool.warm();
  // Everything until the parse is done runs with the pool up; whatever throws must still stop its workers.
  const read = await readAndParse(root, options, settings, tokens, pool, lap, trustCache).finally(() => pool.close());
  const { opened, listed, project, sources, resolver, parsed, reused, analysisKey, relevant } = read;
  const cache = opened?.cache ?? null;
  const files = new Map<string, FileIR>(parsed.files.map((ir) => [ir.file, ir]));
  if (reused) lap('analysis (from the cache)');
  const testScripts = new Set(sources.filter((f) => f.testScript).map((f) => f.path));
  const analysis = reused ?? analyze({ root, settings, project, files, resolver, lap, testScripts });
  const listedPaths = new Set(listed.files.map((f) => f.path));
  // A cache is a file in the tree (a repository may ship one): what it holds must name only files of
  // this scan, or the report would show others' lines (`../../etc/passwd`, a git-ignored `.env`).
  const stranger = cache ? strangerFile(analysis, listedPaths) : null;
  if (stranger !== null) throw new Error(`it names a file that is not part of this scan: ${JSON.stringify(stranger.slice(0, 100))}`);
  if (cache && !reused) cache.storeAnalysis(analysisKey, analysis.checks, analysis.diagnostics);
  const checks = analysis.checks;
  noteUnparsed(checks, parsed.files, relevant);
  const suppressionDiagnostics = applySuppressions(checks, files, CHECKS);
  attachSnippets(root, checks, listedPaths);
  const cacheDiagnostics = [opened?.diagnostic, cache?.damageDiagnostic(root), cache?.save(sources.map((f) => f.path))].filter((d): d is Diagnostic => Boolean(d));

  const diagnostics = sortDiagnostics([
    ...listed.diagnostics, ...includeDiagnostics(settings, listed.unmatchedIncludes, sources.length),
    ...configDiagnostics(settings.config, listed.files, project), ...project.diagnostics, ...parsed.diagnostics,
    ...analysis.diagnostics, ...suppressionDiagnostics, ...cacheDiagnostics,
  ]);
  return {
    schemaVersion: 1,
    tool: { name: 'bookfirst', version: VERSION },
    root: options.root,
    checks,
    diagnostics,
    stats: {
      files: sources.length,
      parsed: parsed.files.filter((f) => !f.skipped).length,
      parseErrors: parsed.files.filter(failedToParse).length,
      durationMs: Math.round(performance.now() - started),
    },
  };
}

function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => (a.file === b.file ? a.line - b.line || (a.code < b.code ? -1 : 1) : a.file < b.file ? -1 : 1));
}

/**
 * A skip decided without files that payment or booking code may depend on, because they failed to
 * parse, may be wrong (the only checkout route has a syntax error): its detail names them.
 */
function noteUnparsed(checks: CheckResult[], files: FileIR[], relevant: Set<string>): void {
  const unparsed = files.filter((ir) => relevant.has(ir.file) && failedToParse(ir)).map((ir) => ir.file).sort();
  if (unparsed.length === 0) return;
  const listed = unparsed.slice(0, 5).join(', ') + (unparsed.length > 5 ? ` and ${unparsed.length - 5} more` : '');
  const count = unparsed.length === 1 ? '1 file' : `${unparsed.length} files`;
  for (const c of checks) {
    if (c.verdict === 'skip' && !c.detail) c.detail = `${count} that payment or booking code may depend on could not be parsed (${listed}): ${unparsed.length === 1 ? 'what it holds was' : 'what they hold was'} not analyzed, so this skip may be wrong.`;
  }
}

function failedToParse(ir: FileIR): boolean {
  return ir.diagnostics.some((d) => d.code === 'parse-error');
}
