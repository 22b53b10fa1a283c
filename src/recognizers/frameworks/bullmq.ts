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
});
