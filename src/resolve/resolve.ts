// Turns an import specifier into a scanned file or an external package name. Relative paths and
// tsconfig `paths` go through oxc-resolver; workspace package names map to their source (not their
// unbuilt `dist`); Deno URL, `npm:` and import-map specifiers map to the npm package they load.
import path from 'node:path';
import { ResolverFactory } from 'oxc-resolver';
import { hasUnicodeBom, isDirectory, PROJECT_FILE_BYTES, readRegular, refusalOf } from '../files/read.js';
import { bracketDepth } from '../parse/source-guards.js';
import type { Project } from '../project/discover.js';
import type { Recognizer } from '../recognizers/define.js';
import { isModuleOrSubpath } from '../recognizers/match.js';
import { aliasTargets, matchedPatterns } from '../project/tsconfig-paths.js';

export type ResolvedModule =
  | { kind: 'file'; file: string }
  | { kind: 'package'; name: string }
  | { kind: 'unresolved' };

/** The extensions an import may leave out, in the order a file is looked for. */
export const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '.d.ts', '.json'];
const SOURCE_SUFFIXES = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'];
/** Linux's PATH_MAX. */
const MAX_PATH = 4_096;
/** Deeper than any real manifest, far below what overflows oxc-resolver's parser (see readable). */
const MAX_MANIFEST_DEPTH = 1_000;

type ResolverOptions = ConstructorParameters<typeof ResolverFactory>[0];

export class ModuleResolver {
  private readonly base: ResolverOptions;
  private readonly plain: ResolverFactory;
  /** One resolver per tsconfig/jsconfig, applied to every file below it (tests and JS files included). */
  private readonly byConfig = new Map<string, ResolverFactory | null>();
  /** Root-relative package.json paths: whether oxc-resolver may read them (see oxcCanRead). */
  private readonly readableFiles = new Map<string, boolean>();
  private readonly folders = new Map<string, boolean>();
  private readonly configDirs: Map<string, string>;
  private readonly cache = new Map<string, ResolvedModule>();
  private readonly packageNames: string[];

  private readonly project: Project;
  private readonly files: Set<string>;
  /** Specifiers a recognizer claims for its package (a generated Prisma client), as [regex, package]. */
  private readonly claimed: [RegExp, string][];
  /** Framework aliases per app directory (`$lib` -> `src/lib` where SvelteKit is a dependency). */
  private readonly appAliases: { dir: string; prefix: string; target: string }[];

  constructor(project: Project, files: Set<string>, recognizers: Recognizer[] = []) {
    this.project = project;
    this.files = files;
    this.claimed = recognizers.flatMap((r) => (r.kind === 'store' ? (r.specifiers ?? []).map((s): [RegExp, string] => [new RegExp(s), r.packages[0]!]) : []));
    this.appAliases = project.manifests.flatMap((m) =>
      recognizers.flatMap((r) =>
        r.kind === 'framework' && r.aliases && r.packages.some((p) => m.dependencies.includes(p))
          ? Object.entries(r.aliases).map(([prefix, target]) => ({ dir: m.dir, prefix, target: path.posix.join(m.dir, target) }))
          : [],
      ),
    ).sort((a, b) => b.dir.length - a.dir.length || b.prefix.length - a.prefix.length);
    const base = {
      extensions: EXTENSIONS,
      extensionAlias: { '.js': ['.ts', '.tsx', '.js', '.jsx'], '.jsx': ['.tsx', '.jsx'], '.mjs': ['.mts', '.mjs'], '.cjs': ['.cts', '.cjs'] },
      conditionNames: ['source', 'types', 'import', 'require', 'node', 'default'],
      mainFields: ['source', 'types', 'module', 'main'],
      builtinModules: true,
      symlinks: false,
    };
    this.base = base;
    this.plain = new ResolverFactory(base);
    this.configDirs = configByDir(project.tsconfigs);
    // Longest names first, so `@acme/db-client` wins over `@acme/db`.
    this.packageNames = Object.keys(project.packages).sort((a, b) => b.length - a.length);
  }

  resolve(fromFile: string, specifier: string): ResolvedModule {
    const key = `${path.posix.dirname(fromFile)}\0${specifier}`;
    let hit = this.cache.get(key);
    if (!hit) {
      hit = this.resolveUncached(fromFile, specifier, 0);
      this.cache.set(key, hit);
    }
    return hit;
  }

  private resolveUncached(fromFile: string, spec: string, depth: number): ResolvedModule {
    const mapped = depth < 4 ? this.fromImportMap(spec) : null;
    if (mapped !== null) return this.resolveUncached(fromFile, mapped, depth + 1);
    const claimed = this.claimedPackage(fromFile, spec);
    if (claimed) return { kind: 'package', name: claimed };
    const remote = packageOfRemote(spec);
    if (remote) return { kind: 'package', name: remote };
    if (spec.startsWith('node:')) return { kind: 'package', name: spec };
    const isPath = spec.startsWith('.') || spec.startsWith('/');
    // Longer than any path a file system takes, so it names no file; oxc-resolver, joining it to a
    // baseUrl, walks its segments on its native stack (a segmentation fault at 50,000).
    if (spec.length > MAX_PATH) return isPath ? { kind: 'unresolved' } : { kind: 'package', name: moduleName(spec) };
    if (!isPath) {
      const workspace = this.fromWorkspace(spec);
      if (workspace) return workspace;
    }
    const file = this.viaOxc(fromFile, spec);
    if (file?.kind === 'file') return file;
    // Our own reading of the nearest config's `paths`, for configs oxc-resolver cannot load.
    const aliased = isPath ? null : this.viaAliases(fromFile, spec) ?? this.viaFrameworkAliases(fromFile, spec);
    if (aliased) return aliased;
    if (file) return file;
    if (isPath) return { kind: 'unresolved' };
    return { kind: 'package', name: moduleName(spec) };
  }

  private fromImportMap(spec: string): string | null {
    const map = this.project.denoImports;
    // Root-relative targets (relative ones, anchored by discovery) become absolute paths.
    const anchor = (target: string) => (target.startsWith('/') ? path.join(this.project.root, target) : target);
    if (Object.hasOwn(map, spec)) return anchor(map[spec]!);
    // The longest key ending in '/' that starts the specifier: the specifier's own '/'-prefixes, longest first.
    for (let at = spec.lastIndexOf('/'); at !== -1; at = spec.lastIndexOf('/', at - 1)) {
      const key = spec.slice(0, at + 1);
      if (Object.hasOwn(map, key)) return anchor(map[key]! + spec.slice(key.length));
      if (at === 0) break;
    }
    return null;
  }

  /**
   * Whether the import names a declaration file of the tree (`./types` for `types.d.ts`): it holds
   * types only, which the scan leaves out, and no value comes through it.
   */
  namesDeclarations(fromFile: string, spec: string): boolean {
    if (spec.length > MAX_PATH || !this.oxcCanRead(fromFile, spec)) return false;
    const first = this.oxcPaths(fromFile, spec).next();
    return !first.done && /\.d\.[mc]?ts$/.test(first.value) && !path.relative(this.project.root, first.value).startsWith('..');
  }

  private viaOxc(fromFile: string, spec: string): ResolvedModule | null {
    // Without oxc-resolver, a relative path is still a file of the scan if one matches it.
    if (!this.oxcCanRead(fromFile, spec)) {
      const own = spec.startsWith('.') ? this.sourceOf(path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), spec))) : null;
      return own ? { kind: 'file', file: own } : null;
    }
    for (const found of this.oxcPaths(fromFile, spec)) {
      const rel = this.toScanned(found);
      if (rel) return { kind: 'file', file: rel };
      if (found.includes(`${path.sep}node_modules${path.sep}`)) return { kind: 'package', name: moduleName(spec) };
    }
    return null;
  }

  /** What oxc-resolver finds on disk for the import, with the file's config first, then without. */
  private *oxcPaths(fromFile: string, spec: string): Generator<string> {
    const abs = path.join(this.project.root, fromFile);
    const configured = this.configuredResolver(fromFile);
    for (const resolver of configured ? [configured, this.plain] : [this.plain]) {
      let found: string | undefined;
      try {
        found = resolver.resolveFileSync(abs, spec).path;
      } catch {
        continue;
      }
      if (found) yield found;
    }
  }

  private viaAliases(fromFile: string, spec: string): ResolvedModule | null {
    const config = this.nearestConfig(fromFile);
    const aliases = config ? this.project.aliases[config] : undefined;
    if (!aliases) return null;
    for (const target of aliasTargets(aliases, spec)) {
      const found = this.sourceOf(target);
      if (found) return { kind: 'file', file: found };
    }
    // oxc-resolver, which applies `baseUrl` to the configs it is handed, is not handed this one.
    const underBase = aliases.baseUrl && config !== null && this.project.refusedConfigs.includes(config) ? this.sourceOf(path.posix.join(aliases.base, spec)) : null;
    return underBase ? { kind: 'file', file: underBase } : null;
  }

  /** The store package a specifier is generated code of (a Prisma client, Convex's `_generated/api`), which no file of the scan holds. */
  private claimedPackage(fromFile: string, spec: string): string | null {
    for (const [re, name] of this.claimed) if (re.test(spec)) return name;
    return this.isPrismaClient(fromFile, spec) ? '@prisma/client' : null;
  }

  /**
   * Whether the specifier names the folder (or a module in it) a Prisma schema generates its
   * client into: relative, or through the nearest config's `paths`. Asked before any file is looked
   * for, as a committed client is generated code, not the app's.
   */
  isPrismaClient(fromFile: string, spec: string): boolean {
    const folders = this.project.prismaClients;
    if (folders.length === 0 || spec.length > MAX_PATH) return false;
    const config = spec.startsWith('.') ? null : this.nearestConfig(fromFile);
    const aliases = config ? this.project.aliases[config] : undefined;
    const targets = spec.startsWith('.') ? [path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), spec))] : aliases ? aliasTargets(aliases, spec) : [];
    return targets.some((t) => folders.some((dir) => t === dir || t.startsWith(`${dir}/`)));
  }

  /**
   * The nearest config's `paths` pattern a specifier that named no file matched (`@/lib/db` under
   * `@/*`), and that config: such an import is the app's own module, which the scan could not find.
   * A catch-all `*` says nothing of the kind.
   */
  missedAlias(fromFile: string, spec: string): { pattern: string; config: string } | null {
    if (spec.startsWith('.') || spec.startsWith('/') || spec.length > MAX_PATH) return null;
    const config = this.nearestConfig(fromFile);
    const aliases = config ? this.project.aliases[config] : undefined;
    if (!config || !aliases || this.resolve(fromFile, spec).kind === 'file' || this.claimedPackage(fromFile, spec)) return null;
    const pattern = matchedPatterns(aliases, spec).find((m) => m.pattern !== '*')?.pattern;
    return pattern && !this.project.manifests.some((m) => m.dependencies.includes(moduleName(spec))) ? { pattern, config } : null;
  }

  private viaFrameworkAliases(fromFile: string, spec: string): ResolvedModule | null {
    for (const a of this.appAliases) {
      if (a.dir && !fromFile.startsWith(`${a.dir}/`)) continue;
      if (spec !== a.prefix && !spec.startsWith(`${a.prefix}/`)) continue;
      const found = this.sourceOf(path.posix.normalize(path.posix.join(a.target, spec.slice(a.prefix.length))));
      if (found) return { kind: 'file', file: found };
    }
    return null;
  }

  private nearestConfig(fromFile: string): string | null {
    for (let dir = path.posix.dirname(fromFile); ; dir = path.posix.dirname(dir)) {
      const config = this.configDirs.get(dir === '.' ? '' : dir);
      if (config !== undefined) return config;
      if (dir === '.' || dir === '' || dir === '/') return null;
    }
  }

  /**
   * Whether the package.json files oxc-resolver reads for this lookup (the package scopes above the
   * file, and `node_modules/<name>` of a bare specifier) are regular files of a sane size: it reads
   * them itself, and a FIFO would block the scan for good.
   */
  private oxcCanRead(fromFile: string, spec: string): boolean {
    const name = spec.startsWith('.') || spec.startsWith('/') ? null : moduleName(spec);
    for (let dir = path.posix.dirname(fromFile); ; dir = path.posix.dirname(dir)) {
      const at = dir === '.' ? '' : dir;
      if (!this.readable(path.posix.join(at, 'package.json'))) return false;
      if (name && this.hasFolder(path.posix.join(at, 'node_modules')) && !this.readable(path.posix.join(at, 'node_modules', name, 'package.json'))) return false;
      if (at === '') return true;
    }
  }

  /** A folder of the tree: a checkout has `node_modules` in few places, if any, so most packages' manifests need no look. */
  private hasFolder(rel: string): boolean {
    let ok = this.folders.get(rel);
    if (ok === undefined) {
      ok = isDirectory(path.join(this.project.root, rel));
      this.folders.set(rel, ok);
    }
    return ok;
  }

  private readable(rel: string): boolean {
    let ok = this.readableFiles.get(rel);
    if (ok === undefined) {
      const abs = path.join(this.project.root, rel);
      const why = refusalOf(abs, PROJECT_FILE_BYTES);
      // oxc-resolver parses package.json recursively on its native stack: nesting in the hundreds
      // of thousands kills the process (a segmentation fault, not an exception).
      // It reads UTF-8 only: a manifest saved as UTF-16 fails every lookup below it.
      const read = why ? null : readRegular(abs, PROJECT_FILE_BYTES);
      ok = why ? why.code === 'unreadable' : !read?.ok || (!hasUnicodeBom(read.buf) && bracketDepth(read.buf.toString('utf8')) <= MAX_MANIFEST_DEPTH);
      this.readableFiles.set(rel, ok);
    }
    return ok;
  }

  /** The resolver of the nearest tsconfig.json (or jsconfig.json) above a file. */
  private configuredResolver(fromFile: string): ResolverFactory | null {
    const config = this.nearestConfig(fromFile);
    if (config === null) return null;
    if (!this.byConfig.has(config)) {
      let r: ResolverFactory | null = null;
      if (this.project.refusedConfigs.includes(config)) return null;
      try {
        r = new ResolverFactory({ ...this.base, tsconfig: { configFile: path.join(this.project.root, config), references: 'auto' } });
      } catch {
        r = null; // a broken config: resolve without it (discovery reported it)
      }
      this.byConfig.set(config, r);
    }
    return this.byConfig.get(config)!;
  }

  /** A resolved path inside the root that we scan; a built `dist` file maps back to its source. */
  private toScanned(absPath: string): string | null {
    const rel = path.relative(this.project.root, absPath).split(path.sep).join('/');
    if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
    if (this.files.has(rel)) return rel;
    return this.sourceOf(rel);
  }

  private sourceOf(rel: string): string | null {
    const stem = rel.replace(/\.d\.[mc]?ts$|\.[mc]?[jt]sx?$/, '');
    for (const candidate of [stem, stem.replace(/(^|\/)(?:dist|build|lib|out)\//, '$1src/')]) {
      for (const ext of SOURCE_SUFFIXES) if (this.files.has(candidate + ext)) return candidate + ext;
      for (const ext of SOURCE_SUFFIXES) if (this.files.has(`${candidate}/index${ext}`)) return `${candidate}/index${ext}`;
    }
    return null;
  }

  private fromWorkspace(spec: string): ResolvedModule | null {
    const name = this.packageNames.find((n) => isModuleOrSubpath(spec, n));
    if (name === undefined) return null;
    const dir = this.project.packages[name]!;
    const sub = spec.slice(name.length + 1);
    const prefix = dir ? `${dir}/` : '';
    const candidates: string[] = [];
    if (sub) candidates.push(`${prefix}${sub}`, `${prefix}src/${sub}`);
    else {
      const manifest = this.project.manifests.find((m) => m.dir === dir);
      for (const field of manifest?.entryFields ?? []) candidates.push(path.posix.join(dir, field));
      candidates.push(`${prefix}src/index`, `${prefix}index`);
    }
    for (const c of candidates) {
      const found = this.sourceOf(path.posix.normalize(c));
      if (found) return { kind: 'file', file: found };
    }
    return null;
  }
}

/** Directory -> the config that governs it: tsconfig.json, else jsconfig.json, else one tsconfig.*.json. */
function configByDir(configs: string[]): Map<string, string> {
  const rank = (name: string) => (name === 'tsconfig.json' ? 0 : name === 'jsconfig.json' ? 1 : 2);
  const out = new Map<string, string>();
  for (const c of [...configs].sort()) {
    const dir = path.posix.dirname(c) === '.' ? '' : path.posix.dirname(c);
    const current = out.get(dir);
    if (current === undefined || rank(path.posix.basename(c)) < rank(path.posix.basename(current))) out.set(dir, c);
  }
  return out;
}

/** `stripe/lib/x` -> `stripe`, `@scope/pkg/x` -> `@scope/pkg`, `npm:stripe@14` -> `stripe`. */
export function packageName(spec: string): string {
  const s = spec.replace(/^npm:\/?/, '');
  const parts = s.split('/');
  const name = s.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
  return name.replace(/(.)@[^/]*$/, '$1');
}

/**
 * The module an import loads, as recognizers name it: the specifier without versions, keeping the
 * subpath, because packages export different APIs from subpaths (`next/navigation`,
 * `firebase-functions/v2/https`, `drizzle-orm/pg-core`). `npm:stripe@14/x` -> `stripe/x`.
 */
export function moduleName(spec: string): string {
  const s = spec.replace(/^npm:\/?/, '');
  const parts = s.split('/');
  const head = s.startsWith('@') ? 2 : 1;
  const name = parts.slice(0, head).join('/').replace(/(.)@[^/]*$/, '$1');
  return [name, ...parts.slice(head)].join('/');
}

/** Deno and CDN URLs that load an npm package, and `npm:`/`jsr:` specifiers. */
export function packageOfRemote(spec: string): string | null {
  if (spec.startsWith('npm:')) return moduleName(spec);
  if (spec.startsWith('jsr:')) {
    const m = /^jsr:\/?(@[^/]+\/[^@/]+)/.exec(spec);
    return m ? `jsr:${m[1]}` : spec;
  }
  const m = /^https?:\/\/([^/]+)\/(.*)$/.exec(spec);
  if (!m) return null;
  const [, host, rest] = m as unknown as [string, string, string];
  const pathPart = rest.split('?')[0]!;
  if (host === 'deno.land') {
    const std = /^std(?:@[^/]+)?\/(.+?)(?:\.ts)?$/.exec(pathPart);
    if (std) return `deno:std/${std[1]}`;
    const x = /^x\/([^@/]+)/.exec(pathPart);
    return x ? x[1]! : `deno:${pathPart}`;
  }
  const npmPath = pathPart.replace(/^(?:npm\/|v\d+\/|pin\/)/, '');
  if (/^(?:esm\.sh|cdn\.skypack\.dev|cdn\.jsdelivr\.net|unpkg\.com|esm\.run|jspm\.dev|ga\.jspm\.io)$/.test(host)) {
    return packageName(npmPath.replace(/^npm:/, ''));
  }
  return `url:${host}`;
}
