// https://vercel.com/docs/storage/vercel-postgres/sdk
import { defineStore } from '../define.js';

// `sql` is both a pooled client and the tagged-template query function; `db`, `createPool()` and
// the client from `sql.connect()` run queries with `.sql`...`` and `.query(text, values)`.
export default defineStore({
  id: 'vercel-postgres',
  name: 'Vercel Postgres',
  docs: 'https://vercel.com/docs/storage/vercel-postgres/sdk',
  packages: ['@vercel/postgres'],
  clients: [
    { path: 'sql' },
    { path: 'db' },
    { path: 'createPool.()' },
    { path: 'createClient.()' },
    { path: 'sql.connect.()' },
    { path: 'db.connect.()' },
    { path: 'createPool.().connect.()' },
    { path: 'VercelPool.new()' },
    { path: 'VercelClient.new()' },
    { path: 'VercelPoolClient.new()' },
  ],
  // The statement decides: INSERT is a write, SELECT a read, UPDATE/DELETE an update. A SELECT's
  // missing row shows as a falsy `rows[0]`.
  writes: [
    { call: '', entity: ['sql'], guard: 'null' },
    { call: 'sql', entity: ['sql'], guard: 'null' },
    { call: 'query', entity: ['sql'], guard: 'null' },
  ],
  reads: [],
  example: "const { rows: [booking] } = await sql`INSERT INTO bookings (slot_id, email, status) VALUES (${slotId}, ${email}, 'pending') RETURNING id`;",
  updateExample: "await sql`UPDATE bookings SET {field} = ${{value}} WHERE id = ${{id}}`;",
});
