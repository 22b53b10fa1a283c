// https://developer.yoco.com/online/api-reference/checkout/payments/create-checkout
import { defineProvider } from '../define.js';

// Yoco (South Africa) has no server SDK: the server POSTs a checkout to
// payments.yoco.com/api/checkouts with the secret key as a bearer token and sends the customer to
// the `redirectUrl` it returns; the browser comes back to `successUrl`, `cancelUrl` or `failureUrl`,
// and the webhook sends `payment.succeeded` with the checkout's `metadata` (plus its `checkoutId`).
// The older Online API charged a card token the browser got from Yoco's inline form
// (`POST online.yoco.com/v1/charges/`).
export default defineProvider({
  id: 'yoco',
  name: 'Yoco',
  docs: 'https://developer.yoco.com/online/api-reference/checkout/payments/create-checkout',
  packages: [],
  browserPackages: ['@yoco/yoco-inline'],
  clients: [],
  operations: [],
  rest: [
    { host: '^payments\\.yoco\\.com$', path: '^/api/checkouts/?$', method: 'POST', role: 'initiation', api: 'checkouts.create' },
    { host: '^payments\\.yoco\\.com$', path: '^/api/checkouts/[^/]+/refund/?$', method: 'POST', role: 'refund', api: 'checkouts.refund' },
    { host: '^payments\\.yoco\\.com$', path: '^/api/checkouts/[^/]+$', method: 'GET', role: 'retrieve', api: 'checkouts.get' },
    { host: '^online\\.yoco\\.com$', path: '^/v1/charges/?$', method: 'POST', role: 'initiation', api: 'charges.create' },
  ],
  // externalId is the merchant's own reference; metadata comes back on the payment's webhook.
  referenceFields: ['metadata.*', 'externalId', 'successUrl'],
  successReturnFields: ['successUrl'],
  failureReturnFields: ['cancelUrl', 'failureUrl'],
  // A charge of a card token moves the money at once.
  capture: { 'charges.create': { mode: 'charge' } },
  events: { success: ['payment.succeeded'], failure: ['payment.failed'] },
  refundExample: "await fetch(`https://payments.yoco.com/api/checkouts/${booking.yocoCheckoutId}/refund`, { method: 'POST', headers: { Authorization: `Bearer ${YOCO_SECRET_KEY}` } });",
  example: "const res = await fetch('https://payments.yoco.com/api/checkouts', { method: 'POST', headers: { Authorization: `Bearer ${YOCO_SECRET_KEY}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ amount: booking.amountCents, currency: 'ZAR', successUrl, cancelUrl, failureUrl, externalId: booking.id, metadata: { bookingId: booking.id } }) });",
});
