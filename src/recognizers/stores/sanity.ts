// https://www.sanity.io/docs/js-client
import { defineStore } from '../define.js';

// Documents carry their type in the payload (`{ _type: 'booking', ... }`); the engine reads entity
// names from arguments, so a document is recognized by the name of the variable that holds it.
export default defineStore({
  id: 'sanity',
  name: 'Sanity',
  docs: 'https://www.sanity.io/docs/js-client',
  // `sanity` (the Studio) declares the document types: `defineType({ name: 'booking', type: 'document' })`.
  packages: ['@sanity/client', 'next-sanity', 'sanity'],
  // v5+ `createClient(config)`; older releases export the factory as the default (`sanityClient(config)`).
  clients: [{ path: 'createClient.()' }, { module: '@sanity/client', path: '()' }, { module: '@sanity/client', path: 'default.()' }],
  passthrough: ['withConfig'],
  writes: [
    { call: 'create', entity: ['field:_type', 'args'] },
    { call: 'createOrReplace', entity: ['field:_type', 'args'] },
    { call: 'createIfNotExists', entity: ['field:_type', 'args'] },
    // Queued on a transaction, written by its `commit()` (the end of the same chain).
    { call: 'transaction.().create', entity: ['field:_type', 'args'] },
    { call: 'transaction.().createOrReplace', entity: ['field:_type', 'args'] },
    { call: 'transaction.().createIfNotExists', entity: ['field:_type', 'args'] },
  ],
  // `getDocument(id)` resolves to undefined for a missing id.
  // `fetch(query, params)` reads the documents a GROQ query selects: one (`[0]`) is null when none matches.
  reads: [{ call: 'getDocument', entity: ['args'], guard: 'null' }, { call: 'fetch', entity: ['groq'], guard: 'null' }],
  // `patch(id).set({...}).setIfMissing({...}).commit()`: the fields the patch writes.
  setCalls: ['set', 'setIfMissing'],
  updates: [
    { call: 'patch.().**.commit', entity: ['chain'] },
    { call: 'delete', entity: ['args'], deletes: true },
  ],
  entities: [{ module: 'sanity', path: 'defineType()', name: ['arg:0.name'], table: ['arg:0.name'], when: { place: 'arg:0.type', equals: ['document'] } }],
  example: "const booking = await client.create({ _type: 'booking', ...input, status: 'pending' });",
  updateExample: "await client.patch({id}).set({ {field}: {value} }).commit();",
});
