// https://supabase.com/docs/reference/javascript/insert
import { defineStore } from '../define.js';

export default defineStore({
  id: 'supabase',
  name: 'Supabase',
  docs: 'https://supabase.com/docs/reference/javascript/insert',
  // Deno loads the client from esm.sh / `npm:` (the package name) or from JSR (`jsr:@supabase/supabase-js`).
  packages: ['@supabase/supabase-js', 'jsr:@supabase/supabase-js', '@supabase/ssr'],
  clients: [
    ...['@supabase/supabase-js', 'jsr:@supabase/supabase-js'].flatMap((module) => [
      { module, path: 'createClient.()' },
      { module, path: 'SupabaseClient.new()' },
    ]),
    { module: '@supabase/ssr', path: 'createServerClient.()' },
    { module: '@supabase/ssr', path: 'createBrowserClient.()' },
  ],
  passthrough: ['schema'],
  writes: [
    { call: 'from.().insert', entity: ['chain'] },
    { call: 'from.().upsert', entity: ['chain'] },
    // A database function named after the booking (`create_booking`) is taken to insert one.
    { call: 'rpc', entity: ['function', 'args'] },
  ],
  // With `.single()` a missing row is an `error` and a null `data`; with `.maybeSingle()` a null `data`.
  // Without either, `data` is an array, truthy even when empty: no guard.
  reads: [
    {
      call: 'from.().select',
      entity: ['chain'],
      guard: ['null', 'error'],
      guardRequires: { null: ['single', 'maybeSingle'], error: ['single'] },
      // `select('*, booking:bookings!inner(id, status)')` reads the slot's booking too.
      embeds: 0,
    },
  ],
  updates: [
    // `.update({...}).eq('id', id).select().single()` gives back the changed row, an error when none matched.
    { call: 'from.().update', entity: ['chain'], guard: ['null', 'error'], guardRequires: { null: ['single', 'maybeSingle'], error: ['single'] } },
    { call: 'from.().delete', entity: ['chain'], deletes: true },
  ],
  // Filters follow the operation: `.update({...}).eq('id', id)`, `.delete().match({ id })`.
  filterCalls: ['eq', 'match', 'in', 'is', 'filter'],
  example: "const { data: booking, error } = await supabase.from('bookings').insert({ ...input, status: 'pending' }).select().single();",
  updateExample: "await supabase.from('bookings').update({ {field}: {value} }).eq('id', {id});",
});
