// https://hapi.dev/api/#-serverrouteroute
import type { ClientPattern } from '../define.js';
import { defineFramework } from '../define.js';

// `Hapi.server({ port })` (`@hapi/hapi`, or the old `hapi` package), `new Hapi.Server()`; a value
// typed `Hapi.Server` or `Server` (a plugin's `register(server: Server)`).
const SERVER: ClientPattern[] = ['server.()', 'Server.new()', 'default.server.()'].map((path) => ({ path }));

export default defineFramework({
  id: 'hapi',
  name: 'hapi',
  docs: 'https://hapi.dev/api/#-serverrouteroute',
  packages: ['@hapi/hapi', 'hapi'],
  registrations: [
    // `server.route({ method: 'POST', path: '/bookings', handler })`, or an array of such route objects;
    // the handler may sit in the route's `options` (hapi 17+) or `config` (before), the path being the route's.
    {
      clients: SERVER,
      calls: ['route'],
      handlerKeys: ['handler'],
      routeKeys: ['path'],
      methodKeys: ['method'],
      optionPaths: ['', '[]', 'options', 'config', '[].options', '[].config'],
      routeScopeKeys: ['path'],
      entry: 'hapi-route',
    },
    // https://hapi.dev/api/#-await-serverregisterplugins-options: a plugin `{ name, register }` (or a
    // module exporting it as `plugin`, or `{ plugin, routes: { prefix } }`) registers its routes on the
    // server it is handed, below the prefix of `routes.prefix`.
    {
      clients: SERVER,
      calls: ['register'],
      pluginCalls: ['register'],
      prefixKeys: ['routes.prefix'],
      handlerKeys: ['register'],
      optionPaths: ['', 'plugin', 'plugin.plugin', '[]', '[].plugin', '[].plugin.plugin'],
      handlerParams: [{ index: 0, receiver: true }],
      entry: 'hapi-route',
    },
  ],
  contextValues: [
    // https://hapi.dev/api/#-serverdecoratetype-property-method-options: `server.decorate('server',
    // 'stripe', stripe)` read as `server.stripe` or `request.server.stripe`; `server.decorate('request',
    // 'db', pool)` read as `request.db` in a handler.
    { set: ['decorate'], setOn: 'instance', decorates: 'server', bag: null, via: 'server' },
    { set: ['decorate'], setOn: 'instance', decorates: 'request', onRequest: true },
    // https://hapi.dev/api/#-serverapp: `server.app.db = pool`, the application's run-time data, read
    // as `request.server.app.db`.
    { set: [], setOn: 'instance', assignedOn: 'app', bag: 'app', via: 'server' },
  ],
});
