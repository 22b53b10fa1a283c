// https://github.com/koajs/router/blob/master/API.md
import { defineFramework } from '../define.js';

const VERBS = ['get', 'post', 'put', 'patch', 'delete', 'del', 'all'];

export default defineFramework({
  id: 'koa',
  name: 'Koa (with @koa/router or koa-router)',
  docs: 'https://github.com/koajs/router/blob/master/API.md',
  packages: ['koa', '@koa/router', 'koa-router'],
  // https://koajs.com/#app-context: `app.context.db = db` puts `db` on every `ctx`; middleware
  // hands a request's own values on in `ctx.state` (https://koajs.com/#ctx-state).
  contextValues: { set: [], setOn: 'app', bag: null, assignedOn: 'context' },
  requestBags: ['state'],
  registrations: [
    // `new Router({ prefix })` from either router package (default export, or `{ Router }` in
    // @koa/router 13+), a parameter typed `Router`, or the legacy call form `Router()`.
    {
      clients: ['@koa/router', 'koa-router'].flatMap((module) => [
        { module, path: 'new()' }, { module, path: '()' }, { module, path: 'Router.new()' }, { module, path: 'default.new()' },
      ]),
      // `router.use('/x', other.routes())` nests a router; its routes and the router's `prefix` add up.
      calls: [...VERBS, 'use'],
      routeArg: 0,
      methodFromCall: true,
      mountCalls: ['use'],
      prefixKeys: ['prefix'],
      entry: 'koa-route',
    },
    // Application middleware runs on every request: `app.use(async (ctx, next) => ...)`.
    { clients: [{ module: 'koa', path: 'new()' }, { module: 'koa', path: 'default.new()' }], calls: ['use'], entry: 'koa-middleware' },
  ],
});
