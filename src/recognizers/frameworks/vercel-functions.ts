// https://vercel.com/docs/functions/functions-api-reference
import { defineFramework } from '../define.js';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

export default defineFramework({
  id: 'vercel-functions',
  name: 'Vercel Functions (api/ directory)',
  docs: 'https://vercel.com/docs/functions/functions-api-reference',
  packages: ['@vercel/node', '@vercel/functions'],
  // Only the project root's `api/` folder: a default export `(req: VercelRequest, res: VercelResponse)`
  // or web-standard method exports. Anchored at the root because `api/` folders of other
  // frameworks (an Express app's `src/api/`) hold modules that are not functions.
  routeFiles: [{ glob: 'api/**/*.{ts,js,mts,mjs,cjs}', exports: ['default', ...METHODS], entry: 'vercel-function' }],
  // https://vercel.com/docs/functions/functions-api-reference/vercel-functions-package#waituntil
  deferred: [{ module: '@vercel/functions', path: 'waitUntil' }],
});
