// https://github.com/tediousjs/node-mssql#documentation
import { defineStore } from '../define.js';

// Every query goes through the module: the global pool (`sql.connect(config)`, `sql.query`...``),
// a `ConnectionPool`, or a `Request` (`pool.request().input('id', sql.Int, id).query('...')`).
export default defineStore({
  id: 'mssql',
  name: 'node-mssql',
  docs: 'https://github.com/tediousjs/node-mssql#documentation',
  packages: ['mssql'],
  clients: [{ path: '' }],
  // The statement decides: INSERT is a write, SELECT a read, UPDATE/DELETE an update. A SELECT's
  // missing row shows as an empty `recordset`.
  writes: [
    { call: '**.query', entity: ['sql'], guard: 'null' },
    { call: '**.batch', entity: ['sql'], guard: 'null' },
  ],
  reads: [],
  example: "const { recordset: [booking] } = await pool.request().input('slotId', sql.Int, slotId).query(\"INSERT INTO bookings (slot_id, status) OUTPUT INSERTED.id VALUES (@slotId, 'pending')\");",
  updateExample: "await pool.request().input('id', {id}).input('value', {value}).query('UPDATE bookings SET {field} = @value WHERE id = @id');",
});
