// Which files need the full analysis (analysis notes §8: work from the payment calls outward).
// A cheap text pass finds each file's import specifiers and whether it mentions anything a
// recognizer knows (a provider, store or framework package, a provider's API host); the files that
// do, and every file that imports one of them (transitively), are analyzed in full. The rest are
// parsed for their diagnostics only, without building their syntax tree in JavaScript.
import type { Recognizer } from '../recognizers/define.js';
import type { ModuleResolver } from '../resolve/resolve.js';
import { packageName } from '../resolve/resolve.js';
import { isNamedOperation } from '../recognize/unresolved.js';
import { addTo } from '../util/multimap.js';
import { posix } from 'node:path';

export interface RelevanceTokens {
  /** Package names (without subpaths) that recognizers know. */
  packages: string[];
  /** Substrings that make a file relevant on their own (provider API hosts, `Deno.serve`). */
  texts: string[];
  /**
   * Substrings that make a file relevant together: the keys of a form or request body that only one
   * provider asks for all of (`merchant_id`, `merchant_key`, `amount`, `item_name`). Alone, `amount`
   * is in every other file.
   */
  textSets: string[][];
  /** Specifiers a store claims for its package (regexes: a generated Prisma client, Convex's `./_generated/server`). */
  claimed: string[];
}

export interface TextScan {
  path: string;
  specifiers: string[];
  /** Mentions a recognized package or API host. */
  seed: boolean;
  /** Digest of the file's bytes, when the scan keeps a cache. */
  hash?: string;
}

export function relevanceTokens(recognizers: Recognizer[]): RelevanceTokens {
  const packages = new Set<string>();
  const texts = new Set<string>(['Deno.serve', 'Deno.']);
  const textSets: string[][] = [];
  for (const r of recognizers) {
    for (const p of r.packages) packages.add(packageName(p.replace(/^jsr:/, '')));
    if (r.kind === 'provider') {
      // A client the resolver cannot follow is still matched by the operation's name (unresolved.ts).
      for (const o of r.operations) if (isNamedOperation(o)) texts.add(o.call);
      // A signed redirect URL or form may be built with no package or host in sight (the host from configuration).
      for (const k of [...(r.redirect?.keys ?? []), ...(r.signedText?.keys ?? [])]) texts.add(k);
      if (r.form) textSets.push(r.form.keys);
      for (const e of r.rest ?? []) {
        texts.add(literalOf(e.host));
        // A base URL from configuration leaves only the path to go by.
        if (e.anyHost) texts.add(literalOf(e.path.replace(/\[\^\/\]\+.*$/, '')));
        // A URL wholly from configuration leaves only the body's keys.
        if (e.bodyKeys) textSets.push(e.bodyKeys);
      }
    }
    const modules = r.kind === 'framework' ? [...(r.registrations ?? []).flatMap((x) => x.clients), ...(r.aborts ?? []), ...(r.deferred ?? [])] : r.kind === 'store' || r.kind === 'provider' ? r.clients : [];
    for (const c of modules) if (c.module) packages.add(packageName(c.module.replace(/[*{].*$/, '').replace(/\/$/, '')));
    // A store reached through a global the platform defines (Strapi's `strapi.documents(...)`) needs no import.
    if (r.kind === 'store') for (const c of r.clients) if (c.global) texts.add(`${c.global}.`);
  }
  const claimed = recognizers.flatMap((r) => (r.kind === 'store' ? r.specifiers ?? [] : []));
  return { packages: [...packages].filter(Boolean).sort(), texts: [...texts].filter((t) => t.length > 3).sort(), textSets, claimed };
}

// `from '...'` first, then the import or export keyword looked for back to the last quote or `;`
// before it: one regex spanning both is quadratic on text like `import import import ...`.
const FROM = /\sfrom\s*['"]([^'"\n]+)['"]/g;
const CLAUSE_START = /(?:^|[^\w$.])(?:import|export)\s/;
/** Quotes, backtick and `;`: an import clause never spans one. */
const CLAUSE_END = new Set([...'\'"`;'].map((c) => c.charCodeAt(0)));
const IMPORT_BARE = /(?:^|[^\w$.])import\s*['"]([^'"\n]+)['"]/g;
const IMPORT_CALL = /(?:^|[^\w$.])(?:import|require)\s*\(\s*['"]([^'"\n]+)['"]\s*\)/g;

/** A directory listed: its own (`readdirSync(__dirname)`, `readdirSync(dir)`) or a named one below it. */
const LISTS = /\breaddir(?:Sync)?\s*\(\s*(?:path\s*\.\s*(?:join|resolve)\s*\(\s*__dirname\s*,\s*['"]\.?\/?([\w-]+)['"]\s*\))?/g;
const DYNAMIC_REQUIRE = /\b(?:require|import)\s*\(\s*[^'"\s)]/;
/** `./models/*`: every module of that directory. */
const EVERY_MODULE = /^(.*)\/\*$/;

/** Import and require specifiers as text finds them; over-approximate (comments count), never parsed. */
export function scanText(path: string, text: string, tokens: RelevanceTokens, packages: Set<string>): TextScan {
  const specifiers = new Set<string>();
  FROM.lastIndex = 0;
  for (let m = FROM.exec(text); m; m = FROM.exec(text)) {
    let start = m.index;
    while (start > 0 && !CLAUSE_END.has(text.charCodeAt(start - 1))) start--;
    if (CLAUSE_START.test(text.slice(start, m.index))) specifiers.add(m[1]!);
  }
  for (const re of [IMPORT_BARE, IMPORT_CALL]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) specifiers.add(m[1]!);
  }
  // `require(path.join(__dirname, file))` over `readdirSync(__dirname)`: every module of the directory.
  if (DYNAMIC_REQUIRE.test(text) && (text.includes('__dirname') || text.includes('import.meta'))) {
    LISTS.lastIndex = 0;
    for (let m = LISTS.exec(text); m; m = LISTS.exec(text)) specifiers.add(`./${m[1] ? `${m[1]}/` : ''}*`);
  }
  let seed = false;
  for (const s of specifiers) {
    if (/^(?:https?:|npm:|jsr:)/.test(s) || packages.has(packageName(s)) || claimedBy(tokens).some((re) => re.test(s))) {
      seed = true;
      break;
    }
  }
  if (!seed) seed = tokens.texts.some((t) => text.includes(t)) || tokens.textSets.some((set) => set.every((t) => text.includes(t)));
  return { path, specifiers: [...specifiers], seed };
}

const compiled = new WeakMap<RelevanceTokens, RegExp[]>();

function claimedBy(tokens: RelevanceTokens): RegExp[] {
  let list = compiled.get(tokens);
  if (!list) compiled.set(tokens, (list = tokens.claimed.map((re) => new RegExp(re))));
  return list;
}

/**
 * Seeds, every file that imports one of them (directly or through other files), and the non-UI
 * modules those files import: their constants (message patterns, table names, base URLs) and
 * helpers are values the analysis follows. Components below them hold none of that.
 */
export function relevantFiles(scans: TextScan[], resolver: ModuleResolver, isSeedByPath: (path: string) => boolean): Set<string> {
  const importers = new Map<string, string[]>();
  const imports = new Map<string, string[]>();
  const byDir = new Map<string, string[]>();
  for (const s of scans) addTo(byDir, posix.dirname(s.path), s.path);
  const modulesOf = (dir: string, importer: string) => (byDir.get(dir) ?? []).filter((p) => p !== importer);
  for (const s of scans) {
    const targets: string[] = [];
    for (const spec of s.specifiers) {
      const every = EVERY_MODULE.exec(spec);
      const found = every ? modulesOf(posix.join(posix.dirname(s.path), every[1]!), s.path) : [resolver.resolve(s.path, spec)].flatMap((t) => (t.kind === 'file' ? [t.file] : []));
      for (const file of found) {
        targets.push(file);
        const list = importers.get(file);
        if (list) list.push(s.path);
        else importers.set(file, [s.path]);
      }
    }
    imports.set(s.path, targets);
  }
  // A generated Prisma client is a store package wherever the schema puts it, which no text tells.
  const relevant = new Set(scans.filter((s) => s.seed || isSeedByPath(s.path) || s.specifiers.some((spec) => resolver.isPrismaClient(s.path, spec))).map((s) => s.path));
  const up = [...relevant];
  while (up.length > 0) {
    for (const importer of importers.get(up.pop()!) ?? []) {
      if (relevant.has(importer)) continue;
      relevant.add(importer);
      up.push(importer);
    }
  }
  const down = [...relevant];
  while (down.length > 0) {
    for (const dep of imports.get(down.pop()!) ?? []) {
      if (relevant.has(dep) || UI_MODULE.test(dep)) continue;
      relevant.add(dep);
      down.push(dep);
    }
  }
  return relevant;
}

const UI_MODULE = /\.(?:[jt]sx|svelte|vue|astro)$/;

/** The longest literal stretch of a simple regex source: `^api\\.stripe\\.com$` -> `api.stripe.com`. */
function literalOf(source: string): string {
  const cleaned = source.replace(/^\^|\$$/g, '').replace(/\\\//g, '/').replace(/\\\./g, '.');
  const pieces = cleaned.split(/[()?|*+[\]{}\\^$]/);
  return pieces.reduce((a, b) => (b.length > a.length ? b : a), '').replace(/\/+$/, '');
}
