// https://neon.com/docs/serverless/serverless-driver
import { defineStore } from '../define.js';

// `const sql = neon(url)`: the client is itself the tagged-template query function (rows come
// back as an array); `Pool` and `Client` are node-postgres compatible.
export default defineStore({
  id: 'neon',
  name: 'Neon serverless driver',
  docs: 'https://neon.com/docs/serverless/serverless-driver',
  packages: ['@neondatabase/serverless'],
  clients: [
    { path: 'neon.()' },
    { path: 'Pool.new()' },
    { path: 'Client.new()' },
    { path: 'Pool.new().connect.()' },
    { path: 'PoolClient.new()' },
  ],
  // The statement decides: INSERT is a write, SELECT a read, UPDATE/DELETE an update. A SELECT's
  // missing row shows as a falsy `[row]` / `rows[0]`.
  writes: [
    { call: '', entity: ['sql'], guard: 'null' },
    { call: 'query', entity: ['sql'], guard: 'null' },
  ],
  reads: [],
  // `sql.transaction([sql`...`, sql`...`])` runs its queries when it completes.
  groups: ['transaction'],
  example: "const [booking] = await sql`INSERT INTO bookings (slot_id, email, status) VALUES (${slotId}, ${email}, 'pending') RETURNING id`;",
  updateExample: "await sql`UPDATE bookings SET {field} = ${{value}} WHERE id = ${{id}}`;",
});
