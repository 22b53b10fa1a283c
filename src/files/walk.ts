// Lists the files of a project: sources, manifests, tsconfigs and schema files. Honours .gitignore
// as git does (a file git tracks is listed whatever a .gitignore says), skips dependencies and
// build output, and never follows a symlink out of the root or in a loop.
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../model/report.js';
import { IgnoreRules, MAX_RULES, globMatcher, type PathMatcher } from '../util/glob.js';
import { trackedFiles } from './git-index.js';
import { hasUnicodeBom, PROJECT_FILE_BYTES, readRegular } from './read.js';

export type FileKind = 'source' | 'manifest' | 'tsconfig' | 'deno' | 'schema' | 'content-type' | 'sql' | 'config';

export interface ListedFile {
  /** Root-relative posix path. */
  path: string;
  abs: string;
  kind: FileKind;
  /** Tests, fixtures, stories and mocks: not scanned for payment paths by default. */
  test: boolean;
  /**
   * Named like a test script (`test-accounts.ts`, `test_db.js`) outside the test folders, when tests
   * are not scanned: scanned all the same, as the app's code may import it (a Stripe Connect
   * module's `test-accounts.ts`), but none of its functions is an entry point.
   */
  testScript?: boolean;
}

const SKIPPED_DIRS = new Set([
  'node_modules', '.git', '.hg', '.svn', 'dist', 'build', '.next', 'out', 'coverage', '.turbo', '.vercel',
  '.netlify', '.output', '.nuxt', '.svelte-kit', '.cache', '.parcel-cache', '.yarn', 'bower_components',
  '.expo', '.serverless', '.aws-sam', 'storybook-static', '.docusaurus', '.bookfirst-cache', '.wrangler', '.open-next',
  'cdk.out', '.amplify', '.firebase',
]);
// Svelte, Vue and Astro components hold code too (parse/embedded.ts).
const SOURCE_EXT = /\.(?:[mc]?[jt]s|[jt]sx|svelte|vue|astro)$/;
const TEST_DIR = /(?:^|\/)(?:__tests__|__mocks__|__fixtures__|tests?|fixtures?|e2e|cypress|playwright|spec|mocks?|stories|__snapshots__)\//;
const TEST_FILE = /(?:\.(?:test|spec|e2e|stories|story|bench|mock)\.[^/]+|[-_]test\.[^/.]+)$/;
const TEST_SCRIPT = /(?:^|\/)test[-_][^/]+$/;
const GENERATED_FILE = /(?:\.d\.[mc]?ts|\.min\.[mc]?js|[.-]bundle\.js|\.generated\.[jt]sx?)$/;
const MAX_FILES = 200_000;
/** Files whose settings the scan reads: a directory under one of their names loses them silently. */
const PROJECT_FILE_KINDS = new Set<FileKind | null>(['manifest', 'tsconfig', 'deno']);

export interface WalkOptions {
  includeTests?: boolean;
  /** Extra root-relative globs to skip. */
  exclude?: string[];
  /** Root-relative globs: when given, only source files matching one are listed (manifests, configs and schemas always are). */
  include?: string[];
}

export interface Listing {
  files: ListedFile[];
  diagnostics: Diagnostic[];
  /** The `include` globs no source file matched (each says it: a typo there empties the scan). */
  unmatchedIncludes: string[];
}

export function listFiles(root: string, options: WalkOptions = {}): Listing {
  const files: ListedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const excludes = (options.exclude ?? []).map(globMatcher);
  const includes = options.include && options.include.length > 0 ? options.include.map(globMatcher) : null;
  const includeMatched = new Set<number>();
  const rootReal = safeRealpath(root) ?? root;
  const visited = new Set<string>([rootReal]);
  const { tracked, error } = trackedFiles(root);
  if (error) diagnostics.push(diag('.git/index', 'git-index-unread', `the git index could not be read (${error}): files a .gitignore names are skipped even where git tracks them`));
  // Each directory carries the .gitignore rules in force there, with the dir they are relative to.
  // `real` is the directory's real path: a plain subdirectory's is its parent's plus its name, so
  // no path is resolved component by component (quadratic in the depth of a deep tree). `ignored`:
  // the directory is ignored but holds tracked files, so only those are listed.
  const stack: { dir: string; real: string; rel: string; ignores: { base: string; rules: IgnoreRules }[]; ignored: boolean }[] = [
    { dir: root, real: rootReal, rel: '', ignores: [], ignored: false },
  ];
  while (stack.length > 0 && files.length < MAX_FILES) {
    const { dir, real: dirReal, rel, ignores, ignored } = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      diagnostics.push(diag(rel || '.', 'unreadable', `directory could not be read: ${(error as Error).message}`));
      continue;
    }
    const gitignore = entries.find((e) => e.name === '.gitignore' && e.isFile());
    const ignoreText = gitignore ? gitignoreText(path.join(dir, '.gitignore')) : null;
    if (ignoreText?.utf16) diagnostics.push({ ...diag(rel ? `${rel}/.gitignore` : '.gitignore', 'gitignore-utf16', 'saved as UTF-16, so git applies none of its rules, and neither does bookfirst; save it as UTF-8'), severity: 'info' });
    const rules = ignoreText && !ignoreText.utf16 ? new IgnoreRules(ignoreText.text) : null;
    if (rules && rules.dropped > 0) diagnostics.push(diag(rel ? `${rel}/.gitignore` : '.gitignore', 'gitignore-truncated', `${rules.dropped} rules past the first ${MAX_RULES} are not applied; the files they would hide are scanned`));
    const active = rules ? [...ignores, { base: rel, rules }] : ignores;
    // Symlinks last, so a directory is listed under its real path when both lead to it.
    entries.sort((a, b) => Number(a.isSymbolicLink()) - Number(b.isSymbolicLink()) || (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    const base = dir.endsWith(path.sep) ? dir : dir + path.sep;
    const realBase = dirReal.endsWith(path.sep) ? dirReal : dirReal + path.sep;
    for (const entry of entries) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      const abs = base + entry.name;
      // A name that is not valid UTF-8 comes back lossy: the file cannot be opened by it.
      if (entry.name.includes('\uFFFD') && !fs.existsSync(abs)) {
        diagnostics.push(diag(childRel, 'unreadable', 'its name is not valid UTF-8, so it cannot be opened by name; skipped'));
        continue;
      }
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let real = realBase + entry.name;
      if (entry.isSymbolicLink()) {
        const resolved = safeRealpath(abs);
        if (!resolved || !isInside(rootReal, resolved)) {
          const why = resolved ? 'symlink points outside the scanned root; not followed' : realpathError(abs) === 'ELOOP' ? 'symlink chain loops or is too long; skipped' : 'broken symlink; skipped';
          diagnostics.push(diag(childRel, 'symlink-skipped', why));
          continue;
        }
        real = resolved;
        const stat = safeStat(real);
        isDir = Boolean(stat?.isDirectory());
        isFile = Boolean(stat?.isFile());
        if (isDir) {
          if (visited.has(real)) {
            diagnostics.push(diag(childRel, 'symlink-loop', 'symlink leads to a directory already scanned; not followed'));
            continue;
          }
          visited.add(real);
        }
      }
      const ignoredHere = ignored || isIgnored(active, childRel, isDir);
      if ((ignoredHere && !(isDir ? tracked?.dirs : tracked?.files)?.has(childRel)) || excludes.some((re) => re.test(childRel))) continue;
      if (isDir) {
        if (SKIPPED_DIRS.has(entry.name)) continue;
        if (PROJECT_FILE_KINDS.has(kindOf(entry.name, childRel))) diagnostics.push(diag(childRel, 'not-a-file', 'a directory named like a project file; its settings are not read, its files are scanned'));
        if (!entry.isSymbolicLink()) {
          if (visited.has(real)) continue;
          visited.add(real);
        }
        stack.push({ dir: abs, real, rel: childRel, ignores: active, ignored: ignoredHere });
      } else if (isFile) {
        const kind = kindOf(entry.name, childRel);
        if (!kind) continue;
        const test = kind === 'source' && (TEST_DIR.test(childRel) || TEST_FILE.test(childRel));
        const script = kind === 'source' && !test && TEST_SCRIPT.test(childRel);
        if (kind === 'source' && (GENERATED_FILE.test(entry.name) || (test && !options.includeTests))) continue;
        if (kind === 'source' && includes && !includedBy(includes, childRel, includeMatched)) continue;
        files.push(script && !options.includeTests ? { path: childRel, abs, kind, test: false, testScript: true } : { path: childRel, abs, kind, test: test || script });
      } else if (kindOf(entry.name, childRel)) {
        // A FIFO, socket or device under a source or config name: opening it could block the scan.
        diagnostics.push(diag(childRel, 'not-a-file', 'not a regular file (a FIFO, socket or device); not read'));
      }
    }
  }
  if (files.length >= MAX_FILES) diagnostics.push(diag('.', 'too-many-files', `stopped listing at ${MAX_FILES} files`));
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const unmatchedIncludes = (includes ? options.include! : []).filter((_, i) => !includeMatched.has(i));
  return { files, diagnostics, unmatchedIncludes };
}

/** Whether one of the globs matches the file, noting each glob that does. */
function includedBy(includes: PathMatcher[], rel: string, matched: Set<number>): boolean {
  let any = false;
  includes.forEach((re, i) => {
    if (!re.test(rel)) return;
    matched.add(i);
    any = true;
  });
  return any;
}

function kindOf(name: string, rel: string): FileKind | null {
  if (name === 'package.json') return 'manifest';
  if (name === 'deno.json' || name === 'deno.jsonc' || name === 'import_map.json') return 'deno';
  if (/^[tj]sconfig(?:\..+)?\.json$/.test(name)) return 'tsconfig';
  if (name.endsWith('.prisma')) return 'schema';
  // Strapi declares each content type in `src/api/<api>/content-types/<name>/schema.json`.
  if (name === 'schema.json' && /(?:^|\/)content-types\/[^/]+\/schema\.json$/.test(rel)) return 'content-type';
  if (name.endsWith('.sql')) return 'sql';
  if (name === 'vercel.json' || name === 'netlify.toml' || name === 'bookfirst.config.json' || name === '.bookfirst.json' || name === 'pnpm-workspace.yaml') return 'config';
  if (/^(?:template|serverless)\.ya?ml$/.test(name)) return 'config';
  if (SOURCE_EXT.test(name)) return 'source';
  return null;
}

function isIgnored(ignores: { base: string; rules: IgnoreRules }[], rel: string, isDir: boolean): boolean {
  let result = false;
  for (const { base, rules } of ignores) {
    const local = base ? rel.slice(base.length + 1) : rel;
    const m = rules.match(local, isDir);
    if (m !== null) result = m;
  }
  return result;
}

function isInside(root: string, p: string): boolean {
  return p === root || p.startsWith(root + path.sep);
}

function safeRealpath(p: string): string | null {
  try {
    return fs.realpathSync(p);
  } catch {
    return null;
  }
}

function realpathError(p: string): string | undefined {
  try {
    fs.realpathSync(p);
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code;
  }
}

function safeStat(p: string): fs.Stats | null {
  try {
    return fs.statSync(p);
  } catch {
    return null;
  }
}

/**
 * A .gitignore's text as git reads it: bytes as UTF-8, never decoded by a BOM (a UTF-16 one has no
 * rule git applies), a UTF-8 BOM skipped as git skips it (else the first rule would start with it).
 */
function gitignoreText(p: string): { text: string; utf16: boolean } {
  const read = readRegular(p, PROJECT_FILE_BYTES);
  if (!read.ok) return { text: '', utf16: false };
  return { text: read.buf.toString('utf8').replace(/^\ufeff/, ''), utf16: hasUnicodeBom(read.buf) };
}

function diag(file: string, code: string, message: string): Diagnostic {
  return { file, line: 1, severity: 'warning', code, message };
}
