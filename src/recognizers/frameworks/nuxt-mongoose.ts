// https://nuxt.com/modules/mongoose
import { defineFramework } from '../define.js';

// The nuxt-mongoose module auto-imports the models of `server/models/` (its `modelsDir` default)
// into server code: a route uses `Booking.create()` with no import. The models themselves are
// `defineMongooseModel(...)` from `#nuxt/mongoose`, a client of the mongoose store recognizer.
export default defineFramework({
  id: 'nuxt-mongoose',
  name: 'Nuxt Mongoose module',
  docs: 'https://nuxt.com/modules/mongoose',
  packages: ['nuxt-mongoose'],
  autoImports: [{ files: 'server/**', from: ['server/models/**'] }],
});
