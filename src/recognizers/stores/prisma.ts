// https://www.prisma.io/docs/orm/reference/prisma-client-reference
import { defineStore } from '../define.js';

// https://www.prisma.io/docs/orm/prisma-client/queries/relation-queries#nested-writes
const NESTED = ['create', 'createMany', 'connectOrCreate'];
// A nested `connect` rejects (P2025) when the record it names does not exist.
// https://www.prisma.io/docs/orm/reference/error-reference#p2025
const CONNECTS = ['connect'];

export default defineStore({
  id: 'prisma',
  name: 'Prisma',
  docs: 'https://www.prisma.io/docs/orm/reference/prisma-client-reference',
  packages: ['@prisma/client', '.prisma/client'],
  // Prisma 6+ generates the client into the app (`output = "../src/generated/prisma"`).
  specifiers: ['(?:^|/)generated/prisma(?:/(?:client|index|edge))?$', '(?:^|/)prisma/generated(?:/client)?$', '^\\.prisma/client'],
  clients: [
    { path: 'PrismaClient.new()' },
    { path: 'Prisma.TransactionClient.new()' },
    { path: 'default.new()' },
  ],
  passthrough: ['$extends'],
  writes: [
    { call: '*.create', entity: ['wildcard'], nested: NESTED, connects: CONNECTS },
    { call: '*.upsert', entity: ['wildcard'], nested: NESTED, connects: CONNECTS },
    { call: '*.createMany', entity: ['wildcard'] },
    { call: '*.createManyAndReturn', entity: ['wildcard'] },
    // Raw SQL (`prisma.$queryRaw\`INSERT INTO tbl_res ... RETURNING id\``): the statement decides
    // write, read or update, and its table names the entity (a `@@map`ped table is the model's).
    { call: '$queryRaw', entity: ['sql'], guard: 'null' },
    { call: '$queryRawUnsafe', entity: ['sql'], guard: 'null' },
    { call: '$executeRaw', entity: ['sql'] },
    { call: '$executeRawUnsafe', entity: ['sql'] },
  ],
  reads: [
    { call: '*.findUnique', entity: ['wildcard'], guard: 'null' },
    { call: '*.findFirst', entity: ['wildcard'], guard: 'null' },
    { call: '*.findUniqueOrThrow', entity: ['wildcard'], guard: 'throws' },
    { call: '*.findFirstOrThrow', entity: ['wildcard'], guard: 'throws' },
    // A list: never missing, so no guard; its `where` tells which records it found.
    { call: '*.findMany', entity: ['wildcard'] },
  ],
  updates: [
    // `update` takes a unique `where` and rejects (P2025) when no record matches: past it, the record exists.
    { call: '*.update', entity: ['wildcard'], guard: 'throws', connects: CONNECTS },
    { call: '*.updateMany', entity: ['wildcard'] },
    { call: '*.delete', entity: ['wildcard'], deletes: true },
    { call: '*.deleteMany', entity: ['wildcard'], deletes: true },
  ],
  transactions: [{ call: '$transaction', param: 0, client: 'receiver' }],
  groups: ['$transaction'],
  example: "const booking = await prisma.booking.create({ data: { ...input, status: 'PENDING_PAYMENT' } });",
  updateExample: "await prisma.booking.update({ where: { id: {id} }, data: { {field}: {value} } });",
});
