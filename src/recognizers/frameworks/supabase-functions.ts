// https://supabase.com/docs/guides/functions
import { defineFramework } from '../define.js';

// The resolver maps `https://deno.land/std@x/http/server.ts` to `deno:std/http/server` and
// `https://deno.land/x/sift@x/mod.ts` to `sift`.
const STD_HTTP = ['deno:std/http/server', 'deno:std/http/mod'];
// `supabase/functions/<name>/index.ts` serves `/functions/v1/<name>`: the entry is named `/<name>`.
const FUNCTION_FILES = ['**/functions/*/index.{ts,js,tsx,jsx,mts,mjs}'];

export default defineFramework({
  id: 'supabase-functions',
  name: 'Supabase Edge Functions (Deno)',
  docs: 'https://supabase.com/docs/guides/functions',
  packages: [...STD_HTTP, 'sift'],
  registrations: [
    // https://docs.deno.com/api/deno/~/Deno.serve: `Deno.serve(handler)`, `Deno.serve(options, handler)`.
    { clients: [{ global: 'Deno', path: '' }], calls: ['serve'], entry: 'edge-function', routeFromFile: FUNCTION_FILES },
    // https://deno.land/std@0.168.0/http/server.ts (deprecated, still in many Supabase functions).
    { clients: STD_HTTP.map((module) => ({ module, path: '' })), calls: ['serve', 'serveTls', 'listenAndServe'], entry: 'edge-function', routeFromFile: FUNCTION_FILES },
    // https://deno.land/x/sift: `serve({ '/path': handler })`; handlers inside the object are not unwrapped.
    { clients: [{ module: 'sift', path: '' }], calls: ['serve'], entry: 'edge-function' },
  ],
});
