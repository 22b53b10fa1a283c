// discoverProject: manifests, workspaces, Deno import maps, config checks and schema entities.
import { describe, expect, it } from 'vitest';
import { listFiles } from '../../src/files/walk.js';
import { discoverProject, prismaModels, sqlTables, strapiContentType } from '../../src/project/discover.js';
import { makeProject } from '../helpers/project.js';

describe('discoverProject', () => {
  const root = makeProject({
    'package.json': JSON.stringify({ name: 'shop', dependencies: { next: '15' }, devDependencies: { prisma: '6' } }),
    'apps/api/package.json': JSON.stringify({
      name: '@shop/api',
      dependencies: { stripe: '17' },
      peerDependencies: { react: '19' },
      optionalDependencies: { pg: '8' },
      main: 'dist/index.js',
      exports: { '.': { import: './dist/index.mjs', types: './dist/index.d.ts' } },
    }),
    'apps/broken/package.json': '{ "name": "broken", ',
    'apps/array/package.json': '[1, 2]',
    'supabase/functions/deno.jsonc': '{\n  // map\n  "imports": { "stripe": "npm:stripe@14", },\n}\n',
    'tsconfig.json': '{\n  // ok\n  "compilerOptions": { "strict": true, },\n}\n',
    'apps/api/tsconfig.json': '{ "compilerOptions": { ',
    'prisma/schema.prisma': 'model Booking {\n  id String @id\n  @@map("bookings")\n}\n\nmodel User {\n  id String @id\n}\n',
  });
  const project = discoverProject(root, listFiles(root).files);

  it('reads every manifest, with all dependency kinds and entry fields', () => {
    const api = project.manifests.find((m) => m.dir === 'apps/api');
    expect(api).toEqual({
      dir: 'apps/api',
      name: '@shop/api',
      dependencies: ['pg', 'react', 'stripe'],
      entryFields: ['./dist/index.mjs', './dist/index.d.ts', 'dist/index.js'],
    });
    expect(project.manifests.find((m) => m.dir === '')?.dependencies).toEqual(['next', 'prisma']);
    expect(project.packages).toEqual({ shop: '', '@shop/api': 'apps/api' });
  });

  it('reports a manifest that is not a JSON object', () => {
    const codes = project.diagnostics.map((d) => `${d.file} ${d.code}`);
    expect(codes).toContain('apps/broken/package.json manifest-invalid');
    expect(codes).toContain('apps/array/package.json manifest-invalid');
  });

  it('accepts a tsconfig with comments and trailing commas and reports one that is not JSON', () => {
    expect(project.tsconfigs).toEqual(['tsconfig.json']);
    expect(project.diagnostics.map((d) => `${d.file} ${d.code}`)).toContain('apps/api/tsconfig.json tsconfig-invalid');
  });

  it('reads Deno import maps from deno.jsonc', () => {
    expect(project.denoImports).toEqual({ stripe: 'npm:stripe@14' });
  });

  it('reads Prisma models with their mapped tables', () => {
    expect(project.schemaEntities.map((e) => `${e.name} ${e.table} ${e.file}:${e.line}`)).toEqual([
      'Booking bookings prisma/schema.prisma:1',
      'User null prisma/schema.prisma:6',
    ]);
  });
});

describe('schema readers', () => {
  it('finds SQL tables with schemas, quotes and IF NOT EXISTS', () => {
    const sql = 'CREATE TABLE public."bookings" (id int);\n\ncreate table if not exists `reservations` (id int);\nCREATE TABLE [dbo].[Tickets] (id int);\n';
    expect(sqlTables({ path: 'm.sql' }, sql).map((t) => `${t.name}:${t.line}`)).toEqual(['bookings:1', 'reservations:3', 'Tickets:4']);
  });

  it('finds Prisma models and @@map(name: ...)', () => {
    const schema = 'model Appointment {\n  id Int @id\n  @@map(name: "appointments")\n}\n';
    expect(prismaModels({ path: 's.prisma' }, schema)).toEqual([
      { name: 'Appointment', table: 'appointments', file: 's.prisma', line: 1, source: 'prisma', fields: [{ name: 'id', type: 'Int', default: null, line: 2 }] },
    ]);
  });

  it('reads a Strapi content type: its singular name, its collection, and the attributes that have a default', () => {
    const schema = '{\n  "collectionName": "room_bookings",\n  "info": { "singularName": "room-booking", "pluralName": "room-bookings" },\n  "attributes": {\n    "nights": { "type": "integer" },\n    "state": { "type": "enumeration", "enum": ["held", "paid"], "default": "held" },\n    "vip": { "type": "boolean", "default": false }\n  }\n}\n';
    expect(strapiContentType({ path: 'c/schema.json' }, schema)).toEqual([{
      name: 'room-booking', table: 'room_bookings', file: 'c/schema.json', line: 3, source: 'strapi',
      fields: [{ name: 'state', type: 'enumeration', default: 'held', line: 6 }, { name: 'vip', type: 'boolean', default: 'false', line: 7 }],
    }]);
    // Not JSON, or JSON that declares no content type: nothing, and no error.
    expect(strapiContentType({ path: 'c/schema.json' }, '{ "info": ')).toEqual([]);
    expect(strapiContentType({ path: 'c/schema.json' }, '{ "info": { "singularName": 42 }, "attributes": null }')).toEqual([]);
    expect(strapiContentType({ path: 'c/schema.json' }, 'null')).toEqual([]);
  });

  it('reads field defaults of Prisma models and SQL tables, altered columns included', () => {
    const schema = 'model Booking {\n  id     String @id @default(cuid())\n  status Status @default(PENDING)\n  note   String @default("a (b)")\n  paid   Boolean\n}\n';
    expect(prismaModels({ path: 's.prisma' }, schema)[0]!.fields!.map((f) => `${f.name}=${f.default}:${f.line}`)).toEqual(['id=cuid():2', 'status=PENDING:3', 'note=a (b):4', 'paid=null:5']);
    const sql = "create table bookings (\n  id uuid primary key default gen_random_uuid(),\n  status text not null default 'pending'::text,\n  seats int,\n  constraint one check (seats > 0)\n);\n";
    expect(sqlTables({ path: 'm.sql' }, sql)[0]!.fields!.map((f) => `${f.name}=${f.default}:${f.line}`)).toEqual(['id=gen_random_uuid():2', 'status=pending:3', 'seats=null:4']);
    const root = makeProject({
      'db/001.sql': 'create table rentals (id serial primary key, status text);\n',
      'db/002.sql': "alter table rentals alter column status set default 'held';\nalter table rentals add column kind text default 'day';\n",
    });
    const fields = discoverProject(root, listFiles(root).files).schemaEntities[0]!.fields!;
    expect(fields.map((f) => `${f.name}=${f.default}`)).toEqual(['id=null', 'status=held', 'kind=day']);
  });

  it('reads SQL columns whose type is quoted, as Prisma migrations write enum columns', () => {
    const sql = 'CREATE TABLE "visits" (\n    "id" TEXT NOT NULL,\n    "status" "VisitStatus" NOT NULL DEFAULT \'PENDING\',\n    CONSTRAINT "visits_pkey" PRIMARY KEY ("id")\n);\nALTER TABLE "visits" ADD COLUMN "kind" "VisitKind" NOT NULL DEFAULT \'WALK_IN\';\n';
    const root = makeProject({ 'prisma/migrations/1_init/migration.sql': sql });
    const fields = discoverProject(root, listFiles(root).files).schemaEntities[0]!.fields!;
    expect(fields.map((f) => `${f.name}:${f.type}=${f.default}`)).toEqual(['id:TEXT=null', 'status:VisitStatus=PENDING', 'kind:VisitKind=WALK_IN']);
  });

  it('reads scheduled jobs: Vercel crons, Netlify scheduled functions and pg_cron jobs of the migrations', () => {
    const root = makeProject({
      'apps/web/vercel.json': JSON.stringify({ crons: [{ path: '/api/cron/expire-holds', schedule: '*/10 * * * *' }] }, null, 2),
      'apps/site/netlify.toml': [
        '[build]',
        '  functions = "netlify/functions"',
        '[functions."expire-unpaid"]',
        '  schedule = "*/5 * * * *" # every five minutes',
        '[functions.nightly-report]',
        "  schedule = '@daily'",
        '[functions."send-receipt"]',
        '  included_files = ["templates/**"]',
      ].join('\n'),
      'supabase/migrations/003_jobs.sql': "select cron.schedule('expire', '*/5 * * * *', $$ update bookings set status = 'expired' $$);\nselect cron.schedule('0 3 * * *', 'delete from holds');\n",
    });
    const project = discoverProject(root, listFiles(root).files);
    expect(project.cronRoutes).toEqual([
      { path: '/expire-unpaid', schedule: '*/5 * * * *', file: 'apps/site/netlify.toml', line: 3, dir: 'apps/site', via: 'netlify-schedule' },
      { path: '/nightly-report', schedule: '@daily', file: 'apps/site/netlify.toml', line: 5, dir: 'apps/site', via: 'netlify-schedule' },
      { path: '/api/cron/expire-holds', schedule: '*/10 * * * *', file: 'apps/web/vercel.json', line: 4, dir: 'apps/web', via: 'vercel-cron' },
    ]);
    expect(project.siteConfigs).toEqual(['apps/site/netlify.toml']);
    expect(project.sqlJobs.map((j) => [j.name, j.schedule, j.command.trim(), j.line])).toEqual([
      ['expire', '*/5 * * * *', "update bookings set status = 'expired'", 1],
      [null, '0 3 * * *', 'delete from holds', 2],
    ]);
  });
});
