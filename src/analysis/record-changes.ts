// What a store operation does to its records: insert, update or delete, the field values it sets
// (`status: 'PENDING'`, `seatsLeft: { increment: 1 }`, `SET status = 'cancelled'`, a field assigned
// on a record before `booking.save()`), and the filter that picks the records it changes. Read from
// payload objects, chained query-builder calls, SQL text (and the SQL functions `rpc()` runs) and
// field assignments, through resolved values; never from an AST.
import type { CallSite, Expr, FieldWrite, FileIR } from '../model/ir.js';
import { fnKey, isUnknown, type Value } from '../model/values.js';
import type { SiteFact } from '../recognize/facts.js';
import { staticText } from '../symbols/text.js';
import type { Evaluator } from '../symbols/evaluate.js';
import { chainEvaluator, chainsTo } from './chains.js';
import { mappedRows } from './mapped-rows.js';
import { ID_FIELDS, isStatusReference } from '../recognizers/vocabulary.js';
import { factsAtLastCall, functionOf, siteKey, type Program } from './program.js';
import { boundParams, parsedStatements, selectFilter, sqlFunctionBody, statementOf, type SqlValue } from './sql-text.js';

// Record changes are read from these statements; the queries tests ask for them here.
export { sqlStatements } from './sql-text.js';

export interface FieldValue {
  /** The field written: the last key of `path`. */
  field: string;
  /** Keys from the record's root (`['bookings', 'create', 'status']` for a nested create). */
  path: string[];
  file: string;
  /** Offset where the value is written. */
  pos: number;
  expr: Expr | null;
  /** Static texts the value can take: literals and enum members (`PENDING`). */
  texts: string[];
  /** Resolved values (for data flow: does it come from a payment call's result?). */
  values: Value[];
  /** A value taken from the request (a parameter of an entry point). */
  fromRequest: boolean;
  /** A counter change: `{ increment: 1 }`, `$inc: { seats: -1 }`, `seats = seats - 1`, `seats += 1`. */
  delta: 'up' | 'down' | null;
}

export interface RecordChange {
  fact: SiteFact;
  op: 'insert' | 'update' | 'delete';
  /** The table or entity changed: the fact's entity, or a table a SQL statement or function names. */
  entity: string | null;
  sets: FieldValue[];
  filter: FieldValue[];
  /**
   * A delete of every row: no filter at all (`deleteMany()`, `deleteMany({})`, `DELETE FROM t`
   * without WHERE, `truncate`), nor a record it was handed. Seed and reset code does this; no
   * customer's cancellation does.
   */
  everyRow: boolean;
}

/**
 * Keys that wrap the written fields without naming one (`data`, `$set`). Read for every store: a
 * configured booking-write helper carries no store data, and its payload is the store's it wraps.
 */
const WRAPPERS = new Set(['data', '$set', 'set', 'values', '$setOnInsert']);
const MAX_LEAVES = 200;

const memo = new WeakMap<SiteFact, RecordChange[]>();
const filterMemo = new WeakMap<SiteFact, FieldValue[]>();

/** What a write or update fact does, one change per table it touches (a SQL function may touch several). */
/** What a write or update changes; with `ev`, as one call chain binds the parameters it uses. */
export function recordChanges(program: Program, fact: SiteFact, ev?: Evaluator): RecordChange[] {
  if (ev) return compute(program, fact, ev);
  let found = memo.get(fact);
  if (!found) {
    found = compute(program, fact, program.ev);
    memo.set(fact, found);
  }
  return found;
}

/**
 * What a helper's write changes when an entry point calls it, on each chain from the entry: a
 * shared `setStatus(id, status)` cancels only where a caller passes a cancelled state.
 */
export function changesFromEntry(program: Program, entry: string, fact: SiteFact): RecordChange[] {
  const target = fnKey(fact);
  if (target === entry) return recordChanges(program, fact);
  const chains = chainsTo(program, entry, target);
  if (chains.length === 0) return recordChanges(program, fact);
  return chains.flatMap((chain) => recordChanges(program, fact, chainEvaluator(program, chain, entry)));
}

/**
 * The filter of a read: `findMany({ where })`, Mongoose `find(filter)`, the WHERE of `SELECT id FROM
 * bookings WHERE status IN ('pending')`, chained `.eq('status', 'pending')`. Which records it can
 * have found, for a change keyed by their ids (`keyReads`).
 */
export function readFilter(program: Program, fact: SiteFact): FieldValue[] {
  if (fact.kind !== 'read') return [];
  let found = filterMemo.get(fact);
  if (!found) filterMemo.set(fact, (found = embeddedFilter(fact, compute(program, fact, program.ev, true)[0]?.filter ?? [])));
  return found;
}

/**
 * A resource embedded in another read's rows (`from('slots').select('*, booking:bookings(*)').eq('id', slotId)`)
 * is filtered only by what names it (`.eq('booking.status', 'pending')`): the slot's id is no booking's key.
 */
function embeddedFilter(fact: SiteFact, filter: FieldValue[]): FieldValue[] {
  const embedded = fact.match?.store?.embedded;
  if (!embedded) return filter;
  const out: FieldValue[] = [];
  for (const f of filter) {
    const [head, ...path] = f.path.flatMap((p) => p.split('.'));
    if ((head === embedded.field || head === embedded.table) && path.length > 0) out.push({ ...f, path, field: path[path.length - 1]! });
  }
  return out;
}

/** Operators that keep a filter on the listed values: `{ in: ids }`, `{ $in: ids }`, `{ equals: id }`. */
const MEMBERSHIP = new Set(['in', '$in', 'equals', '$eq', 'eq']);

/**
 * The reads that found the records a change is keyed by: `UPDATE bookings SET ... WHERE id = ANY($1)`
 * with the ids of rows a SELECT returned, `updateMany({ where: { id: { in: stale.map((b) => b.id) } } })`,
 * `updateMany({ _id: { $in: ids } })`. The change touches only what those reads found. Empty unless
 * every value of its id filter is read off such a read's records.
 */
export function keyReads(program: Program, change: RecordChange): SiteFact[] {
  const keys = change.filter.filter((f) => f.path.some((p) => ID_FIELDS.has(p)));
  const values: Value[] = [];
  for (const v of keys.flatMap((f) => f.values)) {
    if (v.t !== 'obj') values.push(v);
    // `{ in: ids }` is read through (its leaf is a filter value of its own for Prisma, not for Mongoose's `$in`).
    else if (v.props.every((p) => p.key !== null && MEMBERSHIP.has(p.key))) values.push(...v.props.flatMap((p) => program.ev.values(v.file, p.value)));
    else return [];
  }
  const reads = new Map<string, SiteFact>();
  for (const v of values) {
    const read = readOf(program, v);
    if (!read) return [];
    reads.set(siteKey(read.file, read.site), read);
  }
  return [...reads.values()];
}

/** The booking read a value was taken from: the last step of its chain made at a site that reads bookings. */
function readOf(program: Program, v: Value): SiteFact | null {
  if (v.t !== 'ext' && v.t !== 'global') return null;
  for (let i = v.steps.length - 1; i >= 0; i--) {
    const step = v.steps[i]!;
    if (step.site === undefined || step.file === undefined) continue;
    const read = (program.factsBySite.get(siteKey(step.file, step.site)) ?? []).find((f) => f.kind === 'read' && f.bookingLike);
    if (read) return read;
  }
  return null;
}

/** With `read`, a read's filter as the filter of a change that sets nothing; else reads change nothing. */
function compute(program: Program, fact: SiteFact, ev: Evaluator, read = false): RecordChange[] {
  if (fact.kind === 'read' ? !read : fact.kind !== 'write' && fact.kind !== 'update') return [];
  const ir = program.files.get(fact.file);
  const site = ir?.sites[fact.site];
  if (!ir || !site) return [];
  const op = fact.match?.store;
  const store = fact.recognizer.kind === 'store' ? fact.recognizer : null;
  const entitySources = op?.entity ?? [];
  if (entitySources.includes('function')) {
    const body = sqlFunctionBody(program, ir, site);
    if (body) return sqlChanges(program, fact, body, null).map((c) => ({ ...c, fact }));
  }
  if (entitySources.includes('sql')) {
    const sql = statementOf(program, ir, site);
    if (sql && fact.kind === 'read') {
      const bound = boundParams(ir, site) ?? site.args;
      return [{ fact, op: 'update', entity: fact.entity, sets: [], filter: selectFilter(sql).map((v) => sqlFieldValue(program, fact, bound, v)), everyRow: false }];
    }
    // `db.prepare(sql).run(a, b)` binds the run call's own arguments.
    if (sql) return sqlChanges(program, fact, sql, boundParams(ir, site) ?? site.args).map((c) => ({ ...c, fact }));
  }
  const updates = recordIsLoaded(program, fact) || (op?.updatesWith !== undefined && optionSet(program, fact.file, site.args[op.updatesWith.arg], op.updatesWith.keys));
  const kindOp: RecordChange['op'] = fact.kind === 'write' ? (updates ? 'update' : 'insert') : op?.deletes ? 'delete' : 'update';
  const sets: FieldValue[] = [];
  const filter: FieldValue[] = [];
  const add = (out: FieldValue[], file: string, e: Expr | undefined, path: string[] = []) => {
    if (e) leaves(program, ev, file, e, path, 0, { sets: out, filter, op: kindOp });
  };
  // `manager.update(Booking, criteria, changes)`: an entity class first shifts the arguments.
  const shift = site.args[0] && ev.values(fact.file, site.args[0]).some((v) => v.t === 'class') ? 1 : 0;
  if (op?.setsArg !== undefined) add(sets, fact.file, site.args[op.setsArg + shift]);
  if (op?.filterArg !== undefined) add(filter, fact.file, site.args[op.filterArg + shift]);
  // `findByIdAndDelete(booking._id)`: a bare id is a filter on the id field.
  const id = op?.idArg ? site.args[op.idArg.arg + shift] : undefined;
  if (op?.idArg && id) filter.push(fieldValue(program, ev, fact.file, id, [op.idArg.field], site.start));
  if (op?.setsArg === undefined) {
    // The filter argument is no payload: `deleteMany({ status: 'cancelled' })` sets nothing.
    const filterArg = op?.filterArg === undefined ? -1 : op.filterArg + shift;
    const idArg = op?.idArg === undefined ? -1 : op.idArg.arg + shift;
    const first = site.args.find((a, i) => i !== filterArg && i !== idArg && isObjectish(program, fact.file, a));
    if (first) add(sets, fact.file, first);
    else for (const given of site.args.flatMap((a) => reassignedMember(ir, site, a))) add(sets, fact.file, given);
    // `const data = req.body; data.status = 'pending'; await Booking.create(data)` (or `{ data }`):
    // the fields assigned on the payload's variable before the call are written too.
    const payload = first ?? site.args.find((a, i) => i !== filterArg && i !== idArg && a.k === 'ref');
    for (const held of payload ? payloadVariables(payload) : []) sets.push(...assignedFields(program, ev, ir, site, held));
    // `update(values, { where })`: the filter of the other object arguments.
    for (const a of site.args) if (a !== first && isObjectish(program, fact.file, a)) add([], fact.file, a);
  }
  // Whether a filter call is made at all, read or not.
  let filterCalls = 0;
  // Chained builder calls: `.values({...})`, `.set({...})`, `.eq('id', id)`.
  for (let s = site; s.chainedBy !== null; ) {
    const next = ir.sites[s.chainedBy];
    if (!next || next.fn !== site.fn) break;
    const name = next.callee.k === 'member' ? next.callee.prop : null;
    if (name && store?.setCalls?.includes(name)) add(sets, fact.file, next.args[0]);
    if (name && store?.filterCalls?.includes(name)) {
      filterCalls++;
      filter.push(...filterCall(program, ev, fact.file, next));
    }
    s = next;
  }
  // Builder calls before it, in the callee's chain: `knex('bookings').where({ id }).update({...})`,
  // Sanity's `patch(id).set({...}).commit()`.
  for (const v of ev.values(fact.file, site.callee)) {
    if (v.t !== 'ext' && v.t !== 'global') continue;
    v.steps.forEach((step, i) => {
      const name = v.steps[i - 1]?.p;
      if (step.p !== '()' || step.site === undefined || !step.file || !name) return;
      const call = program.files.get(step.file)?.sites[step.site];
      if (store?.setCalls?.includes(name)) add(sets, step.file, call?.args[0]);
      if (!store?.filterCalls?.includes(name)) return;
      filterCalls++;
      if (call) filter.push(...filterCall(program, ev, step.file, call));
    });
    break;
  }
  // The record a write was handed: `new Booking({...}).save()`, `repo.save(repo.create({...}))`, and
  // the fields assigned on it before (`booking.status = 'CANCELLED'; await booking.save()`).
  const record = op?.record === 'receiver' ? (site.callee.k === 'member' ? site.callee.obj : undefined) : op?.record === 'arg0' ? site.args[0] : undefined;
  if (record) {
    for (const v of ev.values(fact.file, record)) {
      if (v.t !== 'ext' && v.t !== 'global') continue;
      const producer = [...v.steps].reverse().find((s) => s.site !== undefined && (s.p === 'new()' || s.p === '()'));
      const call = producer?.file ? program.files.get(producer.file)?.sites[producer.site!] : undefined;
      if (call && producer?.file && call.args[0] && isObjectish(program, producer.file, call.args[0])) add(sets, producer.file, call.args[0]);
      break;
    }
    sets.push(...assignedFields(program, ev, ir, site, record));
  }
  // `Event.increment({ seatsLeft: -1 })`, `knex('slots').decrement('booked', 1)`: every value is a counter step.
  if (op?.counter) {
    const sign = op.counter === 'up' ? 1 : -1;
    const column = staticText(ir, site.args[0]);
    if (column) sets.push({ ...fieldValue(program, ev, fact.file, site.args[1] ?? { k: 'lit', value: 1 }, [column], site.start), delta: null });
    for (const f of sets) {
      const n = Number(f.texts[0] ?? (column ? 1 : NaN));
      f.delta = Number.isNaN(n) ? (sign > 0 ? 'up' : 'down') : n * sign >= 0 ? 'up' : 'down';
    }
  }
  const options = new Set(op?.optionKeys);
  const everyRow = kindOp === 'delete' && filter.length === 0 && filterCalls === 0 && !record && site.args.every((a) => emptyFilter(ev, fact.file, a, options));
  return [{ fact, op: kindOp, entity: fact.entity, sets: dedupe(sets), filter: dedupe(filter), everyRow }];
}

/** An options argument that sets one of these keys to anything but `false` on some path. */
function optionSet(program: Program, file: string, arg: Expr | undefined, keys: string[]): boolean {
  if (!arg) return false;
  return program.ev.values(file, arg).some((v) => v.t === 'obj' && v.props.some((p) => p.key !== null && keys.includes(p.key) && !(p.value.k === 'lit' && p.value.value === false)));
}

/** The document a save writes (`booking.save()`, `repo.save(booking)`). */
function savedRecord(program: Program, fact: SiteFact): Expr | undefined {
  const op = fact.match?.store;
  const site = program.files.get(fact.file)?.sites[fact.site];
  return op?.record === 'arg0' ? site?.args[0] : op?.record === 'receiver' && site?.callee.k === 'member' ? site.callee.obj : undefined;
}

/** A save of a document this request inserted earlier on the way (`await booking.save()` again in the catch). */
export function resavesNewRecord(program: Program, fact: SiteFact): boolean {
  const record = savedRecord(program, fact);
  return record !== undefined && savedBefore(program, fact, record);
}

/**
 * `repo.save(booking)` where `booking` was read first: an update of a loaded record, not an insert;
 * so is a save of what saving a loaded record returned (`saved = await repo.save(booking)`).
 */
function recordIsLoaded(program: Program, fact: SiteFact, depth = 0): boolean {
  const record = savedRecord(program, fact);
  if (!record) return false;
  for (const v of program.ev.values(fact.file, record)) {
    if (v.t !== 'ext' && v.t !== 'global') continue;
    for (const step of v.steps) {
      if (step.site === undefined || !step.file) continue;
      const facts = program.factsBySite.get(`${step.file}:${step.site}`) ?? [];
      if (facts.some((f) => f.kind === 'read' || (f !== fact && f.kind === 'write' && depth < 3 && recordIsLoaded(program, f, depth + 1)))) return true;
    }
  }
  return savedBefore(program, fact, record);
}

/**
 * `const booking = new Booking(data); await booking.save(); ... booking.status = 'cancelled'; await
 * booking.save()`: a document an earlier write of the same variable inserted, on the way here, is
 * saved again as an update (a confirmation or a release), not inserted a second time.
 */
function savedBefore(program: Program, fact: SiteFact, record: Expr): boolean {
  if (record.k !== 'ref') return false;
  const found = functionOf(program, fnKey(fact));
  const ir = program.files.get(fact.file);
  if (!found || !ir) return false;
  const sameRecord = (at: number) => {
    const s = ir.sites[at];
    const r = s && (fact.match?.store?.record === 'arg0' ? s.args[0] : s.callee.k === 'member' ? s.callee.obj : undefined);
    return r?.k === 'ref' && r.b === record.b;
  };
  const nodes = found.fn.nodes;
  const earlier = nodes.flatMap((n, i) => (n.kind === 'call' && n.site !== undefined && n.site !== fact.site && sameRecord(n.site)
    && (program.factsBySite.get(siteKey(fact.file, n.site)) ?? []).some((f) => f.kind === 'write' && f.recognizer === fact.recognizer) ? [i] : []));
  if (earlier.length === 0) return false;
  // Forward over normal and exceptional edges: a re-save in a `catch` follows the save before the `try`.
  const seen = new Set<number>();
  const stack = earlier.flatMap((i) => [...nodes[i]!.next, ...nodes[i]!.exc]);
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    if (nodes[n]!.kind === 'call' && nodes[n]!.site === fact.site) return true;
    stack.push(...nodes[n]!.next, ...nodes[n]!.exc);
  }
  return false;
}

/** An argument that filters nothing: `{}`, `{ where: {} }`, only the operation's `options`; not an id, a table or anything unread. */
function emptyFilter(ev: Evaluator, file: string, e: Expr, options: Set<string>, depth = 0): boolean {
  const values = ev.values(file, e);
  return depth < 3 && values.length > 0 && values.every((v) => v.t === 'obj' && v.props.every((p) =>
    p.key !== null && (options.has(p.key) || (p.key === 'where' && emptyFilter(ev, v.file, p.value, options, depth + 1)))));
}

function isObjectish(program: Program, file: string, e: Expr, depth = 0): boolean {
  if (e.k === 'obj') return true;
  if (e.k === 'arr') return e.items.some((x) => isObjectish(program, file, x, depth));
  if (program.ev.values(file, e).some((v) => v.t === 'obj')) return true;
  // Rows mapped from a list the request sent (`dates.map((d) => ({ date: d, status }))`): the list is
  // unknown, the rows are the callback's objects.
  return depth < 2 && mappedRows(program.ev, file, e).some((row) => isObjectish(program, row.file, row.expr, depth + 1));
}

interface LeafSink {
  sets: FieldValue[];
  filter: FieldValue[];
  op: RecordChange['op'];
}

function leaves(program: Program, ev: Evaluator, file: string, e: Expr, path: string[], depth: number, sink: LeafSink, delta: 'inc' | null = null): void {
  if (depth > 6 || sink.sets.length > MAX_LEAVES) return;
  if (e.k === 'arr') {
    e.items.forEach((item) => leaves(program, ev, file, item, path, depth + 1, sink, delta));
    return;
  }
  if (e.k === 'ref') {
    const b = program.files.get(file)?.bindings[e.b];
    const arr = b && b.kind !== 'import' ? b.defs.find((d) => d.k === 'arr') : undefined;
    if (arr) return leaves(program, ev, file, arr, path, depth + 1, sink, delta);
  }
  for (const row of mappedRows(ev, file, e)) leaves(program, ev, row.file, row.expr, path, depth + 1, sink, delta);
  for (const v of ev.values(file, e)) {
    if (v.t !== 'obj') continue;
    for (const p of v.props) {
      if (p.key === null) continue;
      if (p.key === '...') {
        leaves(program, ev, v.file, p.value, path, depth + 1, sink, delta);
        continue;
      }
      const top = path.length === 0;
      if (top && WRAPPERS.has(p.key)) {
        leaves(program, ev, v.file, p.value, path, depth + 1, sink, delta);
        continue;
      }
      // Upserts: the create branch for an insert, the update branch for an update.
      if (top && (p.key === 'create' || p.key === 'update') && sink.op === (p.key === 'create' ? 'insert' : 'update') && hasKey(ev, v, 'where')) {
        leaves(program, ev, v.file, p.value, path, depth + 1, sink, delta);
        continue;
      }
      if (top && p.key === 'where') {
        leaves(program, ev, v.file, p.value, [], depth + 1, { ...sink, sets: sink.filter }, null);
        continue;
      }
      if (top && (p.key === '$inc' || p.key === 'increment' || p.key === 'decrement')) {
        leaves(program, ev, v.file, p.value, path, depth + 1, sink, 'inc');
        continue;
      }
      if (p.key.startsWith('$') || ['select', 'include', 'returning', 'omit', 'orderBy', 'skip', 'take'].includes(p.key)) continue;
      const at = [...path, p.key];
      const counter = counterOp(ev, v.file, p.value);
      const fv = fieldValue(program, ev, v.file, p.value, at, p.pos ?? v.pos);
      if (delta === 'inc') fv.delta = fv.texts.some((t) => t.startsWith('-')) ? 'down' : 'up';
      else if (counter) fv.delta = counter;
      sink.sets.push(fv);
      // Nested relation writes and JSON values: their fields, under this key.
      if (!counter && ev.values(v.file, p.value).some((x) => x.t === 'obj')) leaves(program, ev, v.file, p.value, at, depth + 1, sink, null);
    }
  }
}

function hasKey(ev: Evaluator, obj: Extract<Value, { t: 'obj' }>, key: string): boolean {
  return obj.props.some((p) => p.key === key) || obj.props.some((p) => p.key === '...' && ev.values(obj.file, p.value).some((x) => x.t === 'obj' && hasKey(ev, x, key)));
}

/** Prisma `{ increment: 1 }` / `{ decrement: 1 }`. */
function counterOp(ev: Evaluator, file: string, e: Expr): 'up' | 'down' | null {
  for (const v of ev.values(file, e)) {
    if (v.t !== 'obj') continue;
    const keys = v.props.map((p) => p.key);
    if (keys.includes('increment')) return 'up';
    if (keys.includes('decrement')) return 'down';
  }
  return null;
}

function fieldValue(program: Program, ev: Evaluator, file: string, e: Expr, path: string[], pos: number): FieldValue {
  const texts = new Set<string>();
  const values = ev.values(file, e);
  let fromRequest = addTexts(values, texts);
  // `status: { in: ['PENDING', 'HELD'] }`, `{ equals: 'PENDING' }`, `{ $in: [...] }`: the values it may have.
  for (const v of values) {
    if (v.t !== 'obj') continue;
    for (const p of v.props) {
      if (p.key === null || !VALUE_OPERATORS.has(p.key)) continue;
      for (const item of p.value.k === 'arr' ? p.value.items : [p.value]) fromRequest = addTexts(ev.values(v.file, item), texts) || fromRequest;
    }
  }
  // `STATE.HELD` where `const STATE = { HELD: 0, PAID: 1 }`: the number says nothing, its key names the state.
  if (e.k === 'member' && e.prop !== null && values.length > 0 && values.every((v) => v.t === 'lit' && typeof v.value === 'number')) {
    texts.clear();
    texts.add(e.prop);
  }
  // `statusId: pending.id` where `pending = findUnique({ where: { code: 'PENDING' } })`: the status
  // row a reference points at is named by the literal key it was found by (a lookup table's row).
  // Only for such references: `bookingId: candidate.id` of a booking found by its status is no status.
  if (texts.size === 0 && isStatusReference(path[path.length - 1] ?? '')) for (const t of lookupKeys(program, values)) texts.add(t);
  const ir = program.files.get(file);
  if (ir && texts.size === 0) {
    const t = staticText(ir, e);
    if (t !== null && !t.includes('${}')) texts.add(t);
  }
  // `sql\`${slots.booked} - 1\``, `literal('seats_left + 1')`: a counter changed in SQL.
  let delta: FieldValue['delta'] = null;
  const sql = ir && e.k === 'call' ? sqlExpressionText(ir, e.site) : null;
  if (sql) delta = /[-]\s*\d/.test(sql) ? 'down' : /[+]\s*\d/.test(sql) ? 'up' : null;
  // `paymentIds: [...booking.paymentIds, paymentId]`: the list holds what its items hold, for data
  // flow only (its texts stay those of the list itself).
  const items = e.k === 'arr' ? e.items.flatMap((item) => ev.values(file, item)).filter((v) => v.t !== 'lit' && !isUnknown(v)) : [];
  return { field: path[path.length - 1] ?? '', path, file, pos, expr: e, texts: [...texts], values: items.length > 0 ? [...values, ...items] : values, fromRequest, delta };
}

/** The literal keys of the reads whose rows' ids these values are (`pending.id` -> ['PENDING']). */
function lookupKeys(program: Program, values: Value[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    const found = factsAtLastCall(program, v);
    const read = found?.facts.find((f) => f.kind === 'read');
    if (!found || !read || found.after.at(-1) !== 'id' || found.after.slice(0, -1).some((p) => p !== '()')) return [];
    // A name or code (`{ code: 'PENDING' }`), not a number: a row found by its numeric id says nothing more.
    const keys = readFilter(program, read).filter((f) => f.texts.length > 0 && f.texts.every((t) => Number.isNaN(Number(t))));
    if (keys.length !== 1) return [];
    out.push(...keys[0]!.texts);
  }
  return out;
}

/** Operators whose operand is the field's value, or the values it may have. */
const VALUE_OPERATORS = new Set(['in', 'equals', 'set', '$in', '$eq']);

/** Adds the static texts of these values (literals, enum members); true when one comes from the request. */
function addTexts(values: Value[], texts: Set<string>): boolean {
  let fromRequest = false;
  for (const v of values) {
    if (v.t === 'lit' && v.value !== null) texts.add(String(v.value));
    else if (v.t === 'param') fromRequest = true;
    else if ((v.t === 'ext' || v.t === 'global') && v.steps.length >= 2) {
      // An enum member: `BookingStatus.PENDING` from the generated client, `Status.Pending`.
      const last = v.steps[v.steps.length - 1]!.p;
      const owner = v.steps[v.steps.length - 2]!.p;
      if (/^[A-Za-z_]\w*$/.test(last) && /^[A-Z]/.test(owner) && !['()', 'new()'].includes(owner)) texts.add(last);
    }
  }
  return fromRequest;
}

function sqlExpressionText(ir: FileIR, site: number): string | null {
  const s = ir.sites[site];
  if (!s) return null;
  if (s.tagged !== null) return s.tagged;
  const text = staticText(ir, s.args[0]);
  return text && /[\w"'`\])]\s*[-+]\s*\d/.test(text) ? text : null;
}

/** `.eq('status', 'pending')`, `.where({ id })`, `.where('id', id)`, `.where(and(eq(t.id, id), eq(t.status, 'x')))`. */
function filterCall(program: Program, ev: Evaluator, file: string, call: CallSite, depth = 0): FieldValue[] {
  if (depth > 3) return [];
  const ir = program.files.get(file);
  if (!ir) return [];
  const [a, b] = call.args;
  const out: FieldValue[] = [];
  // `eq(bookings.status, 'pending')`, `.eq('status', 'pending')`: a column and its value. Drizzle's
  // `and(eq(...), lte(...))` joins such tests: each is read below.
  if (a && b && a.k !== 'call' && !isObjectish(program, file, a)) {
    const column = staticText(ir, a) ?? (a.k === 'member' ? a.prop : null);
    if (column) out.push(fieldValue(program, ev, file, b, [column], call.start));
    return out;
  }
  for (const arg of call.args) {
    if (isObjectish(program, file, arg)) {
      const sink: LeafSink = { sets: out, filter: [], op: 'update' };
      leaves(program, ev, file, arg, [], 0, sink);
    } else if (arg.k === 'call') {
      const inner = ir.sites[arg.site];
      if (inner) out.push(...filterCall(program, ev, file, inner, depth + 1));
    }
  }
  return out;
}

/** The variables a payload is, or holds under a key that wraps the written fields (`{ data: bookingData }`). */
function payloadVariables(e: Expr): Expr[] {
  if (e.k === 'ref') return [e];
  if (e.k !== 'obj') return [];
  return e.props.filter((p) => p.key !== null && WRAPPERS.has(p.key) && p.value.k === 'ref').map((p) => p.value);
}

/**
 * `req.body = { ...req.body, status: 'pending' }; await Booking.create(req.body)`: a member the
 * function gave a new value before the call is written as that value (the last one given).
 */
function reassignedMember(ir: FileIR, site: CallSite, arg: Expr): Expr[] {
  if (arg.k !== 'member' || arg.prop === null || arg.obj.k !== 'ref') return [];
  const holder = arg.obj.b;
  const given = (ir.fieldWrites ?? []).filter((w) => w.op === '=' && w.fn === site.fn && w.pos < site.start && w.prop === arg.prop && w.obj.k === 'ref' && w.obj.b === holder);
  const last = given.reduce<FieldWrite | undefined>((a, w) => (a && a.pos > w.pos ? a : w), undefined);
  return last ? [last.value] : [];
}

/** Fields assigned on the record before the call that saves it, in the same function. */
function assignedFields(program: Program, ev: Evaluator, ir: FileIR, site: CallSite, record: Expr): FieldValue[] {
  const binding = record.k === 'ref' ? record.b : record.k === 'await' && record.of.k === 'ref' ? record.of.b : null;
  // A document's own method (`this.status = 'cancelled'; return this.save()`) sets fields on `this`.
  const self = record.k === 'this';
  if (binding === null && !self) return [];
  const out: FieldValue[] = [];
  for (const w of ir.fieldWrites ?? []) {
    if (w.pos > site.start) continue;
    // `booking.payment.orderId = order.id` sets a field of a sub-document: its path runs from the record.
    const path = [w.prop];
    let obj = w.obj;
    while (obj.k === 'member' && obj.prop !== null) {
      path.unshift(obj.prop);
      obj = obj.obj;
    }
    if (self ? obj.k !== 'this' || w.fn !== site.fn : obj.k !== 'ref' || obj.b !== binding) continue;
    const fv = fieldValue(program, ev, ir.file, w.value, path, w.pos);
    if (w.op === '++' || w.op === '+=') fv.delta = 'up';
    else if (w.op === '--' || w.op === '-=') fv.delta = 'down';
    out.push(fv);
  }
  return out;
}

function dedupe(list: FieldValue[]): FieldValue[] {
  const seen = new Set<string>();
  return list.filter((f) => {
    const k = `${f.file}:${f.pos}:${f.path.join('.')}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** What the statements of a SQL text change; `bound` holds the expressions of their placeholders. */
function sqlChanges(program: Program, fact: SiteFact, sql: string, bound: Expr[] | null): Omit<RecordChange, 'fact'>[] {
  const toValue = (v: SqlValue) => sqlFieldValue(program, fact, bound, v);
  return parsedStatements(sql).map((st) => ({
    op: st.op,
    entity: st.table,
    sets: st.sets.map(toValue),
    filter: st.filter.map(toValue),
    everyRow: st.op === 'delete' && st.everyRow,
  }));
}

/** `'pending'`, `'held'::booking_status`, `true`, `42`: the literal's text; null for anything else. */
function sqlLiteral(value: string): string | null {
  const quoted = /^'((?:[^']|'')*)'(?:::[\w".]+)?$/.exec(value);
  if (quoted) return quoted[1]!.replace(/''/g, "'");
  return /^(true|false|null|-?\d+(?:\.\d+)?)$/i.test(value) ? value.toLowerCase() : null;
}

/** A column's value in a statement a fact runs: a literal, the expression bound to its placeholder, or a counter step. */
function sqlFieldValue(program: Program, fact: SiteFact, bound: Expr[] | null, { column, value, param, list }: SqlValue): FieldValue {
  const base: FieldValue = { field: column, path: [column], file: fact.file, pos: program.files.get(fact.file)?.sites[fact.site]?.start ?? 0, expr: null, texts: [], values: [], fromRequest: false, delta: null };
  // `status IN ('pending', 'confirmed')` can be either; with a placeholder among the literals, anything.
  const texts = list?.map(sqlLiteral) ?? [];
  if (texts.some((t) => t !== null)) return texts.every((t) => t !== null) ? { ...base, texts: texts as string[] } : base;
  const lit = sqlLiteral(value);
  if (lit !== null) return { ...base, texts: [lit] };
  if (param !== null && bound?.[param]) return fieldValue(program, program.ev, fact.file, bound[param]!, [column], base.pos);
  // By a number, a placeholder, or a variable of an SQL function (`seats_left - p_seats`).
  const counter = new RegExp(`\\b${column}\\b\\s*([-+])\\s*(?:\\d|\\$|\\?|\\$\\{\\}|[a-z_])`, 'i').exec(value);
  return counter ? { ...base, delta: counter[1] === '-' ? 'down' : 'up' } : base;
}
