// ModuleResolver over small temp projects: relative paths, tsconfig paths, workspaces, package
// exports, Deno specifiers and import maps, builtins and bare packages.
import { describe, expect, it } from 'vitest';
import { moduleName, packageName, packageOfRemote } from '../../src/resolve/resolve.js';
import { load, makeProject } from '../helpers/project.js';

const node = {
  'package.json': JSON.stringify({ name: 'app', private: true, workspaces: ['packages/*'], dependencies: { stripe: '^14.0.0' } }),
  // Comments and trailing commas, as tsc accepts them; the paths live in the extended base.
  'tsconfig.json': '{\n  // app config\n  "extends": "./config/tsconfig.base.json",\n  /* only src */\n  "include": ["src"],\n}\n',
  'config/tsconfig.base.json':
    '{\n  "compilerOptions": {\n    "baseUrl": "..", // relative to this file\n    "paths": { "@/*": ["src/*"], "~lib/*": ["src/lib/*",], },\n  },\n}\n',
  'src/main.ts': 'export {};\n',
  'src/lib/a.ts': 'export const a = 1;\n',
  'src/lib/view.tsx': 'export const view = 1;\n',
  'src/lib/esm.mts': 'export const esm = 1;\n',
  'src/util/index.ts': 'export const util = 1;\n',
  'src/nested/deep/b.ts': 'export const b = 1;\n',
  'packages/db/package.json': JSON.stringify({ name: '@acme/db', main: 'dist/index.js', types: 'dist/index.d.ts' }),
  'packages/db/src/index.ts': 'export const db = 1;\n',
  'packages/db/src/client.ts': 'export const client = 1;\n',
  'packages/db-client/package.json': JSON.stringify({ name: '@acme/db-client', main: 'index.ts' }),
  'packages/db-client/index.ts': 'export const dbClient = 1;\n',
  'packages/ui/package.json': JSON.stringify({ name: '@acme/ui', exports: { '.': { import: './lib/entry.mjs', types: './lib/entry.d.ts' } } }),
  'packages/ui/src/entry.ts': 'export const ui = 1;\n',
  'packages/pay/package.json': JSON.stringify({ name: '@acme/pay', exports: { '.': './src/pay.ts' } }),
  'packages/pay/src/pay.ts': 'export const pay = 1;\n',
  'node_modules/stripe/package.json': JSON.stringify({ name: 'stripe', main: 'lib/stripe.js' }),
  'node_modules/stripe/lib/stripe.js': 'module.exports = {};\n',
  'node_modules/stripe/lib/x.js': 'module.exports = {};\n',
  'src/generated/prisma/index.ts': 'export class PrismaClient {}\n',
};

describe('ModuleResolver: node projects', () => {
  const { resolver } = load(makeProject(node));
  const from = (file: string, spec: string) => resolver.resolve(file, spec);

  it('resolves relative imports with and without extensions', () => {
    expect(from('src/main.ts', './lib/a')).toEqual({ kind: 'file', file: 'src/lib/a.ts' });
    expect(from('src/main.ts', './lib/a.ts')).toEqual({ kind: 'file', file: 'src/lib/a.ts' });
    expect(from('src/nested/deep/b.ts', '../../lib/a')).toEqual({ kind: 'file', file: 'src/lib/a.ts' });
    expect(from('src/main.ts', './lib/view')).toEqual({ kind: 'file', file: 'src/lib/view.tsx' });
  });

  it('resolves directory imports to index files', () => {
    expect(from('src/main.ts', './util')).toEqual({ kind: 'file', file: 'src/util/index.ts' });
    expect(from('src/main.ts', './util/index.js')).toEqual({ kind: 'file', file: 'src/util/index.ts' });
  });

  it('maps .js/.jsx/.mjs specifiers to their TypeScript sources', () => {
    expect(from('src/main.ts', './lib/a.js')).toEqual({ kind: 'file', file: 'src/lib/a.ts' });
    expect(from('src/main.ts', './lib/view.jsx')).toEqual({ kind: 'file', file: 'src/lib/view.tsx' });
    expect(from('src/main.ts', './lib/esm.mjs')).toEqual({ kind: 'file', file: 'src/lib/esm.mts' });
  });

  it('applies tsconfig paths from an extended config written with comments and trailing commas', () => {
    expect(from('src/main.ts', '@/lib/a')).toEqual({ kind: 'file', file: 'src/lib/a.ts' });
    expect(from('src/nested/deep/b.ts', '@/util')).toEqual({ kind: 'file', file: 'src/util/index.ts' });
    expect(from('src/main.ts', '~lib/view')).toEqual({ kind: 'file', file: 'src/lib/view.tsx' });
  });

  it('does not turn an alias to a missing file into a scanned file', () => {
    expect(from('src/main.ts', '@/missing/thing').kind).not.toBe('file');
    expect(from('src/main.ts', './missing')).toEqual({ kind: 'unresolved' });
  });

  it('maps workspace packages to their sources, not their unbuilt dist', () => {
    expect(from('src/main.ts', '@acme/db')).toEqual({ kind: 'file', file: 'packages/db/src/index.ts' });
    expect(from('src/main.ts', '@acme/db/client')).toEqual({ kind: 'file', file: 'packages/db/src/client.ts' });
    // The longer name wins over its prefix.
    expect(from('src/main.ts', '@acme/db-client')).toEqual({ kind: 'file', file: 'packages/db-client/index.ts' });
  });

  it('follows package exports to the entry file', () => {
    expect(from('src/main.ts', '@acme/pay')).toEqual({ kind: 'file', file: 'packages/pay/src/pay.ts' });
    expect(from('src/main.ts', '@acme/ui')).toEqual({ kind: 'file', file: 'packages/ui/src/entry.ts' });
  });

  it('resolves installed and uninstalled bare packages to the module they name, subpath kept', () => {
    expect(from('src/main.ts', 'stripe')).toEqual({ kind: 'package', name: 'stripe' });
    expect(from('src/main.ts', 'stripe/lib/x')).toEqual({ kind: 'package', name: 'stripe/lib/x' });
    expect(from('src/main.ts', '@paypal/checkout-server-sdk/lib/core')).toEqual({ kind: 'package', name: '@paypal/checkout-server-sdk/lib/core' });
    expect(from('src/main.ts', 'not-installed/deep/path')).toEqual({ kind: 'package', name: 'not-installed/deep/path' });
  });

  it('keeps node: builtins as they are written', () => {
    expect(from('src/main.ts', 'node:crypto')).toEqual({ kind: 'package', name: 'node:crypto' });
    expect(from('src/main.ts', 'fs').kind).toBe('package');
  });

  it('claims a generated Prisma client for @prisma/client', () => {
    expect(from('src/main.ts', './generated/prisma')).toEqual({ kind: 'package', name: '@prisma/client' });
  });

  it('gives the same answer from the cache', () => {
    const first = from('src/lib/a.ts', './view');
    expect(from('src/lib/view.tsx', './view')).toEqual(first);
    expect(first).toEqual({ kind: 'file', file: 'src/lib/view.tsx' });
  });
});

describe('ModuleResolver: a Prisma client generated into a folder the schema names', () => {
  const { resolver, project } = load(makeProject({
    'package.json': JSON.stringify({ name: 'kayaks', private: true, dependencies: { '@prisma/client': '^6.9.0', '@acme/ui': '1.0.0' } }),
    'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '#orm/*': ['./src/infra/orm/*'], '@/*': ['./src/*'], '*': ['./types/*'] } } }),
    'prisma/schema.prisma': [
      'generator client {\n  provider = "prisma-client"\n  output   = "../src/infra/orm"\n}',
      'generator erd {\n  provider = "prisma-erd-generator"\n  output   = "../docs/erd"\n}',
      'generator legacy {\n  provider = "prisma-client-js"\n  output   = "../node_modules/.prisma/client"\n}',
      'generator outside {\n  provider = "prisma-client-js"\n  output   = "../../elsewhere"\n}',
      'model Booking {\n  id String @id\n}\n',
    ].join('\n'),
    'src/infra/db.ts': 'export {};\n',
    'src/routes/pay.ts': 'export {};\n',
    'docs/erd/index.ts': 'export {};\n',
    'src/types/shared.d.ts': 'export interface Kayak { id: string }\n',
  }));
  const from = (file: string, spec: string) => resolver.resolve(file, spec);

  it('keeps the folders of client generators, in the root and out of node_modules', () => {
    expect(project.prismaClients).toEqual(['src/infra/orm']);
  });

  it('takes a relative or aliased import of that folder, or of a module in it, for @prisma/client', () => {
    expect(from('src/infra/db.ts', './orm/client.js')).toEqual({ kind: 'package', name: '@prisma/client' });
    expect(from('src/infra/db.ts', './orm')).toEqual({ kind: 'package', name: '@prisma/client' });
    expect(from('src/routes/pay.ts', '#orm/client')).toEqual({ kind: 'package', name: '@prisma/client' });
    expect(from('src/routes/pay.ts', '../infra/orm/enums')).toEqual({ kind: 'package', name: '@prisma/client' });
  });

  it('leaves other generators\' folders and look-alike names alone', () => {
    expect(from('src/routes/pay.ts', '../../docs/erd')).toEqual({ kind: 'file', file: 'docs/erd/index.ts' });
    expect(from('src/infra/db.ts', './orm-helpers')).toEqual({ kind: 'unresolved' });
  });

  it('names the path alias an import matched when it found no file, but not a catch-all, a dependency or a generated client', () => {
    expect(resolver.missedAlias('src/routes/pay.ts', '@/lib/missing')).toEqual({ pattern: '@/*', config: 'tsconfig.json' });
    expect(resolver.missedAlias('src/routes/pay.ts', '@/infra/db')).toBeNull();
    expect(resolver.missedAlias('src/routes/pay.ts', 'left-pad')).toBeNull();
    expect(resolver.missedAlias('src/routes/pay.ts', '#orm/client')).toBeNull();
    expect(resolver.missedAlias('src/routes/pay.ts', './nothing')).toBeNull();
  });

  it('tells an import of a declaration file, which the scan leaves out, from one of nothing', () => {
    expect(resolver.namesDeclarations('src/routes/pay.ts', '../types/shared')).toBe(true);
    expect(resolver.namesDeclarations('src/routes/pay.ts', '@/types/shared')).toBe(true);
    expect(resolver.namesDeclarations('src/routes/pay.ts', '@/types/missing')).toBe(false);
    expect(resolver.namesDeclarations('src/routes/pay.ts', '../infra/db')).toBe(false);
  });
});

describe('ModuleResolver: Deno and Supabase edge functions', () => {
  const root = makeProject({
    'supabase/functions/deno.json': JSON.stringify({
      imports: {
        stripe: 'npm:stripe@14',
        'std/': 'https://deno.land/std@0.224.0/',
        'shared/': './_shared/',
      },
    }),
    'supabase/functions/_shared/stripe.ts': 'export const stripe = 1;\n',
    'supabase/functions/checkout/index.ts': 'export {};\n',
  });
  const { resolver } = load(root);
  const from = (spec: string) => resolver.resolve('supabase/functions/checkout/index.ts', spec);

  it('maps URL, npm: and jsr: specifiers to the package they load', () => {
    expect(from('https://esm.sh/stripe@14')).toEqual({ kind: 'package', name: 'stripe' });
    expect(from('https://esm.sh/stripe@14.21.0?target=deno')).toEqual({ kind: 'package', name: 'stripe' });
    expect(from('https://esm.sh/@supabase/supabase-js@2.39.0')).toEqual({ kind: 'package', name: '@supabase/supabase-js' });
    expect(from('npm:stripe@14')).toEqual({ kind: 'package', name: 'stripe' });
    expect(from('npm:stripe@14/lib/x')).toEqual({ kind: 'package', name: 'stripe/lib/x' });
    expect(from('npm:@supabase/supabase-js@2')).toEqual({ kind: 'package', name: '@supabase/supabase-js' });
    expect(from('jsr:@std/http')).toEqual({ kind: 'package', name: 'jsr:@std/http' });
    expect(from('jsr:@std/http@1.0.0')).toEqual({ kind: 'package', name: 'jsr:@std/http' });
  });

  it('maps a jsr: subpath to its package, as it does for npm: and bare subpaths', () => {
    expect(from('jsr:@std/http@1/server')).toEqual({ kind: 'package', name: 'jsr:@std/http' });
  });

  it('applies the deno.json import map to bare names and prefixes', () => {
    expect(from('stripe')).toEqual({ kind: 'package', name: 'stripe' });
    expect(from('std/http/server.ts')).toEqual({ kind: 'package', name: 'deno:std/http/server' });
  });

  it('resolves a relative import-map target against the import map, not the importing file', () => {
    expect(from('shared/stripe.ts')).toEqual({ kind: 'file', file: 'supabase/functions/_shared/stripe.ts' });
  });
});

describe('ModuleResolver: generated alias tables and import maps', () => {
  const paths: Record<string, string[]> = {};
  for (let i = 0; i < 5_000; i++) paths[`@gen${i}/*`] = [`./gen/${i}/*`];
  // Declaration order decides among patterns that all match; the longest import-map prefix wins.
  Object.assign(paths, { '@app/*': ['./src/first/*', './src/second/*'], '@app/deep/*': ['./src/deep/*'], exact: ['./src/exact.ts'] });
  const imports: Record<string, string> = {};
  for (let i = 0; i < 5_000; i++) imports[`lib${i}/`] = `./vendor/${i}/`;
  Object.assign(imports, { 'lib/': './vendor/short/', 'lib/inner/': './vendor/long/' });
  const root = makeProject({
    'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths } }),
    'deno.json': JSON.stringify({ imports }),
    'src/second/a.ts': 'export const a = 1;\n',
    'src/deep/b.ts': 'export const b = 1;\n',
    'src/exact.ts': 'export const e = 1;\n',
    'gen/4999/x.ts': 'export const x = 1;\n',
    'vendor/long/m.ts': 'export const m = 1;\n',
    'vendor/short/n.ts': 'export const n = 1;\n',
    'vendor/4999/o.ts': 'export const o = 1;\n',
    'src/use.ts': 'export {};\n',
  });
  const { resolver } = load(root);
  const from = (spec: string) => resolver.resolve('src/use.ts', spec);

  it('finds the patterns a specifier matches among thousands, in declaration order', () => {
    expect(from('@gen4999/x')).toEqual({ kind: 'file', file: 'gen/4999/x.ts' });
    expect(from('@app/a')).toEqual({ kind: 'file', file: 'src/second/a.ts' });
    expect(from('@app/deep/b')).toEqual({ kind: 'file', file: 'src/deep/b.ts' });
    expect(from('exact')).toEqual({ kind: 'file', file: 'src/exact.ts' });
  });

  it('takes the longest import-map prefix among thousands', () => {
    expect(from('lib/inner/m.ts')).toEqual({ kind: 'file', file: 'vendor/long/m.ts' });
    expect(from('lib/n.ts')).toEqual({ kind: 'file', file: 'vendor/short/n.ts' });
    expect(from('lib4999/o.ts')).toEqual({ kind: 'file', file: 'vendor/4999/o.ts' });
  });
});

describe('packageName / moduleName / packageOfRemote', () => {
  it('keeps subpaths and drops versions in module names', () => {
    expect(moduleName('next/navigation')).toBe('next/navigation');
    expect(moduleName('npm:stripe@14.1.0')).toBe('stripe');
    expect(moduleName('npm:@supabase/supabase-js@2/dist/x')).toBe('@supabase/supabase-js/dist/x');
    expect(moduleName('@scope/pkg')).toBe('@scope/pkg');
  });

  it('strips subpaths and versions', () => {
    expect(packageName('stripe')).toBe('stripe');
    expect(packageName('stripe/lib/x')).toBe('stripe');
    expect(packageName('@scope/pkg/sub/path')).toBe('@scope/pkg');
    expect(packageName('npm:stripe@14.1.0')).toBe('stripe');
    expect(packageName('npm:/@scope/pkg@1/x')).toBe('@scope/pkg');
  });

  it('knows the common CDNs and Deno hosts', () => {
    expect(packageOfRemote('https://cdn.jsdelivr.net/npm/stripe@14/+esm')).toBe('stripe');
    expect(packageOfRemote('https://unpkg.com/@paypal/paypal-js@8')).toBe('@paypal/paypal-js');
    expect(packageOfRemote('https://cdn.skypack.dev/stripe?dts')).toBe('stripe');
    expect(packageOfRemote('https://esm.sh/v135/stripe@14.0.0/deno/stripe.mjs')).toBe('stripe');
    expect(packageOfRemote('https://deno.land/x/oak@v12.6.1/mod.ts')).toBe('oak');
    expect(packageOfRemote('https://deno.land/std@0.224.0/http/server.ts')).toBe('deno:std/http/server');
    expect(packageOfRemote('https://example.com/lib.js')).toBe('url:example.com');
    expect(packageOfRemote('./local')).toBeNull();
    expect(packageOfRemote('stripe')).toBeNull();
  });
});
