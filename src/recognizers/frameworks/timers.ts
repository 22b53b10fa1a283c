// https://nodejs.org/api/timers.html#setintervalcallback-delay-args
import { defineFramework } from '../define.js';

// `setInterval(fn, ms)` is the in-process scheduler that needs no package: the function runs on its
// own, again and again, whoever started the timer (a server's startup, a service's constructor). It
// is a scheduled job like a node-cron handler (a sweeper that expires held bookings), not work of
// the request or constructor that started it. Built into the runtime, so it applies to every app.
// `setTimeout` runs its function once, as the delayed end of the work that set it, and stays a
// deferred call of that work.
export default defineFramework({
  id: 'timers',
  name: 'Timers (setInterval)',
  docs: 'https://nodejs.org/api/timers.html#setintervalcallback-delay-args',
  packages: [],
  registrations: [{ clients: [{ global: 'setInterval', path: '' }], calls: [''], entry: 'cron-job' }],
  scheduledCalls: [''],
});
