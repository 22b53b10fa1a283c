// The one place that knows the stage order:
// project -> files -> parse -> resolve -> symbols -> recognize -> call graph/entries -> checks -> report.
import fs from 'node:fs';
import path from 'node:path';
import { FlowFacts } from '../analysis/flow-facts.js';
import { indexFacts, type Program } from '../analysis/program.js';
import { findWebhookHandlers, type WebhookHandler } from '../analysis/webhooks.js';
import { CHECKS } from '../checks/index.js';
import type { CheckContext } from '../checks/define.js';
import { listFiles } from '../files/walk.js';
import { buildCallGraph } from '../graph/call-graph.js';
import { declaredEntries, findEntries } from '../graph/entries.js';
import type { FileIR } from '../model/ir.js';
import type { CheckResult, Diagnostic, Report } from '../model/report.js';
import { discoverProject } from '../project/discover.js';
import { factsOfFile, isBookingEntity, type FactContext, type SiteFact } from '../recognize/facts.js';
import { unresolvedPaymentCalls } from '../recognize/unresolved.js';
import { Matcher } from '../recognizers/match.js';
import { RECOGNIZERS } from '../recognizers/index.js';
import { Vocabulary } from '../recognizers/vocabulary.js';
import { ModuleResolver } from '../resolve/resolve.js';
import { Evaluator } from '../symbols/evaluate.js';
import { parseSources } from './parse-all.js';
import { applicability } from './applicability.js';
import { attachSnippets } from './snippets.js';
import { applySuppressions } from './suppressions.js';
import { appOf, autoImports, frameworkActive, implicitEntries, paramSources, passesThrough } from './wiring.js';
import { VERSION } from './version.js';

export interface ScanOptions {
  /** Directory to scan. */
  root: string;
  /** Check ids to run (default: all). */
  checks?: string[];
  /** Scan test and fixture files for paths too. */
  includeTests?: boolean;
  /** Root-relative globs to leave out. */
  exclude?: string[];
  /** Extra booking-like entity names. */
  entities?: string[];
  /** Parser worker threads (default: available cores; 0 parses on the calling thread). */
  threads?: number;
  /** Called as each stage finishes (for a progress line). */
  onStage?: (stage: string) => void;
}

export class UsageError extends Error {}

/** One file's analysis failing must cost that file, never the scan. */
function guarded<T>(file: string, errors: Map<string, unknown>, run: () => T, fallback: T): T {
  try {
    return run();
  } catch (error) {
    errors.set(file, error);
    return fallback;
  }
}

export async function scan(options: ScanOptions): Promise<Report> {
  const started = performance.now();
  const root = path.resolve(options.root);
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new UsageError(`not a directory: ${options.root}`);
  const unknown = (options.checks ?? []).filter((id) => !CHECKS.some((c) => c.id === id));
  if (unknown.length > 0) throw new UsageError(`unknown check: ${unknown.join(', ')} (known: ${CHECKS.map((c) => c.id).join(', ')})`);

  const timings: [string, number][] = [];
  let mark = performance.now();
  const lap = (stage: string) => {
    const now = performance.now();
    timings.push([stage, Math.round(now - mark)]);
    mark = now;
    if (process.env.BOOKFIRST_TIMINGS) process.stderr.write(`[timing] ${stage} ${Math.round(now - started)} ms\n`);
    options.onStage?.(stage);
  };
  const listed = listFiles(root, { includeTests: options.includeTests, exclude: options.exclude });
  const project = discoverProject(root, listed.files);
  // Builds of scanned sources (a tsconfig's outDir, such as a committed functions/lib) would repeat every path.
  const sources = listed.files.filter((f) => f.kind === 'source' && !project.outDirs.some((d) => f.path.startsWith(`${d}/`)));
  const parsed = await parseSources(sources, { threads: options.threads });
  lap('parse');
  const files = new Map<string, FileIR>(parsed.files.map((ir) => [ir.file, ir]));
  const resolver = new ModuleResolver(project, new Set(files.keys()), RECOGNIZERS);
  const ev = new Evaluator(files, resolver);
  const vocabulary = new Vocabulary(options.entities ?? []);
  const factContext: FactContext = {
    ev, matcher: new Matcher(RECOGNIZERS), vocabulary, providers: RECOGNIZERS.filter((r) => r.kind === 'provider'),
    schemaNames: new Map(project.schemaEntities.map((e) => [e.name.toLowerCase(), e.name])),
    sqlFunctions: new Map(project.sqlFunctions.map((f) => [f.name.toLowerCase(), f])),
    bookingTables: new Set(project.schemaEntities.filter((e) => vocabulary.isBookingLike(e.name) && e.table).map((e) => e.table!.toLowerCase())),
  };
  const irs = [...files.values()];

  const frameworks = RECOGNIZERS.filter((r) => r.kind === 'framework');
  // Two rounds: parameters learn their callers' arguments once a first call graph exists.
  const analysisErrors = new Map<string, unknown>();
  let facts: SiteFact[] = [];
  let index = indexFacts([]);
  let graph = buildCallGraph(ev, irs, index.bySite);
  for (let round = 0; round < 2; round++) {
    ev.paramSource = paramSources(ev, factContext.matcher, round === 0 ? null : graph, frameworks);
    ev.passesThrough = passesThrough(factContext.matcher);
    ev.globalSource = autoImports(ev, project.manifests, RECOGNIZERS.filter((r) => r.kind === 'framework'));
    ev.reset();
    facts = irs.flatMap((ir) => guarded(ir.file, analysisErrors, () => factsOfFile(factContext, ir), []));
    index = indexFacts(facts);
    lap(`facts round ${round}`);
    graph = buildCallGraph(ev, irs, index.bySite, (file, error) => analysisErrors.set(file, error), frameworks);
    lap(`call graph round ${round}`);
  }
  const appRelative = (file: string) => {
    const dir = appOf(project.manifests, file)?.dir ?? '';
    return dir ? file.slice(dir.length + 1) : file;
  };
  const entries = [
    ...declaredEntries(ev, irs, project.declaredHandlers),
    ...findEntries(ev, irs, frameworks, facts, frameworkActive(project.manifests), appRelative),
  ]
    .filter((e, i, all) => all.findIndex((x) => x.fn === e.fn) === i)
    // A message handler with senders in the scan is a step of their chains.
    .filter((e) => !(graph.in.get(e.fn) ?? []).some((x) => x.message));
  const program: Program = {
    root, project, files, ev, recognizers: RECOGNIZERS, vocabulary, facts,
    factsBySite: index.bySite, factsByFn: index.byFn, graph, entries: [],
    isBookingEntity: (name) => isBookingEntity(factContext, name),
  };
  program.entries = [...entries, ...implicitEntries(program, entries)].sort((a, b) => (a.file === b.file ? a.pos - b.pos : a.file < b.file ? -1 : 1));

  const flowCache = new Map<string, FlowFacts>();
  let webhooks: WebhookHandler[] | null = null;
  const cx: CheckContext = {
    program,
    flowFacts: (name, isRecordFact) => {
      let f = flowCache.get(name);
      if (!f) flowCache.set(name, (f = new FlowFacts(program, isRecordFact)));
      return f;
    },
    webhooks: () => (webhooks ??= findWebhookHandlers(program)),
    applicability: () => applicability(program),
  };
  const selected = options.checks && options.checks.length > 0 ? CHECKS.filter((c) => options.checks!.includes(c.id)) : CHECKS;
  const checks: CheckResult[] = selected.map((check) => {
    const base = { id: check.id, catalogId: check.catalogId, label: check.label, severity: check.severity, cwe: check.cwe, description: check.description };
    try {
      const outcome = check.run(cx);
      return { ...base, ...outcome, summary: check.summary(outcome.passed, outcome.total) };
    } catch (error) {
      return {
        ...base, verdict: 'error', skipReason: null, passed: 0, total: 0, summary: check.summary(0, 0),
        detail: `internal error: ${(error as Error).stack ?? String(error)}`.slice(0, 2000), remediation: '', paths: [],
      };
    }
  });
  lap('checks');
  const suppressionDiagnostics = applySuppressions(checks, files, CHECKS);
  attachSnippets(root, checks);

  const unresolved = unresolvedPaymentCalls(irs, factContext.providers, index.bySite);
  const analysisDiagnostics: Diagnostic[] = [...unresolved, ...[...analysisErrors].map(([file, error]): Diagnostic => ({
    file, line: 1, severity: 'error', code: 'analysis-error', message: `part of this file could not be analyzed: ${String(error).slice(0, 300)}`,
  }))];
  const diagnostics: Diagnostic[] = [...listed.diagnostics, ...project.diagnostics, ...parsed.diagnostics, ...analysisDiagnostics, ...suppressionDiagnostics].sort(
    (a, b) => (a.file === b.file ? a.line - b.line || (a.code < b.code ? -1 : 1) : a.file < b.file ? -1 : 1),
  );
  return {
    schemaVersion: 1,
    tool: { name: 'bookfirst', version: VERSION },
    root: options.root,
    checks,
    diagnostics,
    stats: {
      files: sources.length,
      parsed: parsed.files.filter((f) => !f.skipped).length,
      parseErrors: parsed.files.filter((f) => f.diagnostics.some((d) => d.code === 'parse-error')).length,
      durationMs: Math.round(performance.now() - started),
    },
  };
}
