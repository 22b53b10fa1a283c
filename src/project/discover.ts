// Reads what describes the project: every package.json (root, workspaces, nested apps), Deno
// configs and import maps, tsconfig/jsconfig files (checked here, applied by the resolver) and
// schema files that name entities (Prisma models, SQL tables).
import fs from 'node:fs';
import path from 'node:path';
import { isFile, PROJECT_FILE_BYTES, readRegularText } from '../files/read.js';
import { EXTENSIONS } from '../resolve/resolve.js';
import type { ListedFile } from '../files/walk.js';
import type { Diagnostic } from '../model/report.js';
import { parseJsonc } from '../util/jsonc.js';
import { isObject, kindOf } from '../util/jsonc.js';
import { pnpmWorkspaceProblem } from './pnpm-workspace.js';
import { append } from '../util/append.js';
import { addTo } from '../util/multimap.js';
import { aliasOptionProblems, configReads, effectiveAliases, linkProblems, type PathAliases } from './tsconfig-paths.js';
import { declaredHandlers, isDeploymentDescriptor, type DeclaredHandler } from './deployment.js';
import { closingParens, lineAt, netlifySchedules, pgCronJobs, prismaFields, sqlAlteredDefaults, sqlColumns, vercelCrons, type CronRoute, type SchemaField, type SqlJob } from './schema-fields.js';

export interface Manifest {
  /** Root-relative posix directory ('' for the root). */
  dir: string;
  name: string | null;
  dependencies: string[];
  /** `main`, `module`, `exports["."]`, used to find a workspace package's entry file. */
  entryFields: string[];
}

export interface SchemaEntity {
  /** Model, table or collection name as declared. */
  name: string;
  /** Table it is stored in, when the schema maps it (`@@map`). */
  table: string | null;
  file: string;
  line: number;
  /** 'prisma', 'sql', the id of the store whose code declares it (`src/project/entities.ts`), or 'config'. */
  source: string;
  /** Fields with their defaults, where the schema file declares them (Prisma models, SQL tables). */
  fields?: SchemaField[];
  /**
   * Column names of an entity class the code declares (TypeORM `@Entity`), for what they say the
   * records are; their defaults are read with the program (`src/analysis/schema-defaults.ts`).
   */
  columns?: string[];
  /** Those of `columns` that may be empty (a Drizzle column without `.notNull()`). */
  optionalColumns?: string[];
  /** The URL segment a Strapi collection type's core routes take (`info.pluralName`). */
  plural?: string;
}

export interface Project {
  root: string;
  manifests: Manifest[];
  /** Workspace package name -> root-relative directory. */
  packages: Record<string, string>;
  /** Deno import map entries: specifier (or prefix ending in '/') -> target. */
  denoImports: Record<string, string>;
  tsconfigs: string[];
  /** Compiled output folders (tsconfig `outDir`), root-relative: their files are builds of sources we scan. */
  outDirs: string[];
  /** Effective `paths` of each tsconfig/jsconfig (following `extends`), by config path. */
  aliases: Record<string, PathAliases>;
  /** Configs whose `extends` or `references` reach a FIFO, a device or a huge file: the resolver applies only their `aliases`. */
  refusedConfigs: string[];
  schemaEntities: SchemaEntity[];
  /** Handlers named by deployment descriptors (SAM template.yaml, serverless.yml). */
  declaredHandlers: DeclaredHandler[];
  /** SQL functions of the migrations (`create function f() ... $$ insert into bookings ... $$`) and the tables they touch. */
  sqlFunctions: SqlFunction[];
  /** Routes requested on a schedule (Vercel `crons`, Netlify scheduled functions). */
  cronRoutes: CronRoute[];
  /** Hosting platforms' site configuration files (`netlify.toml`), root-relative: see a framework's `siteConfigs`. */
  siteConfigs: string[];
  /** pg_cron jobs of the migrations. */
  sqlJobs: SqlJob[];
  /**
   * Root-relative folders a Prisma schema generates its client into (`output = "../src/server/orm"`),
   * usually git-ignored: an import of one is `@prisma/client`.
   */
  prismaClients: string[];
  diagnostics: Diagnostic[];
}

export function discoverProject(root: string, files: ListedFile[]): Project {
  const project: Project = { root, manifests: [], packages: {}, denoImports: {}, tsconfigs: [], outDirs: [], aliases: {}, refusedConfigs: [], schemaEntities: [], sqlFunctions: [], cronRoutes: [], sqlJobs: [], prismaClients: [], declaredHandlers: [], siteConfigs: [], diagnostics: [] };
  const altered: { table: string; field: SchemaField }[] = [];
  for (const f of files) {
    if (f.kind === 'manifest') readManifest(project, f);
    else if (f.kind === 'deno') readDenoConfig(project, f);
    else if (f.kind === 'tsconfig') checkTsconfig(project, f);
    else if (f.kind === 'schema') {
      const text = read(project, f) ?? '';
      append(project.schemaEntities, prismaModels(f, text));
      append(project.prismaClients, prismaClientOutputs(f.path, text));
    }
    else if (f.kind === 'content-type') append(project.schemaEntities, strapiContentType(f, read(project, f) ?? ''));
    else if (f.kind === 'config' && isDeploymentDescriptor(f.path.slice(f.path.lastIndexOf('/') + 1))) {
      append(project.declaredHandlers, declaredHandlers(f.path, read(project, f) ?? ''));
    } else if (f.kind === 'sql') {
      const text = read(project, f) ?? '';
      append(project.schemaEntities, sqlTables(f, text));
      append(project.sqlFunctions, sqlFunctions(f, text));
      append(project.sqlJobs, pgCronJobs(f.path, text));
      append(altered, sqlAlteredDefaults(text));
    } else if (f.kind === 'config' && f.path.endsWith('vercel.json')) {
      const text = read(project, f) ?? '';
      let json: Record<string, unknown> | null = null;
      try {
        json = JSON.parse(text) as Record<string, unknown>;
      } catch {
        json = null;
      }
      append(project.cronRoutes, vercelCrons(f.path, text, json));
    } else if (f.kind === 'config' && (f.path === 'pnpm-workspace.yaml' || f.path.endsWith('/pnpm-workspace.yaml'))) {
      const problem = pnpmWorkspaceProblem(read(project, f) ?? '');
      if (problem) project.diagnostics.push({ file: f.path, line: 1, severity: 'info', code: 'workspace-config-invalid', message: `${problem}; pnpm cannot read this file (bookfirst finds workspace packages by their package.json, so the scan is not affected)` });
    } else if (f.kind === 'config' && f.path.endsWith('netlify.toml')) {
      project.siteConfigs.push(f.path);
      append(project.cronRoutes, netlifySchedules(f.path, read(project, f) ?? ''));
    }
  }
  // By table, the first that declares it, as a search of the list would find: a dump alters thousands.
  const byTable = new Map<string, SchemaEntity>();
  for (const e of project.schemaEntities) if (e.source === 'sql' && e.table && !byTable.has(e.table.toLowerCase())) byTable.set(e.table.toLowerCase(), e);
  for (const { table, field } of altered) {
    const entity = byTable.get(table.toLowerCase());
    if (!entity) continue;
    const fields = (entity.fields ??= []);
    const existing = fields.find((x) => x.name === field.name);
    if (existing) existing.default = field.default ?? existing.default;
    else fields.push(field);
  }
  // After the manifests: `extends` may name a workspace package.
  const cycles = new Set<string>();
  const unsafe = new Set<string>();
  const reads = configReads();
  for (const config of project.tsconfigs) {
    const aliases = effectiveAliases(config, { root, packages: project.packages, diagnostics: project.diagnostics, cycles, unsafe, reads });
    if (aliases) project.aliases[config] = aliases;
  }
  append(project.diagnostics, missingAliasFolders(project));
  project.refusedConfigs = [...unsafe].sort();
  return project;
}

function read(project: Project, f: ListedFile): string | null {
  const read = readRegularText(f.abs, PROJECT_FILE_BYTES);
  if (read.ok) return read.text;
  project.diagnostics.push({ file: f.path, line: 1, severity: 'warning', code: read.code, message: read.message });
  return null;
}

function parseConfig(project: Project, f: ListedFile, code: string): Record<string, unknown> | null {
  const text = read(project, f);
  if (text === null) return null;
  try {
    const value = parseJsonc(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    throw new Error('not a JSON object');
  } catch (error) {
    project.diagnostics.push({ file: f.path, line: 1, severity: 'warning', code, message: `could not be read as JSON: ${(error as Error).message}` });
    return null;
  }
}

function dirOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i === -1 ? '' : p.slice(0, i);
}

function readManifest(project: Project, f: ListedFile): void {
  const json = parseConfig(project, f, 'manifest-invalid');
  if (!json) return;
  const deps = new Set<string>();
  for (const field of ['dependencies', 'devDependencies', 'peerDependencies', 'optionalDependencies']) {
    const v = json[field];
    if (isObject(v)) for (const name of Object.keys(v)) deps.add(name);
    else if (v !== undefined && v !== null) manifestFieldInvalid(project, f, field, `is ${kindOf(v)}, not an object of package names and versions; its packages are unknown`);
  }
  // Not read (every package.json of the tree is found by the walk), but npm and yarn fail on it.
  const { workspaces } = json;
  if (isObject(workspaces)) {
    if (workspaces.packages !== undefined && !Array.isArray(workspaces.packages)) manifestFieldInvalid(project, f, 'workspaces.packages', `is ${kindOf(workspaces.packages)}, not an array of folder globs`);
  } else if (workspaces !== undefined && !Array.isArray(workspaces)) {
    manifestFieldInvalid(project, f, 'workspaces', `is ${kindOf(workspaces)}, not an array of folder globs (nor { packages: [...] })`);
  }
  const dir = dirOf(f.path);
  const name = typeof json.name === 'string' ? json.name : null;
  const entryFields: string[] = [];
  const exp = json.exports;
  const dot = exp && typeof exp === 'object' ? (exp as Record<string, unknown>)['.'] ?? exp : exp;
  collectStrings(dot, entryFields);
  for (const field of ['source', 'module', 'main', 'types']) if (typeof json[field] === 'string') entryFields.push(json[field] as string);
  project.manifests.push({ dir, name, dependencies: [...deps].sort(), entryFields });
  // Own keys only: a package may be named `constructor`; `__proto__` cannot be one of a plain object's keys.
  if (name && name !== '__proto__' && !Object.hasOwn(project.packages, name)) project.packages[name] = dir;
}

function manifestFieldInvalid(project: Project, f: ListedFile, field: string, problem: string): void {
  project.diagnostics.push({ file: f.path, line: 1, severity: 'warning', code: 'manifest-field-invalid', message: `\`${field}\` ${problem}` });
}

function collectStrings(v: unknown, out: string[]): void {
  if (typeof v === 'string') out.push(v);
  else if (v && typeof v === 'object') for (const x of Object.values(v)) collectStrings(x, out);
}

function readDenoConfig(project: Project, f: ListedFile): void {
  const json = parseConfig(project, f, 'deno-config-invalid');
  const imports = json?.imports;
  const invalid = (problem: string) => project.diagnostics.push({ file: f.path, line: 1, severity: 'warning', code: 'deno-config-invalid', message: `${problem}; it is ignored` });
  if (imports === undefined || imports === null) return;
  if (!isObject(imports)) return void invalid(`\`imports\` is ${kindOf(imports)}, not an object of specifiers and their targets`);
  // Relative targets are relative to the config file: store them root-relative, as `/`-anchored paths.
  const dir = dirOf(f.path);
  for (const [k, v] of Object.entries(imports)) {
    if (typeof v !== 'string') {
      invalid(`\`imports\` of ${JSON.stringify(k)} is ${kindOf(v)}, not a target`);
      continue;
    }
    project.denoImports[k] = /^\.\.?\//.test(v) ? `/${[dir, v].filter(Boolean).join('/')}`.replace(/\/\.\//g, '/') : v;
  }
}

/**
 * `paths` patterns none of whose targets is there (`#gone/*` -> `./missing-folder/*`, a generated
 * folder not built yet, one outside the scanned root): imports through them name no file of the
 * scan. Said once per base folder and pattern, however many configs extend the one declaring it.
 */
function missingAliasFolders(project: Project): Diagnostic[] {
  const out: Diagnostic[] = [];
  const said = new Set<string>();
  const there = (p: string) => !leavesRoot(p) && p.length < 4_096 && (fs.existsSync(path.join(project.root, p)) || EXTENSIONS.some((e) => fs.existsSync(path.join(project.root, p + e))));
  // A folder a Prisma client is generated into is git-ignored, and known: imports of it are `@prisma/client`.
  const generated = (p: string) => project.prismaClients.some((dir) => p === dir || p.startsWith(`${dir}/`));
  for (const [config, aliases] of Object.entries(project.aliases)) {
    // A generated config of thousands of patterns (tsconfig-paths-many) is not looked through on disk.
    // A `baseUrl` that is a file, and patterns of two `*`, are told of as invalid (tsconfig-option-invalid).
    if (aliases.paths.length > ALIASES_LOOKED_AT || isFile(path.join(project.root, aliases.base))) continue;
    for (const [pattern, targets] of aliases.paths) {
      const key = `${aliases.base}\0${pattern}`;
      if (said.has(key) || targets.length === 0 || [pattern, ...targets].some((t) => t.split('*').length > 2)) continue;
      if (said.size >= ALIASES_LOOKED_AT) return out;
      said.add(key);
      // What a target's `*` stands for is not known: its folder is the part before it.
      const places = targets.map((t) => path.posix.normalize(path.posix.join(aliases.base, t.includes('*') ? path.posix.dirname(`${t.slice(0, t.indexOf('*'))}x`) : t)));
      if (places.some((p) => there(p) || generated(p))) continue;
      out.push({
        file: config, line: 1, severity: 'info', code: 'tsconfig-alias-missing',
        message: `\`paths\` pattern ${JSON.stringify(pattern)} maps to ${places.map((p) => JSON.stringify(p)).join(', ')}, ${places.every(leavesRoot) ? 'outside the scanned root' : 'which is not there (generated, or not built yet?)'}: imports through it are recognized by name only`,
      });
      if (out.length >= 50) return out;
    }
  }
  return out;
}

const ALIASES_LOOKED_AT = 500;

/** Whether a normalized root-relative path leads out of the root. */
const leavesRoot = (rel: string) => rel === '..' || rel.startsWith('../') || path.posix.isAbsolute(rel);

function checkTsconfig(project: Project, f: ListedFile): void {
  const json = parseConfig(project, f, 'tsconfig-invalid');
  if (!json) return;
  project.tsconfigs.push(f.path);
  for (const problem of aliasOptionProblems(json, (rel) => isFile(path.join(project.root, dirOf(f.path), rel)))) {
    project.diagnostics.push({ file: f.path, line: 1, severity: 'warning', code: 'tsconfig-option-invalid', message: `${problem}; imports it would map are not resolved` });
  }
  for (const problem of linkProblems(json)) project.diagnostics.push({ file: f.path, line: 1, severity: 'warning', code: 'tsconfig-option-invalid', message: problem });
  const options = json.compilerOptions as Record<string, unknown> | undefined;
  const outDir = typeof options?.outDir === 'string' ? path.posix.normalize(path.posix.join(dirOf(f.path), options.outDir)) : null;
  if (outDir && outDir !== '.' && outDir !== dirOf(f.path) && !outDir.startsWith('..') && !project.outDirs.includes(outDir)) project.outDirs.push(outDir);
}


/**
 * A Strapi content type (https://docs.strapi.io/cms/backend-customization/models#model-schema): its
 * `info.singularName` names it in code (`api::booking.booking`), `collectionName` is its table, and
 * attributes with a `default` are fields with one. Not JSON, or not a content type: nothing.
 */
export function strapiContentType(f: { path: string }, text: string): SchemaEntity[] {
  let schema: { kind?: unknown; info?: { singularName?: unknown; pluralName?: unknown }; collectionName?: unknown; attributes?: Record<string, { type?: unknown; default?: unknown }> };
  try {
    schema = JSON.parse(text) as typeof schema;
  } catch {
    return [];
  }
  const name = schema?.info?.singularName;
  if (typeof name !== 'string' || !name) return [];
  const lineOf = (needle: string) => {
    const at = text.indexOf(needle);
    return at === -1 ? 1 : lineAt(text, at);
  };
  const fields: SchemaField[] = Object.entries(typeof schema.attributes === 'object' && schema.attributes ? schema.attributes : {})
    .filter(([, a]) => typeof a === 'object' && a !== null && ['string', 'number', 'boolean'].includes(typeof a.default))
    .map(([field, a]) => ({ name: field, type: String(a.type ?? ''), default: String(a.default), line: lineOf(`"${field}"`) }));
  const plural = schema.kind === 'collectionType' && typeof schema.info?.pluralName === 'string' ? { plural: schema.info.pluralName } : {};
  return [{ name, table: typeof schema.collectionName === 'string' ? schema.collectionName : null, file: f.path, line: lineOf('"singularName"'), source: 'strapi', fields, ...plural }];
}

export function prismaModels(f: { path: string }, text: string): SchemaEntity[] {
  const out: SchemaEntity[] = [];
  // The body ends at the next `}`, found by indexOf: a pattern spanning it rescans the rest of the
  // file from every `model x {` that has none.
  const re = /^[ \t]*model\s+(\w+)\s*\{/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const body = m.index + m[0].length;
    const end = text.indexOf('}', body);
    if (end === -1) break;
    const inner = text.slice(body, end);
    const map = /@@map\(\s*(?:name:\s*)?"([^"]+)"/.exec(inner);
    out.push({ name: m[1]!, table: map?.[1] ?? null, file: f.path, line: lineAt(text, m.index), source: 'prisma', fields: prismaFields(text, body, inner) });
    re.lastIndex = end + 1;
  }
  return out;
}

/** The folders a schema's client generators write to, root-relative; none in `node_modules` (a package) or outside the root. */
export function prismaClientOutputs(file: string, text: string): string[] {
  const out: string[] = [];
  const re = /^[ \t]*generator\s+\w+\s*\{/gm;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = text.indexOf('}', m.index);
    if (end === -1) break;
    const body = text.slice(m.index, end);
    const provider = /^\s*provider\s*=\s*"([^"]*)"/m.exec(body)?.[1];
    const output = /^\s*output\s*=\s*"([^"]+)"/m.exec(body)?.[1];
    re.lastIndex = end + 1;
    // Other generators (DBML, Zod, ERD) write files no code imports as a client.
    if (!output || (provider !== 'prisma-client-js' && provider !== 'prisma-client')) continue;
    const dir = path.posix.normalize(path.posix.join(path.posix.dirname(file), output.replace(/\\/g, '/'))).replace(/\/$/, '');
    if (dir !== '.' && !leavesRoot(dir) && !dir.split('/').includes('node_modules')) out.push(dir);
  }
  return out;
}

export function sqlTables(f: { path: string }, text: string): SchemaEntity[] {
  const out: SchemaEntity[] = [];
  const re = /create\s+table\s+(?:if\s+not\s+exists\s+)?(?:[`"[]?\w+[`"\]]?\.)?[`"[]?(\w+)[`"\]]?/gi;
  const tables: { name: string; at: number; open: number }[] = [];
  const paren = /\s*\(/y;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    paren.lastIndex = m.index + m[0].length;
    tables.push({ name: m[1]!, at: m.index, open: paren.test(text) ? paren.lastIndex - 1 : -1 });
  }
  // Every body's closing parenthesis in one pass: an unclosed `create table t (` repeated would
  // otherwise be scanned to the end of the file once per statement.
  const closes = closingParens(text, tables.map((t) => t.open).filter((o) => o !== -1));
  for (const t of tables) {
    const close = closes.get(t.open);
    const fields = close === undefined ? [] : sqlColumns(text, t.open + 1, text.slice(t.open + 1, close));
    out.push({ name: t.name, table: t.name, file: f.path, line: lineAt(text, t.at), source: 'sql', fields });
  }
  return out;
}

export interface SqlFunction {
  name: string;
  file: string;
  line: number;
  inserts: string[];
  updates: string[];
  reads: string[];
  /** Other functions its body calls (`perform hold_slot(...)`, `select create_booking(...)`). */
  calls: string[];
  /** The body's SQL, comments removed. */
  body?: string;
}

/** Where each `$tag$` of a text occurs, in order. */
function dollarTags(text: string): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (const m of text.matchAll(/\$\w*\$/g)) addTo(out, m[0], m.index);
  return out;
}

/** The first of the ascending `positions` at or after `from`, or -1. */
function nextAt(positions: number[], from: number): number {
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (positions[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return positions[lo] ?? -1;
}

/** `create [or replace] function [schema.]name(...) ... as $tag$ body $tag$` (or a quoted body). */
export function sqlFunctions(f: { path: string }, text: string): SqlFunction[] {
  const out: SqlFunction[] = [];
  const re = /create\s+(?:or\s+replace\s+)?function\s+(?:"?\w+"?\.)?"?(\w+)"?\s*\(/gi;
  const headers = [...text.matchAll(re)];
  const tags = dollarTags(text);
  for (const [i, m] of headers.entries()) {
    // Its `as $tag$` or `as '` comes before the next function's header, and the body ends at the
    // next occurrence of its tag: searches that run on to the end of the file from every header
    // of a file that has none are quadratic.
    const head = text.slice(m.index, headers[i + 1]?.index ?? text.length);
    const as = /\bas\s+(?:(\$\w*\$)|')/i.exec(head);
    let body = '';
    if (as?.[1]) {
      const start = m.index + as.index + as[0].length;
      const end = nextAt(tags.get(as[1]) ?? [], start);
      if (end !== -1) body = text.slice(start, end);
    } else if (as) {
      body = /'((?:[^']|'')*)'/y.exec(text.slice(m.index + as.index + as[0].length - 1))?.[1] ?? '';
    }
    body = body.replace(/--[^\n]*/g, '');
    const tables = (re2: RegExp) => [...body.matchAll(re2)].map((x) => x[1]!.toLowerCase());
    out.push({
      name: m[1]!, file: f.path, line: lineAt(text, m.index),
      inserts: tables(/\binsert\s+into\s+(?:"?\w+"?\.)?"?(\w+)/gi),
      updates: [...tables(/\bupdate\s+(?:"?\w+"?\.)?"?(\w+)/gi), ...tables(/\bdelete\s+from\s+(?:"?\w+"?\.)?"?(\w+)/gi)],
      reads: tables(/\bfrom\s+(?:"?\w+"?\.)?"?(\w+)/gi),
      calls: tables(/\b(?:perform|select)\s+(?:"?\w+"?\.)?"?(\w+)\s*\(/gi),
      body,
    });
  }
  return out;
}
