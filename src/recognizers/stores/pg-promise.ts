// https://vitaly-t.github.io/pg-promise/Database.html
import { defineStore } from '../define.js';

// `const pgp = pgPromise(); const db = pgp(connection)`; query methods name their result shape:
// `one` throws unless exactly one row comes back, `oneOrNone` resolves to null when none does.
// `tx` / `task` run a callback with a connection (`t`) that has the same methods.
export default defineStore({
  id: 'pg-promise',
  name: 'pg-promise',
  docs: 'https://vitaly-t.github.io/pg-promise/Database.html',
  packages: ['pg-promise'],
  clients: [{ path: '().()' }, { path: 'default.().()' }],
  writes: [
    { call: 'one', entity: ['sql'], guard: 'throws' },
    { call: 'oneOrNone', entity: ['sql'], guard: 'null' },
    { call: 'none', entity: ['sql'] },
    { call: 'any', entity: ['sql'] },
    { call: 'many', entity: ['sql'] },
    { call: 'manyOrNone', entity: ['sql'] },
    { call: 'query', entity: ['sql'] },
    { call: 'result', entity: ['sql'] },
  ],
  reads: [],
  transactions: [
    { call: 'tx', param: 0, client: 'receiver' },
    { call: 'task', param: 0, client: 'receiver' },
  ],
  example: "const booking = await db.one(\"INSERT INTO bookings (slot_id, email, status) VALUES ($1, $2, 'pending') RETURNING id\", [slotId, email]);",
  updateExample: "await db.none('UPDATE bookings SET {field} = $1 WHERE id = $2', [{value}, {id}]);",
});
