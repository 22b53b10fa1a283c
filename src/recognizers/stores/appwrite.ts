// https://appwrite.io/docs/references/cloud/server-nodejs/databases
import { defineStore } from '../define.js';

// The Databases service of the server SDK (and of the web SDK `appwrite`, same calls, used in
// SSR loaders and actions): `new Databases(client)`, then documents by database id,
// collection id and document id, positional (`createDocument(db, 'bookings', ID.unique(), data)`)
// or as one object (`createDocument({ databaseId, collectionId, documentId, data })`). The
// collection id is the entity; apps often keep it in a constant or an env variable named after it
// (`process.env.APPWRITE_COLLECTION_BOOKINGS`). A missing document throws (AppwriteException 404).
export default defineStore({
  id: 'appwrite',
  name: 'Appwrite Databases',
  docs: 'https://appwrite.io/docs/references/cloud/server-nodejs/databases',
  packages: ['node-appwrite', 'appwrite'],
  clients: ['node-appwrite', 'appwrite'].map((module) => ({ module, path: 'Databases.new()' })),
  writes: [
    { call: 'createDocument', entity: ['args', 'field:collectionId'], setsArg: 3 },
    { call: 'upsertDocument', entity: ['args', 'field:collectionId'], setsArg: 3 },
  ],
  reads: [{ call: 'getDocument', entity: ['args', 'field:collectionId'], guard: 'throws' }],
  updates: [
    { call: 'updateDocument', entity: ['args', 'field:collectionId'], setsArg: 3 },
    { call: 'deleteDocument', entity: ['args', 'field:collectionId'], deletes: true },
  ],
  example: "const booking = await databases.createDocument(DATABASE_ID, BOOKINGS_COLLECTION_ID, ID.unique(), { ...input, status: 'pending' });",
  updateExample: 'await databases.updateDocument(DATABASE_ID, BOOKINGS_COLLECTION_ID, {id}, { {field}: {value} });',
});
