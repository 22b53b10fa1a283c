// https://payloadcms.com/docs/rest-api/overview#custom-endpoints
import { defineFramework } from '../define.js';

// The Local API is the `payload` store recognizer; this one finds the custom REST endpoints.
export default defineFramework({
  id: 'payload-endpoints',
  name: 'Payload CMS endpoints',
  docs: 'https://payloadcms.com/docs/rest-api/overview#custom-endpoints',
  packages: ['payload'],
  registrations: [
    // `buildConfig({ endpoints: [{ path, method, handler }], collections: [Bookings] })` (from 'payload'
    // in v3, 'payload/config' in v2): root endpoints serve `/api{path}`, a collection's serve
    // `/api/{slug}{path}`; collection configs are usually objects exported from their own files.
    {
      clients: [{ path: '' }],
      calls: ['buildConfig'],
      handlerKeys: ['handler'],
      routeKeys: ['path'],
      methodKeys: ['method'],
      optionPaths: ['endpoints.[]', 'collections.[].endpoints.[]', 'globals.[].endpoints.[]'],
      routeScopeKeys: ['slug'],
      // The handler's request is a PayloadRequest whether or not it is typed: `req.payload` is the
      // Local API (`req.payload.create({ collection: 'bookings', data })`).
      handlerParams: [{ index: 0, fields: { payload: { module: 'payload', path: 'Payload.new()' } } }],
      entry: 'payload-endpoint',
    },
  ],
});
