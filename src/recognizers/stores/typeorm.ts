// https://typeorm.io/docs/working-with-entity-manager/repository-api
import { defineStore, type EntitySource } from '../define.js';

// Repositories know their entity by type (`Repository<Booking>`) or by the `getRepository(Booking)`
// call that made them; the entity manager and query builder take it as an argument; active-record
// entities (`class Booking extends BaseEntity`) are the receiver.
const ENTITY: EntitySource[] = ['types', 'chain', 'args', 'receiver'];

export default defineStore({
  id: 'typeorm',
  name: 'TypeORM',
  docs: 'https://typeorm.io/docs/working-with-entity-manager/repository-api',
  packages: ['typeorm'],
  clients: [
    { path: 'Repository.new()' },
    { path: 'getRepository.()' },
    { path: 'DataSource.new()' },
    { path: 'DataSource.new().getRepository.()' },
    { path: 'DataSource.new().manager' },
    { path: 'DataSource.new().manager.getRepository.()' },
    { path: 'EntityManager.new()' },
    { path: 'EntityManager.new().getRepository.()' },
    { path: 'getManager.()' },
    { path: 'BaseEntity' },
    { path: 'BaseEntity.new()' },
  ],
  writes: [
    // save(entity) returns the entity and also fills its generated id in place (`repo.save(booking); booking.id`).
    { call: 'save', entity: ENTITY, record: 'arg0' },
    { call: 'insert', entity: ENTITY },
    { call: 'upsert', entity: ENTITY },
    { call: 'create.().save', entity: ENTITY, record: 'receiver' },
    { call: 'createQueryBuilder.().insert.().into', entity: ['args'] },
    // `dataSource.query('INSERT INTO tbl_res ...')` (also on a manager or repository): the statement decides.
    { call: 'query', entity: ['sql'], guard: 'null' },
  ],
  reads: [
    { call: 'findOne', entity: ENTITY, guard: 'null' },
    { call: 'findOneBy', entity: ENTITY, guard: 'null' },
    { call: 'findOneOrFail', entity: ENTITY, guard: 'throws' },
    { call: 'findOneByOrFail', entity: ENTITY, guard: 'throws' },
  ],
  updates: [
    // `UpdateResult.affected` counts the rows it changed: 0 when no booking matched.
    { call: 'update', entity: ENTITY, filterArg: 0, setsArg: 1, guard: 'count' },
    { call: 'delete', entity: ENTITY, deletes: true },
    { call: 'remove', entity: ENTITY, deletes: true },
    { call: 'softDelete', entity: ENTITY, deletes: true },
    { call: 'createQueryBuilder.().update', entity: ['args'] },
  ],
  // The query builder: `insert().into(Booking).values({...})`, `update(Booking).set({...}).where('id = :id', { id })`.
  setCalls: ['values', 'set'],
  filterCalls: ['where', 'andWhere'],
  transactions: [{ call: 'transaction', param: 0, client: 'receiver' }],
  // `@Entity('tbl_res') class Booking` / `@Entity({ name: 'tbl_res' })`, and `new EntitySchema({ name, tableName })`.
  entities: [
    { path: 'Entity()', as: 'decorator', name: ['class'], table: ['arg:0', 'arg:0.name'] },
    { path: 'EntitySchema.new()', name: ['arg:0.name'], table: ['arg:0.tableName'] },
  ],
  example: "const booking = await bookingRepository.save(bookingRepository.create({ ...input, status: 'pending' }));",
  updateExample: "await bookingRepository.update({id}, { {field}: {value} });",
});
