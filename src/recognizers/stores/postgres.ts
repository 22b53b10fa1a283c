// https://github.com/porsager/postgres#usage
import { defineStore } from '../define.js';

// `const sql = postgres(url)`: the client is itself the query function, called as a tagged template.
export default defineStore({
  id: 'postgres',
  name: 'Postgres.js',
  docs: 'https://github.com/porsager/postgres#usage',
  // Deno: https://deno.land/x/postgresjs/mod.js resolves to `postgresjs`.
  packages: ['postgres', 'postgresjs'],
  clients: [{ path: '()' }, { path: 'default.()' }],
  // The statement decides: INSERT is a write, SELECT a read, UPDATE/DELETE an update. A SELECT's
  // missing row shows as a falsy `rows[0]` / `[row]`.
  writes: [
    { call: '', entity: ['sql'], guard: 'null' },
    { call: 'unsafe', entity: ['sql'], guard: 'null' },
  ],
  reads: [],
  transactions: [{ call: 'begin', param: 0, client: 'receiver' }],
  example: "const [booking] = await sql`INSERT INTO bookings (slot_id, email, status) VALUES (${slotId}, ${email}, 'pending') RETURNING id`;",
  updateExample: "await sql`UPDATE bookings SET {field} = ${{value}} WHERE id = ${{id}}`;",
});
