// https://svelte.dev/docs/kit/routing#server
import { defineFramework } from '../define.js';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'fallback'];

export default defineFramework({
  id: 'sveltekit',
  name: 'SvelteKit',
  docs: 'https://svelte.dev/docs/kit/routing#server',
  packages: ['@sveltejs/kit'],
  // https://svelte.dev/docs/kit/hooks#Server-hooks-handle: a hook's `event.locals.pb`, read as `locals.pb`.
  requestBags: ['locals'],
  routeFiles: [
    { glob: '**/src/routes/**/+server.{ts,js}', exports: METHODS, entry: 'sveltekit-route' },
    // https://svelte.dev/docs/kit/form-actions: `export const actions = { default: ..., book: ... }`,
    // an object of functions: each is an entry point. Only a same-origin form POST reaches one
    // (https://svelte.dev/docs/kit/configuration#csrf), so a payment's cancel_url never does.
    { glob: '**/src/routes/**/+page.server.{ts,js}', exports: ['actions'], entry: 'sveltekit-action', ownFormsOnly: true },
    { glob: '**/src/routes/**/+{page,layout}.server.{ts,js}', exports: ['load'], entry: 'sveltekit-load' },
  ],
  // https://svelte.dev/docs/kit/remote-functions: `export const book = command(schema, async (input) => ...)`
  // in a `*.remote.ts` file runs on the server each time the browser calls it; so do `form`, `query`
  // and `prerender` functions.
  registrations: [{ clients: [{ module: '$app/server', path: '' }], calls: ['command', 'form', 'query', 'query.batch', 'prerender'], entry: 'sveltekit-remote' }],
  // https://svelte.dev/docs/kit/configuration#alias: `$lib` is defined in the generated (and usually
  // ignored) .svelte-kit/tsconfig.json.
  aliases: { $lib: 'src/lib' },
  // https://svelte.dev/docs/kit/@sveltejs-kit#error and #redirect: both throw.
  aborts: [{ path: 'error' }, { path: 'redirect' }],
});
