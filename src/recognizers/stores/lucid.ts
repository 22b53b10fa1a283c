// https://lucid.adonisjs.com/docs/crud-operations
import { defineStore, type ClientPattern } from '../define.js';

// `class Booking extends BaseModel` (v6 `@adonisjs/lucid/orm`, v5 the IoC alias `@ioc:Adonis/Lucid/Orm`):
// the model's static calls and its instances' `save()` run on the base class, the model named by the receiver.
const BASE: ClientPattern[] = [{ module: '@adonisjs/lucid/orm', path: 'BaseModel' }, { module: '@ioc:Adonis/Lucid/Orm', path: 'BaseModel' }];

export default defineStore({
  id: 'lucid',
  name: 'Lucid (AdonisJS)',
  docs: 'https://lucid.adonisjs.com/docs/crud-operations',
  packages: ['@adonisjs/lucid'],
  clients: BASE,
  writes: [
    { call: 'create', entity: ['receiver'] },
    { call: 'createMany', entity: ['receiver'] },
    { call: 'firstOrCreate', entity: ['receiver'] },
    { call: 'updateOrCreate', entity: ['receiver'] },
    // `const booking = new Booking(); booking.fill(input); await booking.save()`.
    { call: 'new().save', entity: ['receiver'], record: 'receiver' },
  ],
  // https://lucid.adonisjs.com/docs/crud-operations#read: `find` resolves to null, `findOrFail` rejects.
  reads: [
    { call: 'find', entity: ['receiver'], guard: 'null' },
    { call: 'findBy', entity: ['receiver'], guard: 'null' },
    { call: 'findOrFail', entity: ['receiver'], guard: 'throws' },
    { call: 'findByOrFail', entity: ['receiver'], guard: 'throws' },
    { call: 'all', entity: ['receiver'] },
  ],
  updates: [
    { call: 'find.().save', entity: ['receiver'], record: 'receiver' },
    { call: 'findOrFail.().save', entity: ['receiver'], record: 'receiver' },
    { call: 'findOrFail.().merge.().save', entity: ['receiver'], record: 'receiver' },
    { call: 'find.().delete', entity: ['receiver'], record: 'receiver', deletes: true },
    { call: 'findOrFail.().delete', entity: ['receiver'], record: 'receiver', deletes: true },
    { call: 'query.().**.update', entity: ['receiver'] },
    { call: 'query.().**.delete', entity: ['receiver'], deletes: true },
  ],
  // `static table = 'reservations'` on the model names its table.
  entities: BASE.map((c) => ({ module: c.module, path: c.path, as: 'subclass' as const, name: ['class' as const], table: ['static:table' as const] })),
  example: "const booking = await Booking.create({ ...input, status: 'pending' });",
  updateExample: "await Booking.query().where('id', {id}).update({ {field}: {value} });",
});
