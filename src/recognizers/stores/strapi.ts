// https://docs.strapi.io/cms/api/document-service
import type { ClientPattern } from '../define.js';
import { defineStore } from '../define.js';

// The Strapi instance: the global `strapi` every module of an app sees, the `{ strapi }` its
// factories hand their function (see the `strapi` framework recognizer), or a value typed `Core.Strapi`.
export const STRAPI_INSTANCE: ClientPattern[] = [
  { global: 'strapi', path: '' },
  { module: '@strapi/strapi', path: 'Strapi.new()' },
  { module: '@strapi/strapi', path: 'Core.Strapi.new()' },
];
const at = (path: string): ClientPattern[] => STRAPI_INSTANCE.map((c) => ({ ...c, path: [c.path, path].filter(Boolean).join('.') }));
// The core controller or service a factory makes for a content type, reached with `super` from the
// actions that extend it (`async create(ctx) { const response = await super.create(ctx); ... }`).
const CORE = ['factories', 'default.factories'].flatMap((f) => ['createCoreController.()', 'createCoreService.()'].map((c) => ({ module: '@strapi/strapi', path: `${f}.${c}` })));

// A content type is named by its UID (`api::booking.booking`): the first argument of the Entity
// Service's calls (v4), or of the call that makes the client (`strapi.documents(uid)` in v5, the
// Query Engine's `strapi.db.query(uid)`, v3's `strapi.query(name)`, a core service's `strapi.service(uid)`,
// the factory call that made the core controller or service `super` reaches).
export default defineStore({
  id: 'strapi',
  name: 'Strapi',
  docs: 'https://docs.strapi.io/cms/api/document-service',
  packages: ['@strapi/strapi', 'strapi'],
  clients: [...at('entityService'), ...at('documents.()'), ...at('db.query.()'), ...at('query.()'), ...at('service.()'), ...CORE],
  writes: [{ call: 'create', entity: ['chain', 'args'] }],
  // `findOne` resolves to null when no entry has the id (https://docs.strapi.io/cms/api/document-service#findone).
  reads: [
    { call: 'findOne', entity: ['chain', 'args'], guard: 'null' },
    { call: 'findFirst', entity: ['chain', 'args'], guard: 'null' },
    { call: 'findMany', entity: ['chain', 'args'] },
    { call: 'find', entity: ['chain', 'args'] },
  ],
  updates: [
    { call: 'update', entity: ['chain', 'args'] },
    { call: 'updateMany', entity: ['chain', 'args'] },
    { call: 'delete', entity: ['chain', 'args'], deletes: true },
    { call: 'deleteMany', entity: ['chain', 'args'], deletes: true },
  ],
  example: "const booking = await strapi.documents('api::booking.booking').create({ data: { ...input, state: 'pending' } });",
  updateExample: "await strapi.documents('api::booking.booking').update({ documentId: {id}, data: { {field}: {value} } });",
});
