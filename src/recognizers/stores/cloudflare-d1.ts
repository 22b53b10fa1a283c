// https://developers.cloudflare.com/d1/worker-api/d1-database/
import { defineStore } from '../define.js';

// A D1 database is a binding, not an import: `env.DB` in a module Worker's `fetch(request, env)`,
// `context.env.DB` in a Pages Function, `c.env.DB` in Hono, `this.env.DB` in a Durable Object.
// Its type (`D1Database`) lives in an `Env` interface the scan does not follow, so the client is
// whatever is bound on `env` (see `boundOn`) and called the D1 way: `prepare(sql)`, then
// `run`/`first`/`all`/`raw` (the evaluator reads `.bind(...)` as handing on its receiver, so
// `prepare(sql).bind(id).run()` is `prepare.().run` too). The statement decides: INSERT is a write,
// SELECT a read, UPDATE/DELETE an update; `first()` resolves to null when no row matched.
export default defineStore({
  id: 'cloudflare-d1',
  name: 'Cloudflare D1',
  docs: 'https://developers.cloudflare.com/d1/worker-api/d1-database/',
  packages: ['@cloudflare/workers-types', 'wrangler'],
  clients: [{ global: 'D1Database', path: '' }],
  boundOn: 'env',
  writes: [
    { call: 'prepare.().run', entity: ['sql'] },
    { call: 'prepare.().first', entity: ['sql'], guard: 'null' },
    { call: 'prepare.().all', entity: ['sql'] },
    { call: 'prepare.().raw', entity: ['sql'] },
    { call: 'exec', entity: ['sql'] },
  ],
  reads: [],
  example: "const booking = await env.DB.prepare(\"INSERT INTO bookings (slot_id, email, status) VALUES (?, ?, 'pending') RETURNING id\").bind(slotId, email).first();",
  updateExample: "await env.DB.prepare('UPDATE bookings SET {field} = ? WHERE id = ?').bind({value}, {id}).run();",
});
