// Entities the code declares, with the table or collection each is stored in: Drizzle tables,
// Mongoose models, TypeORM / MikroORM / sequelize-typescript entity classes, Sequelize models,
// Objection models, Sanity document types, Firestore collections. Read from the IR's call sites,
// decorators and classes through resolved values, as the store recognizers declare them
// (`entities` in `src/recognizers/define.ts`); nothing is run. With the schema files' entities
// (Prisma models, SQL tables) they make the project's entity catalog: a booking stored in
// `tbl_res` makes `tbl_res` a booking table, and a shop's `Order` stays what it is.
import type { ClassIR, Expr, FileIR } from '../model/ir.js';
import { hasSteps, type Step, type Value } from '../model/values.js';
import { lineOf } from '../parse/source-guards.js';
import type { EntityDeclaration, EntityPlace, Recognizer, StoreRecognizer } from '../recognizers/define.js';
import { compilePath, isModuleOrSubpath, matchSteps } from '../recognizers/match.js';
import type { Vocabulary } from '../recognizers/vocabulary.js';
import type { Evaluator } from '../symbols/evaluate.js';
import { lastName, staticText } from '../symbols/text.js';
import { globMatcher } from '../util/glob.js';
import type { Manifest, SchemaEntity } from './discover.js';
import { addTo } from '../util/multimap.js';

interface Compiled {
  recognizer: StoreRecognizer;
  decl: EntityDeclaration;
  module: (name: string) => boolean;
  tokens: string[];
  /** The last named step, to skip sites that cannot be this declaration without evaluating them. */
  last: string;
}

/** What a declaration is on: a call site, a decorated class, or a class with a base class. */
interface Found {
  ir: FileIR;
  args: Expr[];
  site: number | null;
  callee: Expr | null;
  cls: ClassIR | null;
  pos: number;
}

export function declaredEntities(ev: Evaluator, files: Iterable<FileIR>, recognizers: Recognizer[]): SchemaEntity[] {
  const compiled = compileDeclarations(recognizers);
  if (compiled.length === 0) return [];
  const byLast = new Map<string, Compiled[]>();
  for (const c of compiled) addTo(byLast, c.last, c);
  const sources = [...files];
  fileCreatorsByName(sources, byLast);
  const out: SchemaEntity[] = [];
  const seen = new Set<string>();
  const add = (c: Compiled, found: Found) => {
    const name = place(ev, found, c.decl.name);
    if (!name) return;
    if (c.decl.when && !c.decl.when.equals.includes(place(ev, found, [c.decl.when.place]) ?? '')) return;
    const table = place(ev, found, c.decl.table ?? []);
    const line = lineOf(found.ir.lineStarts, found.pos);
    const key = `${found.ir.file}:${line}:${name}:${table}`;
    if (seen.has(key)) return;
    seen.add(key);
    const declared = found.cls ? null : declaredColumns(ev, found, c.decl.columns);
    const columns = found.cls ? Object.keys(found.cls.fields).filter((k) => !k.startsWith('static ')) : declared?.columns;
    const optionalColumns = declared?.optional.length ? { optionalColumns: declared.optional } : {};
    out.push({ name, table, file: found.ir.file, line, source: c.recognizer.id, ...(columns ? { columns } : {}), ...optionalColumns });
  };
  for (const ir of sources) {
    if (ir.skipped) continue;
    try {
      fileEntities(ev, ir, byLast, add);
    } catch {
      // Entity discovery is best effort: what a file's analysis trips on is reported by the facts stage.
    }
  }
  return out.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file < b.file ? -1 : 1));
}

/**
 * A declaration made by calling what a creator returned (`createTable = pgTableCreator(prefix)`,
 * then `createTable('booking', ...)`) is called by the name the app keeps the creator's result in:
 * those names are filed beside the creator's, as the quick test by callee name would miss them.
 */
function fileCreatorsByName(files: FileIR[], byLast: Map<string, Compiled[]>): void {
  const curried = new Map<string, Compiled[]>();
  for (const [last, cs] of byLast) {
    const made = cs.filter((c) => c.tokens.slice(-3).join(' ') === `${last} () ()`);
    if (made.length > 0) curried.set(last, made);
  }
  if (curried.size === 0) return;
  for (const [name, callees] of namesMadeBy(files, new Set(curried.keys()))) {
    for (const callee of callees) for (const c of curried.get(callee)!) if (!byLast.get(name)?.includes(c)) addTo(byLast, name, c);
  }
}

/**
 * The names bindings keep what a call of one of `callees` made (`const createTable =
 * pgTableCreator(...)`: createTable -> pgTableCreator), by the callee's last name. A quick test by
 * name, as the callers' own is: whoever asks still checks what the call resolves to.
 */
export function namesMadeBy(files: Iterable<FileIR>, callees: ReadonlySet<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const ir of files) {
    if (ir.skipped) continue;
    for (const b of ir.bindings) {
      if (b.name === '') continue;
      for (const d of b.defs) {
        const site = d.k === 'call' ? ir.sites[d.site] : undefined;
        const callee = site ? lastName(ir, site.callee) : null;
        if (callee && callees.has(callee) && !out.get(b.name)?.includes(callee)) addTo(out, b.name, callee);
      }
    }
  }
  return out;
}

const staticCallIndex = new WeakMap<FileIR, Map<number, number[]>>();

/**
 * The calls made on each class of a file (`Booking.init(...)`), by class index, indexed in one pass
 * per file: asked per class value, a scan of the file's calls each time is quadratic.
 */
function staticCalls(ir: FileIR): Map<number, number[]> {
  let index = staticCallIndex.get(ir);
  if (index) return index;
  staticCallIndex.set(ir, (index = new Map()));
  ir.sites.forEach((s, i) => {
    if (s.callee.k !== 'member' || s.callee.obj.k !== 'ref') return;
    const classes = new Set((ir.bindings[s.callee.obj.b]?.defs ?? []).flatMap((d) => (d.k === 'class' ? [d.cls] : [])));
    for (const cls of classes) addTo(index!, cls, i);
  });
  return index;
}

/**
 * The names the stores give a model value, its `name` at run time: a model `sequelize.define('Booking')`
 * made, or a class named by `Booking.init(..., { modelName })` or a decorator, else the class's own name.
 */
export function modelNames(ev: Evaluator, recognizers: Recognizer[]): (v: Value) => string[] {
  const byLast = new Map<string, Compiled[]>();
  for (const c of compileDeclarations(recognizers)) addTo(byLast, c.last, c);
  const namesAt = (ir: FileIR, sites: number[], cls: ClassIR | null): string[] => {
    const out: string[] = [];
    const add = (c: Compiled, found: Found) => {
      const name = place(ev, found, c.decl.name);
      if (name) out.push(name);
    };
    for (const site of sites) siteEntities(ev, ir, site, byLast, add);
    if (cls) classEntities(ev, ir, cls, byLast, add);
    return out;
  };
  return (v) => {
    if (v.t === 'class') {
      const ir = ev.ir(v.file);
      const cls = ir?.classes[v.cls];
      if (!ir || !cls) return [];
      // `Booking.init(...)`: a static call on this class.
      const onClass = staticCalls(ir).get(v.cls) ?? [];
      const declared = namesAt(ir, onClass, cls);
      return declared.length > 0 ? declared : [cls.name];
    }
    const last = hasSteps(v) ? v.steps[v.steps.length - 1] : undefined;
    const ir = last?.file !== undefined ? ev.ir(last.file) : undefined;
    return ir && last?.site !== undefined ? namesAt(ir, [last.site], null) : [];
  };
}

function fileEntities(ev: Evaluator, ir: FileIR, byLast: Map<string, Compiled[]>, add: (c: Compiled, found: Found) => void): void {
  ir.sites.forEach((_, index) => siteEntities(ev, ir, index, byLast, add));
  for (const cls of ir.classes) classEntities(ev, ir, cls, byLast, add);
}

/** A declaration a call site makes (`pgTable('bookings', ...)`, `sequelize.define('Booking', ...)`). */
function siteEntities(ev: Evaluator, ir: FileIR, index: number, byLast: Map<string, Compiled[]>, add: (c: Compiled, found: Found) => void): void {
  const site = ir.sites[index]!;
  const candidates = byLast.get(lastName(ir, site.callee) ?? '');
  if (!candidates) return;
  const end = site.isNew ? 'new()' : '()';
  const results = ev.values(ir.file, site.callee).flatMap((v) => withStep(v, { p: end, file: ir.file, site: index }));
  for (const c of candidates) {
    if ((c.decl.as ?? 'call') !== 'call' || c.tokens[c.tokens.length - 1] !== end) continue;
    if (results.some((v) => c.module(v.module) && matchSteps(c.tokens, v.steps) !== null)) {
      add(c, { ir, args: site.args, site: index, callee: site.callee, cls: null, pos: site.start });
    }
  }
}

/** A declaration a class makes by its decorators or its base class. */
function classEntities(ev: Evaluator, ir: FileIR, cls: ClassIR, byLast: Map<string, Compiled[]>, add: (c: Compiled, found: Found) => void): void {
  for (const deco of cls.decorators) {
    const candidates = byLast.get(lastName(ir, deco.name) ?? '');
    if (!candidates) continue;
    const results = ev.values(ir.file, deco.name).flatMap((v) => withStep(v, { p: '()' }));
    for (const c of candidates) {
      if (c.decl.as !== 'decorator') continue;
      if (results.some((v) => c.module(v.module) && matchSteps(c.tokens, v.steps) !== null)) {
        add(c, { ir, args: deco.args, site: null, callee: null, cls, pos: cls.start });
      }
    }
  }
  const base = cls.superClass;
  const candidates = base ? byLast.get(lastName(ir, base) ?? '') : undefined;
  if (!base || !candidates) return;
  const bases = ev.values(ir.file, base).filter((v): v is Extract<Value, { t: 'ext' }> => v.t === 'ext');
  for (const c of candidates) {
    if (c.decl.as !== 'subclass') continue;
    if (bases.some((v) => c.module(v.module) && matchSteps(c.tokens, v.steps) !== null)) add(c, { ir, args: [], site: null, callee: null, cls, pos: cls.start });
  }
}

/**
 * Lower-case names and tables of every entity whose name or table is booking-like: the names a
 * store operation may report for a booking (`Booking` stored in `tbl_res` makes both count).
 */
export function bookingEntityNames(entities: SchemaEntity[], vocabulary: Vocabulary): Set<string> {
  const out = new Set<string>();
  for (const e of entities) {
    if (!vocabulary.isBookingLike(e.name) && !vocabulary.isBookingLike(e.table)) continue;
    out.add(e.name.toLowerCase());
    if (e.table) out.add(e.table.toLowerCase());
  }
  return out;
}

function compileDeclarations(recognizers: Recognizer[]): Compiled[] {
  const out: Compiled[] = [];
  for (const r of recognizers) {
    if (r.kind !== 'store') continue;
    for (const decl of r.entities ?? []) {
      const bases = decl.onClient ? r.clients.filter((c) => !c.global).map((c) => ({ module: c.module ?? decl.module, path: c.path })) : [{ module: decl.module, path: '' }];
      for (const base of bases) {
        const tokens = [...compilePath(base.path), ...compilePath(decl.path)];
        const last = [...tokens].reverse().find((t) => !['()', 'new()', '*', '**'].includes(t));
        if (!last) continue;
        out.push({ recognizer: r, decl, module: moduleTest(base.module, r.packages), tokens, last });
      }
    }
  }
  return out;
}

function moduleTest(module: string | undefined, packages: string[]): (name: string) => boolean {
  if (module && /[*{]/.test(module)) {
    const re = globMatcher(module);
    return (name) => re.test(name);
  }
  const names = module ? [module] : packages;
  return (name) => names.some((m) => isModuleOrSubpath(name, m));
}

function withStep(v: Value, step: Step): Extract<Value, { t: 'ext' }>[] {
  return v.t === 'ext' ? [{ ...v, steps: [...v.steps, step] }] : [];
}

/**
 * The keys of the object a declaration's columns argument holds, and those whose builder chain
 * never says `.notNull()` or `.primaryKey()`: columns that may be empty. None when it holds no literal.
 */
function declaredColumns(ev: Evaluator, found: Found, at: `arg:${number}` | undefined): { columns: string[]; optional: string[] } | null {
  const arg = at ? found.args[Number(at.slice('arg:'.length))] : undefined;
  if (!arg) return null;
  const columns = new Set<string>();
  const optional = new Set<string>();
  for (const v of columnObjects(ev, found.ir.file, arg)) {
    const ir = ev.ir(v.file);
    for (const p of v.props) {
      if (p.key === null || p.key === '...') continue;
      columns.add(p.key);
      if (ir && !chainCalls(ir, p.value).some((name) => name === 'notNull' || name === 'primaryKey')) optional.add(p.key);
    }
  }
  return columns.size > 0 ? { columns: [...columns], optional: [...optional] } : null;
}

/**
 * The objects a columns argument holds: the object itself, or what the function given instead
 * returns (Drizzle's `pgTable('booking', (t) => ({ id: t.integer() }))`, handed the column builders).
 */
export function columnObjects(ev: Evaluator, file: string, arg: Expr): Extract<Value, { t: 'obj' }>[] {
  return ev.values(file, arg).flatMap((v) => {
    if (v.t === 'obj') return [v];
    if (v.t !== 'fn') return [];
    const fnFile = v.file;
    const returns = ev.ir(fnFile)?.functions[v.fn]?.returns ?? [];
    return returns.flatMap((r) => ev.values(fnFile, r)).filter((r): r is Extract<Value, { t: 'obj' }> => r.t === 'obj');
  });
}

/** The names of the methods a builder chain calls, outermost first: `int('x').notNull().references(f)`. */
function chainCalls(ir: FileIR, e: Expr): string[] {
  const names: string[] = [];
  for (let at: Expr | undefined = e; at?.k === 'call' && names.length < 20; ) {
    const callee: Expr | undefined = ir.sites[at.site]?.callee;
    if (callee?.k !== 'member') break;
    if (callee.prop !== null) names.push(callee.prop);
    at = callee.obj;
  }
  return names;
}

function place(ev: Evaluator, found: Found, places: EntityPlace[]): string | null {
  for (const p of places) {
    const text = placeText(ev, found, p);
    if (text && !text.includes('${}')) return text;
  }
  return null;
}

function placeText(ev: Evaluator, found: Found, p: EntityPlace): string | null {
  const { ir } = found;
  if (p === 'string') {
    for (const a of found.args) {
      const text = staticText(ir, a);
      if (text) return text;
    }
    return null;
  }
  if (p === 'binding') {
    if (found.site === null) return null;
    const site = found.site;
    const holds = (d: Expr) => (d.k === 'call' && d.site === site) || (d.k === 'await' && d.of.k === 'call' && d.of.site === site);
    return ir.bindings.find((b) => b.kind !== 'param' && b.defs.some(holds))?.name ?? null;
  }
  if (p === 'class') return classOf(ev, found)?.name ?? null;
  if (p.startsWith('static:')) {
    const key = p.slice('static:'.length);
    const cls = classOf(ev, found);
    if (!cls) return null;
    for (const v of cls.fields[`static ${key}`] ?? []) {
      const text = staticText(ir, v);
      if (text) return text;
    }
    const getter = cls.methods[`static get ${key}`];
    const fn = getter === undefined ? undefined : ir.functions[getter];
    for (const r of fn?.returns ?? []) {
      const text = staticText(ir, r);
      if (text) return text;
    }
    return null;
  }
  const m = /^arg:(\d+)(?:\.(.+))?$/.exec(p);
  const arg = m ? found.args[Number(m[1])] : undefined;
  if (!m || !arg) return null;
  if (!m[2]) return staticText(ir, arg);
  for (const obj of ev.values(ir.file, arg)) {
    if (obj.t !== 'obj') continue;
    const prop = [...obj.props].reverse().find((x) => x.key === m[2]);
    const at = ev.ir(obj.file);
    const text = prop && at ? staticText(at, prop.value) : null;
    if (text) return text;
  }
  return null;
}

/** The decorated or extending class, or the class a static call runs on (`Booking.init(...)`). */
function classOf(ev: Evaluator, found: Found): ClassIR | null {
  if (found.cls) return found.cls;
  if (found.callee?.k !== 'member') return null;
  for (const v of ev.values(found.ir.file, found.callee.obj)) {
    if (v.t === 'class') return ev.ir(v.file)?.classes[v.cls] ?? null;
  }
  return null;
}

/** The entity catalog one app sees: schema names by lower-case name, and its booking names and tables. */
export interface EntityCatalog {
  names: Map<string, string>;
  bookingTables: Set<string>;
}

/**
 * Entity catalogs per app: an app sees the entities declared in its own files, in the workspace
 * packages it depends on (directly or through others), outside every app, and in the config file.
 * A model another app of the tree declares (a shop's `Order` there mapped to `tour_bookings`) does
 * not change what this app's writes are.
 */
export function entityCatalogs(
  entities: SchemaEntity[], manifests: Manifest[], vocabulary: Vocabulary, appOf: (file: string) => Manifest | null,
): (file: string) => EntityCatalog {
  const byName = new Map(manifests.filter((m) => m.name).map((m) => [m.name!, m]));
  const owner = new Map<SchemaEntity, Manifest | null>(entities.map((e) => [e, e.source === 'config' ? null : appOf(e.file)]));
  const catalogs = new Map<Manifest | null, EntityCatalog>();
  const reachable = (app: Manifest): Set<Manifest> => {
    const out = new Set<Manifest>([app]);
    const queue = [app];
    while (queue.length > 0) {
      for (const dep of queue.pop()!.dependencies) {
        const m = byName.get(dep);
        if (m && !out.has(m)) {
          out.add(m);
          queue.push(m);
        }
      }
    }
    return out;
  };
  return (file) => {
    const app = appOf(file);
    let catalog = catalogs.get(app);
    if (!catalog) {
      const seen = app ? reachable(app) : null;
      const visible = entities.filter((e) => {
        const from = owner.get(e) ?? null;
        return !seen || from === null || seen.has(from);
      });
      catalog = { names: new Map(visible.map((e) => [e.name.toLowerCase(), e.name])), bookingTables: bookingEntityNames(visible, vocabulary) };
      catalogs.set(app, catalog);
    }
    return catalog;
  };
}
