// https://docs.convex.dev/database/writing-data
import { defineStore } from '../define.js';

// Convex functions reach the database through their context, `ctx.db` (the framework recognizer
// `convex` fills the handler's `ctx`). `insert(table, doc)` returns the new document's id, not the
// document; `get(id)` and `unique()`/`first()` return null when nothing matches. An app imports the
// function builders and the function references from its own generated modules
// (`./_generated/server`, `./_generated/api`, `./_generated/dataModel`, often git-ignored): they are the package's.
export default defineStore({
  id: 'convex',
  name: 'Convex',
  docs: 'https://docs.convex.dev/database/writing-data',
  packages: ['convex/server', 'convex'],
  specifiers: ['(?:^|/)_generated/(?:server|api|dataModel)(?:\\.[cm]?[jt]s)?$'],
  // A helper handed the context declares its type (`ctx: MutationCtx`): the same database.
  clients: ['', 'MutationCtx.new().', 'QueryCtx.new().', 'GenericMutationCtx.new().', 'GenericQueryCtx.new().'].map((ctx) => ({ module: 'convex/server', path: `${ctx}db` })),
  // https://docs.convex.dev/database/reading-data/indexes: `query('payments').withIndex('by_booking', ...)` reads payments.
  indexCalls: ['withIndex', 'withSearchIndex'],
  writes: [{ call: 'insert', entity: ['args'], resultIsId: true }],
  reads: [
    // The one document with that id.
    { call: 'get', entity: ['args'], guard: 'null', idArg: { arg: 0, field: '_id' } },
    { call: 'query.().**.unique', entity: ['chain'], guard: 'null' },
    { call: 'query.().**.first', entity: ['chain'], guard: 'null' },
  ],
  // `patch(id, fields)`, or with the table first (`patch('bookings', id, fields)`, Convex 1.31).
  updates: [
    { call: 'patch', entity: ['args'], idArg: { arg: 0, field: '_id' } },
    { call: 'replace', entity: ['args'], idArg: { arg: 0, field: '_id' } },
    { call: 'delete', entity: ['args'], deletes: true, idArg: { arg: 0, field: '_id' } },
  ],
  // `insert` returns the id: kept as `booking.id`, the name the providers' examples pass on.
  example: "const booking = { id: await ctx.db.insert('bookings', { ...args, status: 'pending' }) };",
  updateExample: "await ctx.db.patch({id}, { {field}: {value} });",
});
