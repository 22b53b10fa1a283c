// https://www.inngest.com/docs/reference/functions/create
import { defineFramework } from '../define.js';

export default defineFramework({
  id: 'inngest',
  name: 'Inngest functions',
  docs: 'https://www.inngest.com/docs/reference/functions/create',
  packages: ['inngest'],
  registrations: [
    // `inngest.createFunction(config, trigger, handler)` on `new Inngest({ id })`; v4 puts the
    // trigger in the config: `createFunction({ id, triggers }, handler)`.
    { clients: [{ path: 'Inngest.new()' }], calls: ['createFunction'], entry: 'inngest-function' },
  ],
});
