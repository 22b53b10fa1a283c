// https://cloud.google.com/functions/docs/writing/write-http-functions
import { defineFramework } from '../define.js';

const SDK = [{ path: '' }];

export default defineFramework({
  id: 'google-cloud-functions',
  name: 'Google Cloud Functions (Functions Framework)',
  docs: 'https://cloud.google.com/functions/docs/writing/write-http-functions',
  packages: ['@google-cloud/functions-framework'],
  registrations: [
    // `functions.http('name', (req, res) => ...)` with `import * as functions` or `require(...)`,
    // or a named `{ http }` import. The name is the deployed entry point.
    { clients: SDK, calls: ['http'], routeArg: 0, entry: 'gcf-http' },
    // https://cloud.google.com/functions/docs/writing/write-event-driven-functions
    { clients: SDK, calls: ['cloudEvent'], routeArg: 0, entry: 'gcf-event' },
  ],
  // Functions deployed without the registry: every export of the app's main file
  // (`exports.book = (req, res) => ...`), one of which `--entry-point` names at deploy time.
  // Route-file rules apply only where the app depends on the framework.
  routeFiles: [{ glob: '{index,main}.{js,mjs,cjs,ts}', exports: ['*'], entry: 'gcf-http' }],
});
