// https://vincit.github.io/objection.js/api/query-builder/
import { defineStore, type StoreOperation } from '../define.js';

// Models are classes (`class Booking extends Model`) whose name travels with the value (`Model.query`
// remembers `Booking`): that names the entity of `query()`, whatever columns the chain filters on.
// `relatedQuery('bookings')` runs on the relation it names.
const QUERY: [string, StoreOperation['entity']][] = [['query.()', ['types']], ['relatedQuery.().**', ['chain']]];
const on = (ops: string[], op: Omit<StoreOperation, 'call' | 'entity'> = {}): StoreOperation[] =>
  QUERY.flatMap(([q, entity]) => ops.map((o) => ({ call: `${q}.${o}`, entity, ...op })));

export default defineStore({
  id: 'objection',
  name: 'Objection.js',
  docs: 'https://vincit.github.io/objection.js/api/query-builder/',
  packages: ['objection'],
  clients: [{ path: 'Model' }, { path: 'Model.new()' }],
  writes: on(['insert', 'insertAndFetch', 'insertGraph', 'insertGraphAndFetch', 'upsertGraph', 'upsertGraphAndFetch']),
  // `findById` / `findOne` / `first` resolve to undefined when nothing matched; `throwIfNotFound()` rejects instead.
  reads: [
    ...on(['findById', 'findOne', '**.first'], { guard: 'null' }),
    ...on(['**.throwIfNotFound'], { guard: 'throws' }),
  ],
  updates: [
    ...on(['**.patch', '**.update', 'patchAndFetchById', 'updateAndFetchById', 'deleteById']),
    ...on(['**.delete'], { deletes: true }),
    { call: 'new().$query.().**.patch', entity: ['types'] },
    { call: 'new().$query.().**.patchAndFetch', entity: ['types'] },
    { call: 'new().$query.().**.delete', entity: ['types'], deletes: true },
  ],
  // The query builder is Knex's: `insert({...}).onConflict('id').merge({...})`, `where({ id })` before or after.
  setCalls: ['merge'],
  filterCalls: ['where', 'andWhere', 'whereIn'],
  // `Booking.transaction(async (trx) => ...)` runs inline; queries join it with `query(trx)`.
  transactions: [{ call: 'transaction', param: 0, client: 'same' }],
  // `class Booking extends Model { static tableName = 'tbl_res' }` (or a static getter).
  entities: [{ path: 'Model', as: 'subclass', name: ['class'], table: ['static:tableName'] }],
  example: "const booking = await Booking.query().insertAndFetch({ ...input, status: 'pending' });",
  updateExample: "await Booking.query().patchAndFetchById({id}, { {field}: {value} });",
});
