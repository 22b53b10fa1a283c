// https://kysely.dev/docs/category/examples
import { defineStore } from '../define.js';

// The chain's first call names the table (`insertInto('bookings')`); the query runs when the
// chain ends in `execute()`, `executeTakeFirst()` (undefined when no row matched) or
// `executeTakeFirstOrThrow()` (rejects with NoResultError).
export default defineStore({
  id: 'kysely',
  name: 'Kysely',
  docs: 'https://kysely.dev/docs/category/examples',
  packages: ['kysely'],
  // `Kysely<DB>` and `Transaction<DB>` also stand for parameters of those types.
  clients: [{ path: 'Kysely.new()' }, { path: 'Transaction.new()' }],
  // `db.transaction()` / `db.connection()` builders hand their callback the same database, so the
  // transaction runner is their `execute(async (trx) => ...)`.
  passthrough: ['withSchema', 'withPlugin', 'withoutPlugins', 'transaction', 'connection', 'setIsolationLevel', 'setAccessMode'],
  writes: [
    { call: 'insertInto', entity: ['args'] },
    { call: 'replaceInto', entity: ['args'] },
  ],
  reads: [
    { call: 'selectFrom', entity: ['args'], guard: 'null', guardRequires: { null: ['executeTakeFirst'] } },
    // The rejection is the guard, so the read is matched where the chain ends.
    { call: 'selectFrom.().**.executeTakeFirstOrThrow', entity: ['chain'], guard: 'throws' },
  ],
  updates: [
    { call: 'updateTable', entity: ['args'] },
    { call: 'deleteFrom', entity: ['args'], deletes: true },
    { call: 'mergeInto', entity: ['args'] },
  ],
  // `insertInto('bookings').values({...})`, `updateTable('bookings').set({...}).where('id', '=', id)`.
  setCalls: ['values', 'set'],
  filterCalls: ['where'],
  transactions: [{ call: 'execute', param: 0, client: 'receiver' }],
  // Migrations: `db.schema.createTable('bookings')`.
  entities: [{ path: 'schema.createTable()', onClient: true, name: ['arg:0'], table: ['arg:0'] }],
  example: "const booking = await db.insertInto('bookings').values({ ...input, status: 'pending' }).returning('id').executeTakeFirstOrThrow();",
  updateExample: "await db.updateTable('bookings').set({ {field}: {value} }).where('id', '=', {id}).execute();",
});
