import { db } from '@/lib/db';
import { stripe } from '@/lib/stripe';

export interface DepositInput {
  pitchId: string;
  startsAt: string;
  email: string;
}

/** Holds the slot with a pending booking, then asks for a deposit that carries the booking id. */
export async function startDeposit(input: DepositInput) {
  const booking = await db.booking.create({
    data: { pitchId: input.pitchId, startsAt: new Date(input.startsAt), email: input.email, status: 'PENDING_PAYMENT' },
  });
  const intent = await stripe.paymentIntents.create({
    amount: 2000,
    currency: 'eur',
    metadata: { bookingId: booking.id },
  });
  return { bookingId: booking.id, clientSecret: intent.client_secret };
}
