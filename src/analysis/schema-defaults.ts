// The fields an entity's schema declares and their defaults: Prisma `@default(...)` and SQL
// `DEFAULT` (read by project discovery), Drizzle `.default(...)` columns of `pgTable(...)`,
// Mongoose `default:` in `new Schema({...})`, Sequelize `defaultValue` in `define` / `init`, and
// field initializers of entity classes (`status = BookingStatus.Pending`). What a new record holds
// when the code that creates it does not say.
import type { CallSite, Expr, FileIR } from '../model/ir.js';
import { lineOf } from '../parse/source-guards.js';
import { singularNoun, words } from '../recognizers/vocabulary.js';
import { lastName, staticText } from '../symbols/text.js';
import { appOf } from '../engine/wiring.js';
import { columnObjects, namesMadeBy } from '../project/entities.js';
import type { Program } from './program.js';

export interface DeclaredField {
  name: string;
  /** The default's text (`pending`, `PENDING`), or null when the field has none. */
  default: string | null;
  file: string;
  line: number;
}

export interface EntitySchema {
  name: string;
  file: string;
  line: number;
  fields: DeclaredField[];
}

const memo = new WeakMap<Program, EntitySchema[]>();

/**
 * The schema of an entity (by model, table or collection name, any case or plural) that the code
 * in `fromFile` can use: declared in the same app, in a workspace package the app depends on, or
 * outside every app. Another app of a monorepo with a model of the same name is not it.
 */
export function entitySchema(program: Program, entity: string, fromFile: string): EntitySchema | null {
  const key = normalize(entity);
  const app = appOf(program.project.manifests, fromFile);
  const usable = (file: string) => {
    const owner = appOf(program.project.manifests, file);
    return !owner || owner === app || (owner.name !== null && (app?.dependencies.includes(owner.name) ?? false));
  };
  return schemas(program).find((s) => normalize(s.name) === key && usable(s.file)) ?? null;
}

function normalize(name: string): string {
  return words(name).map(singularNoun).join('');
}

function schemas(program: Program): EntitySchema[] {
  const hit = memo.get(program);
  if (hit) return hit;
  const out: EntitySchema[] = [];
  for (const e of program.project.schemaEntities) {
    if (!e.fields) continue;
    const fields = e.fields.map((f) => ({ name: f.name, default: f.default, file: e.file, line: f.line }));
    out.push({ name: e.name, file: e.file, line: e.line, fields });
    if (e.table && e.table !== e.name) out.push({ name: e.table, file: e.file, line: e.line, fields });
  }
  const creators = tableCreators(program);
  for (const ir of program.files.values()) if (!ir.skipped) out.push(...codeSchemas(program, ir, creators));
  memo.set(program, out);
  return out;
}

const TABLE_CALLS = new Set(['pgTable', 'mysqlTable', 'sqliteTable', 'singlestoreTable']);
/** Drizzle's table creators: what they return declares a table as `pgTable` does, its name prefixed. */
const TABLE_CREATOR_CALLS = new Set([...TABLE_CALLS].map((t) => `${t}Creator`));

/** The names the app keeps a table creator's result in (`const createTable = pgTableCreator(...)`). */
function tableCreators(program: Program): Set<string> {
  return new Set(namesMadeBy(program.files.values(), TABLE_CREATOR_CALLS).keys());
}

function codeSchemas(program: Program, ir: FileIR, creators: Set<string>): EntitySchema[] {
  const out: EntitySchema[] = [];
  const ev = program.ev;
  const modelNames = new Map<string, string>();
  ir.sites.forEach((site, index) => {
    const name = lastName(ir, site.callee);
    if (!name) return;
    const moduleOf = () => ev.values(ir.file, site.callee).flatMap((v) => (v.t === 'ext' ? [v.module] : []))[0] ?? '';
    if ((TABLE_CALLS.has(name) || creators.has(name)) && moduleOf().startsWith('drizzle-orm')) {
      const table = staticText(ir, site.args[0]);
      if (table) out.push({ name: table, file: ir.file, line: lineOf(ir.lineStarts, site.start), fields: objectFields(program, ir, site.args[1], drizzleDefault) });
    } else if (name === 'Schema' && site.isNew && moduleOf() === 'mongoose') {
      out.push({ name: `#schema:${ir.file}:${index}`, file: ir.file, line: lineOf(ir.lineStarts, site.start), fields: objectFields(program, ir, site.args[0], keyDefault('default')) });
    } else if (name === 'model' && moduleOf() === 'mongoose') {
      const model = staticText(ir, site.args[0]);
      for (const v of site.args[1] ? ev.values(ir.file, site.args[1]) : []) {
        const made = v.t === 'ext' ? v.steps.findLast((s) => s.p === 'new()' && s.site !== undefined) : undefined;
        if (model && made) modelNames.set(`#schema:${made.file}:${made.site}`, model);
      }
    } else if (name === 'define' && moduleOf() === 'sequelize') {
      const model = staticText(ir, site.args[0]);
      if (model) out.push({ name: model, file: ir.file, line: lineOf(ir.lineStarts, site.start), fields: objectFields(program, ir, site.args[1], keyDefault('defaultValue')) });
    } else if (name === 'init' && site.callee.k === 'member') {
      const cls = ev.values(ir.file, site.callee.obj).find((v) => v.t === 'class');
      const model = cls?.t === 'class' ? ev.ir(cls.file)?.classes[cls.cls]?.name : undefined;
      if (model && site.args[0]) out.push({ name: model, file: ir.file, line: lineOf(ir.lineStarts, site.start), fields: objectFields(program, ir, site.args[0], keyDefault('defaultValue')) });
    }
  });
  // Mongoose schemas take the model's name.
  for (const s of out) s.name = modelNames.get(s.name) ?? s.name;
  // Entity classes: `@Column({ default: 'pending' })` (TypeORM, MikroORM `@Property`, NestJS
  // `@Prop`), sequelize-typescript `@Default('pending')`, and field initializers.
  for (const cls of ir.classes) {
    if (!cls.decorators.length && !cls.superClass) continue;
    const fields = Object.entries(cls.fields).filter(([k]) => !k.startsWith('static ')).map(([k, defs]) => {
      const decorated = (cls.fieldDecorators?.[k] ?? []).map((d) => decoratorDefault(program, ir, d.name, d.args)).find((t) => t !== null);
      const initial = defs.filter((d) => d.k !== 'typed').map((d) => textOf(program, ir, d)).find((t) => t !== null);
      return { name: k, default: decorated ?? initial ?? null, file: ir.file, line: lineOf(ir.lineStarts, cls.fieldStarts?.[k] ?? cls.start) };
    });
    if (fields.length > 0) out.push({ name: cls.name, file: ir.file, line: lineOf(ir.lineStarts, cls.start), fields });
  }
  return out.filter((s) => !s.name.startsWith('#schema:'));
}

type DefaultOf = (program: Program, ir: FileIR, e: Expr) => string | null;

function decoratorDefault(program: Program, ir: FileIR, name: Expr, args: Expr[]): string | null {
  if (lastName(ir, name) === 'Default' && args[0]) return textOf(program, ir, args[0]);
  for (const a of args) {
    const found = keyDefault('default')(program, ir, a) ?? keyDefault('defaultValue')(program, ir, a);
    if (found !== null) return found;
  }
  return null;
}

function objectFields(program: Program, ir: FileIR, arg: Expr | undefined, defaultOf: DefaultOf): DeclaredField[] {
  if (!arg) return [];
  const out: DeclaredField[] = [];
  for (const v of columnObjects(program.ev, ir.file, arg)) {
    const at = program.ev.ir(v.file) ?? ir;
    for (const p of v.props) {
      if (!p.key || p.key === '...') continue;
      const pos = p.pos ?? (p.value.k === 'obj' ? p.value.pos : p.value.k === 'call' ? at.sites[p.value.site]?.start ?? v.pos : v.pos);
      out.push({ name: p.key, default: defaultOf(program, at, p.value), file: at.file, line: lineOf(at.lineStarts, Math.max(0, pos)) });
    }
  }
  return out;
}

/** `text('status').notNull().default('pending')`: the argument of a `default` call in the column's chain. */
function drizzleDefault(program: Program, ir: FileIR, e: Expr): string | null {
  for (let x: Expr | undefined = e, depth = 0; x && x.k === 'call' && depth < 12; depth++) {
    const site: CallSite | undefined = ir.sites[x.site];
    if (!site || site.callee.k !== 'member') return null;
    if (site.callee.prop === 'default' && site.args[0]) return textOf(program, ir, site.args[0]);
    x = site.callee.obj;
  }
  return null;
}

/** `{ type: String, default: 'pending' }`: the object's default key. */
function keyDefault(key: string): DefaultOf {
  return (program, ir, e) => {
    for (const v of program.ev.values(ir.file, e)) {
      if (v.t !== 'obj') continue;
      const prop = v.props.find((p) => p.key === key);
      if (prop) return textOf(program, program.ev.ir(v.file) ?? ir, prop.value);
    }
    return null;
  };
}

function textOf(program: Program, ir: FileIR, e: Expr): string | null {
  for (const v of program.ev.values(ir.file, e)) {
    if (v.t === 'lit' && v.value !== null) return String(v.value);
    if ((v.t === 'ext' || v.t === 'global') && v.steps.length >= 2 && /^[A-Z]/.test(v.steps[v.steps.length - 2]!.p)) return v.steps[v.steps.length - 1]!.p;
  }
  if (e.k === 'call') {
    const site = ir.sites[e.site];
    if (site?.tagged) return site.tagged.replace(/^'|'$/g, '');
  }
  return staticText(ir, e);
}

