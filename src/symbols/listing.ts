// A module loaded from a directory's listing: `fs.readdirSync(__dirname).forEach((file) =>
// require(path.join(__dirname, file)))`, the shape of sequelize-cli's `models/index.js` and of route
// loaders. Such a `require` may load any code file of that directory, which the scan holds: the
// listing is read from the paths, nothing is run.
import { posix } from 'node:path';
import { soleDefinition, type Expr, type FileIR } from '../model/ir.js';
import type { Value } from '../model/values.js';

/** What the listing needs of the evaluator: values of expressions and the scanned files. */
interface Reader {
  values(file: string, e: Expr, depth?: number): Value[];
  ir(file: string): FileIR | undefined;
  readonly files: Map<string, unknown>;
}

const FS = new Set(['fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'fs-extra']);
const PATH = new Set(['path', 'node:path']);
const LISTS = new Set(['readdirSync', 'readdir']);
/** Array methods a listing goes through and stays a list of the same names. */
const KEEPS_NAMES = new Set(['filter', 'sort', 'reverse', 'slice', 'concat', '()', '[]']);
const CODE = /\.(?:[cm]?[jt]s)$/;
/** `require(x)`, and `import(x)` in ES modules. */
const LOADERS = new Set(['require', 'import']);
const URL = new Set(['url', 'node:url']);

/**
 * The scanned code files the `require` at this site may load, when its specifier joins a directory
 * with an item of that same directory's listing; null for any other call. The requiring file is
 * never among them (a loader skips itself).
 */
export function listedFiles(ev: Reader, file: string, siteIndex: number): string[] | null {
  const site = ev.ir(file)?.sites[siteIndex];
  if (site?.callee.k !== 'global' || !LOADERS.has(site.callee.name) || !site.args[0]) return null;
  const parts = specifierParts(ev, file, fileUrlOf(ev, file, site.args[0]) ?? site.args[0]);
  if (!parts || !listsDirectory(ev, file, parts.item, parts.dir)) return null;
  const out: string[] = [];
  for (const f of ev.files.keys()) if (f !== file && posix.dirname(f) === parts.dir && CODE.test(f) && !f.endsWith('.d.ts')) out.push(f);
  return out.sort();
}

/** The path in `pathToFileURL(path).href` (what `import()` takes in ES modules), or null. */
function fileUrlOf(ev: Reader, file: string, e: Expr): Expr | null {
  const call = e.k === 'member' && e.prop === 'href' ? e.obj : e;
  const site = call.k === 'call' ? ev.ir(file)?.sites[call.site] : undefined;
  const converts = site && ev.values(file, site.callee).some((v) => v.t === 'ext' && URL.has(v.module) && v.steps.length === 1 && v.steps[0]!.p === 'pathToFileURL');
  return converts ? site.args[0] ?? null : null;
}

/** `path.join(dir, item)`, `` `${dir}/${item}` ``, `dir + '/' + item`: the directory and the item. */
function specifierParts(ev: Reader, file: string, spec: Expr): { dir: string; item: Expr } | null {
  if (spec.k === 'tpl' && spec.parts.length === 2 && spec.text === '${}/${}') {
    const dir = directory(ev, file, spec.parts[0]!);
    return dir === null ? null : { dir, item: spec.parts[1]! };
  }
  if (spec.k === 'tpl' && spec.parts.length === 1 && spec.text === './${}') return { dir: posix.dirname(file), item: spec.parts[0]! };
  const args = pathJoinArgs(ev, file, spec);
  if (!args || args.length < 2) return null;
  const dir = directory(ev, file, { k: 'tpl', parts: [], text: '' }, args.slice(0, -1));
  return dir === null ? null : { dir, item: args[args.length - 1]! };
}

/** The arguments of `path.join(...)` / `path.resolve(...)`, when `e` is such a call. */
function pathJoinArgs(ev: Reader, file: string, e: Expr): Expr[] | null {
  if (e.k !== 'call') return null;
  const site = ev.ir(file)?.sites[e.site];
  if (!site) return null;
  const joins = ev.values(file, site.callee).some((v) => v.t === 'ext' && PATH.has(v.module) && v.steps.length === 1 && (v.steps[0]!.p === 'join' || v.steps[0]!.p === 'resolve'));
  return joins ? site.args : null;
}

/**
 * A directory of the scan, relative to its root, that an expression names: `__dirname`, or
 * `__dirname` joined with literal segments. `segments`, when given, are joined instead of `e`.
 */
function directory(ev: Reader, file: string, e: Expr, segments?: Expr[], depth = 0): string | null {
  const pieces = segments ?? (pathJoinArgs(ev, file, e) ?? [e]);
  if (pieces.length === 0 || depth > 4) return null;
  const [head, ...rest] = pieces;
  // `const modelsDir = path.join(__dirname)`: the directory the constant was given.
  const given = soleDefinition(ev.ir(file)!, head!);
  let dir: string | null = given ? directory(ev, file, given, undefined, depth + 1) : null;
  if ((head!.k === 'global' && head!.name === '__dirname') || ownDirectory(ev, file, head!)) dir = posix.dirname(file);
  else if (head!.k === 'tpl' && head!.parts.length === 1 && head!.parts[0]!.k === 'global' && head!.parts[0]!.name === '__dirname' && head!.text.startsWith('${}/')) {
    dir = posix.join(posix.dirname(file), head!.text.slice('${}/'.length));
  }
  if (dir === null) return null;
  for (const r of rest) {
    if (r.k !== 'lit' || typeof r.value !== 'string') return null;
    dir = posix.join(dir, r.value);
  }
  return dir.startsWith('..') ? null : dir;
}

/** `import.meta.dirname`, `path.dirname(fileURLToPath(import.meta.url))`: an ES module's own directory. */
function ownDirectory(ev: Reader, file: string, e: Expr): boolean {
  const isMeta = (x: Expr | undefined, prop: string) => x?.k === 'member' && x.prop === prop && x.obj.k === 'global' && x.obj.name === 'import.meta';
  if (isMeta(e, 'dirname')) return true;
  const ir = ev.ir(file)!;
  const dirname = e.k === 'call' ? ir.sites[e.site] : undefined;
  const inner = dirname?.args[0]?.k === 'call' ? ir.sites[(dirname.args[0] as Extract<Expr, { k: 'call' }>).site] : undefined;
  const calls = (site: typeof dirname, module: Set<string>, name: string) => site !== undefined && ev.values(file, site.callee).some((v) => v.t === 'ext' && module.has(v.module) && v.steps.length === 1 && v.steps[0]!.p === name);
  return calls(dirname, PATH, 'dirname') && calls(inner, URL, 'fileURLToPath') && isMeta(inner!.args[0], 'url');
}

/** Whether `item` is an entry of `readdirSync(dir)` (filtered or sorted on the way). */
function listsDirectory(ev: Reader, file: string, item: Expr, dir: string): boolean {
  return ev.values(file, item).some((v) => {
    if (v.t !== 'ext' || !FS.has(v.module) || !LISTS.has(v.steps[0]?.p ?? '')) return false;
    const call = v.steps[1];
    if (call?.p !== '()' || call.site === undefined || call.file === undefined || v.steps[v.steps.length - 1]!.p !== '[]') return false;
    if (!v.steps.slice(2).every((s) => KEEPS_NAMES.has(s.p))) return false;
    const listed = ev.ir(call.file)?.sites[call.site]?.args[0];
    return listed !== undefined && directory(ev, call.file, listed) === dir;
  });
}
