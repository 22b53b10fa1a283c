// https://docs.strapi.io/cms/backend-customization/controllers
import type { ClientPattern, HandlerParam } from '../define.js';
import { defineFramework } from '../define.js';
import { STRAPI_INSTANCE } from '../stores/strapi.js';

// `factories.createCoreController(uid, ({ strapi }) => ({ ...actions }))` (v4: `require('@strapi/strapi').factories`).
const FACTORIES: ClientPattern[] = [{ module: '@strapi/strapi', path: 'factories' }, { module: '@strapi/strapi', path: 'default.factories' }, { module: '@strapi/strapi', path: '' }];

/** What Strapi hands the functions it calls to build a controller or service: `{ strapi }`, the instance. */
const STRAPI_PARAM: HandlerParam[] = [{ index: 0, fields: { strapi: { module: '@strapi/strapi', path: 'Strapi.new()' } } }];

export default defineFramework({
  id: 'strapi',
  name: 'Strapi',
  docs: 'https://docs.strapi.io/cms/backend-customization/controllers',
  packages: ['@strapi/strapi'],
  // A controller's actions answer the routes that name them (`handler: 'booking.checkout'`); a
  // controller is the default export of `src/api/<api>/controllers/<name>`, an object of actions or
  // what its factory returns.
  routeFiles: [{
    glob: '**/src/api/*/controllers/*.{js,ts}',
    exports: ['default'],
    commonJs: true,
    entry: 'strapi-controller',
    // https://docs.strapi.io/cms/backend-customization/routes#creating-custom-routers: a handler is
    // `<controller>.<action>` of the routes file's own API, or `api::<api>.<controller>.<action>`;
    // the Content API serves them below `/api`.
    routeTable: {
      files: '**/src/api/*/routes/*.{js,ts}', list: 'routes', pathKey: 'path', methodKey: 'method', handlerKey: 'handler', prefix: '/api',
      handlers: [
        { key: '^api::([\\w-]+)\\.([\\w-]+)\\.([\\w-]+)$', file: '{dir}/../../$1/controllers/$2', action: '$3' },
        { key: '^([\\w-]+)\\.([\\w-]+)$', file: '{dir}/../controllers/$1', action: '$2' },
      ],
      // https://docs.strapi.io/cms/backend-customization/routes#configuring-core-routers: a core
      // router serves a collection type's five actions below its plural name.
      coreRouters: {
        calls: ['createCoreRouter'],
        key: '^api::([\\w-]+)\\.([\\w-]+)$',
        file: '{dir}/../../$1/controllers/$2',
        schema: 'api/$1/content-types/$2/schema.json',
        actions: [
          { action: 'find', method: 'GET', path: '/{plural}' },
          { action: 'findOne', method: 'GET', path: '/{plural}/:id' },
          { action: 'create', method: 'POST', path: '/{plural}' },
          { action: 'update', method: 'PUT', path: '/{plural}/:id' },
          { action: 'delete', method: 'DELETE', path: '/{plural}/:id' },
        ],
      },
    },
  }],
  // The factories run their function once, handing it the instance: what it returns is the controller or service.
  inline: [{
    clients: FACTORIES,
    calls: ['createCoreController', 'createCoreService'],
    params: STRAPI_PARAM,
  }],
  // A controller or service may also be a function Strapi calls once with `{ strapi }` (v4's plain
  // `module.exports = ({ strapi }) => ({ ... })`): what it returns is the controller or service.
  moduleFactories: [{ files: '**/src/api/*/{controllers,services}/*.{js,ts}', params: STRAPI_PARAM }],
  // `strapi.service('api::booking.payment')` is the default export of `src/api/booking/services/payment`
  // (https://docs.strapi.io/cms/backend-customization/services#usage).
  keyedModules: [
    { clients: STRAPI_INSTANCE, calls: ['service'], arg: 0, key: '^api::([\\w-]+)\\.([\\w-]+)$', file: 'src/api/$1/services/$2' },
    { clients: STRAPI_INSTANCE, calls: ['controller'], arg: 0, key: '^api::([\\w-]+)\\.([\\w-]+)$', file: 'src/api/$1/controllers/$2' },
  ],
});
