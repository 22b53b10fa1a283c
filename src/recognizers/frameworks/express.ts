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
  // https://expressjs.com/en/guide/writing-middleware.html: a middleware `(req, res, next)` may put a
  // client on the request (`req.db = pool; next()`), which the routes after it read as `req.db`.
  // https://expressjs.com/en/api.html#app.set: `app.set('db', pool)` on the app, read back in a
  // route as `req.app.get('db')`.
  contextValues: { set: ['set'], setOn: 'instance', get: 'app.get', middleware: 3 },
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
