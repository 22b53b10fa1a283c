// https://docs.adonisjs.com/guides/basics/routing
import { defineFramework } from '../define.js';

const VERBS = ['get', 'post', 'put', 'patch', 'delete', 'any'];
/** A group is no handler: its callback's routes take the prefix chained on it. */
const GROUPS = { pluginCalls: ['group'], prefixCalls: ['prefix'] };

export default defineFramework({
  id: 'adonisjs',
  name: 'AdonisJS',
  docs: 'https://docs.adonisjs.com/guides/basics/routing',
  packages: ['@adonisjs/core'],
  registrations: [
    // `router.post('/bookings', [BookingsController, 'store'])`, the controller imported or loaded
    // lazily (`() => import('#controllers/bookings_controller')`), or a closure `async ({ request }) => ...`.
    // Routes in `router.group(() => ...)` are registered on the same router, below the group's
    // `.prefix('/api')` (https://docs.adonisjs.com/guides/basics/routing#route-groups).
    {
      clients: [{ module: '@adonisjs/core/services/router', path: '' }, { module: '@adonisjs/core/services/router', path: 'default' }],
      calls: [...VERBS, 'group'],
      routeArg: 0,
      methodFromCall: true,
      ...GROUPS,
      entry: 'adonis-route',
    },
    // v5: `Route.post('/bookings', 'BookingsController.store')`, the controller found by its name below
    // `app/Controllers/Http` (a namespace before it: `'Api/BookingsController.store'`).
    {
      clients: [{ module: '@ioc:Adonis/Core/Route', path: '' }, { module: '@ioc:Adonis/Core/Route', path: 'default' }],
      calls: [...VERBS, 'group'],
      routeArg: 0,
      methodFromCall: true,
      ...GROUPS,
      namedHandlers: [{ key: '^((?:[\\w-]+/)*)([\\w-]+)\\.(\\w+)$', file: 'app/Controllers/Http/$1$2', method: '$3' }],
      entry: 'adonis-route',
    },
  ],
});
