// The analysis proper, on the parsed files: symbols -> recognize -> call graph and entry points ->
// checks. Its result depends only on its inputs (see cache.ts, which keys it by them).
import { bookingPaymentPaths, isBookingRecord } from '../analysis/booking-paths.js';
import { FlowFacts } from '../analysis/flow-facts.js';
import { indexFacts, type Program } from '../analysis/program.js';
import { locate } from '../analysis/payment-paths.js';
import { findWebhookHandlers, type WebhookHandler } from '../analysis/webhooks.js';
import type { CheckContext } from '../checks/define.js';
import { buildCallGraph, type CallGraph } from '../graph/call-graph.js';
import { configuredEntries } from '../graph/config-entries.js';
import { declaredEntries, findEntries } from '../graph/entries.js';
import { routeConfigEntries } from '../graph/route-configs.js';
import { routeDefinerEntries } from '../graph/route-definers.js';
import type { FileIR } from '../model/ir.js';
import type { CheckResult, Diagnostic, Location, PathResult } from '../model/report.js';
import type { Project } from '../project/discover.js';
import { declaredEntities, entityCatalogs, modelNames } from '../project/entities.js';
import type { Settings } from '../project/settings.js';
import { factsOfFile, isBookingEntity, type FactContext, type SiteFact } from '../recognize/facts.js';
import { Matcher } from '../recognizers/match.js';
import { Vocabulary } from '../recognizers/vocabulary.js';
import type { ModuleResolver } from '../resolve/resolve.js';
import { Evaluator } from '../symbols/evaluate.js';
import { append } from '../util/append.js';
import { applicability } from './applicability.js';
import { contextValues } from './context-values.js';
import { schemaFunctions } from './schema-functions.js';
import { appOf, appRelative, autoImports, boundThis, frameworkActive, implicitEntries, paramSources, passesThrough, resultSources } from './wiring.js';

export interface AnalysisInput {
  root: string;
  settings: Settings;
  project: Project;
  /** Every parsed file; thin ones (no functions) only add their declarations' absence. */
  files: Map<string, FileIR>;
  resolver: ModuleResolver;
  lap: (stage: string) => void;
  /** Files named like test scripts (`test-accounts.ts`, `ListedFile.testScript`): scanned, but never entry points. */
  testScripts?: Set<string>;
}

export function analyze({ root, settings, project, files, resolver, lap, testScripts = new Set() }: AnalysisInput): { checks: CheckResult[]; diagnostics: Diagnostic[] } {
  const recognizers = settings.recognizers;
  const ev = new Evaluator(files, resolver);
  ev.modelNames = modelNames(ev, recognizers);
  const vocabulary = new Vocabulary(settings.entities);
  // The entity catalog: schema files', the config's, and what the code declares (`pgTable('tbl_res')`).
  append(project.schemaEntities, [...settings.schemaEntities, ...declaredEntities(ev, files.values(), recognizers)]);
  vocabulary.excludeHelpDeskTickets(project.schemaEntities);
  vocabulary.includeAdmissionOrders(project.schemaEntities);
  vocabulary.excludeOfferedItems(project.schemaEntities);
  vocabulary.excludeBookingParts(project.schemaEntities);
  const factContext: FactContext = {
    ev, matcher: new Matcher(recognizers), vocabulary, providers: recognizers.filter((r) => r.kind === 'provider'),
    // Per app: a model another app of the tree declares does not name this app's records.
    catalog: entityCatalogs(project.schemaEntities, project.manifests, vocabulary, (file) => appOf(project.manifests, file)),
    sqlFunctions: new Map(project.sqlFunctions.map((f) => [f.name.toLowerCase(), f])),
  };
  // Thin files (nothing payment or booking code depends on) have no functions: leave them out of the analysis.
  const irs = [...files.values()].filter((ir) => ir.functions.length > 0);

  const frameworks = recognizers.filter((r) => r.kind === 'framework');
  const stores = recognizers.filter((r) => r.kind === 'store');
  const analysisErrors = new Map<string, unknown>();
  // Two rounds: parameters and results learn their callers' arguments once a first call graph
  // exists; the first round has none to ask.
  const round = (n: number, callers: CallGraph | null) => {
    ev.paramSource = paramSources(ev, factContext.matcher, callers, frameworks);
    ev.passesThrough = passesThrough(factContext.matcher);
    ev.resultSource = resultSources(ev, factContext.matcher, callers, frameworks);
    ev.globalSource = autoImports(ev, project.manifests, frameworks);
    ev.schemaFunctions = schemaFunctions(ev, stores);
    ev.contextValues = contextValues(ev, frameworks);
    ev.thisSource = boundThis(ev, factContext.matcher);
    ev.requestBags = new Set(frameworks.flatMap((fw) => fw.requestBags ?? []));
    ev.reset();
    const facts = irs.flatMap((ir) => guarded(ir.file, analysisErrors, () => factsOfFile(factContext, ir), []));
    const index = indexFacts(facts);
    lap(`facts round ${n}`);
    const graph = buildCallGraph(ev, irs, index.bySite, (file, error) => analysisErrors.set(file, error), frameworks);
    lap(`call graph round ${n}`);
    return { facts, index, graph };
  };
  const { facts, index, graph } = round(1, round(0, null).graph);
  const unserved = new Set<string>();
  const entries = [
    ...declaredEntries(ev, irs, project.declaredHandlers),
    // Before the file-route conventions: a config's path wins over the one a file name suggests.
    ...routeConfigEntries(ev, irs, frameworks),
    ...routeDefinerEntries(ev, irs, frameworks),
    ...findEntries(ev, irs, frameworks, facts, frameworkActive(project.manifests, project.siteConfigs), (file) => appRelative(project.manifests, file), project.schemaEntities, unserved),
    ...configuredEntries(ev, irs, settings.config.entries),
  ]
    .filter((e, i, all) => all.findIndex((x) => x.fn === e.fn) === i)
    // A message handler with senders in the scan is a step of their chains.
    .filter((e) => !(graph.in.get(e.fn) ?? []).some((x) => x.message))
    // A script run by hand against a sandbox (`test-checkout.ts`) is no way into the app.
    .filter((e) => !testScripts.has(e.file));
  const program: Program = {
    root, project, files, ev, recognizers, vocabulary, facts,
    factsBySite: index.bySite, factsByFn: index.byFn, graph, entries: [],
    isBookingEntity: (name, file) => isBookingEntity(factContext, name, file),
  };
  program.entries = [...entries, ...implicitEntries(program, entries, frameworks, unserved).filter((e) => !testScripts.has(e.file))].sort((a, b) => (a.file === b.file ? a.pos - b.pos : a.file < b.file ? -1 : 1));

  const flowCache = new Map<string, FlowFacts>();
  let webhooks: WebhookHandler[] | null = null;
  let skip: string | null | undefined;
  const cx: CheckContext = {
    program,
    flowFacts: (name, isRecordFact) => {
      let f = flowCache.get(name);
      if (!f) flowCache.set(name, (f = new FlowFacts(program, isRecordFact)));
      return f;
    },
    webhooks: () => (webhooks ??= findWebhookHandlers(program)),
    // Every check asks; null (applies) is an answer too.
    applicability: () => (skip === undefined ? (skip = applicability(program)) : skip),
    unpaidBookings: () => {
      const paths = bookingPaymentPaths(program, cx.flowFacts('booking-record', isBookingRecord), cx.webhooks());
      return paths.length > 0 && paths.every((p) => p.excluded) ? 'no-booking-payments' : null;
    },
  };
  const checks: CheckResult[] = settings.checks.map((check) => {
    const base = { id: check.id, catalogId: check.catalogId, label: check.label, severity: settings.severityOf(check), cwe: check.cwe, description: check.description };
    try {
      const outcome = check.run(cx);
      lap(`check ${check.id}`);
      return { ...base, ...outcome, paths: [...outcome.paths].sort(byLocation), summary: check.summary(outcome.passed, outcome.total) };
    } catch (error) {
      return {
        ...base, verdict: 'error', skipReason: null, passed: 0, total: 0, summary: check.summary(0, 0),
        detail: `internal error: ${(error as Error).stack ?? String(error)}`.slice(0, 2000), remediation: '', paths: [],
      };
    }
  });
  lap('checks');
  const analysisDiagnostics: Diagnostic[] = [...[...analysisErrors].map(([file, error]): Diagnostic => ({
    file, line: 1, severity: 'error', code: 'analysis-error', message: `part of this file could not be analyzed: ${String(error).slice(0, 300)}`,
  })), ...unresolvedImports(program, irs, resolver)];
  return { checks, diagnostics: analysisDiagnostics };
}

const ASSET = /\.(?:css|scss|sass|less|styl|pcss|postcss|svg|png|jpe?g|gif|webp|avif|ico|bmp|json|jsonc|md|mdx|txt|html?|vue|svelte|astro|graphql|gql|ya?ml|toml|wasm|woff2?|ttf|otf|eot|mp[34]|webm|wav|csv|xml|pdf|glsl|wgsl|sql|prisma)$/i;

/**
 * Imports of analyzed files that name no file in the scan (a generated or git-ignored module, an
 * alias whose folder is missing or outside the root): relative ones, and those a tsconfig path
 * alias claims. What comes through them is known by name only, so the user should hear of it.
 */
function unresolvedImports(program: Program, irs: FileIR[], resolver: ModuleResolver): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const ir of irs) {
    const seen = new Set<string>();
    for (const i of ir.imports) {
      if (i.typeOnly || seen.has(i.specifier)) continue;
      seen.add(i.specifier);
      const isRelative = /^\.{1,2}\//.test(i.specifier);
      // Stylesheets, images and `?raw` text are a bundler's business, not code.
      if ((isRelative && /[?#]/.test(i.specifier)) || ASSET.test(i.specifier)) continue;
      const relative = isRelative && resolver.resolve(ir.file, i.specifier).kind === 'unresolved';
      const alias = isRelative ? null : resolver.missedAlias(ir.file, i.specifier);
      if ((!relative && !alias) || resolver.namesDeclarations(ir.file, i.specifier)) continue;
      const { line } = locate(program, ir.file, ir.bindings[i.binding]?.pos ?? 0);
      const why = alias ? ` (it matches the path alias \`${alias.pattern}\` of ${alias.config})` : '';
      out.push({ file: ir.file, line, severity: 'info', code: 'import-unresolved', message: `${i.specifier.length > 200 ? `${i.specifier.slice(0, 200)}…` : i.specifier} is not a file of this scan${why}: calls through it are recognized by name only` });
    }
  }
  return out;
}

const compareLocation = (a: Location, b: Location) => (a.file === b.file ? a.line - b.line || a.column - b.column : a.file < b.file ? -1 : 1);

/** Paths in a stable order, whatever order a check found them in: by entry point, then payment call. */
function byLocation(a: PathResult, b: PathResult): number {
  return compareLocation(a.entry, b.entry) || compareLocation(a.payment, b.payment) || (a.payment.api < b.payment.api ? -1 : a.payment.api > b.payment.api ? 1 : 0);
}

/** One file's analysis failing must cost that file, never the scan. */
function guarded<T>(file: string, errors: Map<string, unknown>, run: () => T, fallback: T): T {
  try {
    return run();
  } catch (error) {
    errors.set(file, error);
    return fallback;
  }
}
