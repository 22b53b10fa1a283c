// Does the booking's id reach the provider? Follows the payment payload's reference fields
// (metadata, client_reference_id, reference_id, receipt...) back through values: a write's or a
// guarded read's record and its id field, or an id generated before the write and stored by it.
// A variable merely named `bookingId` that came from the request is not the booking's id.
import { methodCallsOn, soleDefinition, textConverted, type CallSite, type Expr, type FileIR } from '../model/ir.js';
import { sqlText } from '../recognize/facts.js';
import { isSerializer } from '../recognize/redirect.js';
import { fnKey, isUnknown, type Value } from '../model/values.js';
import { CONVERSIONS, valueKey, type Evaluator } from '../symbols/evaluate.js';
import type { SiteFact } from '../recognize/facts.js';
import { ID_FIELDS } from '../recognizers/vocabulary.js';
import type { FlowFacts } from './flow-facts.js';
import { siteKey, type Program } from './program.js';
import { addTo } from '../util/multimap.js';
import { keyedMemo } from '../util/memo.js';
import { mappedRows, mappingCall } from './mapped-rows.js';
import { boundParams, lookupKeys, parsedStatements } from './sql-text.js';
import { readFilter } from './record-changes.js';

export interface ReferenceResult {
  passed: boolean;
  /** Field path through which the id reaches the provider, e.g. 'metadata.bookingId'. */
  via: string | null;
  /** A booking-named reference field carries a value taken from the request. */
  fromClient: boolean;
}

export interface Leaf {
  path: string[];
  file: string;
  expr: Expr;
}

/**
 * Fields a read can look a record up by that name it alone: its ids, and a token made for it (a pay
 * link's `/pay/:token`, which the webhook finds the record by again). Only for lookups: a token a
 * record holds is often the provider's.
 */
const LOOKUP_KEY_FIELDS = new Set([...ID_FIELDS, 'token']);

/** The evaluator's conversions (`String(id)`), and `JSON` for `JSON.stringify(x)` handed whole. */
const TRANSPARENT_GLOBALS = new Set([...CONVERSIONS, 'JSON']);
/** Methods that give back the same text in another form: a UUID without its dashes (`id.replace(/-/g, '')`), another case. */
const TRANSPARENT_METHODS = new Set(['toString', 'toHexString', 'toJSON', 'stringify', 'trim', 'padStart', 'replace', 'replaceAll', 'toUpperCase', 'toLowerCase']);
const CUTS = new Set(['slice', 'substring', 'substr']);
/** The id that reaches this value can be followed through the call on it: a transparent method, or `keepsHead`. */
const passesIdThrough = (site: CallSite): boolean =>
  site.callee.k === 'member' && site.callee.prop !== null && (TRANSPARENT_METHODS.has(site.callee.prop) || keepsHead(site));

/**
 * A cut that keeps the text's start and at least an ObjectId's 24 characters (`.substring(0, 40)`
 * under Razorpay's cap on a receipt): an id near the start survives it.
 */
function keepsHead(site: CallSite): boolean {
  const [from, to] = site.args;
  const c = site.callee;
  if (c.k !== 'member' || c.prop === null || !CUTS.has(c.prop) || from?.k !== 'lit' || from.value !== 0) return false;
  return to === undefined || (to.k === 'lit' && typeof to.value === 'number' && to.value >= 24);
}

/**
 * `ev` decides what parameters hold: pass one that follows a single chain of calls
 * (`chainEvaluator`) so another caller's booking does not count for this path.
 */
export function referencePassed(
  program: Program, flow: FlowFacts, payment: SiteFact, keys: Set<string>, ev: Evaluator = program.ev, composite: CompositeKey[] = [],
): ReferenceResult {
  const provider = payment.recognizer;
  if (provider.kind !== 'provider') return { passed: false, via: null, fromClient: false };
  const leaves = payloadLeaves(program, payment, ev);
  const found = referenceIn(program, flow, provider.referenceFields, leaves, keys, ev);
  if (found.passed) return found;
  const byParts = compositeIn(program, flow, provider.referenceFields, leaves, composite, ev);
  if (byParts) return byParts;
  // The id of a provider object that carries the reference (`orderId: order.id` of an order created with `referenceId: booking.id`).
  for (const carrier of provider.carriers ?? []) {
    for (const leaf of leaves) {
      if (!carrier.idFields.some((field) => pathMatches(field.split('.'), leaf.path))) continue;
      for (const created of carriersOf(program, ev, leaf)) {
        const inner = referenceIn(program, flow, carrier.referenceFields, payloadLeaves(program, created, ev), keys, ev);
        if (inner.passed) return { passed: true, via: `${leaf.path.join('.')} (${inner.via})`, fromClient: false };
      }
    }
  }
  return found;
}

/** The first of these reference fields (in order) whose value is the booking's id. */
function referenceIn(program: Program, flow: FlowFacts, fields: string[], leaves: Leaf[], keys: Set<string>, ev: Evaluator): ReferenceResult {
  let fromClient = false;
  // Fields in the recognizer's order: a reference field (metadata, client reference) is named
  // before a redirect URL that happens to carry the id too.
  for (const field of fields) {
    const pattern = field.split('.');
    for (const leaf of leaves) {
      if (!pathMatches(pattern, leaf.path)) continue;
      const values = sources(program, ev, leaf.file, leaf.expr, 0);
      const rejected = rejectedAtCall(program, flow, leaf.file, leaf.expr);
      if (values.some((v) => isBookingId(flow, v, keys, rejected)) || isHandedRecordId(program, flow, leaf.file, leaf.expr, 0)) {
        return { passed: true, via: leaf.path.join('.'), fromClient: false };
      }
      // A request value sent under a booking-id key, or read from a booking-id field of the request (`req.body.rentalId`).
      const keyNamesId = isBookingIdKey(program, leaf.path[leaf.path.length - 1] ?? '');
      // Within a longer text only a value named for a booking id is one: `quick-${bikeId}` sent as
      // `metadata.bookingId` carries the bike the client picked, not a booking it names.
      const whole = sources(program, ev, leaf.file, leaf.expr, 0, true);
      if (whole.some((v) => v.t === 'param' && keyNamesId) || values.some((v) => v.t === 'param' && isBookingIdKey(program, lastProp(v.steps)))) fromClient = true;
    }
  }
  return { passed: false, via: null, fromClient };
}

/**
 * A booking identified by several fields (a compound unique key): the fields a guarded read looked
 * it up by that are not literals, each with the values it was looked up by.
 */
export interface CompositeKey {
  fact: SiteFact;
  parts: { field: string; values: Set<string> }[];
}

/** Filter objects whose fields together identify one record: the read's argument itself (`findOne({ a, b })`) or its `where`. */
const FILTER_LEVELS = new Set(['', 'where']);

/**
 * The composite keys of a guarded read: a Prisma compound unique input (`where: { slotId_date:
 * { slotId, date } }`, named by its fields joined with `_`), or a filter of two or more equality
 * fields (`findOne({ slotId, date })`). A filter with an operator (`{ date: { $gte } }`) names no
 * record; literal fields (`status: 'held'`) narrow it but are no part of the booking's identity.
 */
export function compositeKeys(program: Program, fact: SiteFact): CompositeKey[] {
  if (fact.kind !== 'read') return [];
  const ir = program.files.get(fact.file);
  const site = ir?.sites[fact.site];
  const out: CompositeKey[] = [];
  for (const arg of site?.args ?? []) {
    const leaves = fieldsOf(program, program.ev, fact.file, commandInput(program, fact.file, arg), [], 0);
    const groups = new Map<string, Leaf[]>();
    for (const leaf of leaves) {
      const parent = leaf.path.slice(0, -1).join('.');
      addTo(groups, parent, leaf);
    }
    for (const [parent, group] of groups) {
      // A converted field (`hallId: parseInt(hallId, 10)`) is a leaf twice, as written and unwrapped: one part.
      const fields = [...new Set(group.map((l) => l.path[l.path.length - 1]!))];
      const compound = [...fields].sort().join('_') === (parent.split('.').pop() ?? '').split('_').sort().join('_');
      // Every field an equality: nothing below it.
      const scalar = group.every((l) => !groups.has(l.path.join('.')));
      if (!scalar || (!compound && !FILTER_LEVELS.has(parent))) continue;
      const parts = fields.flatMap((field) => {
        const values = group.filter((l) => l.path[l.path.length - 1] === field)
          .flatMap((l) => sources(program, program.ev, l.file, l.expr, 0)).filter((v) => v.t !== 'lit' && !isUnknown(v));
        return values.length > 0 ? [{ field, values: new Set(values.map(valueKey)) }] : [];
      });
      if (parts.length >= 2) out.push({ fact, parts });
    }
  }
  return out;
}

/**
 * The booking's composite key in the payload: every part sent under a reference field, as the
 * value the read looked it up by or as that field read back off the record it found. Some parts
 * only, or the same fields of a record never looked up, name no booking.
 */
function compositeIn(program: Program, flow: FlowFacts, fields: string[], leaves: Leaf[], composite: CompositeKey[], ev: Evaluator): ReferenceResult | null {
  const referenceLeaves = leaves.filter((l) => fields.some((f) => pathMatches(f.split('.'), l.path)));
  for (const key of composite) {
    const via: string[] = [];
    for (const part of key.parts) {
      const leaf = referenceLeaves.find((l) => sources(program, ev, l.file, l.expr, 0).some((v) => part.values.has(valueKey(v)) || readBack(flow, v, key.fact, part.field)));
      if (!leaf) break;
      via.push(leaf.path.join('.'));
    }
    if (via.length === key.parts.length) return { passed: true, via: via.join(' + '), fromClient: false };
  }
  return null;
}

/** `hold.slotId` where `hold` is the record the read found. */
function readBack(flow: FlowFacts, v: Value, read: SiteFact, field: string): boolean {
  const record = flow.recordOf(v);
  return record !== null && record.fact.file === read.file && record.fact.site === read.site && record.rest[record.rest.length - 1] === field;
}

/** The carrier calls (provider objects created earlier) a payload field's value was returned by. */
function carriersOf(program: Program, ev: Evaluator, leaf: Leaf): SiteFact[] {
  return sources(program, ev, leaf.file, leaf.expr, 0)
    .flatMap(callSteps)
    .flatMap((key) => (program.factsBySite.get(key) ?? []).filter((f) => f.kind === 'carrier'));
}

/**
 * `booking.id` where `booking` was constructed in memory and handed to a write (`new Booking(...)`,
 * then `em.persist(booking)` / `booking.save()`): the write gives the object its id.
 */
function isHandedRecordId(program: Program, flow: FlowFacts, file: string, e: Expr, depth: number): boolean {
  if (depth > 4) return false;
  if (e.k === 'call') {
    const ir = program.files.get(file);
    const text = ir ? textConverted(ir, e) : null;
    return text !== null && isHandedRecordId(program, flow, file, text, depth + 1);
  }
  if (e.k === 'tpl') return e.parts.some((p) => isHandedRecordId(program, flow, file, p, depth + 1));
  if (e.k !== 'member' || !e.prop || !ID_FIELDS.has(e.prop) || e.obj.k !== 'ref') return false;
  const ir = program.files.get(file);
  const def = ir ? soleDefinition(ir, e.obj) : undefined;
  const made = def?.k === 'await' ? def.of : def;
  return made?.k === 'call' && flow.producedRecord(file, made.site) !== undefined;
}

function lastProp(steps: { p: string }[]): string {
  for (let i = steps.length - 1; i >= 0; i--) if (!['()', '[]', 'new()'].includes(steps[i]!.p)) return steps[i]!.p;
  return '';
}

/** `bookingId`, `booking_id`, `reservationID`: a key that names a booking's id, not just any booking field. */
function isBookingIdKey(program: Program, key: string): boolean {
  // The booking entity's own id: `slotId` or `eventId` names what is booked, not the booking.
  const stem = /^(.*?)[-_]?(?:id|Id|ID|Ref|ref|reference|Reference)$/.exec(key)?.[1];
  return Boolean(stem) && program.vocabulary.isBookingLike(stem);
}

/**
 * Values that are a booking's id without being read off a record: an id generated in memory and
 * stored by a booking write (`id: randomUUID()`), and the key a guarded booking read looked up
 * (`where: { id: bookingId }`, `.eq('id', bookingId)`, `findById(bookingId)`): after the guard,
 * that key is the id of an existing booking. `ev` is the one the payment's values are taken with
 * (a chain's), so that a key and the value sent compare as the same value.
 */
export function bookingKeyValues(program: Program, facts: SiteFact[], ev: Evaluator = program.ev): Set<string> {
  const out = new Set<string>();
  for (const fact of facts) {
    const write = fact.kind === 'write';
    const ir = program.files.get(fact.file)!;
    const sites = [fact.site];
    for (let s = ir.sites[fact.site]; s && s.chainedBy !== null; s = ir.sites[s.chainedBy]) sites.push(s.chainedBy);
    for (const leaf of sqlIdLeaves(ir, fact.site, write)) {
      for (const v of sources(program, ev, fact.file, leaf, 0)) {
        if (write) for (const k of madeBy(v)) out.add(k);
        else if (v.t === 'param' || v.t === 'ext' || v.t === 'global') out.add(valueKey(v));
      }
    }
    // A read through a document reference keyed by the id: `collection('bookings').doc(id).get()`, `getDoc(doc(db, 'bookings', id))`;
    // a write keyed by an id made for it: `const id = randomUUID()` or `col.doc().id`, then `col.doc(id).set(...)`.
    for (const k of documentKeys(program, fact)) {
      if (!write) out.add(isUnknown(k) ? valueKey({ t: 'unknown' }) : valueKey(k));
      else for (const made of madeBy(k)) out.add(made);
    }
    // `where(eq(bookings.id, bookingId))` (Drizzle), `.where('id', id)`: the filter a read was looked up by.
    if (!write) {
      for (const f of readFilter(program, fact)) {
        if (f.expr === null || !LOOKUP_KEY_FIELDS.has(f.field)) continue;
        for (const v of sources(program, ev, f.file, f.expr, 0)) if (v.t === 'param' || v.t === 'ext' || v.t === 'global') out.add(valueKey(v));
      }
    }
    for (const site of sites) {
      const args = ir.sites[site]!.args;
      args.forEach((arg, i) => {
        const input = commandInput(program, fact.file, arg);
        const keyFields = write ? ID_FIELDS : LOOKUP_KEY_FIELDS;
        const keys: Leaf[] = fieldsOf(program, ev, fact.file, input, [], 0).filter((l) => keyFields.has(l.path[l.path.length - 1] ?? '') || (!write && isIdList(l.path)));
        // `.eq('id', x)` and `findById(x)` name the key positionally.
        const prev = args[i - 1];
        if (!write && prev?.k === 'lit' && typeof prev.value === 'string' && keyFields.has(prev.value)) keys.push({ path: [prev.value], file: fact.file, expr: arg });
        if (!write && site === fact.site && i === 0 && arg.k !== 'obj') keys.push({ path: [], file: fact.file, expr: arg });
        for (const leaf of keys) {
          for (const v of sources(program, ev, leaf.file, leaf.expr, 0)) {
            if (write) for (const k of madeBy(v)) out.add(k);
            else if (v.t === 'param' || v.t === 'ext' || v.t === 'global') out.add(valueKey(v));
          }
        }
      });
    }
  }
  return out;
}

/** `{ _id: { $in: ids } }` (MongoDB), `{ id: { in: ids } }` (Prisma): after the guard, every item of `ids` is a booking's id. */
function isIdList(path: string[]): boolean {
  const op = path[path.length - 1];
  return (op === '$in' || op === 'in') && ID_FIELDS.has(path[path.length - 2] ?? '');
}

/**
 * The parameters bound to id columns of a statement: `INSERT INTO bookings (id, ...) VALUES ($1, ...)`
 * with `[id, ...]` for a write, `SELECT ... FROM bookings WHERE id = $1 AND status = 'pending'` with
 * `[bookingId]` for a read, or an update found by it (placeholders `$n`, `?`, or the `${}` of a tagged template).
 */
function sqlIdLeaves(ir: FileIR, siteIndex: number, write: boolean): Expr[] {
  const site = ir.sites[siteIndex]!;
  const sql = sqlText(ir, site);
  const exprs = boundParams(ir, site) ?? [];
  const keys = write ? parsedStatements(sql).filter((s) => s.op === 'insert').flatMap((s) => s.sets) : lookupKeys(sql);
  return keys.flatMap((k) => (k.param !== null && ID_FIELDS.has(k.column) && exprs[k.param] ? [exprs[k.param]!] : []));
}

const KEYED_STEPS = new Set(['doc', 'child', 'ref']);

function documentKeys(program: Program, fact: SiteFact): Value[] {
  const site = program.files.get(fact.file)!.sites[fact.site]!;
  const roots = [site.callee, ...(site.args[0] ? [site.args[0]] : [])];
  const out: Value[] = [];
  for (const root of roots) {
    for (const v of program.ev.values(fact.file, root)) {
      if (v.t !== 'ext' && v.t !== 'global') continue;
      v.steps.forEach((step, i) => {
        const name = v.steps[i - 1]?.p;
        if (step.site === undefined || step.file === undefined || !name || !KEYED_STEPS.has(name)) return;
        const args = program.files.get(step.file)?.sites[step.site]?.args ?? [];
        const key = args[args.length - 1];
        if (!key || (key.k === 'lit' && args.length > 1)) return;
        for (const k of sources(program, program.ev, step.file, key, 0)) if (k.t !== 'lit') out.push(k);
      });
    }
  }
  return out;
}

function callSteps(v: Value): string[] {
  if (v.t !== 'ext' && v.t !== 'global') return [];
  return v.steps.filter((s) => s.site !== undefined).map((s) => `${s.file}:${s.site}`);
}

/**
 * The call that made a written record's key: the last call of its chain (`doc()` of
 * `db.collection('hikes').doc().id`, `randomUUID()`). The calls before it made the client
 * (`admin.firestore()`), which every other collection's values come through too.
 */
function madeBy(v: Value): string[] {
  return callSteps(v).slice(-1);
}

function isBookingId(flow: FlowFacts, v: Value, keys: Set<string>, rejected: Set<string>): boolean {
  const record = flow.recordOf(v);
  if (record && !rejected.has(siteKey(record.fact.file, record.fact.site))) {
    const last = record.rest[record.rest.length - 1];
    if (last !== undefined && ID_FIELDS.has(last)) return true;
    if (record.rest.length === 0 && record.fact.kind === 'write' && record.fact.match?.store?.resultIsId) return true;
  }
  return keys.has(valueKey(v)) || callSteps(v).some((k) => keys.has(k) && !rejected.has(k));
}

/**
 * Records that the helpers this expression's value comes from do not produce at these calls:
 * `customers.create()` through a base repository that also creates reservations for another subclass.
 */
function rejectedAtCall(program: Program, flow: FlowFacts, file: string, e: Expr): Set<string> {
  const ir = program.files.get(file);
  const out = new Set<string>();
  if (!ir) return out;
  for (const index of callsUnder(ir, e, 0, new Set())) {
    const site = ir.sites[index]!;
    for (const edge of program.graph.out.get(fnKey({ file, fn: site.fn })) ?? []) {
      if (edge.file !== file || edge.site !== index) continue;
      for (const fact of program.factsByFn.get(edge.to) ?? []) {
        if ((fact.kind === 'write' || fact.kind === 'read') && !flow.recordAtCall(fact, edge.to, file, index)) out.add(siteKey(fact.file, fact.site));
      }
    }
  }
  return out;
}

/** The call sites an expression's value is built from, in its own file. */
function callsUnder(ir: FileIR, e: Expr, depth: number, out: Set<number>): Set<number> {
  if (depth > 8) return out;
  if (e.k === 'member') callsUnder(ir, e.obj, depth + 1, out);
  else if (e.k === 'await') callsUnder(ir, e.of, depth + 1, out);
  else if (e.k === 'tpl') for (const p of e.parts) callsUnder(ir, p, depth + 1, out);
  else if (e.k === 'call' && !out.has(e.site)) {
    out.add(e.site);
    const site = ir.sites[e.site];
    if (site) for (const x of [site.callee, ...site.args]) callsUnder(ir, x, depth + 1, out);
  } else if (e.k === 'ref') {
    const def = soleDefinition(ir, e);
    if (def) callsUnder(ir, def, depth + 1, out);
  }
  return out;
}

const leavesMemo = keyedMemo<Evaluator, Leaf[]>();

/**
 * The payload of a payment call: its payload argument, or the arguments of `request.requestBody(...)`-style calls.
 * Asked for every path through the payment, once per evaluator (the program's, or one that binds an entry's arguments).
 */
export function payloadLeaves(program: Program, payment: SiteFact, ev: Evaluator = program.ev): Leaf[] {
  return leavesMemo(ev, siteKey(payment.file, payment.site), () => computePayloadLeaves(program, payment, ev));
}

function computePayloadLeaves(program: Program, payment: SiteFact, ev: Evaluator): Leaf[] {
  const ir = program.files.get(payment.file)!;
  const site = ir.sites[payment.site]!;
  const op = payment.match?.provider;
  const roots: Expr[] = [];
  if (payment.restBody !== undefined) {
    if (payment.restBody) roots.push(payment.restBody);
  } else if (op?.payload?.method) {
    const arg = site.args[op.payload.index];
    if (arg) {
      for (const other of arg.k === 'ref' ? methodCallsOn(ir, arg.b) : []) {
        if (other.callee.k === 'member' && other.callee.prop === op.payload.method) roots.push(...other.args);
      }
      roots.push(arg);
    }
  } else {
    const arg = site.args[op?.payload?.index ?? 0];
    if (arg) roots.push(arg);
    // SDKs that take (id, params) or (params, options): keep every argument.
    roots.push(...site.args.filter((a) => a !== arg));
  }
  const leaves: Leaf[] = [];
  for (const r of roots) fieldsOf(program, ev, payment.file, r, [], 0, leaves);
  // Form-encoded REST bodies: 'metadata[bookingId]' is metadata.bookingId.
  return leaves.map((l) => ({ ...l, path: l.path.flatMap((p) => p.replace(/\]/g, '').split('[')) }));
}

/**
 * Enough (path, value) pairs for any real payload; a generated one (an object re-spread into itself
 * thousands of times) stops here instead of growing without bound.
 */
const MAX_LEAVES = 5_000;

/** Every (path, value) pair inside an object/array expression, following variables and spreads. */
function fieldsOf(program: Program, ev: Evaluator, file: string, e: Expr, path: string[], depth: number, out: Leaf[] = []): Leaf[] {
  if (depth > 6 || out.length >= MAX_LEAVES) return out;
  if (path.length > 0) out.push({ path, file, expr: e });
  const unwrapped = unwrapCall(program, file, e);
  if (unwrapped !== e) return fieldsOf(program, ev, file, unwrapped, path, depth + 1, out);
  // `const payload = JSON.stringify({ reference }); fetch(url, { body: payload })`: the serialized object.
  const ir = program.files.get(file);
  const sole = ir ? soleDefinition(ir, e) : undefined;
  if (sole?.k === 'call' && unwrapCall(program, file, sole) !== sole) return fieldsOf(program, ev, file, sole, path, depth + 1, out);
  if (e.k === 'arr') {
    e.items.forEach((item, i) => fieldsOf(program, ev, file, item, [...path, String(i)], depth + 1, out));
    return out;
  }
  // Rows mapped from a list stand for every item, as an array literal's first does.
  for (const row of mappedRows(ev, file, e)) fieldsOf(program, ev, row.file, row.expr, [...path, '0'], depth + 1, out);
  for (const v of ev.values(file, e)) {
    if (v.t !== 'obj') continue;
    for (const p of v.props) {
      if (p.key === '...') fieldsOf(program, ev, v.file, p.value, path, depth + 1, out);
      else if (p.key !== null) fieldsOf(program, ev, v.file, p.value, [...path, p.key], depth + 1, out);
    }
  }
  if (e.k === 'ref') {
    // Arrays kept in variables (`const items = [...]`).
    const b = ir?.bindings[e.b];
    for (const d of b && b.kind !== 'import' ? b.defs : []) if (d.k === 'arr') fieldsOf(program, ev, file, d, path, depth + 1, out);
    // Form bodies filled field by field: `form.append('metadata[bookingId]', booking.id)`.
    for (const site of ir ? methodCallsOn(ir, e.b) : []) {
      const c = site.callee;
      const key = site.args[0];
      if (c.k !== 'member' || (c.prop !== 'append' && c.prop !== 'set')) continue;
      if (key?.k === 'lit' && typeof key.value === 'string' && site.args[1]) out.push({ path: [...path, key.value], file, expr: site.args[1] });
    }
  }
  return out;
}

/** JSON.stringify(x), new URLSearchParams(x), qs.stringify(x), String(x), x.toString(), `${x}`: the value inside. */
function unwrapCall(program: Program, file: string, e: Expr): Expr {
  if (e.k !== 'call') return e;
  const site = program.files.get(file)?.sites[e.site];
  if (!site) return e;
  const c = site.callee;
  // `form.toString()` of a form filled by `append` is that form (its fields are read off the variable).
  if (c.k === 'member' && c.prop === 'toString') return c.obj.k === 'call' ? unwrapCall(program, file, c.obj) : c.obj;
  if (c.k === 'global' && (TRANSPARENT_GLOBALS.has(c.name) || c.name === 'URLSearchParams') && site.args[0]) return site.args[0];
  if (c.k === 'member' && c.obj.k === 'global' && c.obj.name === 'JSON' && site.args[0]) return site.args[0];
  // A form body: `axios.post(url, qs.stringify(order))`.
  if (c.k === 'member' && site.args[0] && program.ev.values(file, c).some((v) => isSerializer(v, site))) return site.args[0];
  return e;
}

/**
 * The values an expression is built from. `whole` keeps only values that are the expression itself
 * (through conversions, variables and properties), not the parts of a longer text: `quick-${bikeId}`
 * holds the bike's id, it is no id the client sent for the booking.
 */
function sources(program: Program, ev: Evaluator, file: string, e: Expr, depth: number, whole = false): Value[] {
  if (depth > 6) return [];
  switch (e.k) {
    case 'tpl':
      if (whole && !(e.text === '${}' && e.parts.length === 1)) return [];
      return e.parts.flatMap((p) => sources(program, ev, file, p, depth + 1, whole));
    case 'any':
      return e.of.flatMap((p) => sources(program, ev, file, p, depth + 1, whole));
    case 'await':
      return sources(program, ev, file, e.of, depth + 1, whole);
    case 'call': {
      const site = program.files.get(file)?.sites[e.site];
      if (site) {
        const c = site.callee;
        if (c.k === 'global' && TRANSPARENT_GLOBALS.has(c.name) && site.args[0]) return sources(program, ev, file, site.args[0], depth + 1, whole);
        if (c.k === 'member' && passesIdThrough(site)) return sources(program, ev, file, c.obj, depth + 1, whole);
        // `bookings.map((b) => b.id).join(',')`: every item's id, as the callback returns it.
        if (c.k === 'member' && c.prop === 'join') {
          const items = mappedItems(program, ev, file, c.obj, depth);
          if (items.length > 0) return items;
          const pushed = pushedInto(program, file, c.obj);
          if (pushed.length > 0) return pushed.flatMap((p) => sources(program, ev, file, p, depth + 1, whole));
          // `ids.join(',')`: the list itself, a booking key when a guarded read looked bookings up by it.
          return sources(program, ev, file, c.obj, depth + 1, whole);
        }
        const built = builtByHelper(program, ev, file, site, depth, whole);
        if (built.length > 0) return built;
      }
      break;
    }
    case 'ref': {
      const pushed = pushedInto(program, file, e);
      if (pushed.length > 0) return pushed.flatMap((p) => sources(program, ev, file, p, depth + 1, whole));
      const b = program.files.get(file)?.bindings[e.b];
      // A destructured parameter (`async ({ receipt }) => ...`) is a property of the argument.
      const destructured = b?.kind === 'param' && b.defs.length > 0 && b.defs.every((d) => d.k === 'member');
      if (b && b.kind !== 'import' && (b.kind !== 'param' || destructured) && b.defs.some((d) => d.k === 'tpl' || d.k === 'call' || d.k === 'member' || d.k === 'ref' || d.k === 'any')) {
        return b.defs.flatMap((d) => sources(program, ev, file, d, depth + 1, whole));
      }
      const passed = b?.kind === 'param' ? templatesPassed(program, file, b.defs[0]) : [];
      if (passed.length > 0) return [...ev.values(file, e), ...passed.flatMap((p) => sources(program, ev, p.file, p.expr, depth + 1))];
      break;
    }
    case 'member': {
      // A property of an object handed over (`createOrder({ receipt: \`BOOKING_${booking._id}\` })`
      // read back as `opts.receipt`): the expression written there, which may be built from the id.
      if (e.prop === null) break;
      const objects = ev.values(file, e.obj);
      const written = objects.flatMap((v) => (v.t === 'obj' ? [...v.props].reverse().filter((p) => p.key === e.prop).slice(0, 1).map((p) => ({ file: v.file, expr: p.value })) : []));
      if (written.length === 0) break;
      const rest = objects.filter((v) => v.t !== 'obj').flatMap((v) => ev.member(v, e.prop, 0));
      return [...written.flatMap((w) => sources(program, ev, w.file, w.expr, depth + 1, whole)), ...rest];
    }
  }
  return ev.values(file, e);
}

/**
 * `txRef = seatTxRef(booking.id)`: a helper of the app that builds the reference as a template
 * (`SEAT-${id}-${Date.now()}`). A template has no value of its own, so the helper's returns are read
 * with its parameters holding this call's arguments.
 */
function builtByHelper(program: Program, ev: Evaluator, file: string, site: CallSite, depth: number, whole: boolean): Value[] {
  const targets = ev.values(file, site.callee).filter((v): v is Extract<Value, { t: 'fn' }> => v.t === 'fn');
  if (targets.length !== 1) return [];
  const target = targets[0]!;
  const ir = ev.ir(target.file);
  const returns = ir?.functions[target.fn]?.returns ?? [];
  const isTemplate = (r: Expr): boolean => r.k === 'tpl' || (r.k === 'ref' && (ir?.bindings[r.b]?.defs ?? []).some((d) => d.k === 'tpl'));
  if (!returns.some(isTemplate)) return [];
  const args = site.args;
  const bound = ev.fork((f, fn, index) => (f === target.file && fn === target.fn && args[index] ? ev.values(file, args[index]!) : null));
  return returns.flatMap((r) => sources(program, bound, target.file, r, depth + 1, whole));
}

/**
 * Templates the callers of a function pass for this parameter (`openSession(\`booking_${booking.id}\`)`):
 * a template has no value of its own, so the parts are read where it is written.
 */
function templatesPassed(program: Program, file: string, def: Expr | undefined): { file: string; expr: Expr }[] {
  if (def?.k !== 'param') return [];
  const key = fnKey({ file, fn: def.fn });
  // Once per parameter: asked for every path through a helper that thousands of functions call.
  return passedMemo(program, `${key}:${def.index}`, () => {
    const out: { file: string; expr: Expr }[] = [];
    for (const edge of program.graph.in.get(key) ?? []) {
      const arg = edge.kind === 'call' ? program.files.get(edge.file)?.sites[edge.site]?.args[def.index] : undefined;
      if (arg?.k === 'tpl') out.push({ file: edge.file, expr: arg });
    }
    return out;
  });
}

const passedMemo = keyedMemo<Program, { file: string; expr: Expr }[]>();

/** `const ids = []; ... ids.push(booking.id)`: what is pushed into a list that starts empty. */
function pushedInto(program: Program, file: string, list: Expr): Expr[] {
  if (list.k !== 'ref') return [];
  const ir = program.files.get(file);
  const b = ir?.bindings[list.b];
  if (!ir || !b || b.kind === 'import' || b.kind === 'param' || !b.defs.every((d) => d.k === 'arr' && d.items.length === 0)) return [];
  return methodCallsOn(ir, list.b).flatMap((s) => (s.callee.k === 'member' && (s.callee.prop === 'push' || s.callee.prop === 'unshift') ? s.args : []));
}

/**
 * `bookings.map((b) => String(b._id))`: what the callback returns, with its item parameter holding
 * an item of the list it maps (the list's value and `[]`), so an id read off each item is seen.
 */
function mappedItems(program: Program, ev: Evaluator, file: string, list: Expr, depth: number): Value[] {
  const mapping = mappingCall(ev, file, list);
  if (!mapping) return [];
  const items: Value[] = [];
  for (const v of ev.values(file, mapping.list)) if (v.t === 'ext' || v.t === 'global' || v.t === 'param') items.push({ ...v, steps: [...v.steps, { p: '[]' }] });
  if (items.length === 0) return [];
  return mapping.callbacks.flatMap((cb) => {
    const each = ev.fork((f, fn, index) => (f === cb.file && fn === cb.fn && index === 0 ? items : null));
    return (ev.ir(cb.file)?.functions[cb.fn]?.returns ?? []).flatMap((r) => sources(program, each, cb.file, r, depth + 1));
  });
}

export function pathMatches(pattern: string[], path: string[]): boolean {
  return pattern.length === path.length && pattern.every((p, i) => p === '*' || p === path[i]);
}


/** `new PutCommand(input)` handed to a store call: the input is what gets written. */
function commandInput(program: Program, file: string, arg: Expr): Expr {
  if (arg.k !== 'call') return arg;
  const site = program.files.get(file)?.sites[arg.site];
  return site?.isNew && site.args[0] ? site.args[0] : arg;
}
