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
    {
      clients: [{ path: 'Inngest.new()' }],
      calls: ['createFunction'],
      // https://www.inngest.com/docs/reference/functions/step-run: the handler's `{ step }`.
      handlerParams: [{ index: 0, fields: { step: { module: 'inngest', path: 'step' } } }],
      entry: 'inngest-function',
    },
  ],
  // `step.run(id, fn)` runs fn (once, memoized) and returns its result before the next step.
  inline: [{ clients: [{ module: 'inngest', path: 'step' }], calls: ['run'] }],
});
