// The recognize stage: what each call site is, according to the recognizers. Reads the FileIR and
// resolved values only; never an AST.
import type { CallSite, Expr, FileIR } from '../model/ir.js';
import type { SqlFunction } from '../project/discover.js';
import type { EntityCatalog } from '../project/entities.js';
import type { Step, Value } from '../model/values.js';
import type { ProviderRole, Recognizer, RestEndpoint } from '../recognizers/define.js';
import { compilePath, matchSteps, type Match, type Matcher, type MatchKind } from '../recognizers/match.js';
import type { Vocabulary } from '../recognizers/vocabulary.js';
import { CHANGE_VERBS, isTransferTypeName, LOOKUP_VERBS, words } from '../recognizers/vocabulary.js';
import type { Evaluator } from '../symbols/evaluate.js';
import { exprNames, staticText } from '../symbols/text.js';
import { groqQuery, queryText } from './groq.js';
import { embeddedResources } from './postgrest.js';
import { formFact, redirectFact, signedTextFact } from './redirect.js';
import { restFact } from './rest.js';
import { sqlHelperOf } from './sql-helpers.js';
import { boundStoreCalls } from './bindings.js';
import { paymentCallByName } from './unresolved.js';

export interface SiteFact {
  file: string;
  site: number;
  fn: number;
  kind: Exclude<MatchKind, 'client'>;
  recognizer: Recognizer;
  role: ProviderRole | null;
  /** Operation name for reports: 'checkout.sessions.create', 'booking.create', 'POST /v1/...'. */
  api: string;
  entity: string | null;
  bookingLike: boolean;
  billing: boolean;
  match: Match | null;
  rest: RestEndpoint | null;
  /**
   * For REST calls: the request body (`body`, `json`, axios `data`), where the payload is; for
   * signed redirect URLs, the parameters serialized; for signed forms, the fields the text names.
   */
  restBody?: Expr | null;
  /** Recognized by its name only: its client did not resolve (see unresolved.ts). */
  approximate?: boolean;
  /** The signing of a form the browser posts to the provider (redirect.ts), not the form itself. */
  signsForm?: true;
}

export interface FactContext {
  ev: Evaluator;
  matcher: Matcher;
  vocabulary: Vocabulary;
  /**
   * The entity catalog of the app a file belongs to: schema entity names by lower-case name (to
   * report `Booking` rather than the accessor `booking`), and the names and tables that schemas map
   * to booking-like models (`@@map("tbl_res")` -> tbl_res).
   */
  catalog: (file: string) => EntityCatalog;
  providers: Recognizer[];
  /** SQL functions of the migrations by lower-case name, for `rpc('create_booking')`. */
  sqlFunctions?: Map<string, SqlFunction>;
}

export function calleeValues(ev: Evaluator, file: string, site: CallSite): Value[] {
  return ev.values(file, site.callee);
}

export function factsOfFile(cx: FactContext, ir: FileIR): SiteFact[] {
  const out: SiteFact[] = [];
  ir.sites.forEach((site, index) => {
    const values = calleeValues(cx.ev, ir.file, site);
    const seen = new Map<string, number>();
    // Both the kind and the entity of an `rpc('create_booking')` read the SQL function; only such
    // operations ask, and the site alone decides it.
    let sqlFunction: SqlFunction | null | undefined;
    const sqlFunctionAtSite = () => (sqlFunction === undefined ? (sqlFunction = sqlFunctionOf(cx, ir, site)) : sqlFunction);
    for (const v of values) {
      for (const m of cx.matcher.match(v)) {
        if (m.kind === 'client') continue;
        const fact = toFact(cx, ir, index, site, v, m, sqlFunctionAtSite);
        if (!fact) continue;
        // A record operation on one entity reached by several values is one operation:
        // `mongoose.models.Booking || mongoose.model('Booking', schema)` gives `Booking.create` and `create`.
        const key = `${fact.kind}:${fact.recognizer.id}:${fact.entity !== null && fact.kind !== 'provider' ? `entity:${fact.entity}:${fact.api.split('.').pop()}` : fact.api}`;
        const at = seen.get(key);
        // One fact per operation; of the records it may touch (`Model<TDocument>` in a base
        // repository, each subclass's model), a booking one is kept, and each call decides. Of two
        // names for the same operation, the one naming the entity (`Booking.create`) is kept.
        if (at !== undefined) {
          const kept = out[at]!;
          if ((fact.bookingLike && !kept.bookingLike) || (fact.bookingLike === kept.bookingLike && fact.api.length > kept.api.length)) out[at] = fact;
          continue;
        }
        seen.set(key, out.length);
        out.push(fact);
        for (const linked of [...connectedReads(cx, ir, site, fact), ...embeddedReads(cx, ir, site, fact)]) {
          const linkKey = `read:${linked.recognizer.id}:entity:${linked.entity}:${linked.api}`;
          if (!seen.has(linkKey)) seen.set(linkKey, out.length), out.push(linked);
        }
      }
      const rest = restFact(cx, ir, index, site, v) ?? redirectFact(cx, ir, index, site, v) ?? signedTextFact(cx, ir, index, site, v);
      if (rest && !seen.has(`rest:${rest.api}`)) {
        seen.set(`rest:${rest.api}`, out.length);
        out.push(rest);
      }
    }
    if (seen.size > 0) return;
    // A form filled in for a provider's page, whatever the call handed it (its callee may be unknown: `res.json`).
    const form = formFact(cx, ir, index, site);
    if (form) {
      out.push(form);
      return;
    }
    // A call of the app's own query helper is the statement it passes (as rest.ts does for HTTP helpers).
    const helper = values.map((v) => (v.t === 'fn' ? sqlHelperOf(cx.ev, cx.matcher, v) : null)).find((h) => h !== null);
    const fact = helper ? toFact(cx, ir, index, site, helper.value, helper.match, sqlFunctionAtSite) : null;
    // Else a statement run on a platform binding the scan has no type for (see bindings.ts).
    const bound = () => {
      for (const b of boundStoreCalls((f) => cx.ev.ir(f), values, cx.matcher, cx.matcher.recognizers)) {
        const f = toFact(cx, ir, index, site, b.value, b.match, sqlFunctionAtSite);
        if (f) return f;
      }
      return null;
    };
    // Else a payment call recognized by its name alone (see unresolved.ts).
    const found = fact ?? bound() ?? paymentCallByName(ir, index, site, values, cx.providers);
    if (found) out.push(found);
  });
  return out;
}

const LOOKUP = new Set(LOOKUP_VERBS);
const CHANGE = new Set(CHANGE_VERBS);

function toFact(cx: FactContext, ir: FileIR, index: number, site: CallSite, v: Value, m: Match, sqlFunctionAtSite: () => SqlFunction | null): SiteFact | null {
  const base = { file: ir.file, site: index, fn: site.fn, recognizer: m.recognizer, match: m, rest: null };
  if (m.kind === 'provider') {
    const op = m.provider!;
    if (op.argIs && !argMatches(cx, ir, site, op.argIs)) return null;
    const billing = Boolean(op.billing) || isBillingPayload(cx.ev, ir.file, site.args[0], m.recognizer);
    return { ...base, kind: 'provider', role: op.role, api: op.api ?? op.call, entity: null, bookingLike: false, billing };
  }
  if (m.kind === 'write' || m.kind === 'read' || m.kind === 'update') {
    const op = m.store!;
    if (op.argIs && !argMatches(cx, ir, site, op.argIs)) return null;
    if (op.argShape && isObjectArg(cx, ir, site, op.argShape.index) !== op.argShape.object) return null;
    if (op.unlessOption && namesOption(cx, ir, site, op.unlessOption)) return null;
    let kind: 'write' | 'read' | 'update' = m.kind;
    if (op.entity.includes('function')) {
      // What the SQL function does decides: inserts into a booking table is a write, and so on.
      const fn = sqlFunctionAtSite();
      if (fn) kind = fn.inserts.length > 0 ? 'write' : fn.updates.length > 0 ? 'update' : 'read';
      // Defined outside the scan (in the hosted database): only the name is known, and a name that
      // opens with a lookup verb (`get_one_booking`, `list_bookings`) reads; one that opens with a
      // change verb (`confirm_booking`, `release_tickets_batch`) changes records it is handed.
      else {
        const verb = words(staticText(ir, site.args[0]) ?? '')[0] ?? '';
        if (LOOKUP.has(verb)) kind = 'read';
        else if (CHANGE.has(verb)) kind = 'update';
      }
    }
    if (op.entity.includes('sql')) {
      // One driver call runs any statement: the SQL says which it is.
      const verb = sqlVerb(sqlOf(cx, ir, site, v));
      kind = verb === 'select' ? 'read' : verb === 'insert' ? 'write' : verb === 'update' ? 'update' : kind;
      if (verb === 'other') return null;
    }
    let match = m;
    if (op.entity.includes('groq')) {
      // A query of no document type (settings, counts) reads no record; a list is no record either.
      const query = groqQuery(queryText(cx.ev, ir.file, site.args[0]) ?? '');
      if (!query || query.types.length === 0) return null;
      if (!query.single) match = { ...m, store: { ...op, guard: undefined } };
    }
    const [declared, named] = entityNames(cx, ir, site, v, m, sqlFunctionAtSite);
    if (kind === 'write' && op.nested) declared.push(...nestedCreates(cx, ir.file, site.args[0], op.nested, 0));
    const pick = (list: string[]) => list.find((n) => isBookingEntity(cx, n, ir.file)) ?? list[0] ?? null;
    const found = declared.length > 0 ? pick(declared) : pick(named);
    const entity = found === null ? null : schemaName(cx, found, ir.file);
    // An update that appends to an array writes a record only when the array holds bookings.
    if (op.entity.includes('push') && (entity === null || !isBookingEntity(cx, entity, ir.file))) return null;
    const wildcard = m.wildcards.map((w) => w.p).join('.');
    // Shown to people: `collection.().**.doc.().set` reads as `collection().doc().set`.
    const api = (wildcard ? m.call.replace('*', wildcard) : m.call).replace(/\.\(\)/g, '()').replace(/\*\*\./g, '');
    return { ...base, match, kind, role: null, api, entity, bookingLike: entity !== null && isBookingEntity(cx, entity, ir.file), billing: false };
  }
  if (m.kind === 'client') return null;
  return { ...base, kind: m.kind, role: null, api: m.call, entity: null, bookingLike: false, billing: false };
}

/**
 * The array fields an update document appends to: `{ $push: { bookings: {...} } }`, `$addToSet`.
 * Each entry is a record of its own kept inside the parent (a workshop's `bookings`).
 */
function pushedFields(cx: FactContext, ir: FileIR, site: CallSite, index: number): string[] {
  const arg = site.args[index];
  if (!arg) return [];
  const out: string[] = [];
  for (const doc of cx.ev.values(ir.file, arg)) {
    if (doc.t !== 'obj') continue;
    for (const op of doc.props.filter((p) => p.key === '$push' || p.key === '$addToSet')) {
      for (const fields of cx.ev.values(doc.file, op.value)) {
        if (fields.t === 'obj') out.push(...fields.props.flatMap((p) => (p.key && p.key !== '...' && !p.key.startsWith('$') ? [p.key] : [])));
      }
    }
  }
  return out;
}

/**
 * `booking` / `bookings` -> the schema's `Booking`, when the schema declares it; so does the
 * TypeScript type a model is declared with (`Model<IBooking>`, `Model<BookingDocument>`), else the
 * same save is two writes, one of `Booking` and one of `IBooking`.
 */
function schemaName(cx: FactContext, name: string, file: string): string {
  const names = cx.catalog(file).names;
  const lower = name.toLowerCase();
  const typed = name.replace(/^I(?=[A-Z][a-z])/, '').replace(/(?<=[a-z])(Document|Doc|Attributes|Attrs|Interface)$/, '').toLowerCase();
  return names.get(lower) ?? names.get(lower.replace(/s$/, '')) ?? (typed !== lower ? names.get(typed) : undefined) ?? name;
}

/** Relation fields under `data` whose value creates records: `{ data: { bookings: { create: ... } } }` -> ['bookings']. */
function nestedCreates(cx: FactContext, file: string, payload: Expr | undefined, keys: string[], depth: number): string[] {
  if (!payload || depth > 2) return [];
  const out: string[] = [];
  for (const root of cx.ev.values(file, payload)) {
    if (root.t !== 'obj') continue;
    const data = depth === 0 ? root.props.filter((p) => p.key === 'data').flatMap((p) => cx.ev.values(root.file, p.value)) : [root];
    for (const obj of data) {
      if (obj.t !== 'obj') continue;
      for (const field of obj.props) {
        if (!field.key || field.key === '...') continue;
        for (const rel of cx.ev.values(obj.file, field.value)) {
          if (rel.t !== 'obj') continue;
          const creates = rel.props.filter((p) => p.key !== null && keys.includes(p.key));
          if (creates.length === 0) continue;
          out.push(field.key);
          for (const c of creates) out.push(...nestedCreates(cx, rel.file, { k: 'obj', props: [{ key: 'data', value: c.value }], pos: -1 }, keys, depth + 1));
        }
      }
    }
  }
  return out;
}

/**
 * `prisma.payment.create({ data: { booking: { connect: { id } } } })` links the new payment to an
 * existing booking and rejects when there is none: a read of that booking that throws when it is
 * missing, at the same site. Only a booking relation of another record's operation: a booking's own
 * write or update already is its record's fact.
 */
function connectedReads(cx: FactContext, ir: FileIR, site: CallSite, fact: SiteFact): SiteFact[] {
  const op = fact.match?.store;
  if (!op?.connects || fact.bookingLike || (fact.kind !== 'write' && fact.kind !== 'update')) return [];
  const payload = site.args[0];
  if (!payload) return [];
  const out: SiteFact[] = [];
  for (const root of cx.ev.values(ir.file, payload)) {
    if (root.t !== 'obj') continue;
    for (const data of root.props.filter((p) => p.key === 'data').flatMap((p) => cx.ev.values(root.file, p.value))) {
      if (data.t !== 'obj') continue;
      for (const field of data.props) {
        if (!field.key || field.key === '...' || !isBookingEntity(cx, field.key, ir.file)) continue;
        const linked = cx.ev.values(data.file, field.value).some((rel) => rel.t === 'obj' && rel.props.some((p) => p.key !== null && op.connects!.includes(p.key)));
        if (!linked || out.some((f) => f.entity === schemaName(cx, field.key!, ir.file))) continue;
        // The call resolves to the other record (the payment), not the booking: `payment.id` is no booking id.
        const store = { ...op, guard: 'throws' as const, resultIsOther: true as const, nested: undefined, connects: undefined };
        out.push({ ...fact, kind: 'read', match: { ...fact.match!, store }, entity: schemaName(cx, field.key, ir.file), bookingLike: true, api: `${fact.api} connect ${field.key}` });
      }
    }
  }
  return out;
}

/**
 * Booking resources a read of another table embeds in its rows (`from('slots').select('id,
 * booking:bookings!inner(id)')`): read with it, each under its field of the row (`slot.booking`).
 */
function embeddedReads(cx: FactContext, ir: FileIR, site: CallSite, fact: SiteFact): SiteFact[] {
  const op = fact.match?.store;
  if (op?.embeds === undefined || fact.kind !== 'read' || fact.bookingLike) return [];
  const text = queryText(cx.ev, ir.file, site.args[op.embeds]);
  const out: SiteFact[] = [];
  for (const e of text ? embeddedResources(text) : []) {
    if (!isBookingEntity(cx, e.table, ir.file)) continue;
    const store = { ...op, embeds: undefined, embedded: e };
    out.push({ ...fact, match: { ...fact.match!, store }, entity: schemaName(cx, e.table, ir.file), bookingLike: true, api: `${fact.api} embed ${e.field}` });
  }
  return out;
}

/** Whether an entity, as the app of `file` knows it, is a booking. */
export function isBookingEntity(cx: FactContext, name: string, file: string): boolean {
  return cx.vocabulary.isBookingLike(name) || cx.catalog(file).bookingTables.has(name.toLowerCase());
}

function argMatches(cx: FactContext, ir: FileIR, site: CallSite, argIs: { index: number; path: string }): boolean {
  const arg = site.args[argIs.index];
  if (!arg) return false;
  const tokens = compilePath(argIs.path);
  return cx.ev.values(ir.file, arg).some((v) => v.t === 'ext' && matchSteps(tokens, v.steps) !== null);
}

function isObjectArg(cx: FactContext, ir: FileIR, site: CallSite, index: number): boolean {
  const arg = site.args[index];
  return arg !== undefined && cx.ev.values(ir.file, arg).some((v) => v.t === 'obj');
}

/** An argument from `rule.from` on is one of the options, as a literal or a key of an options object. */
function namesOption(cx: FactContext, ir: FileIR, site: CallSite, rule: { from: number; options: string[] }): boolean {
  const named = (text: string | null) => text !== null && rule.options.includes(text.toUpperCase());
  return site.args.slice(rule.from).some((a) => cx.ev.values(ir.file, a).some((v) =>
    (v.t === 'lit' && typeof v.value === 'string' && named(v.value)) || (v.t === 'obj' && v.props.some((p) => named(p.key)))));
}

/**
 * Recurring billing (`mode: 'subscription'`) only when every value the field can hold is the billing
 * literal: a mode taken from the request, or chosen between two literals, may be a one-off payment.
 * Evaluated once without context here, and again per path with that path's evaluator.
 */
export function isBillingPayload(ev: Evaluator, file: string, payload: Expr | null | undefined, r: Recognizer): boolean {
  if (r.kind !== 'provider' || !r.billingWhen || !payload) return false;
  const billingValues = new Map<string, Set<string>>();
  for (const rule of r.billingWhen) billingValues.set(rule.field, (billingValues.get(rule.field) ?? new Set()).add(rule.equals));
  const objects = ev.values(file, payload).filter((v) => v.t === 'obj');
  for (const [name, literals] of billingValues) {
    // An object that neither names the field nor spreads another (the fields a variable is assigned
    // later, `params.signature = ...`) holds no value of it.
    const field = objects.filter((obj) => obj.props.some((p) => p.key === name || p.key === '...')).flatMap((obj) => ev.member(obj, name, 0));
    if (field.length > 0 && field.every((f) => f.t === 'lit' && literals.has(String(f.value)))) return true;
  }
  return false;
}

/**
 * Candidate entity names for a store operation, as [declared, named]: declared names come from the
 * store itself (a Prisma accessor, a collection or table literal, a model class, a type argument,
 * SQL); named ones are only what variables are called (`doc(bookingId)`), used when nothing is declared.
 */
function entityNames(cx: FactContext, ir: FileIR, site: CallSite, v: Value, m: Match, sqlFunctionAtSite: () => SqlFunction | null): [string[], string[]] {
  const declared: string[] = [];
  const named: string[] = [];
  const notTables = new Set(m.recognizer.kind === 'store' ? m.recognizer.indexCalls ?? [] : []);
  const take = ([d, n]: [string[], string[]]) => {
    declared.push(...d);
    named.push(...n);
  };
  for (const source of m.store!.entity) {
    // A database function the scan reads is named by the tables it touches: `price_booking` that
    // only writes an audit line books nothing. Its name alone speaks for one defined elsewhere.
    if (source === 'args' && m.store!.entity.includes('function') && sqlFunctionAtSite()) continue;
    if (source === 'wildcard') declared.push(...m.wildcards.map((w) => w.p));
    else if (source === 'types' && v.t === 'ext') declared.push(...recordTypes(cx, v.typeArgs, ir.file));
    else if (source === 'sql') {
      const table = sqlTable(sqlOf(cx, ir, site, v));
      if (table) declared.push(table);
    } else if (source === 'groq') declared.push(...(groqQuery(queryText(cx.ev, ir.file, site.args[0]) ?? '')?.types ?? []));
    else if (source === 'args') take(argNames(cx, ir.file, site, m.store!.idArg, notTables));
    else if (source === 'key') {
      const key = keyEntity(staticText(ir, site.args[0]) ?? '');
      if (key) declared.push(key);
    } else if (source === 'function') {
      const fn = sqlFunctionAtSite();
      if (fn) {
        const tables = fn.inserts.length > 0 ? fn.inserts : fn.updates.length > 0 ? fn.updates : fn.reads;
        declared.push(...tables);
        if (tables.length === 0) declared.push(fn.name);
      }
    } else if (source === 'push') declared.push(...pushedFields(cx, ir, site, m.store!.setsArg ?? 1));
    else if (source.startsWith('field:')) take(payloadField(cx, ir, site, source.slice('field:'.length)));
    else if (source.startsWith('name:')) declared.push(source.slice('name:'.length));
    else if (source === 'receiver' && site.callee.k === 'member') {
      named.push(...exprNames(ir, site.callee.obj));
      for (const r of cx.ev.values(ir.file, site.callee.obj)) if (r.t === 'class' || r.t === 'inst') declared.push(...recordTypes(cx, [className(cx, r)], ir.file));
    } else if (source === 'chain' && (v.t === 'ext' || v.t === 'global')) {
      for (const step of namingSteps(v.steps, notTables)) {
        const callIr = step.file !== undefined ? cx.ev.ir(step.file) : undefined;
        const s = step.site !== undefined ? callIr?.sites[step.site] : undefined;
        if (s && callIr) take(argNames(cx, callIr.file, s, undefined, notTables));
      }
      declared.push(...(v.t === 'ext' ? recordTypes(cx, v.typeArgs, ir.file) : []));
    }
  }
  const unique = (list: string[]) => list.map(contentTypeName).filter((n, i, all) => n && all.indexOf(n) === i);
  return [unique(declared), unique(named)];
}

function className(cx: FactContext, v: { file: string; cls: number }): string {
  return cx.ev.ir(v.file)?.classes[v.cls]?.name ?? '';
}

/**
 * Class and type names that can name a record: a `CreateBookingDto` handed to a payment attempt's
 * `save(dto)` is the request's shape, not the table written, unless the app declares an entity by
 * that name (a TypeORM `BookingRequest`).
 */
function recordTypes(cx: FactContext, names: string[] | undefined, file: string): string[] {
  return (names ?? []).filter((n) => !isTransferTypeName(n) || cx.catalog(file).names.has(n.toLowerCase()));
}

/** A content type's UID names it last: Strapi's `api::booking.booking` is `booking`. */
function contentTypeName(name: string): string {
  return /^[a-z]+::[\w-]+\.([\w-]+)$/.exec(name)?.[1] ?? name;
}

/**
 * Names in a call's arguments: [declared (literals, classes, what a table constant was declared as), named (identifiers)].
 * With `idArg`, the id field of a record found by a read (`ctx.db.patch(booking._id, ...)`) is named
 * as that read's arguments are: the id field's own name says nothing of the table.
 */
function argNames(cx: FactContext, file: string, site: CallSite, idArg?: { arg: number; field: string }, notTables: ReadonlySet<string> = NONE): [string[], string[]] {
  const ir = cx.ev.ir(file)!;
  const declared: string[] = [];
  const named: string[] = [];
  if (idArg && site.args[idArg.arg]) named.push(...foundRecordNames(cx, file, site.args[idArg.arg]!, idArg.field, notTables));
  for (const arg of site.args.slice(0, 3)) {
    if (arg.k === 'lit' && typeof arg.value === 'string') declared.push(arg.value);
    else named.push(...exprNames(ir, arg));
    for (const v of cx.ev.values(file, arg)) {
      if (v.t === 'class' || v.t === 'inst') declared.push(...recordTypes(cx, [className(cx, v)], file));
      // `bookings = pgTable('bookings', ...)`, `collection(db, 'bookings')`, `doc(db, 'bookings', id)`;
      // not a value read off a record (`snap.get('slotId')` from the bookings query is a slot's key).
      if (v.t === 'ext' || v.t === 'global') {
        const read = v.steps.findIndex((s) => READ_RESULTS.has(s.p));
        if (read < 0) declared.push(...chainLiterals(cx, namingSteps(v.steps, notTables), true));
        // `batch.delete(doc.ref)`: a found record's reference is the record, named by the query that found it.
        else if (v.steps[v.steps.length - 1]?.p === 'ref') declared.push(...chainLiterals(cx, v.steps.slice(0, read)));
      }
      // A record made for an entity (`em.create(Booking, ...)`, `repo: EntityRepository<Booking>`);
      // not a field read off a typed value: `req.data.coachId` of a `CallableRequest<BookAppointmentInput>`
      // is a string of the request, which names no table.
      if (v.t === 'ext' && !readsField(v.steps)) declared.push(...recordTypes(cx, v.typeArgs, file));
    }
  }
  return [declared.filter(Boolean), named.filter(Boolean)];
}

/** `booking._id` where `booking` was read by `ctx.db.get(bookingId)`: what that read's arguments name. */
function foundRecordNames(cx: FactContext, file: string, arg: Expr, idField: string, notTables: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const v of cx.ev.values(file, arg)) {
    if ((v.t !== 'ext' && v.t !== 'global') || v.steps[v.steps.length - 1]?.p !== idField) continue;
    // The query's table (`query('bookings')...first()`), or the names of what `get(bookingId)` was handed.
    const steps = namingSteps(v.steps, notTables);
    out.push(...chainLiterals(cx, steps));
    const read = [...steps].reverse().find((s) => s.site !== undefined && s.file !== undefined);
    const readIr = read ? cx.ev.ir(read.file!) : undefined;
    const readSite = readIr?.sites[read!.site!];
    if (readIr && readSite) out.push(...argNames(cx, readIr.file, readSite, undefined, notTables)[1]);
  }
  return out;
}

const NONE: ReadonlySet<string> = new Set();

/** Whether a value is a member read off what its steps reached, not a call's result or the value itself. */
function readsField(steps: Step[]): boolean {
  const last = steps[steps.length - 1];
  return last !== undefined && last.site === undefined && !last.p.endsWith('()') && last.p !== '[]';
}

/** A chain's steps without the calls whose arguments name an index, not a table (`withIndex('by_booking', ...)`). */
function namingSteps(steps: Step[], notTables: ReadonlySet<string>): Step[] {
  return notTables.size === 0 ? steps : steps.filter((s, i) => s.site === undefined || !notTables.has(steps[i - 1]?.p ?? ''));
}

/** Steps that turn a query into the records it read (Convex `unique()`, `first()`, `collect()` too). */
const READ_RESULTS = new Set(['get', 'data', 'docs', 'then', 'json', 'rows', 'single', 'maybeSingle', 'findOne', 'findUnique', 'findFirst', 'findById', 'unique', 'first', 'collect']);

/**
 * String arguments of the calls on a chain. With `wrapped`, a chain naming none takes those of the
 * reference its last call was handed: `query(collection(db, 'bookings'), where(...))` narrows `bookings`.
 */
function chainLiterals(cx: FactContext, steps: Step[], wrapped = false): string[] {
  const out: string[] = [];
  let last: CallSite | undefined;
  let lastFile = '';
  for (const step of steps) {
    if (step.site === undefined || step.file === undefined) continue;
    last = cx.ev.ir(step.file)?.sites[step.site];
    lastFile = step.file;
    for (const a of last?.args.slice(0, 3) ?? []) {
      // A query (Sanity's `fetch('*[_type == "booking" ...]')`) names the types it selects, not itself.
      const query = a.k === 'lit' && typeof a.value !== 'string' ? null : groqQuery(queryText(cx.ev, step.file, a) ?? '');
      if (query) out.push(...query.types);
      else if (a.k === 'lit' && typeof a.value === 'string') out.push(a.value);
    }
  }
  if (out.length > 0 || !wrapped || !last?.args[0]) return out;
  for (const v of cx.ev.values(lastFile, last.args[0])) {
    if (v.t === 'ext' && v.steps.every((s) => !READ_RESULTS.has(s.p))) out.push(...chainLiterals(cx, v.steps));
  }
  return out;
}

/** The statement an operation runs: its own text, or the text a prepared statement was made from (`prepare(sql).run()`). */
export function sqlOf(cx: FactContext, ir: FileIR, site: CallSite, callee: Value): string {
  const own = sqlText(ir, site);
  if (own || (callee.t !== 'ext' && callee.t !== 'global')) return own;
  for (const step of [...callee.steps].reverse()) {
    const stepIr = step.file !== undefined ? cx.ev.ir(step.file) : undefined;
    const s = step.site !== undefined ? stepIr?.sites[step.site] : undefined;
    const text = s && stepIr ? sqlText(stepIr, s) : '';
    if (text) return text;
  }
  return '';
}

export function sqlText(ir: FileIR, site: CallSite): string {
  if (site.tagged !== null) return site.tagged;
  const inner = taggedArg(ir, site);
  if (inner) return inner.tagged!;
  return staticText(ir, site.args[0]) ?? staticText(ir, site.args[0]?.k === 'obj' ? site.args[0].props.find((p) => p.key === 'text' || p.key === 'sql')?.value : undefined) ?? '';
}

function sqlVerb(sql: string): 'insert' | 'select' | 'update' | 'other' {
  const m = /^\s*(?:with\b[\s\S]*?\)\s*)?(insert|replace|select|update|delete|merge|upsert)\b/i.exec(sql);
  const verb = m?.[1]?.toLowerCase();
  if (verb === 'insert' || verb === 'replace' || verb === 'merge' || verb === 'upsert') return 'insert';
  if (verb === 'update' || verb === 'delete') return 'update';
  return verb === 'select' ? 'select' : 'other';
}

function sqlTable(sql: string): string | null {
  const m = /\b(?:into|from|update)\s+(?:[`"[]?\w+[`"\]]?\.)?[`"[]?(\w+)/i.exec(sql);
  return m?.[1] ?? null;
}

/** `db.query(sql`...`)`, `pool.one(sql.typeAlias('x')`...`)`: a tagged template handed to the driver. */
export function taggedArg(ir: FileIR, site: CallSite): CallSite | null {
  const first = site.args[0];
  const inner = first?.k === 'call' ? ir.sites[first.site] : undefined;
  return inner && inner.tagged !== null ? inner : null;
}

/** Words that make a key transient state rather than a record: `lock:slot:1`, `hold:booking:9`. */
const TRANSIENT = new Set(['lock', 'locks', 'hold', 'holds', 'lease', 'mutex', 'semaphore', 'sem', 'throttle', 'ratelimit', 'cache', 'session', 'sess', 'otp', 'idempotency', 'tmp', 'temp']);

/** `booking:${id}` -> 'booking'; `app:booking:${id}` -> 'booking'; `lock:booking:${id}` -> 'lock'. */
export function keyEntity(key: string): string | null {
  const segments = key.split(/[:/#|]/).map((s) => s.trim());
  const transient = segments.find((s) => TRANSIENT.has(s.toLowerCase().replace(/[-_]/g, '')));
  if (transient) return transient;
  const stat = [];
  for (const s of segments) {
    if (s.includes('${}')) break;
    if (s) stat.push(s);
  }
  return stat[stat.length - 1] ?? null;
}

function sqlFunctionOf(cx: FactContext, ir: FileIR, site: CallSite): SqlFunction | null {
  const name = staticText(ir, site.args[0]);
  const fns = cx.sqlFunctions;
  if (!name || !fns) return null;
  const root = fns.get(name.toLowerCase().replace(/^\w+\./, ''));
  if (!root) return null;
  // Follow calls into other functions of the migrations (`perform create_booking_row(...)`).
  const merged = { ...root, inserts: [...root.inserts], updates: [...root.updates], reads: [...root.reads] };
  const seen = new Set([root.name.toLowerCase()]);
  const queue = [...root.calls];
  while (queue.length > 0) {
    const next = fns.get(queue.shift()!);
    if (!next || seen.has(next.name.toLowerCase())) continue;
    seen.add(next.name.toLowerCase());
    merged.inserts.push(...next.inserts);
    merged.updates.push(...next.updates);
    merged.reads.push(...next.reads);
    queue.push(...next.calls);
  }
  return merged;
}

/** A payload field's names: its static text, else the names it carries (`TABLES.bookings`, `env.BOOKINGS_TABLE`). */
function payloadField(cx: FactContext, ir: FileIR, site: CallSite, field: string): [string[], string[]] {
  const declared: string[] = [];
  const named: string[] = [];
  for (const obj of payloadObjects(cx, ir.file, site.args[0], 0)) {
    const prop = [...obj.props].reverse().find((p) => p.key === field);
    if (!prop) continue;
    const at = cx.ev.ir(obj.file)!;
    const text = staticText(at, prop.value);
    if (text) declared.push(text);
    else declared.push(...exprNames(at, prop.value));
  }
  return [declared, named];
}

/** The object literals an argument is: itself, or the input of a command constructed in place (`new PutCommand({...})`). */
export function payloadObjects(cx: FactContext, file: string, arg: Expr | undefined, depth: number): Extract<Value, { t: 'obj' }>[] {
  if (!arg || depth > 2) return [];
  const out: Extract<Value, { t: 'obj' }>[] = [];
  for (const v of cx.ev.values(file, arg)) {
    if (v.t === 'obj') out.push(v);
    else if ((v.t === 'ext' || v.t === 'global') && v.steps[v.steps.length - 1]?.p === 'new()') {
      const step = v.steps[v.steps.length - 1]!;
      const s = step.file !== undefined && step.site !== undefined ? cx.ev.ir(step.file)?.sites[step.site] : undefined;
      if (s) out.push(...payloadObjects(cx, step.file!, s.args[0], depth + 1));
    }
  }
  return out;
}
