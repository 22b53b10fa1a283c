// The `paths` a tsconfig/jsconfig applies, computed by us as well: oxc-resolver gives up on a whole
// config when its `extends` chain loops or names a base that is not installed (a turborepo
// `@repo/typescript-config/nextjs.json` in an unbuilt checkout), and every alias would be lost.
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../model/report.js';
import { isDirectory, PROJECT_FILE_BYTES, readRegularText, refusalOf } from '../files/read.js';
import { parseJsonc } from '../util/jsonc.js';
import { kindOf } from '../util/jsonc.js';
import { addTo } from '../util/multimap.js';

export interface PathAliases {
  /** Root-relative directory the targets are relative to (baseUrl, or the config that declares `paths`). */
  base: string;
  /**
   * Whether `base` is a `baseUrl`: bare specifiers then also resolve under it, as TypeScript resolves
   * them, which the resolver does itself for the configs it does not hand to oxc-resolver.
   */
  baseUrl: boolean;
  paths: [string, string[]][];
}

interface Options {
  root: string;
  /** Workspace package name -> root-relative directory, for `extends` that name a workspace package. */
  packages: Record<string, string>;
  diagnostics: Diagnostic[];
  /** Loops already reported (each config's chain meets the same loop). */
  cycles?: Set<string>;
  /**
   * Filled with the configs whose `extends` or `references` reach a file that is not a regular file
   * of a sane size: oxc-resolver, which reads them itself, would block on a FIFO or never finish a device.
   */
  unsafe?: Set<string>;
  /** What every config's chain shares (see `ConfigReads`). */
  reads?: ConfigReads;
}

type Link = { file: string; dir: string; options: Record<string, unknown> };

/**
 * More patterns than oxc-resolver is handed: it matches a specifier against each, sorting them every
 * time (a second per import at 100,000); our own alias table (`aliasTargets`) indexes them instead.
 */
const MAX_RESOLVER_PATTERNS = 5_000;

/**
 * Configs read, files found, bases said missing and whole chains, shared by every config of the
 * tree: 1,000 packages each extending the one before read half a million files.
 */
export interface ConfigReads {
  parsed: Map<string, { json: Record<string, unknown> | null; refusal: string | null }>;
  exists: Map<string, boolean>;
  missing: Set<string>;
  /** Chains that met no loop (a loop's cut depends on where the chain started), with the files they refused. */
  chains: Map<string, { chain: Link[]; refused: string[] }>;
  loopsMet: number;
}

export function configReads(): ConfigReads {
  return { parsed: new Map(), exists: new Map(), missing: new Set(), chains: new Map(), loopsMet: 0 };
}

export function effectiveAliases(configRel: string, o: Options): PathAliases | null {
  const refused: string[] = [];
  const chain = loadChain(configRel, o, new Set(), refused);
  if (refused.length > 0) o.unsafe?.add(configRel);
  let base: string | null = null;
  let paths: [string, string[]][] | null = null;
  let pathsDir = '';
  let pathsFile = '';
  // The nearest config that sets a field wins.
  for (const { file, dir, options } of chain) {
    if (base === null && typeof options.baseUrl === 'string') base = path.posix.normalize(path.posix.join(dir, options.baseUrl));
    if (paths === null && options.paths && typeof options.paths === 'object') {
      paths = Object.entries(options.paths as Record<string, unknown>).map(([k, v]) => [k, Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : []]);
      pathsDir = dir;
      pathsFile = file;
    }
  }
  if (!paths) return base === null ? null : { base, baseUrl: true, paths: [] };
  if (paths.length > MAX_RESOLVER_PATTERNS) {
    o.unsafe?.add(configRel);
    if (!o.diagnostics.some((d) => d.file === pathsFile && d.code === 'tsconfig-paths-many')) {
      o.diagnostics.push({ file: pathsFile, line: 1, severity: 'info', code: 'tsconfig-paths-many', message: `${paths.length} \`paths\` patterns (more than ${MAX_RESOLVER_PATTERNS}): imports are resolved by bookfirst's own reading of them` });
    }
  }
  return { base: base ?? pathsDir, baseUrl: base !== null, paths };
}

/**
 * What is wrong with a config's `compilerOptions`, `baseUrl` and `paths` as TypeScript reads them
 * (each ignored where it is wrong): said, as an import they would have mapped fails silently.
 */
export function aliasOptionProblems(json: Record<string, unknown>, isFile: (rel: string) => boolean): string[] {
  const options = json.compilerOptions;
  if (options === undefined) return [];
  if (!isObject(options)) return ['`compilerOptions` is not an object'];
  const problems: string[] = [];
  const { baseUrl, paths } = options;
  if (baseUrl !== undefined && typeof baseUrl !== 'string') problems.push('`baseUrl` is not a string');
  // A folder not there yet is harmless (made by a build); a file is a mistake.
  else if (typeof baseUrl === 'string' && isFile(baseUrl)) problems.push(`\`baseUrl\` ${JSON.stringify(baseUrl)} is a file, not a folder`);
  if (paths === undefined) return problems;
  if (!isObject(paths)) return [...problems, '`paths` is not an object of patterns'];
  for (const [pattern, targets] of Object.entries(paths)) {
    if (problems.length >= 5) break;
    if (pattern.split('*').length > 2) problems.push(`\`paths\` pattern ${JSON.stringify(pattern)} has more than one \`*\``);
    else if (!Array.isArray(targets) || !targets.every((t) => typeof t === 'string')) problems.push(`\`paths\` of ${JSON.stringify(pattern)} is not an array of strings`);
    else if (targets.some((t) => t.split('*').length > 2)) problems.push(`a \`paths\` target of ${JSON.stringify(pattern)} has more than one \`*\``);
  }
  return problems;
}

/**
 * What is wrong with a config's `extends` and `references` (each wrong entry is skipped, as
 * TypeScript refuses it): said, as the settings they would bring are silently missing.
 */
export function linkProblems(json: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const { extends: bases, references } = json;
  if (Array.isArray(bases)) {
    bases.forEach((b, i) => {
      if (typeof b !== 'string') problems.push(`\`extends[${i}]\` is ${kindOf(b)}, not a config path; it is ignored`);
    });
  } else if (bases !== undefined && typeof bases !== 'string') problems.push(`\`extends\` is ${kindOf(bases)}, not a config path or an array of them; it is ignored`);
  if (Array.isArray(references)) {
    references.forEach((r, i) => {
      if (!isObject(r)) problems.push(`\`references[${i}]\` is ${kindOf(r)}, not { path }; it is ignored`);
      else if (typeof r.path !== 'string') problems.push(`\`references[${i}].path\` is ${kindOf(r.path)}, not a path; it is ignored`);
    });
  } else if (references !== undefined) problems.push(`\`references\` is ${kindOf(references)}, not an array of { path }; it is ignored`);
  return problems.slice(0, 5);
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function loadChain(rel: string, o: Options, seen: Set<string>, refused: string[]): Link[] {
  const known = o.reads?.chains.get(rel);
  if (known) {
    for (const r of known.refused) if (!refused.includes(r)) refused.push(r);
    return known.chain;
  }
  const loopsBefore = o.reads?.loopsMet ?? 0;
  const own: string[] = [];
  const chain = readChain(rel, o, seen, own);
  for (const r of own) if (!refused.includes(r)) refused.push(r);
  if (o.reads && o.reads.loopsMet === loopsBefore) o.reads.chains.set(rel, { chain, refused: own });
  return chain;
}

function readChain(rel: string, o: Options, seen: Set<string>, refused: string[]): Link[] {
  if (seen.has(rel)) {
    if (o.reads) o.reads.loopsMet++;
    const loop = [...seen].sort().join('|');
    if (!o.cycles?.has(loop)) {
      o.cycles?.add(loop);
      o.diagnostics.push({ file: rel, line: 1, severity: 'warning', code: 'tsconfig-extends-cycle', message: 'tsconfig `extends` chain loops back to this file; the loop is cut here' });
    }
    return [];
  }
  seen.add(rel);
  const json = readJson(rel, o, refused);
  if (!json) return [];
  const dir = path.posix.dirname(rel) === '.' ? '' : path.posix.dirname(rel);
  // Project references are read by oxc-resolver only: check that it can. A reference names a config
  // file or, most often, the folder whose tsconfig.json it means.
  for (const r of Array.isArray(json.references) ? json.references : []) {
    const ref = typeof (r as { path?: unknown })?.path === 'string' ? path.posix.join(dir, (r as { path: string }).path) : null;
    if (ref) refusal(isDirectory(path.join(o.root, ref)) ? path.posix.join(ref, 'tsconfig.json') : ref, o, refused);
  }
  const own = { file: rel, dir, options: (json.compilerOptions as Record<string, unknown> | undefined) ?? {} };
  const bases = typeof json.extends === 'string' ? [json.extends] : Array.isArray(json.extends) ? json.extends.filter((e): e is string => typeof e === 'string') : [];
  const inherited: Link[] = [];
  // Later entries of an `extends` array override earlier ones.
  for (const spec of [...bases].reverse()) {
    const target = locateBase(spec, rel, o);
    if (target) inherited.push(...loadChain(target, o, seen, refused));
  }
  return [own, ...inherited];
}

function locateBase(spec: string, rel: string, o: Options): string | null {
  const dir = path.posix.dirname(rel) === '.' ? '' : path.posix.dirname(rel);
  const withJson = (p: string) => (p.endsWith('.json') ? p : `${p}.json`);
  if (spec.startsWith('.')) {
    const target = withJson(path.posix.normalize(path.posix.join(dir, spec)));
    // `./.svelte-kit/tsconfig.json`, `./.nuxt/tsconfig.json`: written by the framework's own build, so a
    // clean checkout has none and the framework's recognizer supplies its aliases.
    const generated = target.split('/').slice(0, -1).some((d) => d.startsWith('.') && d !== '..' && d !== '.');
    if (!generated && !exists(target, o)) missingBase(spec, rel, o);
    return target;
  }
  const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
  const sub = spec.slice(name.length + 1) || 'tsconfig.json';
  const workspace = Object.hasOwn(o.packages, name) ? o.packages[name] : undefined;
  const candidates = [
    ...(workspace !== undefined ? [path.posix.join(workspace, sub)] : []),
    path.posix.join('node_modules', name, sub),
  ].map(withJson);
  const found = candidates.find((c) => exists(c, o));
  if (!found) missingBase(spec, rel, o);
  return found ?? null;
}

function missingBase(spec: string, rel: string, o: Options): void {
  // Said once, however many configs' chains pass through `rel`.
  if (o.reads?.missing.has(`${rel}:${spec}`)) return;
  o.reads?.missing.add(`${rel}:${spec}`);
  o.diagnostics.push({ file: rel, line: 1, severity: 'info', code: 'tsconfig-extends-missing', message: `base config ${spec} is not in the tree; its settings are skipped` });
}

function readJson(rel: string, o: Options, refused: string[]): Record<string, unknown> | null {
  let known = o.reads?.parsed.get(rel);
  if (!known) {
    known = parsedConfig(rel, o);
    o.reads?.parsed.set(rel, known);
  }
  if (known.refusal !== null) refuse(rel, known.refusal, o, refused);
  return known.json;
}

function parsedConfig(rel: string, o: Options): { json: Record<string, unknown> | null; refusal: string | null } {
  const read = readRegularText(path.join(o.root, rel), PROJECT_FILE_BYTES);
  if (!read.ok) return { json: null, refusal: read.code !== 'unreadable' ? read.message : null };
  try {
    const v = parseJsonc(read.text);
    return { json: v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null, refusal: null };
  } catch {
    return { json: null, refusal: null };
  }
}

function exists(rel: string, o: Options): boolean {
  let known = o.reads?.exists.get(rel);
  if (known === undefined) {
    known = fs.existsSync(path.join(o.root, rel));
    o.reads?.exists.set(rel, known);
  }
  return known;
}

/** Notes a file oxc-resolver would read and must not: a special file, or a huge one (a missing one is fine). */
function refusal(rel: string, o: Options, refused: string[]): void {
  const why = refusalOf(path.join(o.root, rel), PROJECT_FILE_BYTES);
  if (why && why.code !== 'unreadable') refuse(rel, why.message, o, refused);
}

function refuse(rel: string, message: string, o: Options, refused: string[]): void {
  if (!refused.includes(rel)) refused.push(rel);
  if (!o.diagnostics.some((d) => d.file === rel && d.code === 'tsconfig-base-refused')) {
    o.diagnostics.push({ file: rel, line: 1, severity: 'warning', code: 'tsconfig-base-refused', message: `${message}; configs that extend or reference it resolve imports without it` });
  }
}

/** Candidate root-relative paths (without extension handling) that `spec` maps to. */
export function aliasTargets(aliases: PathAliases, spec: string): string[] {
  const out: string[] = [];
  for (const { targets, captured } of matchedPatterns(aliases, spec)) {
    for (const t of targets) out.push(path.posix.normalize(path.posix.join(aliases.base, t.replace('*', captured))));
  }
  return out;
}

/** The patterns `spec` matches, in declaration order, with what their `*` took. */
export function matchedPatterns(aliases: PathAliases, spec: string): { pattern: string; targets: string[]; captured: string }[] {
  const out: { pattern: string; targets: string[]; captured: string }[] = [];
  for (const i of candidatePatterns(aliases, spec)) {
    const [pattern, targets] = aliases.paths[i]!;
    const star = pattern.indexOf('*');
    let captured: string | null = null;
    if (star === -1) captured = pattern === spec ? '' : null;
    else if (spec.startsWith(pattern.slice(0, star)) && spec.endsWith(pattern.slice(star + 1)) && spec.length >= pattern.length - 1) {
      captured = spec.slice(star, spec.length - (pattern.length - star - 1));
    }
    if (captured !== null) out.push({ pattern, targets, captured });
  }
  return out;
}

/** Patterns by what precedes their `*` (the whole pattern when it has none), per alias table. */
const patternIndex = new WeakMap<PathAliases, Map<string, number[]>>();

/**
 * Indices, in declaration order, of the patterns whose text before `*` starts `spec`: looked up
 * by each prefix of `spec`, since a generated config can hold tens of thousands of patterns.
 */
function candidatePatterns(aliases: PathAliases, spec: string): number[] {
  let index = patternIndex.get(aliases);
  if (!index) {
    index = new Map();
    aliases.paths.forEach(([pattern], i) => {
      const star = pattern.indexOf('*');
      addTo(index!, star === -1 ? pattern : pattern.slice(0, star), i);
    });
    patternIndex.set(aliases, index);
  }
  const found: number[] = [];
  for (let k = 0; k <= spec.length; k++) found.push(...(index.get(spec.slice(0, k)) ?? []));
  return found.sort((a, b) => a - b);
}
