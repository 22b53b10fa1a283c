// https://payloadcms.com/docs/local-api/overview
import { defineStore } from '../define.js';

// The Local API: every operation takes one options object whose `collection` names the collection
// slug (`payload.create({ collection: 'bookings', data })`), so the entity is that payload field.
export default defineStore({
  id: 'payload',
  name: 'Payload CMS',
  docs: 'https://payloadcms.com/docs/local-api/overview',
  packages: ['payload'],
  clients: [
    // v3: `const payload = await getPayload({ config })`; v3 betas in Next.js: `getPayloadHMR({ config })`.
    { module: 'payload', path: 'getPayload.()' },
    { module: '@payloadcms/next/utilities', path: 'getPayloadHMR.()' },
    // The Better Auth plugin's getters hand back the same instance with `betterAuth` on it.
    ...['payload-auth', 'payload-auth/better-auth', 'payload-auth/better-auth/plugin', '@payload-auth/better-auth-plugin'].flatMap((module) => [
      { module, path: 'getPayloadAuth.()' },
      { module, path: 'getPayloadWithAuth.()' },
    ]),
    // v2: the default export, initialized once by `payload.init(...)` in the server and imported
    // (or required) everywhere else.
    { module: 'payload', path: '' },
    // A value of Payload's types: `payload: Payload`, and `req.payload` of a handler parameter typed
    // `PayloadRequest` (endpoints, hooks, access control). An untyped `req` of an endpoint declared in
    // a config object (`endpoints: [{ handler: async (req) => ... }]`) gets this value from the
    // `payload-endpoints` framework recognizer.
    { module: 'payload', path: 'Payload.new()' },
    { module: 'payload', path: 'BasePayload.new()' },
    { module: 'payload', path: 'PayloadRequest.new().payload' },
  ],
  writes: [{ call: 'create', entity: ['field:collection'] }],
  // `findByID` throws NotFound for a missing id unless called with `disableErrors: true`, when it
  // resolves to null instead. A guard cannot depend on an option, so both kinds are declared: a
  // `disableErrors: true` read that is never checked still counts as evidence.
  // `find` resolves to `{ docs, totalDocs }` whether or not anything matched: no guard.
  reads: [
    { call: 'findByID', entity: ['field:collection'], guard: ['throws', 'null'] },
    { call: 'find', entity: ['field:collection'] },
  ],
  // `update` takes an `id` (one document) or a `where` (many); `delete` the same.
  updates: [
    { call: 'update', entity: ['field:collection'] },
    { call: 'delete', entity: ['field:collection'], deletes: true },
  ],
  example: "const booking = await payload.create({ collection: 'bookings', data: { ...input, status: 'pending' } });",
  updateExample: "await payload.update({ collection: 'bookings', id: {id}, data: { {field}: {value} } });",
});
