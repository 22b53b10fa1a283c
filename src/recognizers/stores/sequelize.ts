// https://sequelize.org/docs/v6/core-concepts/model-querying-basics/
import { defineStore, type EntitySource } from '../define.js';

// `sequelize.define('Booking', ...)` names the model in the chain; `class Booking extends Model` is the receiver.
const MODEL: EntitySource[] = ['chain', 'receiver'];

export default defineStore({
  id: 'sequelize',
  name: 'Sequelize',
  docs: 'https://sequelize.org/docs/v6/core-concepts/model-querying-basics/',
  packages: ['sequelize', 'sequelize-typescript'],
  clients: [
    { module: 'sequelize', path: 'Sequelize.new().define.()' },
    { module: 'sequelize', path: 'new().define.()' },
    { module: 'sequelize', path: 'Sequelize.new()' },
    { module: 'sequelize', path: 'new()' },
    { module: 'sequelize', path: 'Model' },
    { module: 'sequelize-typescript', path: 'Model' },
  ],
  writes: [
    { call: 'create', entity: MODEL },
    { call: 'bulkCreate', entity: MODEL },
    { call: 'findOrCreate', entity: MODEL },
    { call: 'upsert', entity: MODEL },
    { call: 'build.().save', entity: MODEL, record: 'receiver' },
    // `sequelize.query('INSERT INTO ...')`: the statement decides.
    { call: 'query', entity: ['sql'], guard: 'null' },
  ],
  reads: [
    { call: 'findByPk', entity: MODEL, guard: 'null' },
    { call: 'findOne', entity: MODEL, guard: 'null' },
  ],
  updates: [
    // An instance found or created, changed and saved (`booking.status = 'cancelled'; await booking.save()`),
    // or destroyed: that one record.
    { call: 'findByPk.().save', entity: MODEL, record: 'receiver' },
    { call: 'findOne.().save', entity: MODEL, record: 'receiver' },
    { call: 'create.().save', entity: MODEL, record: 'receiver' },
    // `instance.update({ status: 'cancelled' })` sets the fields and saves that one record.
    // https://sequelize.org/docs/v6/core-concepts/model-instances/#updating-an-instance
    { call: 'findByPk.().update', entity: MODEL, record: 'receiver' },
    { call: 'findOne.().update', entity: MODEL, record: 'receiver' },
    { call: 'create.().update', entity: MODEL, record: 'receiver' },
    { call: 'findByPk.().destroy', entity: MODEL, record: 'receiver', deletes: true },
    { call: 'findOne.().destroy', entity: MODEL, record: 'receiver', deletes: true },
    // Resolves to `[affectedCount]` (and the rows with `returning: true`): 0 when no row matched.
    // https://sequelize.org/api/v6/class/src/model.js~model#static-method-update
    { call: 'update', entity: MODEL, guard: 'changed-first' },
    // `destroy({ where: {}, truncate: true })` empties the table.
    { call: 'destroy', entity: MODEL, deletes: true, optionKeys: ['truncate', 'cascade', 'restartIdentity', 'force'] },
    { call: 'increment', entity: MODEL, counter: 'up' },
    { call: 'decrement', entity: MODEL, counter: 'down' },
  ],
  // `sequelize.transaction(async (t) => ...)` runs the callback inline; its queries pass `{ transaction: t }`.
  transactions: [{ call: 'transaction', param: 0, client: 'receiver' }],
  transactionOptions: ['transaction'],
  // An unmanaged transaction (`const t = await sequelize.transaction()`) is undone by `t.rollback()`.
  rollbackCalls: ['rollback'],
  // `sequelize.define('Booking', attributes, { tableName })`, `Booking.init(attributes, { tableName })`
  // on `class Booking extends Model`, and sequelize-typescript's `@Table({ tableName }) class Booking`.
  // The attributes are its columns (what tells a help-desk `tickets` table from admission tickets).
  entities: [
    { module: 'sequelize', path: 'Sequelize.new().define()', name: ['arg:0'], table: ['arg:2.tableName'], columns: 'arg:1' },
    { module: 'sequelize', path: 'new().define()', name: ['arg:0'], table: ['arg:2.tableName'], columns: 'arg:1' },
    { path: 'Model.init()', name: ['arg:1.modelName', 'class'], table: ['arg:1.tableName'], columns: 'arg:0' },
    { module: 'sequelize-typescript', path: 'Table()', as: 'decorator', name: ['arg:0.modelName', 'class'], table: ['arg:0.tableName'] },
  ],
  example: "const booking = await Booking.create({ ...input, status: 'pending' });",
  updateExample: "await Booking.update({ {field}: {value} }, { where: { id: {id} } });",
});
