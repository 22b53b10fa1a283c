// https://hono.dev/docs/api/routing
import { defineFramework } from '../define.js';

const VERBS = ['get', 'post', 'put', 'patch', 'delete', 'all', 'options'];

export default defineFramework({
  id: 'hono',
  name: 'Hono',
  docs: 'https://hono.dev/docs/api/routing',
  // Presets (`hono/tiny`, `hono/quick`) are subpaths of the package.
  packages: ['hono'],
  registrations: [
    // `app.post(path, ...handlers)`; `new Hono().basePath('/api')` and chained `.get(...).post(...)`
    // return the same app, so any steps may come between the instance and the verb.
    // `app.route('/api', sub)` mounts a sub-app (https://hono.dev/docs/api/routing#grouping) and
    // `basePath('/api')` prefixes the app's own routes.
    {
      clients: [{ path: 'Hono.new()' }],
      calls: [...VERBS, 'route'].map((v) => `**.${v}`),
      routeArg: 0,
      methodFromCall: true,
      mountCalls: ['route'],
      prefixCalls: ['basePath'],
      entry: 'hono-route',
    },
    // `app.on('PURGE', '/cache', handler)`: the path is the second argument.
    { clients: [{ path: 'Hono.new()' }], calls: ['**.on'], routeArg: 1, entry: 'hono-route' },
  ],
  // https://hono.dev/docs/api/context#set-get and #var: what a middleware sets, a route reads.
  contextValues: { set: ['set'], setOn: 'param', get: 'get', bag: 'var' },
});
