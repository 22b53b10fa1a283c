// https://github.com/gajus/slonik#query-methods
import { defineStore } from '../define.js';

// Queries are tagged templates (`sql.typeAlias('booking')`...``, `sql.unsafe`...``) handed to a
// query method; the statement decides whether it is a write, a read or an update. `one` and
// `many` reject with NotFoundError when no row came back, `maybeOne` resolves to null.
export default defineStore({
  id: 'slonik',
  name: 'Slonik',
  docs: 'https://github.com/gajus/slonik#query-methods',
  packages: ['slonik'],
  clients: [
    { path: 'createPool.()' },
    { path: 'DatabasePool.new()' },
    { path: 'DatabaseConnection.new()' },
    { path: 'DatabasePoolConnection.new()' },
    { path: 'DatabaseTransactionConnection.new()' },
    { path: 'CommonQueryMethods.new()' },
  ],
  writes: [
    { call: 'query', entity: ['sql'], guard: 'null' },
    { call: 'one', entity: ['sql'], guard: 'throws' },
    { call: 'oneFirst', entity: ['sql'], guard: 'throws' },
    { call: 'many', entity: ['sql'], guard: 'throws' },
    { call: 'manyFirst', entity: ['sql'], guard: 'throws' },
    { call: 'maybeOne', entity: ['sql'], guard: 'null' },
    { call: 'maybeOneFirst', entity: ['sql'], guard: 'null' },
    { call: 'any', entity: ['sql'] },
    { call: 'anyFirst', entity: ['sql'] },
  ],
  reads: [],
  transactions: [
    { call: 'transaction', param: 0, client: 'receiver' },
    { call: 'connect', param: 0, client: 'receiver' },
  ],
  example: "const booking = await pool.one(sql.typeAlias('id')`INSERT INTO bookings (slot_id, email, status) VALUES (${slotId}, ${email}, 'pending') RETURNING id`);",
  updateExample: "await pool.query(sql.unsafe`UPDATE bookings SET {field} = ${{value}} WHERE id = ${{id}}`);",
});
