// Hostile project files (manifests, workspace lists, configs, tsconfigs) and options: each wrong
// shape is said, naming the file and the field, and the scan goes on with the rest.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { passingApp, runCli } from '../helpers/cli.js';
import { app, codes, expectAppStillPasses, expectNormal, LIMIT_MS, scanDir, type Scan } from './scan.js';

const messages = (s: Scan, code: string): string[] =>
  s.report.diagnostics.filter((d: { code: string }) => d.code === code).map((d: { file: string; message: string }) => `${d.file}: ${d.message}`);

const utf16 = (text: string, endian: 'le' | 'be'): Buffer => {
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  return endian === 'le' ? le : le.swap16();
};

describe('hostile project files', () => {
  it('package.json dependencies, devDependencies and workspaces that are an array, a string or a number', () => {
    const s = scanDir(app({
      'packages/a/package.json': JSON.stringify({ name: 'a', dependencies: ['stripe'], devDependencies: 'vitest', workspaces: 5 }),
      'packages/b/package.json': JSON.stringify({ name: 'b', peerDependencies: 7, workspaces: { packages: 'apps/*' } }),
      // The shapes npm and yarn accept are not reported.
      'packages/c/package.json': JSON.stringify({ name: 'c', dependencies: {}, workspaces: { packages: ['x/*'], nohoist: ['**'] } }),
    }));
    expectNormal(s);
    expect(messages(s, 'manifest-field-invalid')).toEqual([
      'packages/a/package.json: `dependencies` is an array, not an object of package names and versions; its packages are unknown',
      'packages/a/package.json: `devDependencies` is the string "vitest", not an object of package names and versions; its packages are unknown',
      'packages/a/package.json: `workspaces` is number 5, not an array of folder globs (nor { packages: [...] })',
      'packages/b/package.json: `peerDependencies` is number 7, not an object of package names and versions; its packages are unknown',
      'packages/b/package.json: `workspaces.packages` is the string "apps/*", not an array of folder globs',
    ]);
    expectAppStillPasses(s);
  });

  it('pnpm-workspace.yaml files that are binary, not YAML, or whose `packages` is not a list', () => {
    const s = scanDir(app({
      'pnpm-workspace.yaml': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a, 0x0a]),
      'a/pnpm-workspace.yaml': 'packages:\n\t- "apps/*"\n',
      'b/pnpm-workspace.yaml': 'packages: apps/*\n',
      'c/pnpm-workspace.yaml': 'packages:\n  - "apps/*\n',
      'd/pnpm-workspace.yaml': '{{ packages\n',
      'e/pnpm-workspace.yaml': 'packages:\n  foo: bar\n',
      // Well-formed ones, in block and flow style, with comments: nothing to say.
      'f/pnpm-workspace.yaml': '# workspace\npackages:\n  - "apps/*"   # the apps\n  - \'packages/*\'\n  - "!**/test/**"\ncatalog:\n  react: ^18\n',
      'g/pnpm-workspace.yaml': "packages: ['apps/*', \"libs/*\"]\n",
    }));
    expectNormal(s);
    expect(messages(s, 'workspace-config-invalid')).toEqual([
      'a/pnpm-workspace.yaml: line 2 is indented with a tab, which YAML does not allow; pnpm cannot read this file (bookfirst finds workspace packages by their package.json, so the scan is not affected)',
      'b/pnpm-workspace.yaml: `packages` is not a list of folder globs; pnpm cannot read this file (bookfirst finds workspace packages by their package.json, so the scan is not affected)',
      'c/pnpm-workspace.yaml: line 2 has a quote that is not closed; pnpm cannot read this file (bookfirst finds workspace packages by their package.json, so the scan is not affected)',
      'd/pnpm-workspace.yaml: line 1 is not YAML (`key: value`, `- item` or a comment); pnpm cannot read this file (bookfirst finds workspace packages by their package.json, so the scan is not affected)',
      'e/pnpm-workspace.yaml: `packages` is not a list of folder globs; pnpm cannot read this file (bookfirst finds workspace packages by their package.json, so the scan is not affected)',
      'pnpm-workspace.yaml: file contains NUL bytes (binary); pnpm cannot read this file (bookfirst finds workspace packages by their package.json, so the scan is not affected)',
    ]);
    expectAppStillPasses(s);
  });

  it('a config path that is a directory: named with --config, or the root\'s bookfirst.config.json', () => {
    const named = app({});
    fs.mkdirSync(path.join(named, 'conf'));
    const atRoot = app({});
    fs.mkdirSync(path.join(atRoot, 'bookfirst.config.json'));
    for (const [root, args, file] of [[named, ['--config', path.join(named, 'conf')], path.join(named, 'conf')], [atRoot, [], path.join(atRoot, 'bookfirst.config.json')]] as const) {
      const r = runCli(['scan', root, ...args], { timeoutMs: 40_000 });
      expect(r.signal).toBeNull();
      expect(r.ms).toBeLessThan(LIMIT_MS);
      // As every config that cannot be used: a usage error, never a scan with the config left out.
      expect([r.status, r.stderr]).toEqual([2, `bookfirst: invalid config ${file}:\n  is a directory, not a config file\n`]);
    }
  });

  it('include globs, from the config or --include, that match no file', () => {
    const root = app({ 'bookfirst.config.json': JSON.stringify({ include: ['src/**', 'apps/**/*.ts'] }) });
    const fromConfig = scanDir(root);
    expectNormal(fromConfig);
    expect(messages(fromConfig, 'include-unmatched')).toEqual(['bookfirst.config.json: include glob "apps/**/*.ts" matches no source file']);
    expectAppStillPasses(fromConfig);
    const fromFlag = scanDir(root, ['--include', 'nothing/**', '--include', 'lib/*.js']);
    expectNormal(fromFlag);
    expect(messages(fromFlag, 'include-unmatched').sort()).toEqual([
      '.: include glob "lib/*.js" (--include) matches no source file: nothing was scanned',
      '.: include glob "nothing/**" (--include) matches no source file: nothing was scanned',
    ]);
    expect(fromFlag.report.stats.files).toBe(0);
  });

  for (const endian of ['le', 'be'] as const) {
    it(`a bookfirst config, a tsconfig and package.json files in UTF-16 ${endian.toUpperCase()} with a BOM`, () => {
      const manifest = JSON.parse(passingApp['package.json']!);
      const s = scanDir(app({
        'bookfirst.config.json': utf16(JSON.stringify({ entities: ['Reservation'] }), endian),
        'tsconfig.json': utf16(passingApp['tsconfig.json']!, endian),
        'package.json': utf16(JSON.stringify(manifest), endian),
        'packages/x/package.json': utf16(JSON.stringify({ name: 'x', dependencies: { stripe: '1' } }), endian),
        'src/lib/near.ts': 'export const near = 1;\n',
        'src/lib/uses-near.ts': "import { near } from './near';\nexport const x = near;\n",
      }));
      expectNormal(s);
      // Decoded as the sources are: nothing to report, and relative imports and the `@/` aliases still resolve.
      expect(codes(s)).toEqual([]);
      expectAppStillPasses(s);
    });
  }

  it('a Prisma schema, package.json, tsconfig and .gitignore saved with a UTF-8 BOM', () => {
    const bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    const s = scanDir(app({
      'package.json': bom(passingApp['package.json']!),
      'tsconfig.json': bom(passingApp['tsconfig.json']!),
      // The app's one model, `Booking`, on the schema's first line: read as the booking it is.
      'prisma/schema.prisma': bom(passingApp['prisma/schema.prisma']!),
      '.gitignore': bom('src/scratch/\n'),
      'src/scratch/try.ts': "import Stripe from 'stripe';\nexport const t = () => new Stripe('sk').paymentIntents.create({ amount: 1, currency: 'eur' });\n",
    }));
    expectNormal(s);
    expect(codes(s)).toEqual([]);
    expect(s.report.checks.find((c: { id: string }) => c.id === 'initial-booking-state').paths.map((p: { reason: string }) => p.reason)).toEqual(['pending-status-set']);
    expectAppStillPasses(s);
  });

  it('a tsconfig with over 5,000 `paths` patterns and imports resolved by its `baseUrl` alone', () => {
    const paths: Record<string, string[]> = {};
    for (let i = 0; i < 6_000; i++) paths[`@gen${i}/*`] = [`./generated/${i}/*`];
    paths['@/*'] = ['./src/*'];
    const s = scanDir(app({
      'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths } }),
      'src/lib/checkout.ts': "import { stripe } from '@/lib/stripe';\nexport const startCheckout = (bookingId: string) =>\n  stripe.checkout.sessions.create({ mode: 'payment', client_reference_id: bookingId, metadata: { bookingId } });\n",
      'src/app/api/book/route.ts': "import { db } from '@/lib/db';\nimport { startCheckout } from 'src/lib/checkout';\nexport async function POST() {\n  const booking = await db.booking.create({ data: { status: 'PENDING' } });\n  return Response.json(await startCheckout(booking.id));\n}\n",
    }));
    expectNormal(s);
    expect(codes(s)).toEqual(['tsconfig.json tsconfig-paths-many']);
    // `src/lib/checkout` is found under the baseUrl, as TypeScript finds it: its payment is reached from the route.
    const found = s.report.checks[0].paths.map((p: { entry: { file: string }; payment: { file: string }; status: string }) => `${p.entry.file} -> ${p.payment.file} ${p.status}`);
    expect(found).toEqual(['src/app/api/book/route.ts -> src/lib/checkout.ts pass', 'src/app/api/checkout/route.ts -> src/app/api/checkout/route.ts pass']);
  });
  it('tsconfig `extends` naming packages called like Object.prototype members, and workspace packages named so', () => {
    // `constructor` looked up in the table of workspace packages found Object's own: a crash (exit 2).
    const s = scanDir(app({
      'tsconfig.json': JSON.stringify({ extends: ['constructor', 'hasOwnProperty/x.json', '__proto__'], compilerOptions: { baseUrl: '.', paths: { '@/*': ['./src/*'] } } }),
      'packages/a/package.json': JSON.stringify({ name: 'toString', main: 'src/index.ts' }),
      'packages/a/src/index.ts': 'export const t = 1;\n',
      'packages/b/package.json': JSON.stringify({ name: '__proto__' }),
      'src/uses.ts': "import { t } from 'toString';\nexport const u = t;\n",
    }));
    expectNormal(s);
    expect(codes(s)).toEqual(['tsconfig.json tsconfig-extends-missing', 'tsconfig.json tsconfig-extends-missing', 'tsconfig.json tsconfig-extends-missing']);
    expectAppStillPasses(s);
  });

  it('tsconfig `extends` and `references` entries of the wrong type', () => {
    const s = scanDir(app({
      'tsconfig.json': JSON.stringify({ extends: [5, null, './base.json'], compilerOptions: { baseUrl: '.', paths: { '@/*': ['./src/*'] } }, references: [5, { path: 7 }, { path: './packages/a' }] }),
      'base.json': '{}',
      'packages/a/tsconfig.json': JSON.stringify({ extends: { path: '../../base.json' }, references: { path: '..' } }),
    }));
    expectNormal(s);
    expect(messages(s, 'tsconfig-option-invalid').sort()).toEqual([
      'packages/a/tsconfig.json: `extends` is an object, not a config path or an array of them; it is ignored',
      'packages/a/tsconfig.json: `references` is an object, not an array of { path }; it is ignored',
      'tsconfig.json: `extends[0]` is number 5, not a config path; it is ignored',
      'tsconfig.json: `extends[1]` is null, not a config path; it is ignored',
      'tsconfig.json: `references[0]` is number 5, not { path }; it is ignored',
      'tsconfig.json: `references[1].path` is number 7, not a path; it is ignored',
    ]);
    expectAppStillPasses(s);
  });

  it('Deno configs and import maps whose `imports` is not an object of strings', () => {
    const s = scanDir(app({
      'supabase/functions/pay/deno.json': JSON.stringify({ imports: 5 }),
      'supabase/functions/book/import_map.json': JSON.stringify({ imports: ['stripe'] }),
      'supabase/functions/mixed/deno.json': JSON.stringify({ imports: { stripe: 'npm:stripe@17', bad: 3 } }),
    }));
    expectNormal(s);
    expect(messages(s, 'deno-config-invalid').sort()).toEqual([
      'supabase/functions/book/import_map.json: `imports` is an array, not an object of specifiers and their targets; it is ignored',
      'supabase/functions/mixed/deno.json: `imports` of "bad" is number 3, not a target; it is ignored',
      'supabase/functions/pay/deno.json: `imports` is number 5, not an object of specifiers and their targets; it is ignored',
    ]);
    expectAppStillPasses(s);
  });

  it('a manifest field holding a 20 MB string: the message quotes its start only', () => {
    const s = scanDir(app({ 'packages/a/package.json': JSON.stringify({ name: 'a', dependencies: 'x'.repeat(20_000_000) }) }));
    expectNormal(s);
    expect(messages(s, 'manifest-field-invalid')).toEqual([
      `packages/a/package.json: \`dependencies\` is the string "${'x'.repeat(40)}…" (20000000 characters), not an object of package names and versions; its packages are unknown`,
    ]);
    expectAppStillPasses(s);
  });
  it('a .gitignore saved as UTF-16: git applies none of its rules, and neither does the scan', () => {
    // Decoded, its `*` would hide the whole tree, which git does not: it reads the file as bytes.
    const s = scanDir(app({ '.gitignore': utf16('*\n', 'le') }));
    expectNormal(s);
    expect(messages(s, 'gitignore-utf16')).toEqual(['.gitignore: saved as UTF-16, so git applies none of its rules, and neither does bookfirst; save it as UTF-8']);
    expectAppStillPasses(s);
  });

  it('directories named tsconfig.json, package.json and deno.json', () => {
    const root = app({ 'packages/a/package.json/x.txt': 'y', 'supabase/functions/deno.json/x.txt': 'y', 'tsconfig.base.json': passingApp['tsconfig.json']! });
    fs.rmSync(path.join(root, 'tsconfig.json'));
    fs.mkdirSync(path.join(root, 'tsconfig.json'));
    const s = scanDir(root);
    expectNormal(s);
    expect(messages(s, 'not-a-file')).toEqual([
      'packages/a/package.json: a directory named like a project file; its settings are not read, its files are scanned',
      'supabase/functions/deno.json: a directory named like a project file; its settings are not read, its files are scanned',
      'tsconfig.json: a directory named like a project file; its settings are not read, its files are scanned',
    ]);
  });
});
