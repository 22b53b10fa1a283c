// https://github.com/node-cron/node-cron#readme
import { defineFramework } from '../define.js';

// In-process schedulers: node-cron `cron.schedule(expr, fn)`, node-schedule
// `schedule.scheduleJob(expr, fn)` and cron's `new CronJob(expr, fn)` / `CronJob.from({ onTick })`.
// Each handler is an entry point that runs on a schedule (expiring held bookings, reminders).
export default defineFramework({
  id: 'node-cron',
  name: 'Cron schedulers (node-cron, node-schedule, cron)',
  docs: 'https://github.com/node-cron/node-cron#readme',
  packages: ['node-cron', 'node-schedule', 'cron'],
  registrations: [
    { clients: [{ module: 'node-cron', path: '' }, { module: 'node-cron', path: 'default' }], calls: ['schedule'], routeArg: 0, entry: 'cron-job' },
    { clients: [{ module: 'node-schedule', path: '' }, { module: 'node-schedule', path: 'default' }], calls: ['scheduleJob'], routeArg: 0, entry: 'cron-job' },
    { clients: [{ module: 'cron', path: '' }], calls: ['CronJob', 'CronJob.from'], routeArg: 0, handlerKeys: ['onTick'], entry: 'cron-job' },
  ],
  scheduledCalls: ['schedule', 'scheduleJob', 'CronJob', 'CronJob.from'],
});
