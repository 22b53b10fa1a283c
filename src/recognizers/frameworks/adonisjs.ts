// https://docs.adonisjs.com/guides/basics/routing
import { defineFramework } from '../define.js';

const VERBS = ['get', 'post', 'put', 'patch', 'delete', 'any'];

export default defineFramework({
  id: 'adonisjs',
  name: 'AdonisJS',
  docs: 'https://docs.adonisjs.com/guides/basics/routing',
  packages: ['@adonisjs/core'],
  registrations: [
    // `router.post('/bookings', [BookingsController, 'store'])`, the controller imported or loaded
    // lazily (`() => import('#controllers/bookings_controller')`), or a closure `async ({ request }) => ...`.
    // Routes in `router.group(() => ...)` are registered on the same router.
    {
      clients: [{ module: '@adonisjs/core/services/router', path: '' }, { module: '@adonisjs/core/services/router', path: 'default' }],
      calls: VERBS,
      routeArg: 0,
      methodFromCall: true,
      entry: 'adonis-route',
    },
    // v5: `Route.post('/bookings', 'BookingsController.store')`, the controller found by its name below
    // `app/Controllers/Http` (a namespace before it: `'Api/BookingsController.store'`).
    {
      clients: [{ module: '@ioc:Adonis/Core/Route', path: '' }, { module: '@ioc:Adonis/Core/Route', path: 'default' }],
      calls: VERBS,
      routeArg: 0,
      methodFromCall: true,
      namedHandlers: [{ key: '^((?:[\\w-]+/)*)([\\w-]+)\\.(\\w+)$', file: 'app/Controllers/Http/$1$2', method: '$3' }],
      entry: 'adonis-route',
    },
  ],
});
