// https://github.com/WiseLibs/better-sqlite3/blob/master/docs/api.md
import { defineStore } from '../define.js';

// Synchronous: a statement has run once its call returns. The SQL is the argument of `prepare`.
export default defineStore({
  id: 'better-sqlite3',
  name: 'better-sqlite3',
  docs: 'https://github.com/WiseLibs/better-sqlite3/blob/master/docs/api.md',
  packages: ['better-sqlite3'],
  clients: [{ path: 'new()' }, { path: '()' }, { path: 'default.new()' }],
  // The statement decides: INSERT is a write, SELECT a read, UPDATE/DELETE an update.
  writes: [
    { call: 'prepare.().run', entity: ['sql'], sync: true },
    { call: 'exec', entity: ['sql'], sync: true },
  ],
  reads: [
    { call: 'prepare.().get', entity: ['sql'], guard: 'null', sync: true },
    { call: 'prepare.().all', entity: ['sql'], sync: true },
  ],
  example: "const { lastInsertRowid } = db.prepare(\"INSERT INTO bookings (slot_id, email, status) VALUES (?, ?, 'pending')\").run(slotId, email); const booking = { id: lastInsertRowid };",
  updateExample: "db.prepare('UPDATE bookings SET {field} = ? WHERE id = ?').run({value}, {id});",
});
