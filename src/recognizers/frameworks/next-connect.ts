// https://github.com/hoangvvo/next-connect#readme
import { defineFramework } from '../define.js';

const VERBS = ['get', 'head', 'post', 'put', 'patch', 'delete', 'all'];

export default defineFramework({
  id: 'next-connect',
  name: 'next-connect',
  docs: 'https://github.com/hoangvvo/next-connect#readme',
  packages: ['next-connect'],
  registrations: [
    // v1: `const router = createRouter<NextApiRequest, NextApiResponse>()` (`createEdgeRouter()` for
    // edge routes and middleware), then `router.use(mw).post(handler)` and
    // `export default router.handler({ onError })`. v0: the default export is the factory,
    // `const handler = nc({ onError }).get(fn).post(fn)` and `export default handler`. Every method
    // returns the router, so any steps may come between it and the verb; the route pattern
    // (`router.get('/api/x/:id', fn)`) is optional.
    {
      clients: [{ path: 'createRouter.()' }, { path: 'createEdgeRouter.()' }, { path: '()' }, { path: 'default.()' }],
      calls: [...VERBS, 'use'].map((v) => `**.${v}`),
      routeArg: 0,
      // Without a pattern the router serves its file's route, like any Next.js API route or route handler.
      routeFromFile: ['**/pages/api/**/*.{ts,js,tsx,jsx,mts,mjs}', '**/app/**/route.{ts,js,tsx,jsx,mts,mjs}'],
      methodFromCall: true,
      entry: 'next-connect-route',
    },
  ],
});
