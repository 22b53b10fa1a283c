// https://remix.run/docs/en/main/route/action
import { defineFramework } from '../define.js';

// Route modules of Remix v2 and of its successor React Router v7 (framework mode,
// https://reactrouter.com/start/framework/actions): `action` answers POST/PUT/PATCH/DELETE,
// `loader` answers GET. `clientAction` / `clientLoader` run in the browser and are left out.
const ROUTE_MODULE = '{ts,tsx,js,jsx,mts,mjs}';

export default defineFramework({
  id: 'remix',
  name: 'Remix / React Router (framework mode)',
  docs: 'https://remix.run/docs/en/main/route/action',
  packages: [
    '@remix-run/node', '@remix-run/cloudflare', '@remix-run/deno', '@remix-run/server-runtime', '@remix-run/react',
    'react-router', '@react-router/node', '@react-router/cloudflare', '@react-router/dev',
  ],
  // https://reactrouter.com/how-to/middleware#migration-from-apploadcontext (and Remix's server
  // adapters): what the server's `getLoadContext` returns is every loader's and action's `context`.
  contextValues: { set: [], setOn: 'app', bag: 'context', returnedBy: 'getLoadContext' },
  routeFiles: [
    { glob: `**/app/routes/**/*.${ROUTE_MODULE}`, exports: ['action'], entry: 'remix-action', routeStyle: 'remix' },
    { glob: `**/app/routes/**/*.${ROUTE_MODULE}`, exports: ['loader'], entry: 'remix-loader', routeStyle: 'remix' },
    { glob: `**/app/root.${ROUTE_MODULE}`, exports: ['loader'], entry: 'remix-loader', routeStyle: 'remix' },
  ],
  // https://remix.run/docs/en/main/file-conventions/vite-config#appdirectory (and remix.config.js's,
  // React Router 7's react-router.config.ts): the app folder, `app` unless the config names another.
  appFolder: { configs: '**/{remix,vite,react-router}.config.{js,cjs,mjs,ts,mts,cts}', key: 'appDirectory', folder: 'app' },
  entryMethods: { 'remix-loader': 'GET', 'remix-action': 'POST' },
  // https://reactrouter.com/start/framework/routing: `app/routes.ts` names each route module and its path.
  routeConfigs: [{
    module: '@react-router/dev/routes',
    calls: { route: { path: 0, file: 1 }, index: { file: 0 }, layout: { file: 0 }, prefix: { path: 0 } },
    conventions: [{ module: '@react-router/fs-routes', call: 'flatRoutes', folderOption: 'rootDirectory', folder: 'routes' }],
    exports: { action: 'remix-action', loader: 'remix-loader' },
  }],
  // https://remix.run/docs/en/main/file-conventions/remix-config#routes (also the Vite plugin's
  // `remix({ routes })` option): `route(path, file, options?, children?)` with files from `app/`;
  // https://github.com/kiliman/remix-flat-routes routes a folder of `app/` handed `defineRoutes`.
  routeDefiners: [{
    configs: '**/{remix,vite}.config.{js,cjs,mjs,ts,mts,cts}',
    key: 'routes',
    folder: 'app',
    route: { path: 0, file: 1 },
    conventions: [{ module: 'remix-flat-routes', call: 'flatRoutes', folderArg: 0 }],
    exports: { action: 'remix-action', loader: 'remix-loader' },
  }, {
    // https://reactrouter.com/upgrading/remix#5-add-a-routests-file: React Router 7's `app/routes.ts`
    // keeps a Remix `routes` function through an adapter, files from its own folder.
    configs: '**/app/routes.{js,mjs,ts,mts}',
    adapters: [
      { module: '@react-router/remix-routes-option-adapter', call: 'remixRoutesOptionAdapter' },
      { module: '@react-router/remix-config-routes-adapter', call: 'remixConfigRoutes' },
    ],
    folder: '',
    route: { path: 0, file: 1 },
    conventions: [{ module: 'remix-flat-routes', call: 'flatRoutes', folderArg: 0 }],
    exports: { action: 'remix-action', loader: 'remix-loader' },
  }],
});
