// The entity catalog: entities the code declares (Drizzle, Mongoose, TypeORM, MikroORM, Sequelize,
// Objection, Knex, Sanity, Firestore) with their tables, Prisma schemas split over several files,
// and which names and tables count as booking-like.
import { describe, expect, it } from 'vitest';
import { bookingEntityNames, declaredEntities } from '../../src/project/entities.js';
import type { SchemaEntity } from '../../src/project/discover.js';
import { RECOGNIZERS } from '../../src/recognizers/index.js';
import { Vocabulary } from '../../src/recognizers/vocabulary.js';
import { load, makeProject } from '../helpers/project.js';

function entitiesOf(files: Record<string, string>): string[] {
  const l = load(makeProject(files));
  return declaredEntities(l.ev, l.files.values(), RECOGNIZERS).map((e) => `${e.source} ${e.name} -> ${e.table ?? '-'} (${e.file}:${e.line})`);
}

const manifest = (deps: Record<string, string>) => JSON.stringify({ name: 'app', dependencies: deps });

describe('declaredEntities', () => {
  it('reads Drizzle tables: the variable names the entity, argument 0 the table', () => {
    expect(entitiesOf({
      'package.json': manifest({ 'drizzle-orm': '0.39.0' }),
      'src/db/schema.ts': [
        "import { pgTable, pgSchema, text, uuid } from 'drizzle-orm/pg-core';",
        "import { sqliteTable as table } from 'drizzle-orm/sqlite-core';",
        "export const reservations = pgTable('tbl_res', { id: uuid('id').primaryKey(), email: text('email') });",
        "const legacy = pgSchema('legacy');",
        "export const stays = legacy.table('stay_rows', { id: uuid('id') });",
        "export const holds = table('holds', { id: text('id') });",
      ].join('\n'),
    })).toEqual([
      'drizzle reservations -> tbl_res (src/db/schema.ts:3)',
      'drizzle stays -> stay_rows (src/db/schema.ts:5)',
      'drizzle holds -> holds (src/db/schema.ts:6)',
    ]);
  });

  it('reads Mongoose models, with a collection given as the third argument', () => {
    expect(entitiesOf({
      'package.json': manifest({ mongoose: '8.9.0' }),
      'src/models.ts': [
        "import mongoose, { Schema, model } from 'mongoose';",
        'const schema = new Schema({ email: String });',
        "export const Booking = model('Booking', schema, 'tbl_res');",
        "export const Guest = mongoose.models.Guest || mongoose.model('Guest', schema);",
      ].join('\n'),
    })).toEqual(['mongoose Booking -> tbl_res (src/models.ts:3)', 'mongoose Guest -> - (src/models.ts:4)']);
  });

  it('reads NestJS Mongoose schema classes, with a collection from the decorator', () => {
    const l = load(makeProject({
      'package.json': manifest({ mongoose: '8.9.0', '@nestjs/mongoose': '10.1.0' }),
      'src/order.schema.ts': [
        "import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';",
        '@Schema({ timestamps: true })',
        'export class Order {',
        '  @Prop() gigId: string;',
        '  @Prop() total: number;',
        '}',
        "@Schema({ collection: 'tbl_holds' })",
        'export class Hold {}',
        'export const OrderSchema = SchemaFactory.createForClass(Order);',
      ].join('\n'),
    }));
    const found = declaredEntities(l.ev, l.files.values(), RECOGNIZERS);
    expect(found.map((e) => `${e.source} ${e.name} -> ${e.table ?? '-'} (${e.file}:${e.line}) ${e.columns?.join(',') ?? ''}`)).toEqual([
      'mongoose Order -> - (src/order.schema.ts:3) gigId,total',
      'mongoose Hold -> tbl_holds (src/order.schema.ts:8) ',
    ]);
  });

  it('reads TypeORM and MikroORM entity classes and entity schemas', () => {
    expect(entitiesOf({
      'package.json': manifest({ typeorm: '0.3.20', '@mikro-orm/core': '6.4.0' }),
      'src/booking.entity.ts': [
        "import { Entity, PrimaryGeneratedColumn, EntitySchema } from 'typeorm';",
        "@Entity('tbl_res')",
        'export class Booking {',
        '  @PrimaryGeneratedColumn() id!: number;',
        '}',
        "@Entity({ name: 'slot_holds' })",
        'export class Hold {}',
        '@Entity()',
        'export class Guest {}',
        "export const RoomSchema = new EntitySchema({ name: 'Room', tableName: 'tbl_rooms', columns: {} });",
      ].join('\n'),
      'src/appointment.ts': [
        "import { Entity, PrimaryKey } from '@mikro-orm/core';",
        "@Entity({ tableName: 'appt' })",
        'export class Appointment {',
        '  @PrimaryKey() id!: number;',
        '}',
      ].join('\n'),
    })).toEqual([
      'mikro-orm Appointment -> appt (src/appointment.ts:3)',
      'typeorm Booking -> tbl_res (src/booking.entity.ts:3)',
      'typeorm Hold -> slot_holds (src/booking.entity.ts:7)',
      'typeorm Guest -> - (src/booking.entity.ts:9)',
      'typeorm Room -> tbl_rooms (src/booking.entity.ts:10)',
    ]);
  });

  it('reads Sequelize models: define, Model.init and sequelize-typescript tables', () => {
    expect(entitiesOf({
      'package.json': manifest({ sequelize: '6.37.0', 'sequelize-typescript': '2.1.6' }),
      'src/db.ts': [
        "import { Sequelize, DataTypes, Model } from 'sequelize';",
        'export const sequelize = new Sequelize(process.env.DATABASE_URL!);',
        "export const Reservation = sequelize.define('Reservation', { email: DataTypes.STRING }, { tableName: 'tbl_res' });",
        'export class Rental extends Model {}',
        "Rental.init({ email: DataTypes.STRING }, { sequelize, tableName: 'rentals_v2' });",
      ].join('\n'),
      'src/ticket.ts': [
        "import { Table, Model } from 'sequelize-typescript';",
        "@Table({ tableName: 'tix' })",
        'export class Ticket extends Model {}',
      ].join('\n'),
    })).toEqual([
      'sequelize Reservation -> tbl_res (src/db.ts:3)',
      'sequelize Rental -> rentals_v2 (src/db.ts:5)',
      'sequelize Ticket -> tix (src/ticket.ts:3)',
    ]);
  });

  it('reads Objection models, Knex and Kysely migrations, Sanity document types and Firestore collections', () => {
    expect(entitiesOf({
      'package.json': manifest({ objection: '3.1.5', knex: '3.1.0', kysely: '0.27.5', sanity: '3.70.0', 'firebase-admin': '13.0.0', 'firebase': '11.2.0' }),
      'src/models/booking.ts': [
        "import { Model } from 'objection';",
        "export class Booking extends Model { static tableName = 'tbl_res'; }",
        "export class Guest extends Model { static get tableName() { return 'guests'; } }",
      ].join('\n'),
      'migrations/001.ts': [
        "import type { Knex } from 'knex';",
        "export async function up(knex: Knex) { await knex.schema.createTable('appointments', (t) => { t.increments('id'); }); }",
      ].join('\n'),
      'migrations/002.ts': [
        "import type { Kysely } from 'kysely';",
        "export async function up(db: Kysely<unknown>) { await db.schema.createTable('rentals').execute(); }",
      ].join('\n'),
      'studio/schemas/booking.ts': [
        "import { defineType, defineField } from 'sanity';",
        "export default defineType({ name: 'booking', title: 'Booking', type: 'document', fields: [defineField({ name: 'email', type: 'string' })] });",
        "export const address = defineType({ name: 'address', type: 'object', fields: [] });",
      ].join('\n'),
      'src/firebase.ts': [
        "import { getFirestore } from 'firebase-admin/firestore';",
        "import { collection, getFirestore as web } from 'firebase/firestore';",
        "export const reservations = getFirestore().collection('reservations');",
        "export const waitlist = collection(web(), 'waitlist');",
      ].join('\n'),
    })).toEqual([
      'knex appointments -> appointments (migrations/001.ts:2)',
      'kysely rentals -> rentals (migrations/002.ts:2)',
      'firestore reservations -> reservations (src/firebase.ts:3)',
      'firestore waitlist -> waitlist (src/firebase.ts:4)',
      'objection Booking -> tbl_res (src/models/booking.ts:2)',
      'objection Guest -> guests (src/models/booking.ts:3)',
      'sanity booking -> booking (studio/schemas/booking.ts:2)',
    ]);
  });

  it('ignores look-alikes from other packages and computed names', () => {
    expect(entitiesOf({
      'package.json': manifest({ 'drizzle-orm': '0.39.0' }),
      'src/x.ts': [
        "import { pgTable } from './local-helpers';",
        "import { pgTable as real } from 'drizzle-orm/pg-core';",
        "export const a = pgTable('bookings', {});",
        'export const b = real(`t_${process.env.PREFIX}`, {});',
        "function model(name: string) { return name; }",
        "model('Booking');",
      ].join('\n'),
      'src/local-helpers.ts': 'export function pgTable(name: string, cols: object) { return { name, cols }; }',
    })).toEqual(['drizzle b -> - (src/x.ts:4)']);
  });
});

describe('bookingEntityNames', () => {
  const entity = (name: string, table: string | null, source = 'prisma'): SchemaEntity => ({ name, table, file: 'x', line: 1, source });

  it('makes the table of a booking-like entity, and the entity of a booking-like table, booking names', () => {
    const names = bookingEntityNames([entity('Booking', 'tbl_res'), entity('Res', 'reservations'), entity('Order', 'orders'), entity('Product', null)], new Vocabulary());
    expect([...names].sort()).toEqual(['booking', 'res', 'reservations', 'tbl_res']);
  });

  it('leaves out rows about a booking and help-desk tickets, keeps admission tickets', () => {
    const names = bookingEntityNames(
      [entity('BookingLog', 'booking_logs'), entity('TicketMessage', 'ticket_messages'), entity('SupportTicket', 'support_tickets'), entity('EventTicket', 'event_tickets'), entity('TicketPurchase', null)],
      new Vocabulary(),
    );
    expect([...names].sort()).toEqual(['event_tickets', 'eventticket', 'ticketpurchase']);
  });

  it('leaves out the staff, timeline, saved forms, locks, lines, services and payouts kept beside a booking, keeps the bookings', () => {
    const names = bookingEntityNames(
      ['booking_teams', 'booking_team_members', 'ticket_scanner_staff', 'booking_activities', 'booking_templates', 'reservation_locks', 'product_booking_items', 'reservation_services', 'booking_settlements', 'booking_refunds', 'pending_bookings'].map((t) => entity(t, t, 'sql')),
      new Vocabulary(),
    );
    expect([...names]).toEqual(['pending_bookings']);
  });

  it('leaves out the kinds on sale, timeline, changes, guests, nights and rules of a booking, keeps the bookings', () => {
    const names = bookingEntityNames(
      ['TicketType', 'AppointmentType', 'ticket_tiers', 'RentalCategory', 'BookingEvent', 'BookingModification', 'BookingChangeRequest', 'BookingGuest', 'ReservationNight', 'BookingPolicy', 'BookingDefaults', 'GroupBooking', 'BookingRequest'].map((n) => entity(n, null)),
      new Vocabulary(),
    );
    expect([...names].sort()).toEqual(['bookingrequest', 'groupbooking']);
  });

  it('leaves out copies of bookings put away, logs of tries and info tables, keeps bookings of a kind and requests', () => {
    const names = bookingEntityNames(
      ['CancelledBooking', 'ArchivedBooking', 'cancelled_bookings', 'deleted_reservations', 'BookingInfo', 'booking_info', 'booking_attempts', 'booking_archive', 'Booking', 'bookings', 'TourBooking', 'booking_requests', 'pending_bookings'].map((n) => entity(n, null)),
      new Vocabulary(),
    );
    expect([...names].sort()).toEqual(['booking', 'booking_requests', 'bookings', 'pending_bookings', 'tourbooking']);
  });

  it('leaves out a tickets table whose columns are a help-desk ticket, keeps one with admission columns', () => {
    const column = (name: string) => ({ name, type: 'text', default: null, line: 1 });
    const support: SchemaEntity = { ...entity('Tickets', 'Tickets', 'sql'), fields: ['ticket_id', 'user_id', 'subject', 'description', 'status'].map(column) };
    const admission: SchemaEntity = { ...entity('tickets', 'tickets', 'sql'), fields: ['id', 'event_id', 'seat', 'price_cents', 'subject', 'description'].map(column) };
    const helpDesk = new Vocabulary();
    helpDesk.excludeHelpDeskTickets([support]);
    expect([...bookingEntityNames([support], helpDesk)]).toEqual([]);
    const box = new Vocabulary();
    box.excludeHelpDeskTickets([admission]);
    expect([...bookingEntityNames([admission], box)]).toEqual(['tickets']);
  });

  it('makes an order for a show, an event or seats a booking, leaves a shop order out', () => {
    const column = (name: string) => ({ name, type: 'text', default: null, line: 1 });
    const boxOffice: SchemaEntity = { ...entity('Order', null), fields: ['id', 'showId', 'quantity', 'status'].map(column) };
    const seats: SchemaEntity = { ...entity('purchases', 'purchases', 'sql'), fields: ['id', 'seats', 'total'].map(column) };
    const shop: SchemaEntity = { ...entity('orders', 'orders', 'sql'), fields: ['id', 'product_id', 'shipping_address', 'event_log'].map(column) };
    const vocabulary = new Vocabulary();
    vocabulary.includeAdmissionOrders([boxOffice, seats, shop]);
    expect([...bookingEntityNames([boxOffice, seats, shop], vocabulary)].sort()).toEqual(['order', 'purchases']);
  });

  it('leaves out a ticket that a ticket purchase buys by its id, keeps tickets nothing buys', () => {
    const column = (name: string) => ({ name, type: 'text', default: null, line: 1 });
    const tier: SchemaEntity = { ...entity('Ticket', null), fields: ['id', 'name', 'price', 'eventId'].map(column) };
    const purchase: SchemaEntity = { ...entity('TicketPurchase', null), fields: ['id', 'ticketId', 'email', 'status'].map(column) };
    const vocabulary = new Vocabulary();
    vocabulary.excludeOfferedItems([tier, purchase]);
    expect([...bookingEntityNames([tier, purchase], vocabulary)]).toEqual(['ticketpurchase']);
    const unkeyed: SchemaEntity = { ...entity('TicketOrder', null), fields: ['id', 'email', 'status'].map(column) };
    const seats: SchemaEntity = { ...entity('BookingSeat', null), fields: ['id', 'bookingId', 'seat'].map(column) };
    const kept = new Vocabulary();
    kept.excludeOfferedItems([tier, unkeyed, entity('Booking', null), seats]);
    expect([...bookingEntityNames([tier, unkeyed, entity('Booking', null)], kept)].sort()).toEqual(['booking', 'ticket', 'ticketorder']);
  });

  it('leaves out a record keyed by the booking it is part of, keeps one keyed by anything else', () => {
    const column = (name: string) => ({ name, type: 'text', default: null, line: 1 });
    const booking: SchemaEntity = { ...entity('Booking', null), fields: ['id', 'bookingGroupId', 'status'].map(column) };
    const group: SchemaEntity = { ...entity('BookingGroup', null), fields: ['id', 'name'].map(column) };
    const line: SchemaEntity = { ...entity('EnhancementBooking', 'enhancement_bookings'), fields: ['id', 'booking_id', 'enhancementId'].map(column) };
    const slot: SchemaEntity = { ...entity('SlotBooking', null), fields: ['id', 'slotId', 'status'].map(column) };
    const rule: SchemaEntity = { ...entity('BookingRestriction', null), fields: ['id', 'minNights'].map(column) };
    const vocabulary = new Vocabulary();
    vocabulary.excludeBookingParts([booking, group, line, slot, rule]);
    expect([...bookingEntityNames([booking, group, line, slot, rule], vocabulary)].sort()).toEqual(['booking', 'bookinggroup', 'slotbooking']);
    // Without the booking it would belong to, a `booking_id` column proves nothing.
    const alone = new Vocabulary();
    alone.excludeBookingParts([line]);
    expect([...bookingEntityNames([line], alone)].sort()).toEqual(['enhancement_bookings', 'enhancementbooking']);
  });

  it('takes extra entity names from the vocabulary (the config file)', () => {
    const names = bookingEntityNames([entity('Order', 'tbl_ord')], new Vocabulary(['Order']));
    expect([...names].sort()).toEqual(['order', 'tbl_ord']);
  });
});

describe('schema files', () => {
  it('reads a Prisma schema split over prisma/schema/*.prisma, with @@map tables', async () => {
    const { discoverProject } = await import('../../src/project/discover.js');
    const { listFiles } = await import('../../src/files/walk.js');
    const root = makeProject({
      'package.json': manifest({ '@prisma/client': '6.6.0' }),
      'prisma/schema/schema.prisma': 'generator client {\n  provider = "prisma-client-js"\n}\n\ndatasource db {\n  provider = "postgresql"\n  url = env("DATABASE_URL")\n}\n',
      'prisma/schema/booking.prisma': 'model Booking {\n  id String @id\n  guest Guest @relation(fields: [guestId], references: [id])\n  guestId String\n  @@map("tbl_res")\n}\n',
      'prisma/schema/guest.prisma': '// model Commented {}\nmodel Guest {\n  id String @id\n  bookings Booking[]\n}\n',
    });
    const project = discoverProject(root, listFiles(root).files);
    expect(project.schemaEntities.map((e) => `${e.name} -> ${e.table ?? '-'} (${e.file}:${e.line})`)).toEqual([
      'Booking -> tbl_res (prisma/schema/booking.prisma:1)',
      'Guest -> - (prisma/schema/guest.prisma:2)',
    ]);
    expect([...bookingEntityNames(project.schemaEntities, new Vocabulary())].sort()).toEqual(['booking', 'tbl_res']);
  });
});
