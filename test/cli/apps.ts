// A small Next.js + Prisma + Stripe app with two failing payment paths (booking only in the
// webhook) and one passing path, for suppression, baseline and fingerprint tests. Tests edit its
// files with `edit` to add comments, move lines or add routes.

export const CHECKOUT = 'src/app/api/checkout/route.ts';
export const LESSONS = 'src/app/api/lessons/route.ts';

export function failingApp(): Record<string, string> {
  return {
    'package.json': JSON.stringify({ name: 'court-booking', private: true, dependencies: { '@prisma/client': '^6.2.0', next: '15.1.0', stripe: '^17.5.0' } }),
    'prisma/schema.prisma': 'model Booking {\n  id      String @id @default(cuid())\n  courtId String\n  status  String\n}\n',
    'src/lib/db.ts': "import { PrismaClient } from '@prisma/client';\n\nexport const db = new PrismaClient();\n",
    'src/lib/stripe.ts': "import Stripe from 'stripe';\n\nexport const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);\n",
    [CHECKOUT]: [
      "import { stripe } from '../../../lib/stripe';",
      '',
      'export async function POST(req: Request) {',
      '  const { courtId } = await req.json();',
      '  const session = await stripe.checkout.sessions.create({',
      "    mode: 'payment',",
      '    metadata: { courtId },',
      "    success_url: 'https://courts.example/booked',",
      '  });',
      '  return Response.json({ url: session.url });',
      '}',
      '',
    ].join('\n'),
    [LESSONS]: [
      "import { stripe } from '../../../lib/stripe';",
      '',
      'export async function POST(req: Request) {',
      '  const { courtId } = await req.json();',
      "  const intent = await stripe.paymentIntents.create({ amount: 3000, currency: 'eur', metadata: { courtId } });",
      '  return Response.json({ secret: intent.client_secret });',
      '}',
      '',
    ].join('\n'),
    'src/app/api/deposit/route.ts': [
      "import { db } from '../../../lib/db';",
      "import { stripe } from '../../../lib/stripe';",
      '',
      'export async function POST(req: Request) {',
      '  const { courtId } = await req.json();',
      "  const booking = await db.booking.create({ data: { courtId, status: 'PENDING' } });",
      "  const intent = await stripe.paymentIntents.create({ amount: 1000, currency: 'eur', metadata: { bookingId: booking.id } });",
      '  return Response.json({ secret: intent.client_secret });',
      '}',
      '',
    ].join('\n'),
    'src/app/api/webhooks/stripe/route.ts': [
      "import { db } from '../../../../lib/db';",
      "import { stripe } from '../../../../lib/stripe';",
      '',
      'export async function POST(req: Request) {',
      "  const event = stripe.webhooks.constructEvent(await req.text(), req.headers.get('stripe-signature')!, 'whsec');",
      "  if (event.type === 'checkout.session.completed') {",
      "    await db.booking.create({ data: { courtId: event.data.object.metadata!.courtId!, status: 'CONFIRMED' } });",
      '  }',
      '  return Response.json({ received: true });',
      '}',
      '',
    ].join('\n'),
  };
}

/** Inserts `lines` before the first line of `file` that contains `marker`. */
export function insertBefore(files: Record<string, string>, file: string, marker: string, ...lines: string[]): Record<string, string> {
  const text = files[file]!.split('\n');
  const at = text.findIndex((l) => l.includes(marker));
  if (at === -1) throw new Error(`${marker} not in ${file}`);
  text.splice(at, 0, ...lines);
  return { ...files, [file]: text.join('\n') };
}

/** Appends `suffix` to the first line of `file` that contains `marker`. */
export function appendTo(files: Record<string, string>, file: string, marker: string, suffix: string): Record<string, string> {
  const text = files[file]!.split('\n');
  const at = text.findIndex((l) => l.includes(marker));
  if (at === -1) throw new Error(`${marker} not in ${file}`);
  text[at] += suffix;
  return { ...files, [file]: text.join('\n') };
}
