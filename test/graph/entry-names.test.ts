// Entry points are named by what a reader would look for: the route (method and path) or the
// procedure path. Fixture expectations pin down where an entry point is, not its name; this pins
// down the names of the fixtures that exercise naming.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/index.js';
import { makeProject } from '../helpers/project.js';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures');

/** Entry names of one check's paths on a fixture (by default a confirmation-record one). */
async function entryNames(fixture: string, check = 'confirmation-record', folder = check): Promise<string[]> {
  const report = await scan({ root: path.join(fixtures, folder, fixture), checks: [check] });
  return report.checks.flatMap((c) => c.paths.map((p) => `${p.entry.kind} ${p.entry.name}`));
}

describe('entry point names', () => {
  it('NestJS message handlers take their pattern as written, text or object, below no controller path', async () => {
    expect(await entryNames('invalid-nestjs-microservice-object-patterns-under-controller-path-charge-unverified-booking-id')).toEqual([
      'nest-message MESSAGEPATTERN { cmd: charge-court-booking } (PaymentsController.charge)',
    ]);
    expect(await entryNames('valid-nestjs-microservice-message-pattern-booking-read-first')).toEqual([
      'nest-message MESSAGEPATTERN tour-booking.checkout (PaymentsController.checkout)',
    ]);
  });

  it('next-connect handlers without a pattern take their file route', async () => {
    expect(await entryNames('invalid-next-connect-v1-mongoose-studio-class-paid-before-reservation')).toEqual([
      'next-connect-route POST /api/studios/[studioId]/reserve',
    ]);
    expect(await entryNames('invalid-next-connect-v0-nc-charges-card-before-prisma-insert')).toEqual([
      'next-connect-route POST /api/bookings',
    ]);
  });

  it('Remix and React Router route modules take the URL their file-route name stands for', async () => {
    expect(await entryNames('invalid-remix-flat-routes-booking-created-on-success-return')).toEqual([
      'remix-action action /lessons/:lessonId/book',
    ]);
    expect(await entryNames('invalid-react-router-appwrite-web-sdk-booking-written-on-return-page')).toEqual([
      'remix-action action /api/checkout',
    ]);
  });

  it('Remix route modules a config declares with defineRoutes or flatRoutes take the declared path, nested', async () => {
    expect(await entryNames('invalid-remix-config-define-routes-booking-only-in-webhook')).toEqual([
      'remix-action action /stays/:stayId/book',
    ]);
    expect(await entryNames('valid-remix-vite-flat-routes-folder-booking-first')).toEqual([
      'remix-action action /kayaks/:kayakId/rent',
    ]);
    expect(await entryNames('invalid-react-router-routes-option-adapter-reservation-after-payment')).toEqual([
      'remix-action action /tables/:tableId/deposit',
    ]);
    expect(await entryNames('valid-remix-vite-define-routes-imported-table-appointment-first')).toEqual([
      'remix-action action /therapists/:therapistId/appointments/new',
    ]);
  });

  it('Strapi controller actions take the route their routes file names them in, by either form of handler key', async () => {
    expect(await entryNames('valid-strapi-v5-documents-booking-created-then-service-checkout')).toEqual(['strapi-controller POST /api/bookings/checkout']);
    expect(await entryNames('invalid-strapi-v4-entity-service-reservation-only-in-webhook')).toEqual(['strapi-controller POST /api/reservations/deposit']);
  });

  it('Strapi core routers route a collection type\'s actions below its plural name, with their prefix, only and except', async () => {
    expect(await entryNames('valid-strapi-core-router-prefixed-booking-created-then-checkout')).toEqual(['strapi-controller POST /api/v1/tour-bookings']);
    expect(await entryNames('invalid-strapi-core-router-payment-intent-before-core-create')).toEqual(['strapi-controller POST /api/kayak-rentals']);
  });

  it('AdonisJS routes name a controller method, the controller imported or loaded lazily', async () => {
    expect(await entryNames('valid-adonisjs-lucid-booking-created-then-stripe-checkout')).toEqual(['adonis-route POST /courts/:id/book']);
    expect(await entryNames('invalid-adonisjs-lucid-lesson-booked-only-in-webhook')).toEqual(['adonis-route POST /api/lessons/:id/pay']);
    // v5: the controller named by a string, found below app/Controllers/Http by its namespace and name.
    expect(await entryNames('invalid-adonisjs-v5-string-handler-charges-before-booking-save')).toEqual(['adonis-route POST /trips/bookings']);
    // Groups prefix the routes registered in their callbacks, nested.
    expect(await entryNames('valid-adonisjs-v5-nested-group-prefixes-booking-saved-before-charge')).toEqual(['adonis-route POST /api/v1/camp-bookings']);
    // A resource routes its controller's actions, `store` at POST, below the group's prefix.
    expect(await entryNames('valid-adonisjs-v6-resource-store-saves-class-booking-before-mollie')).toEqual(['adonis-route POST /api/v1/class-bookings']);
    expect(await entryNames('invalid-adonisjs-v5-resource-store-charges-rental-booked-in-webhook')).toEqual(['adonis-route POST /api/kayak-rentals']);
  });

  it('an AdonisJS resource routes the actions its chained calls keep, a nested one below its parent record', async () => {
    const actions = ['index', 'create', 'store', 'show', 'edit', 'update', 'destroy'];
    const root = makeProject({
      'package.json': JSON.stringify({ name: 'inn', type: 'module', imports: { '#controllers/*': './app/controllers/*.js' }, dependencies: { '@adonisjs/core': '6.14.0', stripe: '17.0.0' } }),
      'start/routes.ts': [
        "import router from '@adonisjs/core/services/router'",
        "const RoomBookingsController = () => import('#controllers/room_bookings_controller')",
        "router.resource('rooms.bookings', RoomBookingsController).apiOnly().except(['destroy'])",
      ].join('\n'),
      // Every action pays, so that each is a path, routed or not.
      'app/controllers/room_bookings_controller.ts': [
        "import Stripe from 'stripe'",
        "const stripe = new Stripe('sk')",
        'export default class RoomBookingsController {',
        ...actions.map((a) => `  async ${a}() { return stripe.paymentIntents.create({ amount: 100, currency: 'eur' }) }`),
        '}',
      ].join('\n'),
    });
    const report = await scan({ root, checks: ['confirmation-record'] });
    expect(report.checks[0]!.paths.map((p) => `${p.entry.kind} ${p.entry.name}`).sort()).toEqual([
      'adonis-route GET /rooms/:room_id/bookings',
      'adonis-route GET /rooms/:room_id/bookings/:id',
      'adonis-route POST /rooms/:room_id/bookings',
      'adonis-route PUT /rooms/:room_id/bookings/:id',
      'uncalled-function RoomBookingsController.create',
      'uncalled-function RoomBookingsController.destroy',
      'uncalled-function RoomBookingsController.edit',
    ]);
  });

  it('hapi routes take their path and method from the route object, the handler at its top or in its options, the array loaded with require()', async () => {
    expect(await entryNames('valid-hapi-route-array-pg-booking-inserted-then-checkout')).toEqual(['hapi-route POST /lessons/{id}/book']);
    expect(await entryNames('invalid-hapi-options-handler-charter-booked-only-in-webhook')).toEqual(['hapi-route POST /charters/deposit']);
    // Plugins register their routes on the server they are handed, below the prefix they are registered with.
    expect(await entryNames('valid-hapi-plugin-prefixed-routes-booking-saved-then-checkout')).toEqual(['hapi-route POST /api/retreats/{retreat}/book']);
    expect(await entryNames('invalid-hapi-exported-plugin-card-charged-before-booking-insert')).toEqual(['hapi-route POST /v1/sessions/{slot}/reserve']);
  });

  it('Elysia routes take the prefix of the instance they are registered on and of the apps that use it', async () => {
    expect(await entryNames('valid-elysia-drizzle-table-booking-inserted-then-checkout')).toEqual(['elysia-route POST /bookings']);
    expect(await entryNames('invalid-elysia-prisma-payment-intent-before-booking-create')).toEqual(['elysia-route POST /api/rooms/:room/book']);
    // Groups prefix the routes of their callback's instance, and of the plugins it uses.
    expect(await entryNames('valid-elysia-group-uses-tour-plugin-booking-created-then-checkout')).toEqual(['elysia-route POST /api/v1/tours/:tourId/book']);
    expect(await entryNames('invalid-elysia-group-deposit-charged-before-booking-insert')).toEqual(['elysia-route POST /api/lessons/:lessonId/deposit']);
  });

  it('SvelteKit remote functions are named by the name they are exported under', async () => {
    expect(await entryNames('valid-sveltekit-remote-command-booking-inserted-then-checkout')).toEqual(['sveltekit-remote bookClass']);
    expect(await entryNames('invalid-sveltekit-remote-form-charges-before-booking-insert')).toEqual(['sveltekit-remote bookClass']);
  });

  it('a Strapi action no routes file names is named after its controller, with no route', async () => {
    const root = makeProject({
      'package.json': JSON.stringify({ name: 'cms', dependencies: { '@strapi/strapi': '5.0.0', stripe: '17.0.0' } }),
      'src/api/booking/controllers/booking.ts': [
        "import { factories } from '@strapi/strapi';",
        "import Stripe from 'stripe';",
        "const stripe = new Stripe('sk');",
        "export default factories.createCoreController('api::booking.booking', ({ strapi }) => ({",
        '  async pay(ctx) {',
        "    const booking = await strapi.documents('api::booking.booking').create({ data: { state: 'pending' } });",
        "    ctx.body = await stripe.paymentIntents.create({ amount: 500, currency: 'eur', metadata: { bookingId: booking.documentId } });",
        '  },',
        '}));',
      ].join('\n'),
    });
    const report = await scan({ root, checks: ['confirmation-record'] });
    expect(report.checks[0]!.paths.map((p) => [p.entry.kind, p.entry.name])).toEqual([['strapi-controller', 'booking.pay']]);
  });

  it('Nitro file routes take their method from the file name, not their path', async () => {
    expect(await entryNames('valid-nuxt-cancel-return-route-with-method-suffix-releases-booking', 'failure-handling')).toEqual([
      'nuxt-route GET /api/bookings/[id]/cancel',
    ]);
  });

  it('tRPC procedures take their path through nested routers and plain objects', async () => {
    expect(await entryNames('invalid-trpc-nested-routers-kayak-walk-in-charged-before-rental')).toEqual([
      'trpc-procedure MUTATION rental.createCheckout',
      'trpc-procedure MUTATION rental.counter.charge',
    ]);
  });

  it('Payload endpoints take their method and path, scoped by their collection', async () => {
    expect(await entryNames('invalid-payload-v3-config-endpoints-untyped-req-tour-paid-before-booking')).toEqual([
      'payload-endpoint POST /tours/:id/kiosk-sale',
      'payload-endpoint POST /checkout',
    ]);
  });

  it('Express routes take the paths their routers are mounted under, through nested routers and route()', async () => {
    expect(await entryNames('valid-express-nested-routers-mounted-under-api-prefix')).toEqual([
      'express-route POST /api/v1/bookings/:id/pay',
    ]);
    expect(await entryNames('valid-express-nested-routers-mounted-under-api-prefix', 'initial-booking-state', 'confirmation-record')).toEqual([
      'express-route POST /api/v1/bookings',
    ]);
  });

  it('Route paths and mount prefixes written as constants imported from another module are followed', async () => {
    expect(await entryNames('invalid-express-route-paths-from-constants-paystack-booking-only-in-verify')).toEqual([
      'express-route POST /api/v1/payments/initialize',
    ]);
  });

  it('Route paths and mount prefixes built by one-line helpers take the text they return for the arguments given', async () => {
    expect(await entryNames('valid-express-route-paths-built-by-helper-functions')).toEqual(['express-route POST /api/v1/appointments/:id/pay']);
  });

  it('Hono sub-apps take the paths of route() and basePath()', async () => {
    expect(await entryNames('valid-hono-chained-routes-prisma-booking-first')).toEqual(['hono-route POST /api/bookings']);
  });

  it('Koa routers take their prefix and the paths they are nested under with use()', async () => {
    expect(await entryNames('valid-koa-nested-routers-prefix-mongoose-tour-booking-first')).toEqual([
      'koa-route POST /api/tours/:tourId/bookings',
    ]);
  });

  it('Fastify routes take the prefixes of the plugins that register them, nested', async () => {
    expect(await entryNames('valid-fastify-prefixed-plugins-prisma-court-booking-first')).toEqual([
      'fastify-route POST /api/courts/:courtId/bookings',
      'fastify-route POST /api/courts/:courtId/bookings/:bookingId/extend',
    ]);
  });

  it('tRPC v9 procedures are named by their first argument under the prefixes of merge()', async () => {
    expect(await entryNames('valid-trpc-v9-merged-routers-prisma-booking-first')).toEqual(['trpc-procedure MUTATION booking.create']);
  });

  it('Supabase edge functions are named by their function folder', async () => {
    expect(await entryNames('valid-supabase-edge-refund-through-unresolved-shared-client', 'refund-logic')).toEqual([
      'edge-function /cancel-booking',
    ]);
  });

  it('Firebase functions are named by the export they are deployed under, through region() and runWith() builders', async () => {
    expect(await entryNames('valid-firestore-write-keyed-by-generated-id-passed')).toEqual([
      'firebase-callable bookWheelSeat',
      'firebase-callable bookGiftSeat',
    ]);
    expect(await entryNames('invalid-firebase-callable-cancels-found-reservation-through-snapshot-ref', 'refund-logic')).toEqual([
      'firebase-callable cancelByTicketCode',
    ]);
  });

  it('setInterval callbacks are scheduled jobs named after their function, not work of whoever started the timer', async () => {
    expect(await entryNames('valid-express-prisma-setinterval-sweeper-releases-stale-holds', 'failure-handling')).toEqual(['cron-job setInterval callback']);
    // A worker started by a service's constructor, and a route that builds the service per request:
    // the bookings the worker creates are the worker's own creation path, not the route's.
    const root = makeProject({
      'package.json': JSON.stringify({ name: 'classes', dependencies: { express: '4', '@prisma/client': '5', stripe: '15' } }),
      'prisma/schema.prisma': 'model Booking {\n  id String @id\n  status String\n}\n',
      'src/standing.ts': [
        "import { PrismaClient } from '@prisma/client';",
        'const db = new PrismaClient();',
        'export class StandingBookings {',
        '  constructor() { setInterval(() => this.materialize(), 3_600_000); }',
        "  async materialize() { await db.booking.create({ data: { status: 'PENDING' } }); }",
        '  async list() { return db.booking.findMany(); }',
        '}',
      ].join('\n'),
      'src/server.ts': [
        "import express from 'express';",
        "import { StandingBookings } from './standing';",
        'const app = express();',
        "app.get('/standing', async (req, res) => res.json(await new StandingBookings().list()));",
      ].join('\n'),
    });
    const report = await scan({ root, checks: ['initial-booking-state'] });
    expect(report.checks[0]!.paths.map((p) => `${p.entry.kind} ${p.entry.name} ${p.status}`)).toEqual(['cron-job setInterval callback pass']);
  });
});
