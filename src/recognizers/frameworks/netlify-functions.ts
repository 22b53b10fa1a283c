// https://docs.netlify.com/functions/get-started/
import { defineFramework } from '../define.js';

const SOURCE = '{ts,js,mts,mjs,cts,cjs}';

export default defineFramework({
  id: 'netlify-functions',
  name: 'Netlify Functions',
  docs: 'https://docs.netlify.com/functions/get-started/',
  packages: ['@netlify/functions', '@netlify/edge-functions', 'netlify-cli'],
  // https://docs.netlify.com/configure-builds/file-based-configuration/
  siteConfigs: ['netlify.toml'],
  // https://docs.netlify.com/functions/scheduled-functions/ (schedules in netlify.toml are read with the project)
  scheduleExports: [{ export: 'config', key: 'schedule' }],
  // The default functions directory; `export default async (req, context) => Response` (current)
  // or the Lambda-compatible `export const handler` / `exports.handler` (legacy, also behind
  // `schedule()` / `builder()` wrappers, which are unwrapped).
  routeFiles: [
    { glob: `**/netlify/functions/**/*.${SOURCE}`, exports: ['default', 'handler'], entry: 'netlify-function' },
    // https://docs.netlify.com/edge-functions/api/
    { glob: `**/netlify/edge-functions/**/*.${SOURCE}`, exports: ['default'], entry: 'netlify-edge-function' },
  ],
});
