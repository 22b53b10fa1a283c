// https://sidorares.github.io/node-mysql2/docs
import { defineStore } from '../define.js';

export default defineStore({
  id: 'mysql2',
  name: 'MySQL2',
  docs: 'https://sidorares.github.io/node-mysql2/docs',
  // 'mysql2/promise' resolves to the package itself.
  packages: ['mysql2'],
  clients: [
    { path: 'createPool.()' },
    { path: 'createPool.().promise.()' },
    { path: 'createPool.().getConnection.()' },
    { path: 'createPool.().promise.().getConnection.()' },
    { path: 'createConnection.()' },
    { path: 'createConnection.().promise.()' },
    { path: 'Pool.new()' },
    { path: 'PoolConnection.new()' },
    { path: 'Connection.new()' },
  ],
  // Without `.promise()`, a statement reports through `(err, result) => ...`.
  completionCallbacks: true,
  // The statement decides: INSERT is a write, SELECT a read, UPDATE/DELETE an update. A SELECT's
  // missing row shows as a falsy `rows[0]` / `[row]`.
  writes: [
    { call: 'query', entity: ['sql'], guard: 'null' },
    { call: 'execute', entity: ['sql'], guard: 'null' },
  ],
  reads: [],
  example: "const [result] = await pool.execute(\"INSERT INTO bookings (slot_id, email, status) VALUES (?, ?, 'pending')\", [slotId, email]); const booking = { id: result.insertId };",
  updateExample: "await pool.execute('UPDATE bookings SET {field} = ? WHERE id = ?', [{value}, {id}]);",
});
