// https://docs.adonisjs.com/guides/basics/routing
import { defineFramework } from '../define.js';

const VERBS = ['get', 'post', 'put', 'patch', 'delete', 'any'];
/** A group is no handler: its callback's routes take the prefix chained on it. */
const GROUPS = { pluginCalls: ['group'], prefixCalls: ['prefix'] };
/**
 * `router.resource('bookings', BookingsController)`: the seven actions of a resourceful controller,
 * narrowed by `.only([...])`, `.except([...])` and `.apiOnly()` (no form pages)
 * (https://docs.adonisjs.com/guides/basics/controllers#resource-driven-controllers).
 */
const RESOURCES = {
  resourceCalls: ['resource'],
  resources: {
    actions: {
      index: { method: 'GET', path: '' },
      create: { method: 'GET', path: '/create' },
      store: { method: 'POST', path: '' },
      show: { method: 'GET', path: '/:id' },
      edit: { method: 'GET', path: '/:id/edit' },
      update: { method: 'PUT', path: '/:id' },
      destroy: { method: 'DELETE', path: '/:id' },
    },
    parentParam: ':$1_id',
    onlyCalls: ['only'],
    exceptCalls: ['except'],
    dropCalls: { apiOnly: ['create', 'edit'] },
  },
};

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
      calls: [...VERBS, 'group', 'resource'],
      routeArg: 0,
      methodFromCall: true,
      ...GROUPS,
      ...RESOURCES,
      entry: 'adonis-route',
    },
    // v5: `Route.post('/bookings', 'BookingsController.store')`, the controller found by its name below
    // `app/Controllers/Http` (a namespace before it: `'Api/BookingsController.store'`); a resource
    // names the controller alone (`Route.resource('bookings', 'BookingsController')`).
    {
      clients: [{ module: '@ioc:Adonis/Core/Route', path: '' }, { module: '@ioc:Adonis/Core/Route', path: 'default' }],
      calls: [...VERBS, 'group', 'resource'],
      routeArg: 0,
      methodFromCall: true,
      ...GROUPS,
      ...RESOURCES,
      namedHandlers: [{ key: '^((?:[\\w-]+/)*)([\\w-]+)\\.(\\w+)$', file: 'app/Controllers/Http/$1$2', method: '$3', namespaced: '$1$2' }],
      // `Route.group(...).namespace('App/Controllers/Http/admin')`: the `App` alias is the app folder.
      namespaces: { calls: ['namespace'], key: '^App/(.+?)/*$', folder: 'app/$1' },
      entry: 'adonis-route',
    },
  ],
});
