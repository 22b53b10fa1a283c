// What a scan runs with once the config file and the caller's options are merged. Options (the
// command line's flags) override the config: an explicit check list runs those checks even when
// the config turns them off, `include` replaces the config's, `exclude` adds to it.
import path from 'node:path';
import type { CheckDefinition } from '../checks/define.js';
import { CHECKS } from '../checks/index.js';
import type { ListedFile } from '../files/walk.js';
import type { Diagnostic, Severity } from '../model/report.js';
import type { Recognizer } from '../recognizers/define.js';
import { RECOGNIZERS } from '../recognizers/index.js';
import { CONFIG_FILES, loadConfig, type BookfirstConfig } from './config.js';
import { configRecognizers } from './config-recognizers.js';
import type { Project, SchemaEntity } from './discover.js';

export interface SettingsInput {
  /** The root as the caller wrote it (config messages name files under it). */
  root: string;
  /** A config file, a config already loaded, false for none, or undefined to look at the root. */
  config?: string | false | BookfirstConfig;
  checks?: string[];
  includeTests?: boolean;
  include?: string[];
  exclude?: string[];
  entities?: string[];
}

export interface Settings {
  config: BookfirstConfig;
  includeTests: boolean;
  include: string[];
  /** Where `include` comes from: the config file, root-relative, or null for the command line. */
  includeOrigin: string | null;
  exclude: string[];
  /** Extra booking-like names for the vocabulary. */
  entities: string[];
  /** Entities the config maps to tables, as schema entities. */
  schemaEntities: SchemaEntity[];
  /** Built-in recognizers, then those the config declares. */
  recognizers: Recognizer[];
  checks: CheckDefinition[];
  severityOf(check: CheckDefinition): Severity;
}

export function resolveSettings(input: SettingsInput): Settings {
  const config = typeof input.config === 'object' ? input.config : loadConfig(input.root, input.config);
  const explicit = input.checks ?? [];
  // Root-relative, like every other file the project names.
  const fromFlags = input.include !== undefined && input.include.length > 0;
  const file = config.file ? path.relative(path.resolve(input.root), path.resolve(config.file)).split(path.sep).join('/') : '';
  return {
    config,
    includeTests: input.includeTests ?? config.includeTests ?? false,
    include: fromFlags ? input.include! : config.include,
    includeOrigin: fromFlags ? null : file || null,
    exclude: [...config.exclude, ...(input.exclude ?? [])],
    entities: [...config.entities.map((e) => e.name), ...config.bookingWrites.map((w) => w.entity), ...(input.entities ?? [])],
    schemaEntities: config.entities.filter((e) => e.table).map((e) => ({ name: e.name, table: e.table, file, line: 1, source: 'config' })),
    recognizers: [...RECOGNIZERS, ...configRecognizers(config, RECOGNIZERS)],
    checks: explicit.length > 0 ? CHECKS.filter((c) => explicit.includes(c.id)) : CHECKS.filter((c) => config.checks[c.id]?.enabled !== false),
    severityOf: (check) => config.checks[check.id]?.severity ?? check.severity,
  };
}

/**
 * What the config says that cannot work, so nobody wonders why it does nothing: config files below
 * the root are not read, and a wrapper in a package the scan contains is followed, not matched.
 */
export function configDiagnostics(config: BookfirstConfig, files: ListedFile[], project: Pick<Project, 'root' | 'packages'>): Diagnostic[] {
  const out: Diagnostic[] = files
    .filter((f) => f.kind === 'config' && f.path.includes('/') && CONFIG_FILES.includes(f.path.slice(f.path.lastIndexOf('/') + 1)))
    .map((f) => ({ file: f.path, line: 1, severity: 'info', code: 'config-not-root', message: `only the scanned root's ${CONFIG_FILES.join(' or ')} is read; this one is ignored (scan its directory, or pass --config)` }));
  const where = config.file ? path.relative(project.root, path.resolve(config.file)).split(path.sep).join('/') : '';
  const file = where && !where.startsWith('..') ? where : config.file ?? '.';
  for (const [key, list] of [['payments', config.payments], ['bookingWrites', config.bookingWrites]] as const) {
    list.forEach((item, i) => {
      const name = packageName(item.module);
      if (!Object.hasOwn(project.packages, name)) return;
      out.push({
        file, line: 1, severity: 'warning', code: 'config-module-scanned',
        message: `${key}[${i}].module ${item.module} is a package of this workspace (${project.packages[name] || '.'}): calls into it are followed into its code, so this entry matches nothing`,
      });
    });
  }
  return out;
}

/** The include globs that matched no source file: a typo there leaves the scan empty, and says nothing else. */
export function includeDiagnostics(settings: Pick<Settings, 'includeOrigin'>, unmatched: string[], sourcesListed: number): Diagnostic[] {
  const where = settings.includeOrigin === null ? ' (--include)' : '';
  const consequence = sourcesListed === 0 ? ': nothing was scanned' : '';
  return unmatched.map((glob) => ({
    file: settings.includeOrigin ?? '.', line: 1, severity: 'warning', code: 'include-unmatched',
    message: `include glob ${JSON.stringify(glob)}${where} matches no source file${consequence}`,
  }));
}

function packageName(module: string): string {
  const parts = module.split('/');
  return parts.slice(0, module.startsWith('@') ? 2 : 1).join('/');
}
