// https://pocketbase.io/docs/api-records/
import { defineStore } from '../define.js';

// The JS SDK: `new PocketBase(url)`, then records by collection (`pb.collection('bookings')`). The
// collection name is the entity. `getOne(id)` and `getFirstListItem(filter)` reject with a 404
// ClientResponseError when no record matches; `update(id, data)` changes the record with that id.
export default defineStore({
  id: 'pocketbase',
  name: 'PocketBase',
  docs: 'https://pocketbase.io/docs/api-records/',
  packages: ['pocketbase'],
  clients: [{ module: 'pocketbase', path: 'default.new()' }, { module: 'pocketbase', path: 'new()' }, { module: 'pocketbase', path: 'Client.new()' }],
  writes: [{ call: 'collection.().create', entity: ['chain'] }],
  reads: [
    { call: 'collection.().getOne', entity: ['chain'], guard: 'throws' },
    { call: 'collection.().getFirstListItem', entity: ['chain'], guard: 'throws' },
  ],
  updates: [
    { call: 'collection.().update', entity: ['chain'], setsArg: 1, idArg: { arg: 0, field: 'id' } },
    { call: 'collection.().delete', entity: ['chain'], deletes: true, idArg: { arg: 0, field: 'id' } },
  ],
  example: "const booking = await pb.collection('bookings').create({ ...input, status: 'pending' });",
  updateExample: "await pb.collection('bookings').update({id}, { {field}: {value} });",
});
