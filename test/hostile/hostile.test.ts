// Hostile inputs, generated at test time: each case is the small passing app plus something nasty.
// The scan must end normally (exit 0 or 1, never 2, never a signal), quickly, with the diagnostic
// the code produces for that input, and the bad file must cost only itself.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { passingApp, runCli } from '../helpers/cli.js';
import { makeProject } from '../helpers/project.js';
import { app, codes, expectAppStillPasses, expectNormal, LIMIT_MS, relevant, ROUTE, scanDir } from './scan.js';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/** A re-scan with the cache: what was damaged in it is said, and costs only itself. */
function expectCacheIgnored(root: string): void {
  const s = scanDir(root, ['--cache']);
  expectNormal(s);
  expect(codes(s)).toEqual(['.bookfirst-cache/files.json cache-ignored']);
  expectAppStillPasses(s);
}

describe('hostile inputs', () => {
  it('a checkout route that does not parse: the skipped checks name it', () => {
    const root = makeProject({
      'package.json': JSON.stringify({ name: 'broken-checkout', dependencies: { next: '15.0.0', stripe: '17.0.0', '@prisma/client': '6.0.0' } }),
      'prisma/schema.prisma': 'model Booking {\n  id String @id\n  status String\n}\n',
      'src/app/api/checkout/route.ts': "import Stripe from 'stripe';\nexport async function POST(req: Request) {\n  const s = await new Stripe('k').checkout.sessions.create({ mode: 'payment' ;\n}\n",
      // Broken too, but nothing payment or booking code reaches: no reason to doubt the skip.
      'src/lib/format.ts': 'export const label = (s: string) => ;\n',
    }, 'bookfirst-hostile-');
    const s = scanDir(root);
    expectNormal(s);
    const check = s.report.checks.find((c: { id: string }) => c.id === 'confirmation-record');
    expect(check.verdict).toBe('skip');
    expect(check.detail).toContain('src/app/api/checkout/route.ts');
    expect(check.detail).not.toContain('src/lib/format.ts');
  });

  it('a file with a syntax error', () => {
    const s = scanDir(app({ 'src/broken.ts': 'export const = ;\nfunction (\n', 'src/half.ts': 'export const ok = 1;\nconst x = ;\n' }));
    expectNormal(s);
    expect(codes(s)).toEqual(expect.arrayContaining(['src/broken.ts parse-error', 'src/half.ts parse-error']));
    expect(s.report.stats.parseErrors).toBe(2);
    expectAppStillPasses(s);
  });

  it('component files with broken, unclosed, empty or endless script blocks', () => {
    const s = scanDir(app({
      'src/components/Broken.svelte': '<p>x</p>\n<script lang="ts">\n  let x: = ;\n</script>\n',
      'src/components/Unclosed.vue': '<template><p /></template>\n<script setup>\nconst a = 1;\n',
      'src/components/Empty.vue': '',
      'src/components/Open.astro': "---\nimport Stripe from 'stripe';\nconst s = new Stripe('k');\n",
      'src/components/Many.svelte': '<script lang="ts"\n'.repeat(100_000),
    }));
    expectNormal(s);
    expect(codes(s)).toContain('src/components/Broken.svelte parse-error');
    expectAppStillPasses(s);
  });

  it('a binary file with NUL bytes', () => {
    const s = scanDir(app({ 'src/blob.ts': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x00, 0x01, 0xff, 0x00]) }));
    expectNormal(s);
    expect(codes(s)).toContain('src/blob.ts binary');
    expectAppStillPasses(s);
  });

  it('a file that is not valid UTF-8', () => {
    const s = scanDir(app({ 'src/latin1.ts': Buffer.concat([Buffer.from("export const city = '"), Buffer.from([0xe9, 0xe8, 0xff]), Buffer.from("';\n")]) }));
    expectNormal(s);
    expect(codes(s)).toContain('src/latin1.ts encoding');
    expectAppStillPasses(s);
  });

  it('the payment route with a UTF-8 BOM and CRLF line ends', () => {
    const crlf = passingApp[ROUTE]!.replace(/\n/g, '\r\n');
    const s = scanDir(app({ [ROUTE]: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(crlf, 'utf8')]) }));
    expectNormal(s);
    expect(s.report.diagnostics).toEqual([]);
    expectAppStillPasses(s);
  });

  it('the payment route with classic Mac line ends (CR only)', () => {
    const s = scanDir(app({ [ROUTE]: passingApp[ROUTE]!.replace(/\n/g, '\r') }));
    expectNormal(s);
    expect(s.report.diagnostics).toEqual([]);
    expectAppStillPasses(s);
    expect(s.report.checks[0].paths[0].snippets[0].lines.length).toBeGreaterThan(1);
  });

  it('the payment route in UTF-16 LE with a BOM', () => {
    const s = scanDir(app({ [ROUTE]: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(passingApp[ROUTE]!, 'utf16le')]) }));
    expectNormal(s);
    expect(s.report.diagnostics).toEqual([]);
    expectAppStillPasses(s);
  });

  it('the payment route in UTF-32, little- and big-endian, with a BOM', () => {
    const text = [...passingApp[ROUTE]!].map((c) => c.codePointAt(0)!);
    const le = Buffer.alloc(4 * (text.length + 1));
    le.writeUInt32LE(0xfeff, 0);
    text.forEach((cp, i) => le.writeUInt32LE(cp, 4 * (i + 1)));
    const be = Buffer.from(le).swap32();
    for (const encoded of [le, be]) {
      const s = scanDir(app({ [ROUTE]: encoded }));
      expectNormal(s);
      expect(s.report.diagnostics).toEqual([]);
      expectAppStillPasses(s);
    }
  });

  it('a truncated UTF-16 file (BOM, odd byte count)', () => {
    const s = scanDir(app({ 'src/odd.ts': Buffer.from([0xfe, 0xff, 0x00, 0x61, 0x00]) }));
    expectNormal(s);
    expectAppStillPasses(s);
  });

  it('a 5 MB minified bundle and a smaller minified chunk', () => {
    const statement = 'var a=function(b){return b+1};';
    const big = statement.repeat(Math.ceil((5 * 1024 * 1024) / statement.length));
    const small = statement.repeat(Math.ceil(300_000 / statement.length));
    const s = scanDir(app({ 'src/vendor/chunk.js': big, 'src/vendor/small-chunk.js': small }));
    expectNormal(s);
    expect(codes(s)).toEqual(expect.arrayContaining(['src/vendor/chunk.js too-large', 'src/vendor/small-chunk.js minified']));
    expectAppStillPasses(s);
  });

  it('a file with 20,000 chained + operands', () => {
    const operands = Array.from({ length: 20_000 }, (_, i) => `'p${i % 10}'`).join(' +\n  ');
    const s = scanDir(app({ 'src/generated/strings.ts': relevant(`export const text =\n  ${operands};\n`) }));
    expectNormal(s);
    // Fully analyzed (no recursion over the chain), and reported as the oddity it is.
    expect(codes(s).filter((c) => c.startsWith('src/generated/'))).toEqual(['src/generated/strings.ts long-expression']);
    expect(s.report.stats.parsed).toBe(s.report.stats.files);
    expectAppStillPasses(s);
  });

  it('a generated payment route with 2,000 branches, each writing the booking or refunding', () => {
    // One function with thousands of store and provider calls: indexes and flow passes must stay linear in them.
    const branches = Array.from({ length: 2_000 }, (_, i) => `  if (body.v${i}) await db.booking.update({ where: { id: body.id }, data: { n: ${i} } });\n  else await stripe.refunds.create({ payment_intent: body.pi });`).join('\n');
    const route = `import Stripe from 'stripe';\nimport { PrismaClient } from '@prisma/client';\nconst stripe = new Stripe('sk');\nconst db = new PrismaClient();\nexport async function POST(req: Request) {\n  const body = await req.json();\n${branches}\n  const booking = await db.booking.create({ data: { status: 'PENDING' } });\n  return stripe.checkout.sessions.create({ mode: 'payment', metadata: { bookingId: booking.id } });\n}\n`;
    const s = scanDir(app({ 'src/app/api/generated/route.ts': route }));
    expectNormal(s);
    const paths = s.report.checks[0].paths.map((p: { payment: { file: string }; status: string }) => `${p.payment.file} ${p.status}`);
    expect(paths).toEqual([`${ROUTE} pass`, 'src/app/api/generated/route.ts pass']);
  });

  it('a barrel of 1,000 `export *` lines, each name imported through it by its own route', () => {
    // Each import asks the barrel for one name: only the modules that export it may be evaluated.
    const files: Record<string, string> = { 'src/pay/index.ts': Array.from({ length: 1_000 }, (_, i) => `export * from './p${i}';`).join('\n') };
    for (let i = 0; i < 1_000; i++) {
      files[`src/pay/p${i}.ts`] = `import Stripe from 'stripe';\nconst s = new Stripe('sk');\nexport async function pay${i}(id: string) {\n  return s.paymentIntents.create({ amount: ${i + 1}, currency: 'eur', metadata: { bookingId: id } });\n}\n`;
      files[`src/app/api/r${i}/route.ts`] = `import { pay${i} } from '@/pay';\nimport { db } from '@/lib/db';\nexport async function POST() {\n  const booking = await db.booking.create({ data: { status: 'PENDING' } });\n  return pay${i}(booking.id);\n}\n`;
    }
    const s = scanDir(app(files));
    // 2,001 files: the budget grows with them (a quadratic step took 95 s here), so a loaded CI machine does not fail it.
    expectNormal(s, LIMIT_MS + 2_001 * 5);
    const check = s.report.checks[0];
    expect([check.verdict, check.passed, check.total]).toEqual(['pass', 1_001, 1_001]);
  });

  it('a ring of 1,000 barrels that `export *` one another, and imports of names none of them has', () => {
    // Names exported through a cycle were worked out again from each barrel of it (22 s).
    const ring: Record<string, string> = {};
    for (let i = 0; i < 1_000; i++) ring[`src/ring/b${i}.ts`] = `export * from './b${(i + 1) % 1_000}';\nexport const v${i} = ${i};\n`;
    ring['src/ring/use.ts'] = relevant("import { v999, missing } from './b0';\nexport async function pay() {\n  return client.paymentIntents.create({ amount: v999, currency: 'eur', metadata: { missing } });\n}\n");
    const s = scanDir(app(ring));
    expectNormal(s);
    expect(codes(s).filter((c) => c.startsWith('src/ring/'))).toEqual([]);
    // The app's path and the ring's payment (which writes no booking).
    expect(s.report.checks[0].total).toBe(2);
  });

  it('a file with 3,000 nested blocks', () => {
    const s = scanDir(app({ 'src/deep.ts': relevant(`export function f() {\n${'{\n'.repeat(3000)}g();\n${'}\n'.repeat(3000)}}\n`) }));
    expectNormal(s);
    expect(codes(s)).toContain('src/deep.ts too-deep');
    expectAppStillPasses(s);
  });

  it('a file with 600 nested blocks (under the bracket guard, over the walker depth)', () => {
    const s = scanDir(app({ 'src/deep.ts': relevant(`export function f() {\n${'{\n'.repeat(600)}g();\n${'}\n'.repeat(600)}}\n`) }));
    expectNormal(s);
    expect(codes(s)).toContain('src/deep.ts too-deep');
    expectAppStillPasses(s);
  });

  it('a 20,000-long else-if chain without braces', () => {
    const chain = `export function f(a: number) {\n  ${'if (a) g();\n  else '.repeat(20_000)}g();\n}\n`;
    const s = scanDir(app({ 'src/chain.ts': relevant(chain) }));
    expectNormal(s);
    expect(codes(s)).toContain('src/chain.ts too-deep');
    expectAppStillPasses(s);
  });

  it('20,000 chained `<` comparisons and 20,000 nested type arguments in TypeScript', () => {
    // oxc-parser tries each `<` as the start of type arguments, recursively: a segmentation fault at 8,000.
    const chain = `export const sorted = (a: any) =>\n  ${Array.from({ length: 20_000 }, (_, i) => `a.p${i}`).join(' <\n  ')};\n`;
    const nested = `export type Deep = ${'Array<\n'.repeat(20_000)}string${'>\n'.repeat(20_000)};\n`;
    // The same comparisons in JavaScript are no trouble and are analyzed.
    const plain = `export const sorted = (a) =>\n  ${Array.from({ length: 20_000 }, (_, i) => `a.p${i}`).join(' <\n  ')};\n`;
    const s = scanDir(app({ 'src/generated/chain.ts': relevant(chain), 'src/generated/nested.tsx': relevant(nested), 'src/generated/plain.js': plain }));
    expectNormal(s);
    expect(codes(s).filter((c) => c.startsWith('src/generated/'))).toEqual(['src/generated/chain.ts too-deep', 'src/generated/nested.tsx too-deep']);
    expectAppStillPasses(s);
  });

  it('20,000 nested conditional operators', () => {
    const s = scanDir(app({ 'src/ternary.ts': relevant(`export const x = (a: number) =>\n  ${'a ? 1 :\n  '.repeat(20_000)}0;\n`) }));
    expectNormal(s);
    expect(codes(s)).toContain('src/ternary.ts too-deep');
    expectAppStillPasses(s);
  });

  it('20,000 curried arrow functions', () => {
    const s = scanDir(app({ 'src/curry.ts': relevant(`export const f =\n  ${'(a: number) =>\n  '.repeat(20_000)}0;\n`) }));
    expectNormal(s);
    expect(codes(s)).toContain('src/curry.ts too-deep');
    expectAppStillPasses(s);
  });

  it('a generated file with 10,000 try/catch/finally statements', () => {
    const body = Array.from({ length: 10_000 }, (_, i) => `try { step${i}(); } catch (e) { report(e); } finally { tick(); }`).join('\n');
    const s = scanDir(app({ 'src/generated/steps.ts': relevant(`${body}\n`) }));
    expectNormal(s);
    expect(codes(s).filter((c) => c.startsWith('src/generated/'))).toEqual([]);
    expectAppStillPasses(s);
  });

  it('a 50,000-line file of functions and exported constants', () => {
    const unit = (i: number) => `export function f${i}(a: any) {\n  const x = a.p${i} + ${i};\n  if (x > 10) {\n    return g(x);\n  }\n  log('f${i}', x);\n  return x;\n}\nexport const c${i} = ${i};\n`;
    const body = Array.from({ length: 5_000 }, (_, i) => unit(i)).join('\n');
    expect(body.split('\n').length).toBeGreaterThanOrEqual(50_000);
    const s = scanDir(app({ 'src/generated/long.ts': relevant(body) }));
    expectNormal(s);
    // Analyzed in full: exports are not what makes the parser slow, only import declarations are.
    expect(codes(s).filter((c) => c.startsWith('src/generated/'))).toEqual([]);
    expectAppStillPasses(s);
  });

  it('a switch of 5,000 cases, each starting a payment in a function no route reaches', () => {
    // Per-path work that scanned the whole function (or every fact the entry reaches) made this quadratic: 38 s at 4,000.
    const cases = Array.from({ length: 5_000 }, (_, i) => `    case ${i}: return client.paymentIntents.create({ amount: ${i + 100}, currency: 'eur' });`).join('\n');
    const s = scanDir(app({ 'src/generated/switch.ts': relevant(`export function charge(kind: number) {\n  switch (kind) {\n${cases}\n  }\n}\n`) }));
    expectNormal(s, 20_000);
    expect(codes(s).filter((c) => c.startsWith('src/generated/'))).toEqual([]);
  });

  it('5,000 statements each deriving a value from the one before, and a chain of 3,000 methods to a payment', () => {
    // Values one step longer per statement cost their square (37 s at 4,000); summaries settled in
    // rounds over every function asked the whole chain once per link (10 s at 2,000).
    const lets = Array.from({ length: 5_000 }, (_, i) => `  const x${i + 1} = x${i}?.p ?? a;`).join('\n');
    const derived = relevant(`const x0 = { p: 1 };\nexport async function pay(a: any) {\n${lets}\n  return client.paymentIntents.create({ amount: 1, metadata: { x: x5000 } });\n}\n`);
    const methods = Array.from({ length: 3_000 }, (_, i) => `  m${i}() { return this.m${i + 1}(); }`).join('\n');
    const chain = relevant(`export class Checkout {\n${methods}\n  m3000() { return client.paymentIntents.create({ amount: 1, currency: 'eur' }); }\n}\n`);
    const s = scanDir(app({ 'src/generated/derived.ts': derived, 'src/generated/chain.ts': chain }));
    expectNormal(s, 15_000);
    expect(codes(s).filter((c) => c.startsWith('src/generated/'))).toEqual([]);
  });

  it('a ring of 2,000 CommonJS modules, each starting a payment and calling the next', () => {
    // One route reaches 2,000 payments, each by a chain up to 2,000 calls long: every path searched
    // the graph again and carried its whole chain as a trace (26 s and a 520 MB report).
    const N = 2_000;
    const ring: Record<string, string> = { 'src/ring/stripe.js': "const Stripe = require('stripe');\nexports.stripe = new Stripe('k');\n" };
    for (let i = 0; i < N; i++) {
      const next = (i + 1) % N;
      ring[`src/ring/m${i}.js`] = `const n = require('./m${next}.js');\nconst { stripe } = require('./stripe.js');\nexports.f${i} = async (x) => { await stripe.paymentIntents.create({ amount: 1 }); return n.f${next}(x); };\n`;
    }
    ring['src/app/api/ring/route.ts'] = "const m = require('../../../ring/m0.js');\nexport async function POST() { await m.f0(1); return Response.json({}); }\n";
    const s = scanDir(app(ring));
    expectNormal(s, 20_000);
    const paths = s.report.checks.find((c: { id: string }) => c.id === 'confirmation-record').paths;
    expect(paths.length).toBeGreaterThan(N);
    expect(Math.max(...paths.map((p: { trace: unknown[] }) => p.trace.length))).toBeLessThanOrEqual(44);
  });

  it('chains 2,000 files long: `export *`, `module.exports = require()`, classes extending the previous file\'s, calls', () => {
    // Every link is a step of the evaluator or of a path's chain across files; none may recurse once per link.
    const N = 2_000;
    const files: Record<string, string> = {
      'src/es/m2000.ts': relevant('export const pay = () => client.paymentIntents.create({ amount: 1 });\n'),
      'src/es/use.ts': "import { pay } from './m0';\nexport async function POST() { await pay(); return Response.json({}); }\n",
      'src/rc/m2000.js': "const Stripe = require('stripe');\nmodule.exports = { pay: () => new Stripe('k').paymentIntents.create({ amount: 2 }) };\n",
      'src/rc/use.js': "const { pay } = require('./m0');\nexports.POST = async () => { await pay(); };\n",
      'src/cf/k0.ts': relevant('export class K0 { pay() { return client.paymentIntents.create({ amount: 3 }); } }\n'),
      [`src/cf/use.ts`]: `import { K${N} } from './k${N}';\nexport async function POST() { await new K${N}().pay(); return Response.json({}); }\n`,
      'src/ff/f0.ts': relevant('export const f0 = () => client.paymentIntents.create({ amount: 4 });\n'),
      'src/app/api/deep/route.ts': `import { f${N} } from '../../../ff/f${N}';\nexport async function POST() { await f${N}(); return Response.json({}); }\n`,
    };
    for (let i = 0; i < N; i++) {
      files[`src/es/m${i}.ts`] = `export * from './m${i + 1}';\n`;
      files[`src/rc/m${i}.js`] = `module.exports = require('./m${i + 1}');\n`;
      files[`src/cf/k${i + 1}.ts`] = `import { K${i} } from './k${i}';\nexport class K${i + 1} extends K${i} {}\n`;
      files[`src/ff/f${i + 1}.ts`] = `import { f${i} } from './f${i}';\nexport const f${i + 1} = async () => { await f${i}(); };\n`;
    }
    const s = scanDir(app(files));
    expectNormal(s, 20_000);
    const paths = s.report.checks.find((c: { id: string }) => c.id === 'confirmation-record').paths;
    // Each chain's payment is reached from its entry point, and none of them writes a booking first.
    const failing = paths.filter((p: { status: string }) => p.status === 'fail').map((p: { payment: { file: string } }) => p.payment.file).sort();
    expect(failing).toEqual(['src/cf/k0.ts', 'src/es/m2000.ts', 'src/ff/f0.ts', 'src/rc/m2000.js']);
  });

  it('a route writing 5,000 bookings by raw SQL after its payment', () => {
    // Each write looked for its call nodes and predecessors over the whole function: 14 s.
    const writes = Array.from({ length: 5_000 }, (_, i) => `  await db.$executeRaw\`INSERT INTO "Booking" (status, id) VALUES ('CONFIRMED', \${${i}})\`;`).join('\n');
    const route = `import { db } from '@/lib/db';\nimport { stripe } from '@/lib/stripe';\nexport async function POST(req: Request) {\n  const s = await stripe.paymentIntents.create({ amount: 1, currency: 'eur' });\n${writes}\n  return Response.json(s);\n}\n`;
    const s = scanDir(app({ 'src/app/api/sql/route.ts': route }));
    expectNormal(s, 10_000);
    expect(codes(s)).toEqual([]);
  });

  it('a string that repeats `import ` 50,000 times', () => {
    // The text pass's import pattern scanned from every `import` to the end of the string: 8 s.
    const s = scanDir(app({ 'src/generated/words.ts': relevant(`export const words = '${'import '.repeat(50_000)}';\n`) }));
    expectNormal(s, 4_000);
    expectAppStillPasses(s);
  });

  it('a class of 20,000 methods, each calling the next', () => {
    // Whether a method is a query helper was asked of every method over all the file's calls (8 s),
    // and the functions that never return were queued with shift() (quadratic).
    const methods = Array.from({ length: 20_000 }, (_, i) => `  m${i}() { return this.m${i + 1}(); }`).join('\n');
    const s = scanDir(app({ 'src/generated/chain.ts': relevant(`export class Chain {\n${methods}\n}\n`) }));
    expectNormal(s);
    expect(codes(s).filter((c) => c.startsWith('src/generated/'))).toEqual([]);
    expectAppStillPasses(s);
  });

  it('metadata re-spread into itself 5,000 times before the payment', () => {
    // The payload's (path, value) pairs grew without bound and overflowed the stack: every check errored.
    const spreads = Array.from({ length: 5_000 }, (_, i) => `  if (x.c${i}) v = { ...v, k${i}: v };`).join('\n');
    const s = scanDir(app({ 'src/generated/spread.ts': relevant(`export async function charge(x: any) {\n  let v = x;\n${spreads}\n  return client.paymentIntents.create({ amount: 1, currency: 'eur', metadata: v });\n}\n`) }));
    expectNormal(s);
    expect(s.report.checks.filter((c: { verdict: string }) => c.verdict === 'error')).toEqual([]);
    const route = s.report.checks[0].paths.find((p: { payment: { file: string } }) => p.payment.file === ROUTE);
    expect(route.status).toBe('pass');
  });

  it('20,000 exported functions that all call one payment helper', () => {
    // Every path re-read the payload and scanned the whole file for the fields a webhook reads: killed after 25 s.
    const callers = Array.from({ length: 20_000 }, (_, i) => `export async function f${i}() { return pay('${i}'); }`).join('\n');
    const helper = `export async function pay(id: string) { return client.paymentIntents.create({ amount: 1, currency: 'eur', metadata: { id } }); }\n`;
    const root = app({ 'src/generated/fan.ts': relevant(`${helper}${callers}\n`) });
    // Six checks of 20,000 paths each make a report of about 80 MB: written to a file.
    const out = path.join(root, 'report.json');
    const r = runCli(['scan', root, '--format', 'json', '-o', out], { timeoutMs: 40_000 });
    const report = JSON.parse(fs.readFileSync(out, 'utf8'));
    expectNormal({ status: r.status, signal: r.signal, ms: r.ms, stderr: r.stderr, report }, 20_000);
    expect(report.checks.filter((c: { verdict: string }) => c.verdict === 'error')).toEqual([]);
    expect(report.checks[0].total).toBeGreaterThan(20_000);
    // The text report once spread every line of a check into one push() and overflowed the stack.
    for (const format of ['text', 'markdown']) {
      const rendered = runCli(['render', out, '--format', format, '-o', path.join(root, `report.${format}`)], { timeoutMs: 40_000 });
      expect([rendered.status, rendered.stderr]).toEqual([0, '']);
    }
  });

  it('a route starting 2,000 payments, each after writing its own booking', () => {
    // Each payment looked through every write of the route for its provider id (17 s), and found
    // its failure branches over a fresh predecessor list of the whole function.
    const steps = Array.from({ length: 2_000 }, (_, i) => `  const b${i} = await db.booking.create({ data: { courtId: '${i}', status: 'PENDING' } });\n  await stripe.paymentIntents.create({ amount: ${i + 1}, currency: 'eur', metadata: { bookingId: b${i}.id } });`).join('\n');
    const route = `import { db } from '@/lib/db';\nimport { stripe } from '@/lib/stripe';\nexport async function POST(req: Request) {\n${steps}\n  return new Response('ok');\n}\n`;
    const s = scanDir(app({ 'src/app/api/many/route.ts': route }));
    expectNormal(s, 10_000);
    expect([s.report.checks[0].verdict, s.report.checks[0].passed, s.report.checks[0].total]).toEqual(['pass', 2_001, 2_001]);
  });

  it('a route starting 2,000 payments after one booking, each in a try whose catch marks the booking failed', () => {
    // Each failure branch asked, for every write of the route, which transaction it ran in, and each
    // answer scanned the whole function's SQL for a BEGIN (54 s at 400 payments).
    const steps = Array.from({ length: 2_000 }, (_, i) => `  try { await stripe.paymentIntents.create({ amount: ${i + 1}, currency: 'eur', metadata: { bookingId: b.id } }); } catch (e${i}) { await db.booking.update({ where: { id: b.id }, data: { status: 'FAILED' } }); }`).join('\n');
    const route = `import { db } from '@/lib/db';\nimport { stripe } from '@/lib/stripe';\nexport async function POST(req: Request) {\n  const b = await db.booking.create({ data: { courtId: 'c', status: 'PENDING' } });\n${steps}\n  return new Response('ok');\n}\n`;
    const s = scanDir(app({ 'src/app/api/many/route.ts': route }));
    expectNormal(s, 15_000);
    expect([s.report.checks[0].verdict, s.report.checks[0].passed, s.report.checks[0].total]).toEqual(['pass', 2_001, 2_001]);
  });

  it('a ring of 2,000 functions in one file, each passing on or starting a payment', () => {
    // Each payment's failure paths asked every frame of its chain again (46 s at 1,600 functions),
    // and each frame scanned the frames above it.
    const N = 2_000;
    const ring = Array.from({ length: N }, (_, i) => `async function f${i}(id: string, n: number): Promise<unknown> { if (n > 0) return f${(i + 1) % N}(id, n - 1); return stripe.checkout.sessions.create({ metadata: { bookingId: id } }); }`).join('\n');
    const route = `import { db } from '@/lib/db';\nimport { stripe } from '@/lib/stripe';\n${ring}\nexport async function POST() {\n  const b = await db.booking.create({ data: { courtId: 'c', status: 'PENDING' } });\n  return Response.json(await f0(b.id, 5));\n}\n`;
    const s = scanDir(app({ 'src/app/api/ring/route.ts': route }));
    expectNormal(s, 20_000);
    expect([s.report.checks[0].verdict, s.report.checks[0].passed, s.report.checks[0].total]).toEqual(['pass', N + 1, N + 1]);
  });

  it('an Express app registering 1,500 routes in one file, each booking, paying and deleting the booking in its catch', () => {
    // Each cancellation asked every payment of the program whether it moved money, and went through
    // the whole call graph, although its handler calls no function of the app (about 55 s).
    const N = 1_500;
    const routes = Array.from({ length: N }, (_, i) => `app.post('/book/${i}', async (req, res) => {\n  const b = await prisma.booking.create({ data: { courtId: '${i}', status: 'PENDING' } });\n  try {\n    res.json(await stripe.checkout.sessions.create({ mode: 'payment', metadata: { bookingId: b.id } }));\n  } catch (e) {\n    await prisma.booking.delete({ where: { id: b.id } });\n    res.status(502).end();\n  }\n});`).join('\n');
    const server = `import express from 'express';\nimport Stripe from 'stripe';\nimport { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();\nconst stripe = new Stripe(process.env.STRIPE_KEY!);\nconst app = express();\n${routes}\napp.listen(3000);\n`;
    const s = scanDir(app({ 'src/server.ts': server, 'package.json': JSON.stringify({ name: 'court-booking', private: true, dependencies: { '@prisma/client': '^6.2.0', express: '^4.21.0', next: '15.1.0', stripe: '^17.5.0' } }) }));
    expectNormal(s, 25_000);
    expect([s.report.checks[0].verdict, s.report.checks[0].passed, s.report.checks[0].total]).toEqual(['pass', N + 1, N + 1]);
  });

  it('a SQL dump of 20,000 tables, migrations and a Prisma schema that never close what they open, and 20,000 Vercel crons', () => {
    // Each statement's line was counted from the start of the file, each altered table searched
    // for in the list of all, and every unclosed `(`, `{`, `$tag$` or comma list scanned to the end
    // of the file once per statement: each of these took minutes.
    const dump = Array.from({ length: 20_000 }, (_, i) => `create table booking_${i} (id int primary key, status text);\nalter table booking_${i} add column state text default 'pending';\ncreate function hold_${i}() returns void as $$ insert into booking_${i} values (1); $$ language sql;`).join('\n');
    const s = scanDir(app({
      'supabase/migrations/0001_dump.sql': dump,
      'db/unclosed-tables.sql': 'create table t ('.repeat(100_000),
      'db/unclosed-functions.sql': 'create function f('.repeat(100_000) + Array.from({ length: 50_000 }, (_, i) => `create function g() as $t${i}$ `).join(''),
      'db/long-alter.sql': `alter table t add column a int${', b int'.repeat(100_000)};`,
      'db/cron.sql': 'select cron.schedule('.repeat(50_000),
      'prisma/unclosed.prisma': 'model A {\n'.repeat(100_000),
      'vercel.json': JSON.stringify({ crons: Array.from({ length: 20_000 }, (_, i) => ({ path: `/api/cron/job-${i}`, schedule: '*/5 * * * *' })) }),
    }));
    expectNormal(s);
    expectAppStillPasses(s);
  });

  it('1,000 workspace packages, each tsconfig extending the one before, the first a base that is missing', () => {
    // Every config read its whole chain again (half a million reads) and said so for the missing base each time.
    const N = 1_000;
    const files: Record<string, string> = { 'package.json': JSON.stringify({ ...JSON.parse(passingApp['package.json']!), workspaces: ['packages/*'] }) };
    for (let i = 0; i < N; i++) {
      files[`packages/p${i}/package.json`] = JSON.stringify({ name: `@w/p${i}`, main: 'src/index.ts' });
      files[`packages/p${i}/tsconfig.json`] = JSON.stringify({ extends: i === 0 ? '@w/missing-config/base.json' : `../p${i - 1}/tsconfig.json` });
      files[`packages/p${i}/src/index.ts`] = `export const v${i} = ${i};\n`;
    }
    const s = scanDir(app(files));
    expectNormal(s);
    expect(codes(s)).toEqual(['packages/p0/tsconfig.json tsconfig-extends-missing']);
    expectAppStillPasses(s);
  });

  it('a file with 12,000 import declarations', () => {
    // oxc-parser's time grows with the square of a file's import declarations.
    const imports = Array.from({ length: 12_000 }, (_, i) => `import * as m${i} from './m${i % 50}';`).join('\n');
    const s = scanDir(app({ 'src/generated/imports.ts': relevant(`${imports}\n`) }));
    expectNormal(s);
    expect(codes(s).filter((c) => c.startsWith('src/generated/'))).toEqual(['src/generated/imports.ts too-large']);
    expectAppStillPasses(s);
  });

  it('5,000 functions in a ring, each passing its parameter to the next', () => {
    // Each parameter's value is what its caller passes: the evaluator must stop nesting long before the stack ends.
    const ring = Array.from({ length: 5_000 }, (_, i) => `const f${i} = (x: unknown): unknown => f${(i + 1) % 5_000}(x);`).join('\n');
    const s = scanDir(app({ 'src/generated/ring.ts': relevant(`${ring}\nexport const start = (req: unknown) => f0(req);\n`) }));
    expectNormal(s);
    expect(codes(s).filter((c) => c.startsWith('src/generated/'))).toEqual([]);
    expectAppStillPasses(s);
  });

  it('directories nested 1,500 deep', () => {
    // Each directory's real path is resolved once, not component by component (quadratic: 5 s at 700 deep, 3 min at 3,000).
    const root = app({});
    fs.mkdirSync(path.join(root, 'src', ...Array.from({ length: 1_500 }, () => 'd')), { recursive: true });
    fs.writeFileSync(path.join(root, 'src', ...Array.from({ length: 1_500 }, () => 'd'), 'deep.ts'), 'export const deep = 1;\n');
    const s = scanDir(root);
    expectNormal(s);
    expect(s.report.stats.files).toBe(Object.keys(passingApp).filter((f) => /\.[cm]?[jt]sx?$/.test(f)).length + 1);
    expectAppStillPasses(s);
  });

  it('a directory symlinked into itself', () => {
    const root = app({ 'src/loop/a.ts': 'export const a = 1;\n' });
    fs.symlinkSync('..', path.join(root, 'src/loop/again'));
    const s = scanDir(root);
    expectNormal(s);
    expect(codes(s)).toContain('src/loop/again symlink-loop');
    expectAppStillPasses(s);
  });

  it('file symlinks that point at each other, and a chain of 60 links', () => {
    const root = app({ 'src/lib/l0.ts': 'export const l = 1;\n' });
    for (let i = 1; i <= 60; i++) fs.symlinkSync(`l${i - 1}.ts`, path.join(root, `src/lib/l${i}.ts`));
    fs.symlinkSync('b.ts', path.join(root, 'src/lib/a.ts'));
    fs.symlinkSync('a.ts', path.join(root, 'src/lib/b.ts'));
    const s = scanDir(root);
    expectNormal(s);
    const skipped = s.report.diagnostics.filter((d: { code: string }) => d.code === 'symlink-skipped').map((d: { file: string; message: string }) => `${d.file}: ${d.message}`);
    expect(skipped).toContain('src/lib/a.ts: symlink chain loops or is too long; skipped');
    expect(skipped).toContain('src/lib/l60.ts: symlink chain loops or is too long; skipped');
    expectAppStillPasses(s);
  });

  it('a symlink pointing outside the root is not followed', () => {
    // The outside tree holds a failing payment route: following the link would add a failing path.
    const outside = makeProject({ 'api/pay/route.ts': "import Stripe from 'stripe';\nexport async function POST() {\n  return new Stripe('sk').paymentIntents.create({ amount: 1, currency: 'eur' });\n}\n" });
    const root = app({});
    fs.symlinkSync(outside, path.join(root, 'src/app/external'));
    const s = scanDir(root);
    expectNormal(s);
    expect(codes(s)).toContain('src/app/external symlink-skipped');
    expect(JSON.stringify(s.report)).not.toContain('external/api');
    expectAppStillPasses(s);
  });

  it('FIFOs where a source file, a tsconfig base and package.json files are expected are never opened', () => {
    // Opening a FIFO for reading blocks until a writer comes: one read of any of these hangs the scan.
    const root = app({
      'tsconfig.json': JSON.stringify({ extends: './tsconfig.base.json', references: [{ path: './tsconfig.node.json' }], compilerOptions: { baseUrl: '.', paths: { '@/*': ['./src/*'] } } }),
      'src/lib/uses-evil.ts': "import evil from 'evil';\nimport { near } from './near';\nexport const x = [evil, near];\n",
      'src/lib/near.ts': 'export const near = 1;\n',
    });
    fs.mkdirSync(path.join(root, 'node_modules/evil'), { recursive: true });
    for (const fifo of ['tsconfig.base.json', 'tsconfig.node.json', 'src/lib/package.json', 'node_modules/evil/package.json', 'src/lib/fifo.ts']) {
      execFileSync('mkfifo', [path.join(root, fifo)]);
    }
    fs.symlinkSync('fifo.ts', path.join(root, 'src/lib/linked.ts'));
    const s = scanDir(root);
    expectNormal(s);
    expect(codes(s)).toEqual(expect.arrayContaining([
      'src/lib/fifo.ts not-a-file', 'src/lib/linked.ts not-a-file', 'src/lib/package.json not-a-file',
      'tsconfig.base.json tsconfig-base-refused', 'tsconfig.node.json tsconfig-base-refused',
    ]));
    // Relative imports from a folder whose package.json is a FIFO still resolve, and so do the app's `@/` aliases.
    expect(codes(s)).not.toContain('src/lib/uses-evil.ts import-unresolved');
    expectAppStillPasses(s);
  });

  it('tsconfigs whose compilerOptions, baseUrl and paths have the wrong types or too many stars', () => {
    const s = scanDir(app({
      'packages/a/tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: './package.json', paths: { '@a/*': './src/*', '@b/*/*': ['./b/*/*'], '@c/*': ['./c/**/*'], '@d': [5] } } }),
      'packages/a/package.json': JSON.stringify({ name: 'a' }),
      'packages/b/tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: 5, paths: ['./src/*'] } }),
      'packages/c/tsconfig.json': JSON.stringify({ compilerOptions: [] }),
    }));
    expectNormal(s);
    expect(s.report.diagnostics.map((d: { file: string; message: string }) => `${d.file}: ${d.message.replace(/;.*/, '')}`)).toEqual([
      'packages/a/tsconfig.json: `baseUrl` "./package.json" is a file, not a folder',
      'packages/a/tsconfig.json: `paths` of "@a/*" is not an array of strings',
      'packages/a/tsconfig.json: `paths` pattern "@b/*/*" has more than one `*`',
      'packages/a/tsconfig.json: a `paths` target of "@c/*" has more than one `*`',
      'packages/a/tsconfig.json: `paths` of "@d" is not an array of strings',
      'packages/b/tsconfig.json: `baseUrl` is not a string',
      'packages/b/tsconfig.json: `paths` is not an object of patterns',
      'packages/c/tsconfig.json: `compilerOptions` is not an object',
    ]);
    expectAppStillPasses(s);
  });

  it('a tsconfig with 300,000 path patterns', () => {
    // oxc-resolver matches a specifier against every pattern, sorting them each time: a minute at 300,000.
    const paths: Record<string, string[]> = {};
    for (let i = 0; i < 300_000; i++) paths[`@gen${i}/*`] = [`./generated/${i}/*`];
    paths['@/*'] = ['./src/*'];
    const s = scanDir(app({ 'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths } }) }));
    expectNormal(s);
    expect(codes(s)).toEqual(['tsconfig.json tsconfig-paths-many']);
    expectAppStillPasses(s);
  });

  it('cache files that are FIFOs or a device are never opened', () => {
    const root = app({});
    const cache = path.join(root, '.bookfirst-cache');
    const swap = (name: string, make: (file: string) => void) => {
      fs.rmSync(path.join(cache, name), { force: true });
      make(path.join(cache, name));
    };
    const fifo = (file: string) => execFileSync('mkfifo', [file]);
    expectNormal(scanDir(root, ['--cache']));
    // Nothing changed: the check results are read, and the table's journal.
    swap('analysis.json', fifo);
    swap('files.changes.json', fifo);
    expectCacheIgnored(root);
    // An edit: the kept parses are read.
    fs.appendFileSync(path.join(root, 'src/lib/db.ts'), '// edited\n');
    swap('parsed.json', fifo);
    expectCacheIgnored(root);
    swap('files.json', (file) => fs.symlinkSync('/dev/zero', file));
    expectCacheIgnored(root);
  });

  it('a cache shipped in the tree whose kept parses name files outside the root or left out of the scan', () => {
    // The report showed lines of whatever file the kept parse named: one beside the root, a git-ignored `.env`.
    for (const outside of [true, false]) {
      const root = app({ '.gitignore': '.env\n', '.env': 'line 1\nline 2\nline 3\nline 4\nline 5\nline 6\nline 7\nSTRIPE_SECRET_KEY=sk_live_in_env\n' });
      const named = outside ? `../${path.basename(root)}-secret.ts` : '.env';
      fs.writeFileSync(path.join(root, named), Array.from({ length: 12 }, (_, i) => `const line${i + 1} = 'SECRET-OUTSIDE-THE-ROOT';`).join('\n'));
      expectNormal(scanDir(root, ['--cache']));
      const kept = path.join(root, '.bookfirst-cache', 'parsed.json');
      const json = JSON.parse(fs.readFileSync(kept, 'utf8'));
      json.files[ROUTE].result.ir.file = named;
      fs.writeFileSync(kept, JSON.stringify(json));
      fs.appendFileSync(path.join(root, 'src/lib/db.ts'), '// edited\n');
      const s = scanDir(root, ['--cache']);
      expectNormal(s);
      expect(JSON.stringify(s.report)).not.toMatch(/SECRET-OUTSIDE-THE-ROOT|sk_live_in_env/);
      expect(codes(s)).toEqual(['.bookfirst-cache/files.json cache-ignored']);
      expectAppStillPasses(s);
    }
  });

  it('a cache of valid JSON whose check results and kept parses hold nulls where records belong', () => {
    const root = app({});
    const cache = path.join(root, '.bookfirst-cache');
    const rewrite = (name: string, change: (json: any) => void) => {
      const json = JSON.parse(fs.readFileSync(path.join(cache, name), 'utf8'));
      change(json);
      fs.writeFileSync(path.join(cache, name), JSON.stringify(json));
    };
    expectNormal(scanDir(root, ['--cache']));
    rewrite('analysis.json', (a) => {
      a.checks = a.checks.map((c: object) => ({ ...c, paths: [null, {}] }));
    });
    expectCacheIgnored(root);
    fs.appendFileSync(path.join(root, 'src/lib/db.ts'), '// edited\n');
    rewrite('parsed.json', (kept) => {
      for (const f of Object.values(kept.files) as { result: { ir: Record<string, unknown> } }[]) {
        for (const key of ['sites', 'functions', 'bindings', 'imports', 'exports', 'classes']) f.result.ir[key] = [null, 5];
      }
    });
    expectCacheIgnored(root);
  });

  it('a cache directory in the tree that is a symlink out of it is neither read nor written through', () => {
    const outside = makeProject({ 'keep.txt': 'not the cache\n' }, 'bookfirst-hostile-outside-');
    const root = app({});
    fs.symlinkSync(outside, path.join(root, '.bookfirst-cache'));
    const s = scanDir(root, ['--cache']);
    expectNormal(s);
    expect(codes(s)).toEqual(expect.arrayContaining(['.bookfirst-cache cache-not-written']));
    expect(fs.readdirSync(outside)).toEqual(['keep.txt']);
    expectAppStillPasses(s);
  });

  it('a baseline that is a FIFO or a device is refused, never opened', () => {
    const root = app({});
    execFileSync('mkfifo', [path.join(root, '.bookfirst-baseline.json')]);
    fs.symlinkSync('/dev/zero', path.join(root, 'zero-baseline.json'));
    for (const baseline of ['.bookfirst-baseline.json', 'zero-baseline.json']) {
      const r = runCli(['scan', root, '--baseline', path.join(root, baseline)], { timeoutMs: 40_000 });
      expect(r.signal).toBeNull();
      expect(r.ms).toBeLessThan(LIMIT_MS);
      // A baseline that cannot be used is a usage error, as a corrupt one is.
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(`cannot read baseline ${path.join(root, baseline)}: not a regular file`);
    }
  });

  it('an unreadable file (root reads it anyway; the scan succeeds either way)', () => {
    const root = app({ 'src/secret.ts': 'export const s = 1;\n' });
    const file = path.join(root, 'src/secret.ts');
    fs.chmodSync(file, 0o000);
    try {
      const s = scanDir(root);
      expectNormal(s);
      if (!isRoot) expect(codes(s)).toContain('src/secret.ts unreadable');
      else expect(codes(s)).not.toContain('src/secret.ts unreadable');
      expectAppStillPasses(s);
    } finally {
      fs.chmodSync(file, 0o644);
    }
  });

  it('an invalid nested package.json', () => {
    const s = scanDir(app({ 'packages/broken/package.json': '{ "name": "broken", "dependencies": { ' }));
    expectNormal(s);
    expect(codes(s)).toContain('packages/broken/package.json manifest-invalid');
    expectAppStillPasses(s);
  });

  it('package.json files nested 200,000 deep, at the root and of an installed package', () => {
    // Valid JSON, but oxc-resolver parses manifests on its native stack: it must never be handed one.
    const deep = (fields: string) => `{ ${fields}, "x": ${'['.repeat(200_000)}${']'.repeat(200_000)} }`;
    const manifest = JSON.parse(passingApp['package.json']!);
    const fields = Object.entries(manifest).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ');
    const s = scanDir(app({ 'package.json': deep(fields), 'node_modules/stripe/package.json': deep('"name": "stripe"') }));
    expectNormal(s);
    expectAppStillPasses(s);
  });

  it('an invalid root package.json', () => {
    const s = scanDir(app({ 'package.json': '{{ not json' }));
    expectNormal(s);
    expect(codes(s)).toContain('package.json manifest-invalid');
  });

  it('tsconfigs with comments, trailing commas and an extends cycle, and one that is not JSON', () => {
    const s = scanDir(
      app({
        'tsconfig.json': '{\n  // app\n  "extends": "./tsconfig.base.json",\n  "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["./src/*",], }, },\n}\n',
        'tsconfig.base.json': '{\n  /* loops back */\n  "extends": "./tsconfig.json",\n}\n',
        'packages/x/tsconfig.json': '{ "compilerOptions": ',
        'packages/y/tsconfig.json': '{ "extends": ["./gone.json", "@missing/config"] }',
      }),
    );
    expectNormal(s);
    expect(codes(s)).toEqual([
      'packages/x/tsconfig.json tsconfig-invalid',
      'packages/y/tsconfig.json tsconfig-extends-missing',
      'packages/y/tsconfig.json tsconfig-extends-missing',
      'tsconfig.base.json tsconfig-extends-cycle',
    ]);
    expect(s.report.checks[0].verdict).not.toBe('error');
    // The loop is cut, not the aliases: the app's `@/` imports still resolve and its path still passes.
    expectAppStillPasses(s);
  });

  it('project references that name folders (a solution-style tsconfig), one of them missing', () => {
    const s = scanDir(
      app({
        'tsconfig.json': JSON.stringify({
          compilerOptions: { baseUrl: '.', paths: { '@/*': ['./src/*'] } },
          references: [{ path: './packages/shared' }, { path: 'packages/api/' }, { path: './packages/gone' }, { path: './tsconfig.node.json' }],
        }),
        'tsconfig.node.json': JSON.stringify({ compilerOptions: { composite: true } }),
        'packages/shared/tsconfig.json': JSON.stringify({ compilerOptions: { composite: true }, references: [{ path: '..' }] }),
        'packages/api/tsconfig.json': JSON.stringify({ compilerOptions: { composite: true } }),
      }),
    );
    expectNormal(s);
    // A folder is where its tsconfig.json is, not a special file: nothing to report, and the aliases still resolve.
    expect(codes(s)).toEqual([]);
    expectAppStillPasses(s);
  });

  it('a path alias pointing to a missing folder', () => {
    const s = scanDir(
      app({
        'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['./src/*'], '#gone/*': ['./missing-folder/*'] } } }),
        'src/uses-gone.ts': "import { thing } from '#gone/thing';\nexport const x = thing;\n",
        // Analyzed in full (it imports Stripe): the import through the alias is named too.
        'src/pay-gone.ts': "import Stripe from 'stripe';\nimport { price } from '#gone/prices';\nexport const client = new Stripe('sk');\nexport const amount = price;\n",
        'tsconfig.outside.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@shared/*': ['../../shared/src/*'] } } }),
      }),
    );
    expectNormal(s);
    expect(codes(s)).toEqual(expect.arrayContaining(['tsconfig.json tsconfig-alias-missing', 'tsconfig.outside.json tsconfig-alias-missing', 'src/pay-gone.ts import-unresolved']));
    expect(s.report.diagnostics.find((d: { file: string }) => d.file === 'tsconfig.outside.json').message).toContain('outside the scanned root');
    // The app's own `@/*` is there, and says nothing.
    expect(codes(s).filter((c) => c.startsWith('tsconfig.json'))).toEqual(['tsconfig.json tsconfig-alias-missing']);
    expectAppStillPasses(s);
  });

  it('file and folder names with spaces and non-ASCII characters', () => {
    const route = 'src/app/api/réservation paiement/route.ts';
    const files = { ...passingApp };
    delete files[ROUTE];
    delete files['src/lib/stripe.ts'];
    const root = makeProject(
      {
        ...files,
        'src/lib/clé stripe ✓.ts': passingApp['src/lib/stripe.ts']!,
        [route]: passingApp[ROUTE]!.replace("'@/lib/stripe'", "'@/lib/clé stripe ✓'"),
        'src/app/api/webhooks/stripe/route.ts': passingApp['src/app/api/webhooks/stripe/route.ts']!.replace("'@/lib/stripe'", "'@/lib/clé stripe ✓'"),
      },
      'bookfirst-hostile-ü ',
    );
    const s = scanDir(root);
    expectNormal(s);
    expect(s.report.diagnostics).toEqual([]);
    expectAppStillPasses(s, route);
    expect(s.report.checks[0].paths[0].entry.file).toBe(route);
  });

  it('a file name that is not valid UTF-8', () => {
    const root = app({});
    // Linux names are bytes: this one has 0xff 0xfe in the middle, which no decoding keeps.
    fs.writeFileSync(Buffer.concat([Buffer.from(path.join(root, 'src/lib/bad')), Buffer.from([0xff, 0xfe]), Buffer.from('.ts')]), 'export const bad = 1;\n');
    const s = scanDir(root);
    expectNormal(s);
    expect(s.report.diagnostics).toEqual([
      expect.objectContaining({ file: 'src/lib/bad\uFFFD\uFFFD.ts', code: 'unreadable', message: expect.stringContaining('not valid UTF-8') }),
    ]);
    expectAppStillPasses(s);
  });
});
