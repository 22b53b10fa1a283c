// https://orm.drizzle.team/docs/insert
import { defineStore, type EntityDeclaration } from '../define.js';

// `drizzle()` comes from a driver entry point (`drizzle-orm/node-postgres`, `drizzle-orm/postgres-js`...).
const CLIENT = 'drizzle.()';

export default defineStore({
  id: 'drizzle',
  name: 'Drizzle ORM',
  docs: 'https://orm.drizzle.team/docs/insert',
  packages: ['drizzle-orm'],
  clients: [
    { module: 'drizzle-orm/*', path: CLIENT },
    // The resolver names a package without its subpath.
    { path: CLIENT },
  ],
  // Neon HTTP `db.$withAuth(token)` returns the same database for row-level security.
  passthrough: ['$withAuth'],
  writes: [{ call: 'insert', entity: ['args'] }],
  reads: [
    { call: 'select.().from', entity: ['args'], guard: 'null' },
    { call: 'selectDistinct.().from', entity: ['args'], guard: 'null' },
    { call: 'query.*.findFirst', entity: ['wildcard'], guard: 'null' },
  ],
  updates: [
    // With `.returning()` the changed rows come back: the first is missing when no booking matched.
    { call: 'update', entity: ['args'], guard: 'null', guardRequires: { null: ['returning'] } },
    { call: 'delete', entity: ['args'], deletes: true },
  ],
  // `insert(t).values({...}).onConflictDoUpdate({ target, set: {...} })`, `update(t).set({...}).where(eq(t.id, id))`.
  setCalls: ['values', 'set', 'onConflictDoUpdate'],
  filterCalls: ['where'],
  transactions: [{ call: 'transaction', param: 0, client: 'receiver' }],
  groups: ['batch'],
  // `export const reservations = pgTable('tbl_res', {...})`: the variable names the entity, argument 0 the table.
  // A table creator prefixes each table's name (create-t3-app's `createTable = pgTableCreator((n) => "app_" + n)`),
  // its tables declared as `createTable('booking', (d) => ({ ... }))`.
  // https://orm.drizzle.team/docs/goodies#multi-project-schema
  entities: [
    'pgTable()', 'mysqlTable()', 'sqliteTable()', 'singlestoreTable()', 'pgSchema.().table()', 'mysqlSchema.().table()',
    'pgTableCreator().()', 'mysqlTableCreator().()', 'sqliteTableCreator().()', 'singlestoreTableCreator().()',
  ].map((path): EntityDeclaration => ({
    path, name: ['binding', 'arg:0'], table: ['arg:0'], columns: 'arg:1',
  })),
  example: "const [booking] = await db.insert(bookings).values({ ...input, status: 'pending' }).returning();",
  updateExample: "await db.update(bookings).set({ {field}: {value} }).where(eq(bookings.id, {id}));",
});
