// https://docs.astro.build/en/guides/endpoints/
import { defineFramework } from '../define.js';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'ALL'];

export default defineFramework({
  id: 'astro',
  name: 'Astro endpoints',
  docs: 'https://docs.astro.build/en/guides/endpoints/',
  packages: ['astro'],
  // https://docs.astro.build/en/guides/middleware/#storing-data-in-contextlocals
  requestBags: ['locals'],
  routeFiles: [
    { glob: '**/src/pages/**/*.{ts,js,mts,mjs}', exports: METHODS, entry: 'astro-route' },
    // https://docs.astro.build/en/guides/on-demand-rendering/: a page's frontmatter runs on the
    // server for each request, and may read a posted form and redirect (`return Astro.redirect(url)`).
    { glob: '**/src/pages/**/*.astro', exports: [], entry: 'astro-page', module: true },
  ],
});
