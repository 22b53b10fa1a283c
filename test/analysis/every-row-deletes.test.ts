// Deletes of every row (seed and reset code) are no cancellations: what record-changes reads as
// `everyRow` for each store's spelling of "no filter", and that a filter, however written, keeps a
// delete a cancellation.
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/index.js';
import { makeProject } from '../helpers/project.js';

const route = (body: string[]) => ["import { db, knex } from '../../lib/db';", '', 'export async function POST(req: Request) {', ...body.map((l) => `  ${l}`), '  return Response.json({ ok: true });', '}', ''].join('\n');

describe('every-row deletes', () => {
  it('are no cancellation paths for refund-logic; filtered deletes are', async () => {
    const root = makeProject({
      'package.json': JSON.stringify({ name: 'studio', dependencies: { '@prisma/client': '^6.0.0', knex: '^3.1.0', next: '15.1.0', pg: '^8.13.0', stripe: '^17.0.0' } }),
      'prisma/schema.prisma': 'model Booking {\n  id String @id @default(cuid())\n  userId String\n  status String @default("pending")\n}\n',
      'src/lib/db.ts': "import { PrismaClient } from '@prisma/client';\nimport Knex from 'knex';\n\nexport const db = new PrismaClient();\nexport const knex = Knex({ client: 'pg', connection: process.env.DATABASE_URL });\n",
      'src/lib/stripe.ts': "import Stripe from 'stripe';\n\nexport const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);\n",
      'src/app/api/book/route.ts': [
        "import { db } from '../../../lib/db';",
        "import { stripe } from '../../../lib/stripe';",
        '',
        'export async function POST(req: Request) {',
        '  const { userId } = await req.json();',
        '  const booking = await db.booking.create({ data: { userId } });',
        "  const intent = await stripe.paymentIntents.create({ amount: 1000, currency: 'eur', metadata: { bookingId: booking.id } });",
        '  return Response.json({ clientSecret: intent.client_secret });',
        '}',
        '',
      ].join('\n'),
      'src/app/seed-where-empty/route.ts': route(['await db.booking.deleteMany({ where: {} });']),
      'src/app/seed-truncate/route.ts': route(["await knex('bookings').truncate();"]),
      'src/app/seed-del/route.ts': route(["await knex('bookings').del();"]),
      'src/app/cancel-mine/route.ts': route(['const { userId } = await req.json();', 'await db.booking.deleteMany({ where: { userId } });']),
      'src/app/cancel-one/route.ts': route(['const { id } = await req.json();', "await knex('bookings').where({ id }).del();"]),
      'src/app/cancel-by-filter/route.ts': route(['const filter = await req.json();', 'await db.booking.deleteMany(filter);']),
    });
    const report = await scan({ root, checks: ['refund-logic'] });
    const entries = report.checks.flatMap((c) => c.paths.map((p) => `${p.entry.name} ${p.reason}`)).sort();
    expect(entries).toEqual(['POST /cancel-by-filter no-refund', 'POST /cancel-mine no-refund', 'POST /cancel-one no-refund']);
  });
});
