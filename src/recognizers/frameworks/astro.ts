// https://docs.astro.build/en/guides/endpoints/
import { defineFramework } from '../define.js';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'ALL'];

export default defineFramework({
  id: 'astro',
  name: 'Astro endpoints',
  docs: 'https://docs.astro.build/en/guides/endpoints/',
  packages: ['astro'],
  routeFiles: [{ glob: '**/src/pages/**/*.{ts,js,mts,mjs}', exports: METHODS, entry: 'astro-route' }],
});
