// https://nuxt.com/docs/guide/directory-structure/server
import { defineFramework } from '../define.js';

// Nitro's file routes (Nuxt `server/`, standalone Nitro `routes/` and `api/` under its srcDir):
// the default export is `defineEventHandler(fn)` (or `eventHandler`, `defineCachedEventHandler`,
// usually auto-imported), and wrappers are unwrapped to the function they hold. A method suffix
// (`checkout.post.ts`) narrows the method; `server/middleware/` runs on every request.
const SOURCE = '{ts,js,mts,mjs}';

export default defineFramework({
  id: 'nuxt',
  name: 'Nuxt / Nitro server routes',
  docs: 'https://nuxt.com/docs/guide/directory-structure/server',
  packages: ['nuxt', 'nitropack', 'nitro', 'h3'],
  // https://h3.unjs.io/guide/event#eventcontext: a server middleware's `event.context.prisma`.
  requestBags: ['context'],
  routeFiles: [
    { glob: `**/server/api/**/*.${SOURCE}`, exports: ['default'], entry: 'nuxt-route', routeStyle: 'nitro' },
    { glob: `**/server/routes/**/*.${SOURCE}`, exports: ['default'], entry: 'nuxt-route', routeStyle: 'nitro' },
  ],
  // https://nuxt.com/docs/api/nuxt-config#alias: `~` / `@` are the source dir, `~~` / `@@` the root
  // (Nuxt 3: the same folder), defined in the generated .nuxt/tsconfig.json.
  aliases: { '~~': '', '@@': '', '~': '', '@': '' },
  // https://nuxt.com/docs/guide/directory-structure/server#server-utilities: server/utils exports are auto-imported in server code.
  autoImports: [{ files: 'server/**', from: ['server/utils/**'] }],
  // https://h3.dev/utils/response#sendredirectevent-location-code: `throw createError(...)` is a
  // plain throw; `sendRedirect` returns a promise and does not abort.
});
