import { NextResponse } from 'next/server';
import { stripe } from '@/lib/stripe';

// Starts a Stripe Checkout for a pitch slot. The booking is only created once the webhook arrives.
export async function POST(req: Request) {
  const { pitchId, startsAt, email } = await req.json();
  const session = await stripe.checkout.sessions.create({
    mode: 'payment',
    customer_email: email,
    line_items: [{ price: process.env.PITCH_PRICE_ID, quantity: 1 }],
    metadata: { pitchId, startsAt },
    success_url: `${process.env.APP_URL}/booked`,
    cancel_url: `${process.env.APP_URL}/pitches/${pitchId}`,
  });
  return NextResponse.json({ url: session.url });
}
