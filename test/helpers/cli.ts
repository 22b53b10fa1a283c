// Runs the built command line (`npm test` builds first) as a child process.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '../..');
export const bin = path.join(repoRoot, 'bin/bookfirst.js');

export interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export function runCli(args: string[], options: { cwd?: string; env?: Record<string, string | undefined>; timeoutMs?: number } = {}): Run {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const started = Date.now();
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 30_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, signal: r.signal, stdout: r.stdout ?? '', stderr: r.stderr ?? '', ms: Date.now() - started };
}

export const ANSI = /\u001b\[/;

/** A small Next.js + Prisma + Stripe app whose one payment path writes the booking first and that passes every check. */
export const passingApp: Record<string, string> = {
  'package.json': JSON.stringify({
    name: 'court-booking',
    private: true,
    dependencies: { '@prisma/client': '^6.2.0', next: '15.1.0', stripe: '^17.5.0' },
  }),
  'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['./src/*'] } } }),
  'prisma/schema.prisma': 'model Booking {\n  id     String @id @default(cuid())\n  courtId String\n  status String\n}\n',
  'src/lib/db.ts': "import { PrismaClient } from '@prisma/client';\n\nexport const db = new PrismaClient();\n",
  'src/lib/stripe.ts': "import Stripe from 'stripe';\n\nexport const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);\n",
  'src/app/api/checkout/route.ts': [
    "import { NextResponse } from 'next/server';",
    "import { db } from '@/lib/db';",
    "import { stripe } from '@/lib/stripe';",
    '',
    'export async function POST(req: Request) {',
    '  const { courtId } = await req.json();',
    "  const booking = await db.booking.create({ data: { courtId, status: 'PENDING' } });",
    '  const session = await stripe.checkout.sessions.create({',
    "    mode: 'payment',",
    '    client_reference_id: booking.id,',
    '    metadata: { bookingId: booking.id },',
    "    line_items: [{ price: 'price_court', quantity: 1 }],",
    "    success_url: 'https://example.com/ok',",
    '  });',
    '  await db.booking.update({ where: { id: booking.id }, data: { stripeSessionId: session.id } });',
    '  return NextResponse.json({ url: session.url });',
    '}',
    '',
  ].join('\n'),
  // Confirms paid bookings and releases abandoned ones, so every check passes.
  'src/app/api/webhooks/stripe/route.ts': [
    "import { db } from '@/lib/db';",
    "import { stripe } from '@/lib/stripe';",
    '',
    'export async function POST(req: Request) {',
    "  const event = stripe.webhooks.constructEvent(await req.text(), req.headers.get('stripe-signature')!, process.env.STRIPE_WEBHOOK_SECRET!);",
    '  const bookingId = event.data.object.metadata!.bookingId!;',
    "  if (event.type === 'checkout.session.completed') await db.booking.update({ where: { id: bookingId }, data: { status: 'CONFIRMED' } });",
    "  if (event.type === 'checkout.session.expired') await db.booking.update({ where: { id: bookingId }, data: { status: 'EXPIRED' } });",
    '  return Response.json({ received: true });',
    '}',
    '',
  ].join('\n'),
};
