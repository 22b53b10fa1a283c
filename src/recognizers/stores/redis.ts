// https://redis.io/docs/latest/develop/clients/nodejs/
import { defineStore } from '../define.js';

// Redis as the booking store: a booking is a hash (`HSET booking:<id> ...`) or a JSON document
// (`JSON.SET booking:<id> $ {...}`). Plain `SET` is left out: it is how locks and slot holds are
// taken (`SET lock:slot:<id> <booking> NX EX 600`), and those are not bookings; telling them apart
// needs the key's prefix, which the engine does not read yet.
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
    { call: 'hset', entity: ['args'] },
    { call: 'hSet', entity: ['args'] },
    { call: 'hmset', entity: ['args'] },
    { call: 'json.set', entity: ['args'] },
  ],
  // `JSON.GET` of a missing key is null; `HGETALL` answers an empty object, so it is no guard.
  reads: [
    { call: 'json.get', entity: ['args'], guard: 'null' },
    { call: 'hgetall', entity: ['args'] },
    { call: 'hGetAll', entity: ['args'] },
  ],
  updates: [
    { call: 'del', entity: ['args'] },
    { call: 'hdel', entity: ['args'] },
    { call: 'hDel', entity: ['args'] },
  ],
  example: "await redis.hset(`booking:${bookingId}`, { ...input, status: 'pending' });",
});
