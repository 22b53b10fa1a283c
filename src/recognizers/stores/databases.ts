// https://www.atdatabases.org/docs/pg
import { defineStore } from '../define.js';

// @databases (pg, mysql, sqlite): `db.query(sql`...`)` with the `sql` tag from the same package;
// results are arrays of rows, so a missing row shows as a falsy `[row]`.
export default defineStore({
  id: 'databases',
  name: '@databases',
  docs: 'https://www.atdatabases.org/docs/pg',
  packages: ['@databases/pg', '@databases/mysql', '@databases/sqlite', '@databases/expo'],
  // `createConnectionPool()` (pg, mysql) and `connect()` (sqlite) are the default exports.
  clients: [
    { path: '()' },
    { path: 'default.()' },
    { path: 'ConnectionPool.new()' },
    { path: 'Connection.new()' },
    { path: 'Transaction.new()' },
    { path: 'Queryable.new()' },
    { path: 'DatabaseConnection.new()' },
  ],
  writes: [{ call: 'query', entity: ['sql'], guard: 'null' }],
  reads: [],
  transactions: [
    { call: 'tx', param: 0, client: 'receiver' },
    { call: 'task', param: 0, client: 'receiver' },
  ],
  example: "const [booking] = await db.query(sql`INSERT INTO bookings (slot_id, email, status) VALUES (${slotId}, ${email}, 'pending') RETURNING id`);",
  updateExample: "await db.query(sql`UPDATE bookings SET {field} = ${{value}} WHERE id = ${{id}}`);",
});
