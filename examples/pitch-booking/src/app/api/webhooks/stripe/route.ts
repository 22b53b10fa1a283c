import { headers } from 'next/headers';
import { NextResponse } from 'next/server';
import type Stripe from 'stripe';
import { db } from '@/lib/db';
import { stripe } from '@/lib/stripe';

export async function POST(req: Request) {
  const body = await req.text();
  const signature = (await headers()).get('stripe-signature')!;
  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(body, signature, process.env.STRIPE_WEBHOOK_SECRET!);
  } catch {
    return new NextResponse('bad signature', { status: 400 });
  }
  if (event.type === 'checkout.session.completed') {
    const session = event.data.object;
    await db.booking.create({
      data: {
        pitchId: session.metadata!.pitchId!,
        startsAt: new Date(session.metadata!.startsAt!),
        email: session.customer_email!,
        status: 'CONFIRMED',
        stripeSessionId: session.id,
      },
    });
  }
  return NextResponse.json({ received: true });
}
