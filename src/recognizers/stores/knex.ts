// https://knexjs.org/guide/query-builder.html
import { defineStore, type StoreOperation } from '../define.js';

// `knex('bookings')` (or `knex.table/into/from('bookings')`) names the table; the query runs when
// the builder is awaited. `first()` resolves to undefined when no row matched.
const TABLE = ['()', 'table.()', 'into.()', 'from.()'];
const on = (ops: string[], op: Omit<StoreOperation, 'call' | 'entity'> = {}): StoreOperation[] =>
  TABLE.flatMap((t) => ops.map((o) => ({ call: `${t}.**.${o}`, entity: ['chain'] as StoreOperation['entity'], ...op })));

export default defineStore({
  id: 'knex',
  name: 'Knex.js',
  docs: 'https://knexjs.org/guide/query-builder.html',
  packages: ['knex'],
  // The knex instance is itself the query function; `Knex` / `Knex.Transaction` also stand for typed parameters.
  clients: [{ path: '()' }, { path: 'knex.()' }, { path: 'default.()' }, { path: 'Knex.new()' }, { path: 'Knex.Transaction.new()' }],
  // `const trx = await knex.transaction()` is a knex instance too; `.transacting(trx)` and
  // `.withSchema(s)` keep the same query.
  passthrough: ['transaction', 'transacting', 'withSchema'],
  writes: [
    ...on(['insert']),
    { call: 'insert.().into', entity: ['args'] },
    // `knex.raw('INSERT INTO ...')`: the statement decides.
    { call: 'raw', entity: ['sql'], guard: 'null' },
  ],
  // The read is the table call itself (`knex('bookings')`), so its entity is the table and not a
  // column named in `where(...)`; it yields one row or undefined only when the chain ends in `first()`.
  reads: ['', 'table', '**.from'].map((call) => ({ call, entity: ['args'], guard: 'null', guardRequires: { null: ['first'] } })),
  updates: [
    // Resolves to the number of rows changed, 0 when no row matched (rows with `returning()`).
    ...on(['update'], { guard: 'changed' }),
    ...on(['del', 'delete'], { deletes: true }),
    ...on(['increment'], { counter: 'up' }),
    ...on(['decrement'], { counter: 'down' }),
  ],
  // `insert({...}).onConflict('id').merge({...})`; filters come before or after the operation.
  setCalls: ['merge'],
  filterCalls: ['where', 'andWhere', 'whereIn'],
  transactions: [{ call: 'transaction', param: 0, client: 'receiver' }],
  // Migrations: `knex.schema.createTable('bookings', ...)`.
  entities: [{ path: 'schema.createTable()', onClient: true, name: ['arg:0'], table: ['arg:0'] }],
  example: "const [booking] = await knex('bookings').insert({ ...input, status: 'pending' }).returning(['id']);",
  updateExample: "await knex('bookings').where({ id: {id} }).update({ {field}: {value} });",
});
