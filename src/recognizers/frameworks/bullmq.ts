// https://docs.bullmq.io/guide/workers
import { defineFramework } from '../define.js';

export default defineFramework({
  id: 'bullmq',
  name: 'BullMQ workers',
  docs: 'https://docs.bullmq.io/guide/workers',
  packages: ['bullmq'],
  registrations: [
    // `new Worker(queueName, async (job) => ..., { connection })`. A sandboxed processor (a file
    // path instead of a function) is not followed to its file.
    { clients: [{ path: '' }], calls: ['Worker'], routeArg: 0, entry: 'queue-consumer' },
  ],
  // https://docs.bullmq.io/guide/job-schedulers: `queue.upsertJobScheduler(id, { pattern })` and the
  // older repeatable jobs `queue.add(name, data, { repeat: { pattern } })` make that queue's worker a
  // scheduled job.
  schedules: [
    { clients: [{ path: 'Queue.new()' }], calls: ['upsertJobScheduler'], queueArg: 0 },
    { clients: [{ path: 'Queue.new()' }], calls: ['add'], queueArg: 0, option: { arg: 2, key: 'repeat' } },
  ],
});
