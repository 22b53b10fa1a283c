// https://fastify.dev/docs/latest/Reference/Routes/
import { defineFramework } from '../define.js';

const VERBS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all'];

// `Fastify()` / `fastify()` from the default export, `{ fastify }` named, `require('fastify')()`;
// plugins receive the instance as a parameter typed `FastifyInstance`.
const INSTANCE = [{ path: '()' }, { path: 'fastify.()' }, { path: 'default.()' }, { path: 'FastifyInstance.new()' }];

export default defineFramework({
  id: 'fastify',
  name: 'Fastify',
  docs: 'https://fastify.dev/docs/latest/Reference/Routes/',
  packages: ['fastify'],
  // https://fastify.dev/docs/latest/Reference/Plugins/: a plugin (`FastifyPluginAsync`, loaded by
  // @fastify/autoload or `register`) receives the instance as its first parameter.
  typedFunctions: ['FastifyPluginAsync', 'FastifyPluginCallback', 'FastifyPluginAsyncTypebox', 'FastifyPluginAsyncZod'].map((type) => ({
    type, module: 'fastify', param: 0, value: 'FastifyInstance.new()',
  })),
  registrations: [
    // Shorthand: `app.post(url, [options], handler)`; `withTypeProvider<T>()` returns the same instance.
    {
      clients: INSTANCE,
      calls: [...VERBS, ...VERBS.map((v) => `withTypeProvider.().${v}`)],
      routeArg: 0,
      methodFromCall: true,
      // https://fastify.dev/docs/latest/Reference/Routes/#routes-options: a `function` handler's `this`
      // is the instance, so `this.prisma` reads a decoration.
      handlerThis: true,
      entry: 'fastify-route',
    },
    // `app.register(plugin, { prefix: '/api' })` (https://fastify.dev/docs/latest/Reference/Plugins/#route-prefixing-option):
    // the routes the plugin registers on its instance parameter are under the prefix. The plugin is
    // handed the instance, so an untyped `module.exports = async function (fastify) { ... }` registers on it.
    {
      clients: INSTANCE,
      calls: ['register'],
      pluginCalls: ['register'],
      prefixKeys: ['prefix'],
      handlerParams: [{ index: 0, receiver: true }],
      entry: 'fastify-route',
    },
    // Full declaration: `app.route({ method, url, handler })`.
    {
      clients: INSTANCE,
      calls: ['route', 'withTypeProvider.().route'],
      handlerKeys: ['handler'],
      routeKeys: ['url', 'path'],
      methodKeys: ['method'],
      entry: 'fastify-route',
    },
  ],
  // https://fastify.dev/docs/latest/Reference/Decorators/: `fastify.decorate('prisma', prisma)` in a
  // plugin, read as `fastify.prisma` in the routes, or as `request.server.prisma` in a handler kept
  // apart from its plugin (https://fastify.dev/docs/latest/Reference/Request/: `server`, the instance).
  contextValues: [
    { set: ['decorate'], setOn: 'app', bag: null, via: 'server' },
    // `fastify.decorateRequest('db', pool)`: every request carries it, read as `request.db` in a handler.
    { set: ['decorateRequest'], setOn: 'app', onRequest: true },
  ],
});
