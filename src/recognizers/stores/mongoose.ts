// https://mongoosejs.com/docs/api/model.html
import { defineStore, type EntityDeclaration, type StoreOperation } from '../define.js';

const MODEL: StoreOperation['entity'] = ['chain', 'types', 'receiver'];

// Every operation on a model from `model('Booking', schema)` / `Model<BookingDocument>`, and the
// same on `mongoose.models.Booking` (entity from the step after `models`).
function ops(list: StoreOperation[]): StoreOperation[] {
  return list.flatMap((op) => [op, { ...op, call: `*.${op.call}`, entity: ['wildcard'] }]);
}

export default defineStore({
  id: 'mongoose',
  name: 'Mongoose',
  docs: 'https://mongoosejs.com/docs/api/model.html',
  packages: ['mongoose'],
  clients: [
    { path: 'model.()' },
    { path: 'connection.model.()' },
    { path: 'createConnection.().model.()' },
    // NestJS: `@InjectModel(Booking.name) private model: Model<BookingDocument>`.
    { path: 'Model.new()' },
    { path: 'models' },
    // https://nuxt.com/modules/mongoose: `defineMongooseModel({ name, schema })` returns the model.
    { module: '#nuxt/mongoose', path: 'defineMongooseModel.()' },
    { module: 'nuxt-mongoose', path: 'defineMongooseModel.()' },
  ],
  // Before Mongoose 7, `doc.save((err, doc) => ...)` and `Model.create(data, (err, doc) => ...)`.
  completionCallbacks: true,
  writes: ops([
    { call: 'create', entity: MODEL },
    { call: 'insertMany', entity: MODEL },
    { call: 'new().save', entity: MODEL, record: 'receiver' },
    // A model called without `new` constructs the document all the same: `Booking({ ... }).save()`.
    { call: '().save', entity: MODEL, record: 'receiver' },
  ]).concat(
    // A booking kept inside its parent (`Workshop.findByIdAndUpdate(id, { $push: { bookings: {...} } })`)
    // is written when it is appended; only a booking-like array counts (see 'push' in define.ts).
    ['updateOne', 'findByIdAndUpdate', 'findOneAndUpdate'].map((call) => ({ call, entity: ['push'], setsArg: 1 })),
  ),
  reads: ops([
    { call: 'findById', entity: MODEL, guard: 'null' },
    { call: 'findOne', entity: MODEL, guard: 'null' },
    { call: 'findById.().orFail', entity: MODEL, guard: 'throws' },
    { call: 'findOne.().orFail', entity: MODEL, guard: 'throws' },
    // A list: never missing, so no guard; argument 0 tells which documents it found.
    { call: 'find', entity: MODEL, filterArg: 0 },
  ]),
  // `findOneAndUpdate(..., { upsert: true })` may insert, but only when nothing matched: not a pending booking write.
  // The filter is argument 0 (of deletes too: which documents go) and the changes argument 1; a document read and saved again
  // (`booking.status = 'cancelled'; await booking.save()`) is an update of that document.
  updates: ops([
    { call: 'updateOne', entity: MODEL, filterArg: 0, setsArg: 1 },
    { call: 'updateMany', entity: MODEL, filterArg: 0, setsArg: 1 },
    // Both give back the document, or null when nothing matched (`.orFail()` rejects instead):
    // checked, the booking they changed exists.
    { call: 'findByIdAndUpdate', entity: MODEL, idArg: { arg: 0, field: '_id' }, setsArg: 1, guard: 'null' },
    { call: 'findOneAndUpdate', entity: MODEL, filterArg: 0, setsArg: 1, guard: 'null' },
    { call: 'findByIdAndUpdate.().orFail', entity: MODEL, idArg: { arg: 0, field: '_id' }, setsArg: 1, guard: 'throws' },
    { call: 'findOneAndUpdate.().orFail', entity: MODEL, filterArg: 0, setsArg: 1, guard: 'throws' },
    { call: 'replaceOne', entity: MODEL, filterArg: 0, setsArg: 1 },
    { call: 'findById.().save', entity: MODEL, record: 'receiver' },
    { call: 'findOne.().save', entity: MODEL, record: 'receiver' },
    // Populating references (one or more of them, chained) leaves the same document to change and save.
    ...['findById', 'findOne'].flatMap((find) => [1, 2, 3].map((n) => ({ call: `${find}.()${'.populate.()'.repeat(n)}.save`, entity: MODEL, record: 'receiver' as const }))),
    // A document `Model.create()` returned, changed and saved again (the payment's id set on it).
    { call: 'create.().save', entity: MODEL, record: 'receiver' },
    // A loaded document deletes itself (its receiver is the record, so no filter is no "every row").
    { call: 'findById.().deleteOne', entity: MODEL, record: 'receiver', deletes: true },
    { call: 'findOne.().deleteOne', entity: MODEL, record: 'receiver', deletes: true },
    // Mongoose 6 and earlier: `doc.remove()` and `Model.remove(filter)` (removed in 7).
    { call: 'findById.().remove', entity: MODEL, record: 'receiver', deletes: true },
    { call: 'findOne.().remove', entity: MODEL, record: 'receiver', deletes: true },
    { call: 'remove', entity: MODEL, filterArg: 0, deletes: true },
    { call: 'deleteOne', entity: MODEL, filterArg: 0, deletes: true },
    { call: 'deleteMany', entity: MODEL, filterArg: 0, deletes: true },
    { call: 'findByIdAndDelete', entity: MODEL, idArg: { arg: 0, field: '_id' }, deletes: true },
    { call: 'findOneAndDelete', entity: MODEL, filterArg: 0, deletes: true },
  ]),
  // A session of `startSession()` joins a query to its transaction: `create([doc], { session })`.
  transactionOptions: ['session'],
  // https://mongoosejs.com/docs/transactions.html: `session.abortTransaction()` undoes what the session wrote.
  rollbackCalls: ['abortTransaction'],
  // Queries chain on: `updateMany({}).where('status').in(['held'])`, `updateOne({ _id }).set({...})`.
  setCalls: ['set'],
  filterCalls: ['where', 'in'],
  // `model('Booking', schema, 'tbl_res')`: the third argument overrides the collection name.
  entities: [
    ...['model()', 'connection.model()', 'createConnection.().model()'].map((path): EntityDeclaration => ({ path, name: ['arg:0'], table: ['arg:2'] })),
    // NestJS (https://docs.nestjs.com/techniques/mongodb): `@Schema({ collection }) class Order { @Prop() eventId }`,
    // registered by class name (`@InjectModel(Order.name)`); its props are the columns that tell an admission order.
    { module: '@nestjs/mongoose', path: 'Schema()', as: 'decorator', name: ['class'], table: ['arg:0.collection'] },
  ],
  // https://mongoosejs.com/docs/guide.html#statics
  schemaFunctions: { models: ['model.()', 'connection.model.()', 'createConnection.().model.()'], schemaArg: 1, statics: 'statics', methods: 'methods', document: 'findById.()' },
  example: "const booking = await Booking.create({ ...input, status: 'pending' });",
  updateExample: "await Booking.findByIdAndUpdate({id}, { {field}: {value} });",
});
