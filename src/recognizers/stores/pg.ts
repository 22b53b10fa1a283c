// https://node-postgres.com/apis/pool
import { defineStore } from '../define.js';

export default defineStore({
  id: 'pg',
  name: 'node-postgres',
  docs: 'https://node-postgres.com/apis/pool',
  packages: ['pg'],
  clients: [
    { path: 'Pool.new()' },
    { path: 'Client.new()' },
    { path: 'PoolClient.new()' },
    { path: 'Pool.new().connect.()' },
  ],
  // `client.query(text, values, (err, res) => ...)` reports through its callback.
  completionCallbacks: true,
  // The statement decides: INSERT is a write, SELECT a read, UPDATE/DELETE an update. A SELECT's
  // missing row shows as a falsy `rows[0]` / `[row]`.
  writes: [{ call: 'query', entity: ['sql'], guard: 'null' }],
  reads: [],
  example: "const { rows: [booking] } = await pool.query(\"INSERT INTO bookings (slot_id, email, status) VALUES ($1, $2, 'pending') RETURNING id\", [slotId, email]);",
  updateExample: "await pool.query('UPDATE bookings SET {field} = $1 WHERE id = $2', [{value}, {id}]);",
});
