// The Evaluator over small multi-file projects: what a name or a callee resolves to across imports,
// barrels, CommonJS, classes, object services and factories.
import { describe, expect, it } from 'vitest';
import { describeExpr } from '../../src/debug/flow-dump.js';
import type { FileIR } from '../../src/model/ir.js';
import { isUnknown } from '../../src/model/values.js';
import { RECOGNIZERS } from '../../src/recognizers/index.js';
import { Matcher } from '../../src/recognizers/match.js';
import { load, makeProject, show, type Loaded } from '../helpers/project.js';

/** Values of the binding `name` declared in `file` (the first one, or the one owned by function `inFn`). */
function binding(l: Loaded, file: string, name: string): string[] {
  const ir = irOf(l, file);
  const b = ir.bindings.findIndex((x) => x.name === name);
  if (b === -1) throw new Error(`${file} declares no ${name}`);
  return l.ev.binding(file, b, 0).map((v) => show(l.ev, v));
}

/** Values of the callee of the call written `text` (as the flow dump writes it, e.g. `this.repo.save()`). */
function callee(l: Loaded, file: string, text: string): string[] {
  const ir = irOf(l, file);
  const site = ir.sites.find((_, i) => describeExpr(ir, { k: 'call', site: i }) === text);
  if (!site) throw new Error(`${file} has no call ${text}: ${ir.sites.map((_, i) => describeExpr(ir, { k: 'call', site: i })).join(', ')}`);
  return l.ev.values(file, site.callee).map((v) => show(l.ev, v));
}

/** Values of export `name` of `file`. */
function exported(l: Loaded, file: string, name: string): string[] {
  return l.ev.exportValue(file, name, 0).map((v) => show(l.ev, v));
}

function irOf(l: Loaded, file: string): FileIR {
  const ir = l.files.get(file);
  if (!ir) throw new Error(`no file ${file}: ${[...l.files.keys()].join(', ')}`);
  return ir;
}

const manifest = JSON.stringify({
  name: 'shop',
  dependencies: { stripe: '^14.0.0', '@prisma/client': '^5.0.0', typeorm: '^0.3.0', '@nestjs/typeorm': '^10.0.0' },
});

describe('Evaluator: ES modules', () => {
  const l = load(
    makeProject({
      'package.json': manifest,
      'src/lib/stripe.ts': [
        "import Stripe from 'stripe';",
        'export const stripe = new Stripe(process.env.STRIPE_KEY!);',
        'export default stripe;',
        'export function makeStripe() {',
        "  return new Stripe('sk');",
        '}',
        '',
      ].join('\n'),
      'src/lib/index.ts': [
        "export * from './stripe';",
        "export { stripe as payments } from './stripe';",
        "export { default as defaultStripe } from './stripe';",
        "export * as stripeModule from './stripe';",
        '',
      ].join('\n'),
      'src/lib/outer.ts': "export * from './index';\n",
      'src/cycle/a.ts': "export * from './b';\nexport const a = 1;\n",
      'src/cycle/b.ts': "export * from './a';\n",
      'src/use.ts': [
        "import { stripe as s, payments, defaultStripe, makeStripe, stripeModule } from './lib';",
        "import def from './lib/stripe';",
        "import * as lib from './lib/outer';",
        "import { nothing } from './cycle/a';",
        'const made = makeStripe();',
        'const { paymentIntents } = s;',
        's.paymentIntents.create({});',
        'lib.stripe.refunds.create({});',
        'stripeModule.stripe.checkout.sessions.create({});',
        'made.charges.create({});',
        'void [payments, defaultStripe, def, paymentIntents, nothing];',
        '',
      ].join('\n'),
    }),
  );

  it('follows an import alias', () => {
    expect(binding(l, 'src/use.ts', 's')).toEqual(['stripe new()']);
    expect(callee(l, 'src/use.ts', 's.paymentIntents.create()')).toEqual(['stripe new().paymentIntents.create']);
  });

  it('follows re-export barrels: export *, export { x as y } from, export { default as y } from', () => {
    expect(binding(l, 'src/use.ts', 'payments')).toEqual(['stripe new()']);
    expect(binding(l, 'src/use.ts', 'defaultStripe')).toEqual(['stripe new()']);
    expect(binding(l, 'src/use.ts', 'def')).toEqual(['stripe new()']);
  });

  it('follows namespace imports through two barrels and export * as', () => {
    expect(callee(l, 'src/use.ts', 'lib.stripe.refunds.create()')).toEqual(['stripe new().refunds.create']);
    expect(callee(l, 'src/use.ts', 'stripeModule.stripe.checkout.sessions.create()')).toEqual(['stripe new().checkout.sessions.create']);
  });

  it('follows a factory function to the client it returns', () => {
    expect(binding(l, 'src/use.ts', 'made')).toEqual(['stripe new()']);
    expect(callee(l, 'src/use.ts', 'made.charges.create()')).toEqual(['stripe new().charges.create']);
  });

  it('follows destructuring', () => {
    expect(binding(l, 'src/use.ts', 'paymentIntents')).toEqual(['stripe new().paymentIntents']);
  });

  it('terminates on export * cycles with an unknown value', () => {
    expect(binding(l, 'src/use.ts', 'nothing')).toEqual(['?']);
    expect(exported(l, 'src/cycle/b.ts', 'a')).toEqual(['lit 1']);
  });
});

describe('Evaluator: modules the scan cannot resolve', () => {
  const l = load(
    makeProject({
      'package.json': manifest,
      'src/book.ts': [
        "import { stripe } from './shared/payments';",
        "import * as shared from '../../shared/clients';",
        "const legacy = require('./generated/legacy');",
        'export async function book(amount: number) {',
        "  const intent = await stripe.paymentIntents.create({ amount, currency: 'eur' });",
        '  const refund = await shared.stripe.refunds.create({ payment_intent: intent.id });',
        '  const old = legacy.charge(amount);',
        '  return { intent, refund, old };',
        '}',
        '',
      ].join('\n'),
    }),
  );

  it('gives opaque values whose calls keep their sites, that no recognizer matches', () => {
    expect(binding(l, 'src/book.ts', 'intent')).toEqual(['opaque ./shared/payments stripe.paymentIntents.create.()']);
    expect(binding(l, 'src/book.ts', 'refund')).toEqual(['opaque ../../shared/clients stripe.refunds.create.()']);
    expect(binding(l, 'src/book.ts', 'old')).toEqual(['opaque ./generated/legacy charge.()']);
    const ir = irOf(l, 'src/book.ts');
    const b = ir.bindings.findIndex((x) => x.name === 'intent');
    const [intent] = l.ev.binding('src/book.ts', b, 0);
    const call = intent?.t === 'opaque' ? intent.steps[intent.steps.length - 1] : undefined;
    expect(call?.file).toBe('src/book.ts');
    expect(ir.sites[call!.site!]!.args).toHaveLength(1);
    const matcher = new Matcher(RECOGNIZERS);
    for (const name of ['intent', 'refund', 'old', 'stripe', 'shared', 'legacy']) {
      for (const v of l.ev.binding('src/book.ts', ir.bindings.findIndex((x) => x.name === name), 0)) {
        expect(v.t).toBe('opaque');
        expect(isUnknown(v)).toBe(true);
        expect(matcher.match(v)).toEqual([]);
      }
    }
    for (const text of ['stripe.paymentIntents.create()', 'shared.stripe.refunds.create()']) {
      expect(callee(l, 'src/book.ts', text)).toHaveLength(1);
    }
  });
});

describe('Evaluator: CommonJS', () => {
  const l = load(
    makeProject({
      'package.json': manifest,
      'lib/clients.js': [
        "const Stripe = require('stripe');",
        "const direct = require('stripe')(process.env.KEY);",
        'const built = new Stripe(process.env.KEY);',
        'module.exports = { direct, built };',
        '',
      ].join('\n'),
      'lib/named.js': ["const Stripe = require('stripe');", 'exports.client = Stripe(process.env.KEY);', 'exports.Stripe = Stripe;', ''].join('\n'),
      'lib/default.js': ["const stripe = require('stripe')('sk');", 'module.exports = stripe;', ''].join('\n'),
      'lib/same.js': ["const Stripe = require('stripe');", 'exports.client = Stripe(process.env.KEY);', 'module.exports = exports;', ''].join('\n'),
      'app.js': [
        "const { direct, built } = require('./lib/clients');",
        "const named = require('./lib/named');",
        "const whole = require('./lib/default');",
        "import def from './lib/default';",
        "import { client } from './lib/named';",
        "const same = require('./lib/same');",
        'direct.paymentIntents.create({});',
        'same.client.refunds.create({});',
        'named.client.checkout.sessions.create({});',
        'whole.charges.create({});',
        'void [built, def, client];',
        '',
      ].join('\n'),
    }),
  );

  it('reads module.exports = { ... } through destructured require', () => {
    expect(binding(l, 'app.js', 'direct')).toEqual(['stripe ()']);
    expect(binding(l, 'app.js', 'built')).toEqual(['stripe new()']);
    expect(callee(l, 'app.js', 'direct.paymentIntents.create()')).toEqual(['stripe ().paymentIntents.create']);
  });

  it('reads exports.x = ... through require and through a named import', () => {
    expect(callee(l, 'app.js', 'named.client.checkout.sessions.create()')).toEqual(['stripe ().checkout.sessions.create']);
    expect(binding(l, 'app.js', 'client')).toEqual(['stripe ()']);
  });

  it('keeps exports.x = ... when module.exports = exports hands the same object back', () => {
    expect(callee(l, 'app.js', 'same.client.refunds.create()')).toEqual(['stripe ().refunds.create']);
  });

  it('treats module.exports = value as the default export', () => {
    expect(binding(l, 'app.js', 'whole')).toEqual(['stripe ()']);
    expect(binding(l, 'app.js', 'def')).toEqual(['stripe ()']);
  });
});

describe('Evaluator: classes, services and factories', () => {
  const l = load(
    makeProject({
      'package.json': manifest,
      'src/db.ts': [
        "import { PrismaClient } from '@prisma/client';",
        'const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };',
        'export const prisma = globalForPrisma.prisma ?? new PrismaClient();',
        'export const prisma2 = globalThis.prisma ?? new PrismaClient();',
        '',
      ].join('\n'),
      'src/booking.repository.ts': [
        "import { PrismaClient } from '@prisma/client';",
        'export class BookingRepository {',
        '  constructor(private readonly prisma: PrismaClient) {}',
        '  create(data: unknown) {',
        '    return this.prisma.booking.create({ data });',
        '  }',
        '}',
        '',
      ].join('\n'),
      'src/payment.service.ts': [
        "import type Stripe from 'stripe';",
        "import { BookingRepository } from './booking.repository';",
        'export class PaymentService {',
        '  constructor(private readonly bookings: BookingRepository, private stripe: Stripe) {}',
        '  async start() {',
        '    const booking = await this.bookings.create({});',
        '    return this.stripe.paymentIntents.create({ metadata: { id: booking.id } });',
        '  }',
        '}',
        '',
      ].join('\n'),
      'src/base.ts': [
        "import Stripe from 'stripe';",
        "import { PrismaClient } from '@prisma/client';",
        'export class BaseGateway {',
        "  protected client = new Stripe('sk');",
        '  get api() {',
        "    return new Stripe('sk');",
        '  }',
        '}',
        'export class Gateway extends BaseGateway {',
        '  pay() {',
        '    this.client.charges.create({});',
        '    return this.api.paymentIntents.create({});',
        '  }',
        '}',
        'export class Db extends PrismaClient {}',
        'export const gateway = new Gateway();',
        'export const db = new Db();',
        'db.booking.create({});',
        '',
      ].join('\n'),
      'src/services.ts': [
        "import Stripe from 'stripe';",
        "import { prisma } from './db';",
        'let cached: Stripe | null = null;',
        'export function getStripe() {',
        "  if (!cached) cached = new Stripe('sk');",
        '  return cached;',
        '}',
        'export const bookingService = {',
        '  async create(data: unknown) {',
        '    return prisma.booking.create({ data });',
        '  },',
        '  pay: () => getStripe().paymentIntents.create({}),',
        '};',
        'bookingService.create({});',
        '',
      ].join('\n'),
      'src/nest.ts': [
        "import { InjectRepository } from '@nestjs/typeorm';",
        "import { Repository } from 'typeorm';",
        'class Booking {}',
        'export class BookingsService {',
        '  constructor(@InjectRepository(Booking) private readonly repo: Repository<Booking>) {}',
        '  save() {',
        '    return this.repo.save({});',
        '  }',
        '}',
        '',
      ].join('\n'),
      'src/object-this.ts': [
        "import Stripe from 'stripe';",
        'export const checkoutService = {',
        "  client: new Stripe('sk'),",
        '  async start() {',
        '    return this.client.checkout.sessions.create({});',
        '  },',
        '};',
        '',
      ].join('\n'),
      'src/finally.ts': [
        "import Stripe from 'stripe';",
        'export function settle(prep: () => number) {',
        '  try {',
        '    return prep();',
        '  } finally {',
        "    const late = new Stripe('sk');",
        '    late.refunds.create({});',
        '  }',
        '}',
        '',
      ].join('\n'),
    }),
  );

  it('resolves globalThis.prisma ?? new PrismaClient() to a Prisma client', () => {
    expect(binding(l, 'src/db.ts', 'prisma')).toContain('@prisma/client PrismaClient.new()');
    expect(exported(l, 'src/db.ts', 'prisma2')).toContain('@prisma/client PrismaClient.new()');
  });

  it('follows this.member through constructor parameter properties typed by an imported class', () => {
    expect(callee(l, 'src/payment.service.ts', 'this.bookings.create()')).toEqual(['fn src/booking.repository.ts#BookingRepository.create']);
    expect(callee(l, 'src/booking.repository.ts', 'this.prisma.booking.create()')).toEqual(['@prisma/client PrismaClient.new().booking.create']);
  });

  it('follows this.member typed by a package class imported as a type', () => {
    expect(callee(l, 'src/payment.service.ts', 'this.stripe.paymentIntents.create()')).toEqual(['stripe new().paymentIntents.create']);
  });

  it('follows class instances created with new, inherited fields, getters and package superclasses', () => {
    expect(exported(l, 'src/base.ts', 'gateway')).toEqual(['inst src/base.ts#Gateway']);
    expect(callee(l, 'src/base.ts', 'this.client.charges.create()')).toEqual(['stripe new().charges.create']);
    expect(callee(l, 'src/base.ts', 'this.api.paymentIntents.create()')).toEqual(['stripe new().paymentIntents.create']);
    // The subclass's name rides along as a type argument (active-record models name their entity so).
    expect(callee(l, 'src/base.ts', 'db.booking.create()')).toEqual(['@prisma/client PrismaClient.new().booking.create <Db>']);
  });

  it('follows object-literal services and memoized factory functions', () => {
    expect(callee(l, 'src/services.ts', 'bookingService.create()')).toEqual(['fn src/services.ts#create']);
    expect(callee(l, 'src/services.ts', 'prisma.booking.create()')).toContain('@prisma/client PrismaClient.new().booking.create');
    // `cached` starts as null: that definition adds an unknown beside the client.
    const viaFactory = callee(l, 'src/services.ts', 'getStripe().paymentIntents.create()').filter((v) => v !== '?');
    expect(new Set(viaFactory)).toEqual(new Set(['stripe new().paymentIntents.create']));
  });

  it('follows this.member inside an object-literal service method', () => {
    expect(callee(l, 'src/object-this.ts', 'this.client.checkout.sessions.create()')).toEqual(['stripe new().checkout.sessions.create']);
  });

  it('gives a typed repository its entity from type arguments and @InjectRepository', () => {
    const values = l.ev.values('src/nest.ts', irOf(l, 'src/nest.ts').sites.find((s) => s.callee.k === 'member' && s.callee.prop === 'save')!.callee);
    expect(values).toHaveLength(1);
    const v = values[0]!;
    expect(v.t === 'ext' && v.module).toBe('typeorm');
    expect(v.t === 'ext' && v.steps.map((s) => s.p).join('.')).toBe('Repository.new().save');
    expect(v.t === 'ext' && v.typeArgs).toContain('Booking');
  });

  it('records a binding declared in a finally block even when the try always returns', () => {
    expect(binding(l, 'src/finally.ts', 'late')).toEqual(['stripe new()']);
    expect(callee(l, 'src/finally.ts', 'late.refunds.create()')).toEqual(['stripe new().refunds.create']);
  });
});

describe('Evaluator: barrels of many `export *` sources', () => {
  const files: Record<string, string> = {
    'package.json': manifest,
    // A CommonJS source (any name may come from it) between ES ones, and a cycle back to the barrel.
    'src/all/index.ts': [...Array.from({ length: 200 }, (_, i) => `export * from './m${i}';`), "export * from './legacy';", "export * from './back';"].join('\n'),
    'src/all/legacy.js': "module.exports = { fromLegacy: require('stripe') };\n",
    'src/all/back.ts': "export * from './index';\nexport const onlyBack = 'back';\n",
    'src/all/m7.ts': "export * from './m8';\nexport const twice = 'm7';\n",
    'src/all/m8.ts': "export const twice = 'm8';\nexport const fromM8 = 'm8';\n",
  };
  for (let i = 0; i < 200; i++) if (i !== 7 && i !== 8) files[`src/all/m${i}.ts`] = `export const name${i} = ${i};\n`;
  const l = load(makeProject(files));
  let resolves = 0;
  const resolve = l.resolver.resolve.bind(l.resolver);
  l.resolver.resolve = (from, spec) => {
    resolves++;
    return resolve(from, spec);
  };

  it('finds each name in the first source, in order, that exports it', () => {
    expect(exported(l, 'src/all/index.ts', 'name150')).toEqual(['lit 150']);
    expect(exported(l, 'src/all/index.ts', 'twice')).toEqual(['lit "m7"']);
    expect(exported(l, 'src/all/index.ts', 'fromM8')).toEqual(['lit "m8"']);
    expect(exported(l, 'src/all/index.ts', 'onlyBack')).toEqual(['lit "back"']);
    expect(exported(l, 'src/all/index.ts', 'fromLegacy')).toEqual(['stripe']);
    expect(exported(l, 'src/all/index.ts', 'missing')).toEqual(['?']);
  });

  it('resolves each source once, not once per name asked', () => {
    for (let i = 0; i < 200; i++) if (i !== 7 && i !== 8) expect(exported(l, 'src/all/index.ts', `name${i}`)).toEqual([`lit ${i}`]);
    expect(resolves).toBeLessThan(1_000);
  });
});

describe('Evaluator: a lazily built client behind a Proxy', () => {
  const l = load(
    makeProject({
      'package.json': manifest,
      'src/lib/stripe.ts': [
        "import Stripe from 'stripe';",
        'let client: Stripe | null = null;',
        'function getStripe(): Stripe {',
        "  if (!client) client = new Stripe(process.env.STRIPE_KEY ?? '');",
        '  return client;',
        '}',
        'export const stripe = new Proxy({} as Stripe, {',
        '  get(_target, property) {',
        '    return (getStripe() as any)[property];',
        '  },',
        '});',
        '',
      ].join('\n'),
      'src/use.ts': "import { stripe } from './lib/stripe';\nstripe.paymentIntents.create({});\n",
    }),
  );

  it('is the client its get trap reads from', () => {
    expect(callee(l, 'src/use.ts', 'stripe.paymentIntents.create()')).toContain('stripe new().paymentIntents.create');
  });
});

describe('Evaluator: a field read through a record spread into an object', () => {
  const l = load(
    makeProject({
      'package.json': manifest,
      'src/use.ts': [
        "import Stripe from 'stripe';",
        "const client = new Stripe('sk');",
        'const row = client.customers.create({});',
        'const copy = { ...row, shown: 1 };',
        'const shadowed = { id: 7, ...row };',
        'const picked = copy.id;',
        'const either = shadowed.id;',
        'const own = copy.shown;',
        'void [picked, either, own];',
        '',
      ].join('\n'),
    }),
  );

  it('reads the field of the record, and keeps a key set before the spread possible', () => {
    expect(binding(l, 'src/use.ts', 'picked')).toEqual(['stripe new().customers.create.().id']);
    expect(binding(l, 'src/use.ts', 'either')).toEqual(['stripe new().customers.create.().id', 'lit 7']);
    expect(binding(l, 'src/use.ts', 'own')).toEqual(['lit 1']);
  });
});

describe('Evaluator: a date made from a value', () => {
  const l = load(
    makeProject({
      'package.json': manifest,
      'src/use.ts': [
        "import Stripe from 'stripe';",
        "const client = new Stripe('sk');",
        'const row = client.customers.create({});',
        'const startsAt = new Date(row.created);',
        'const now = new Date();',
        'const later = new Date(2030, 0, 1);',
        'void [startsAt, now, later];',
        '',
      ].join('\n'),
    }),
  );

  it('is the value it was made from, and a date of no value or of parts is itself', () => {
    expect(binding(l, 'src/use.ts', 'startsAt')).toEqual(['stripe new().customers.create.().created']);
    expect(binding(l, 'src/use.ts', 'now')).not.toContain('stripe new().customers.create.().created');
    expect(binding(l, 'src/use.ts', 'later').some((v) => v.includes('lit 2030'))).toBe(false);
  });
});
