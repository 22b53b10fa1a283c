// https://mikro-orm.io/docs/entity-manager
import { defineStore, type EntitySource } from '../define.js';

// The entity manager takes the entity class as an argument (`em.findOne(Booking, id)`); a
// repository knows it by type (`EntityRepository<Booking>`, `@InjectRepository(Booking)`) or by
// the `getRepository(Booking)` call that made it. A persisted entity is named by its variable.
const ENTITY: EntitySource[] = ['args', 'types', 'chain'];
// Every driver package re-exports the core API (`EntityManager` from `@mikro-orm/postgresql`).
const DRIVERS = ['core', 'postgresql', 'mysql', 'mariadb', 'sqlite', 'better-sqlite', 'libsql', 'mssql', 'mongodb', 'knex', 'nestjs'];

export default defineStore({
  id: 'mikro-orm',
  name: 'MikroORM',
  docs: 'https://mikro-orm.io/docs/entity-manager',
  packages: DRIVERS.map((d) => `@mikro-orm/${d}`),
  clients: [
    { path: 'MikroORM.init.().em' },
    { path: 'MikroORM.new().em' },
    { path: 'EntityManager.new()' },
    { path: 'SqlEntityManager.new()' },
    { path: 'RequestContext.getEntityManager.()' },
    { path: 'EntityRepository.new()' },
    { path: 'MikroORM.init.().em.getRepository.()' },
    { path: 'EntityManager.new().getRepository.()' },
    { path: 'SqlEntityManager.new().getRepository.()' },
  ],
  // `em.fork()` is another entity manager over the same database.
  passthrough: ['fork'],
  // Unit of work: `create` / `persist` only mark an entity; it is written when the entity manager
  // flushes. `persistAndFlush(x)` and `persist(x).flush()` write it at once; `insert` runs an INSERT.
  // (`persist(x)` followed by a separate `flush()` call needs the engine to pair the two.)
  writes: [
    { call: 'persistAndFlush', entity: ENTITY, record: 'arg0' },
    { call: 'persist.().flush', entity: ENTITY },
    { call: 'persist', entity: ENTITY, record: 'arg0', queued: true },
    { call: 'create', entity: ENTITY, queued: true },
    { call: 'insert', entity: ENTITY },
    { call: 'insertMany', entity: ENTITY },
    { call: 'nativeInsert', entity: ENTITY },
    { call: 'upsert', entity: ENTITY },
    { call: 'upsertMany', entity: ENTITY },
  ],
  reads: [
    { call: 'findOne', entity: ENTITY, guard: 'null' },
    { call: 'findOneOrFail', entity: ENTITY, guard: 'throws' },
    // Lists of loaded entities: flushing one of them again updates it.
    { call: 'find', entity: ENTITY },
    { call: 'findAll', entity: ENTITY },
  ],
  updates: [
    { call: 'nativeUpdate', entity: ENTITY },
    { call: 'nativeDelete', entity: ENTITY },
    { call: 'removeAndFlush', entity: ENTITY },
    { call: 'remove.().flush', entity: ENTITY },
  ],
  // `em.transactional(async (em) => ...)` runs inline with a forked entity manager.
  transactions: [{ call: 'transactional', param: 0, client: 'receiver' }],
  flushes: ['flush'],
  // `@Entity({ tableName: 'tbl_res' }) class Booking` (decorators also from `@mikro-orm/decorators/*`),
  // `new EntitySchema({ name, tableName })` and `defineEntity({ name, tableName })`.
  entities: [
    { module: '@mikro-orm/**', path: 'Entity()', as: 'decorator', name: ['class'], table: ['arg:0.tableName', 'arg:0.collection'] },
    { module: '@mikro-orm/**', path: 'EntitySchema.new()', name: ['arg:0.name', 'arg:0.className'], table: ['arg:0.tableName', 'arg:0.collection'] },
    { module: '@mikro-orm/**', path: 'defineEntity()', name: ['arg:0.name', 'arg:0.className'], table: ['arg:0.tableName', 'arg:0.collection'] },
  ],
  example: "const booking = em.create(Booking, { ...input, status: 'pending' }); await em.persist(booking).flush();",
  updateExample: "await em.nativeUpdate(Booking, { id: {id} }, { {field}: {value} });",
});
