// https://firebase.google.com/docs/firestore/manage-data/add-data
import { defineStore, type EntitySource } from '../define.js';

// Admin SDK (`admin.firestore()`, `getFirestore()`, `new Firestore()`) chains from the database;
// the web modular SDK (`firebase/firestore`) takes references as arguments of module functions.
// `set(data, { merge: true })` changes the fields it names on a document that may already exist.
const MERGE = { arg: 1, keys: ['merge', 'mergeFields'] };
const MERGE_AFTER_REF = { arg: 2, keys: ['merge', 'mergeFields'] };
// The calls that narrow a query: its `get()` reads the documents matched, not one by its id.
const QUERY_STEPS = ['where', 'limit', 'limitToLast', 'orderBy', 'offset', 'select', 'startAt', 'startAfter', 'endAt', 'endBefore'];

export default defineStore({
  id: 'firestore',
  name: 'Cloud Firestore',
  docs: 'https://firebase.google.com/docs/firestore/manage-data/add-data',
  packages: ['firebase-admin', '@google-cloud/firestore', 'firebase', '@firebase/firestore'],
  clients: [
    { module: 'firebase-admin', path: 'firestore.()' },
    { module: 'firebase-admin', path: 'app.().firestore.()' },
    { module: 'firebase-admin', path: 'getFirestore.()' },
    // `initializeApp().firestore()` / `getApp().firestore()` from firebase-admin/app.
    { module: 'firebase-admin/app', path: 'initializeApp.().firestore.()' },
    { module: 'firebase-admin/app', path: 'getApp.().firestore.()' },
    { module: '@google-cloud/firestore', path: 'Firestore.new()' },
    // A value typed `Firestore` (`firebase-admin/firestore`, or `admin.firestore.Firestore`).
    { module: 'firebase-admin', path: 'Firestore.new()' },
    { module: 'firebase-admin', path: 'firestore.Firestore.new()' },
    { module: 'firebase/firestore', path: '' },
    // v8 namespaced / compat API: `firebase.firestore().collection('bookings').add(...)`.
    { module: 'firebase/compat/app', path: 'firestore.()' },
    { module: '@firebase/firestore', path: '' },
  ],
  // The record written through a document reference is that reference (`ref.id` is the booking's id).
  writes: [
    { call: 'collection.().**.add', entity: ['chain'] },
    { call: 'collection.().**.doc.().set', entity: ['chain'], record: 'receiver', updatesWith: MERGE },
    { call: 'collection.().**.doc.().create', entity: ['chain'], record: 'receiver' },
    { call: 'doc.().set', entity: ['chain'], record: 'receiver', updatesWith: MERGE },
    { call: 'doc.().create', entity: ['chain'], record: 'receiver' },
    // Transaction and batch writes take a document reference and are queued synchronously; they
    // commit with `runTransaction` (awaited by the caller) or `batch.commit()`, taken as done when queued.
    { call: 'runTransaction.set', entity: ['args'], record: 'arg0', sync: true, updatesWith: MERGE_AFTER_REF },
    { call: 'runTransaction.create', entity: ['args'], record: 'arg0', sync: true },
    { call: 'batch.().set', entity: ['args'], record: 'arg0', sync: true, updatesWith: MERGE_AFTER_REF },
    { call: 'batch.().create', entity: ['args'], record: 'arg0', sync: true },
    { call: 'writeBatch.().set', entity: ['args'], record: 'arg0', sync: true, updatesWith: MERGE_AFTER_REF },
    { call: 'addDoc', entity: ['args'] },
    { call: 'setDoc', entity: ['args'], record: 'arg0', updatesWith: MERGE_AFTER_REF },
  ],
  // A snapshot is never null: `snap.exists` (admin) or `snap.exists()` (web) says whether the document is there.
  reads: [
    { call: 'collection.().**.doc.().get', entity: ['chain'], guard: ['exists', 'data'] },
    { call: 'doc.().get', entity: ['chain'], guard: ['exists', 'data'] },
    // Handed a query (`tx.get(col.where(...))`), it reads a snapshot of the matches: `empty` when none.
    { call: 'runTransaction.get', entity: ['args'], guard: ['exists', 'data', 'empty'] },
    { call: 'getDoc', entity: ['args'], guard: ['exists', 'data'] },
    // A query (`where(...).limit(1).get()`) finds a snapshot of the documents it matched: `empty` when none.
    ...QUERY_STEPS.flatMap((q) => [
      { call: `collection.().**.${q}.().get`, entity: ['chain'] as EntitySource[], guard: 'empty' as const },
      { call: `collectionGroup.().**.${q}.().get`, entity: ['chain'] as EntitySource[], guard: 'empty' as const },
    ]),
    { call: 'getDocs', entity: ['args'], guard: 'empty' },
  ],
  updates: [
    { call: 'collection.().**.doc.().update', entity: ['chain'] },
    { call: 'collection.().**.doc.().delete', entity: ['chain'], deletes: true },
    // `add()` resolves to the new document's reference: `const ref = await col.add(...); await ref.update(...)`.
    { call: 'collection.().**.add.().update', entity: ['chain'] },
    { call: 'collection.().**.add.().delete', entity: ['chain'], deletes: true },
    // A document a query or read found, changed through its snapshot's `ref`:
    // `for (const doc of snap.docs) await doc.ref.update(...)`, `snap.docs[0].ref.delete()`.
    { call: 'collection.().**.get.().**.ref.update', entity: ['chain'] },
    { call: 'collection.().**.get.().**.ref.delete', entity: ['chain'], deletes: true },
    { call: 'collectionGroup.().**.get.().**.ref.update', entity: ['chain'] },
    { call: 'collectionGroup.().**.get.().**.ref.delete', entity: ['chain'], deletes: true },
    { call: 'runTransaction.update', entity: ['args'], sync: true },
    { call: 'runTransaction.delete', entity: ['args'], sync: true, deletes: true },
    { call: 'batch.().update', entity: ['args'], sync: true },
    { call: 'batch.().delete', entity: ['args'], sync: true, deletes: true },
    { call: 'writeBatch.().update', entity: ['args'], sync: true },
    { call: 'writeBatch.().delete', entity: ['args'], sync: true, deletes: true },
    { call: 'updateDoc', entity: ['args'] },
    { call: 'deleteDoc', entity: ['args'], deletes: true },
  ],
  // The callback's transaction is named after the call (`runTransaction.set`), apart from the
  // Realtime Database's module-level `set()` / `get()` in the same package.
  transactions: [{ call: 'runTransaction', param: 0, client: 'same' }],
  // https://firebase.google.com/docs/firestore/manage-data/transactions#batched-writes
  batches: ['batch', 'writeBatch'],
  // Collections the code names: `collection(db, 'bookings')`, `db.collection('bookings')`.
  entities: [
    { path: 'collection()', onClient: true, name: ['string'], table: ['string'] },
    { path: 'collectionGroup()', onClient: true, name: ['string'], table: ['string'] },
  ],
  example: "const ref = await db.collection('bookings').add({ ...input, status: 'pending' }); const booking = { id: ref.id };",
  updateExample: "await db.collection('bookings').doc({id}).update({ {field}: {value} });",
});
