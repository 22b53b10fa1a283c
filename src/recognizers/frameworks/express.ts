// https://expressjs.com/en/5x/api.html#router.METHOD
import { defineFramework } from '../define.js';

const VERBS = ['get', 'post', 'put', 'patch', 'delete', 'all'];

export default defineFramework({
  id: 'express',
  name: 'Express',
  docs: 'https://expressjs.com/en/5x/api.html#router.METHOD',
  packages: ['express'],
  // https://expressjs.com/en/api.html#res.locals: `res.locals.user` (and `app.locals`) set by middleware.
  requestBags: ['locals'],
  registrations: [
    {
      clients: [{ path: '()' }, { path: 'Router.()' }, { path: 'default.()' }, { path: 'default.Router.()' }],
      calls: [...VERBS, 'use', ...VERBS.map((v) => `route.().${v}`), ...VERBS.map((v) => `route.().**.${v}`)],
      routeArg: 0,
      methodFromCall: true,
      routeCalls: ['route'],
      mountCalls: ['use'],
      entry: 'express-route',
    },
  ],
});
