// https://redis.io/docs/latest/develop/clients/nodejs/
import { defineStore } from '../define.js';

// Redis as the booking store: a booking is a hash (`HSET booking:<id> ...`) or a JSON document
// (`JSON.SET booking:<id> $ {...}`). The key names the entity, but entity names come from the
// arguments' literals and variables until the engine reads key prefixes. A `SET` with an expiry
// is how locks, slot holds and payment timers are taken (`SET lock:slot:<id> <booking> NX EX 600`,
// `SET booking:<id> <id> EX 600`): they lapse on their own and are no bookings.
export default defineStore({
  id: 'redis',
  name: 'Redis',
  docs: 'https://redis.io/docs/latest/develop/clients/nodejs/',
  packages: ['ioredis', 'redis', '@redis/client', '@upstash/redis'],
  clients: [
    { module: 'ioredis', path: 'new()' },
    { module: 'ioredis', path: 'default.new()' },
    { module: 'ioredis', path: 'Redis.new()' },
    { module: 'ioredis', path: 'Cluster.new()' },
    { module: 'redis', path: 'createClient.()' },
    // `await createClient({ url }).connect()` resolves to the client.
    { module: 'redis', path: 'createClient.().connect.()' },
    { module: 'redis', path: 'createCluster.()' },
    { module: 'redis', path: 'RedisClientType.new()' },
    { module: '@redis/client', path: 'createClient.()' },
    { module: '@upstash/redis', path: 'Redis.new()' },
    { module: '@upstash/redis', path: 'Redis.fromEnv.()' },
  ],
  // Commands queued on `multi()` run with its `exec()` (the end of the same chain).
  passthrough: ['multi', 'pipeline'],
  writes: [
    { call: 'set', entity: ['key'], unlessOption: { from: 2, options: ['EX', 'PX', 'EXAT', 'PXAT'] } },
    // A whole record (`hset(key, { ... })`) is a write; `hset(key, 'status', 'paid')` sets one field.
    { call: 'hset', entity: ['key'], argShape: { index: 1, object: true } },
    { call: 'hSet', entity: ['key'], argShape: { index: 1, object: true } },
    { call: 'hmset', entity: ['key'], argShape: { index: 1, object: true } },
    { call: 'json.set', entity: ['key'] },
  ],
  // `JSON.GET` of a missing key is null; `HGETALL` answers an empty object, so it is no guard.
  reads: [
    { call: 'json.get', entity: ['key'], guard: 'null' },
    { call: 'hgetall', entity: ['key'] },
    { call: 'hGetAll', entity: ['key'] },
  ],
  updates: [
    { call: 'hset', entity: ['key'], argShape: { index: 1, object: false } },
    { call: 'hSet', entity: ['key'], argShape: { index: 1, object: false } },
    { call: 'del', entity: ['key'], deletes: true },
    { call: 'hdel', entity: ['key'], deletes: true },
    { call: 'hDel', entity: ['key'], deletes: true },
  ],
  example: "await redis.hset(`booking:${bookingId}`, { ...input, status: 'pending' });",
  updateExample: "await redis.hset(`booking:${{id}}`, { {field}: {value} });",
});
