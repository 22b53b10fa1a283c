// https://elysiajs.com/essential/route
import { defineFramework } from '../define.js';

const VERBS = ['get', 'post', 'put', 'patch', 'delete', 'all', 'options'];

export default defineFramework({
  id: 'elysia',
  name: 'Elysia',
  docs: 'https://elysiajs.com/essential/route',
  packages: ['elysia'],
  registrations: [
    // `new Elysia({ prefix: '/api' }).post('/bookings', ({ body }) => ...)`: each call returns the same
    // app, so any steps may come between the instance and the verb (https://elysiajs.com/essential/plugin#config).
    {
      clients: [{ path: 'Elysia.new()' }],
      calls: VERBS.map((v) => `**.${v}`),
      routeArg: 0,
      methodFromCall: true,
      prefixKeys: ['prefix'],
      entry: 'elysia-route',
    },
    // `app.group('/api', (group) => group.post('/bookings', ...))`: the callback registers its routes
    // below the path on the instance it is handed (https://elysiajs.com/patterns/group), also with a
    // hook object between them. `app.guard({ beforeHandle }, (app) => app.post(...))` likewise, with no
    // path of its own (https://elysiajs.com/essential/scope#guard). `app.use(plugin)` adds the routes
    // of a plugin instance, or of a function handed the app, below the app's own prefix.
    {
      clients: [{ path: 'Elysia.new()' }],
      calls: ['**.group', '**.guard', '**.use'],
      pluginCalls: ['group', 'guard', 'use'],
      prefixKeys: ['prefix'],
      handlerParams: [{ index: 0, receiver: true }],
      entry: 'elysia-route',
    },
  ],
  contextValues: [
    // https://elysiajs.com/essential/handler#decorate: `.decorate('db', client)` or `.decorate({ db })`
    // adds `db` to every handler's context, `({ db, body }) => ...`.
    { set: ['decorate'], setOn: 'app', bag: null },
    // https://elysiajs.com/patterns/extends-context: `.state('db', client)` puts it in the app's
    // store, `({ store }) => store.db`; `.derive(fn)` and `.resolve(fn)` add the fields of the object
    // `fn` returns to the context. `state` and `resolve` are common names: only an Elysia app's count.
    { set: ['state'], setOn: 'instance', bag: 'store' },
    { set: [], setOn: 'instance', bag: null, returnedFrom: ['derive', 'resolve'] },
  ],
});
