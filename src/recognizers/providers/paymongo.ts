// https://developers.paymongo.com/reference/checkout-session-resource
import { defineProvider } from '../define.js';

// PayMongo (Philippines) is called over REST with a JSON:API body, `{ data: { attributes } }`: a
// Checkout Session (`/v1/checkout_sessions`, `/v2/...` in the newer guides) or a Payment Link
// (`/v1/links`) is a hosted page; a Payment Intent (`/v1/payment_intents`) is paid by the page's
// client key; a Source (`/v1/sources`, GCash and GrabPay) is authorized on the wallet's page and
// charged by the server once PayMongo says `source.chargeable` (`POST /v1/payments`). The
// community SDK `paymongo` (`new Paymongo(secretKey)`) wraps the same resources with the same body.
// Webhooks are signed in a `Paymongo-Signature` header and name their event in `data.attributes.type`.
const host = '^api\\.paymongo\\.com$';
const attrs = (fields: string[]) => fields.map((f) => `data.attributes.${f}`);

export default defineProvider({
  id: 'paymongo',
  name: 'PayMongo',
  docs: 'https://developers.paymongo.com/reference/checkout-session-resource',
  packages: ['paymongo'],
  clients: [
    { path: 'new()' },
    { path: 'default.new()' },
  ],
  operations: [
    { call: 'paymentIntents.create', role: 'initiation', api: 'payment_intents' },
    { call: 'links.create', role: 'initiation', api: 'links' },
    { call: 'sources.create', role: 'initiation', api: 'sources' },
    { call: 'payments.create', role: 'capture', api: 'payments' },
    { call: 'paymentIntents.retrieve', role: 'retrieve', api: 'payment_intents.retrieve' },
    { call: 'links.retrieve', role: 'retrieve', api: 'links.retrieve' },
    { call: 'payments.retrieve', role: 'retrieve', api: 'payments.retrieve' },
  ],
  rest: [
    { host, path: '^/v[12]/checkout_sessions/?$', method: 'POST', role: 'initiation', api: 'checkout_sessions' },
    { host, path: '^/v1/payment_intents/?$', method: 'POST', role: 'initiation', api: 'payment_intents' },
    { host, path: '^/v1/links/?$', method: 'POST', role: 'initiation', api: 'links' },
    { host, path: '^/v1/sources/?$', method: 'POST', role: 'initiation', api: 'sources' },
    // Charging a source the customer authorized moves the money another request started.
    { host, path: '^/v1/payments/?$', method: 'POST', role: 'capture', api: 'payments' },
    { host, path: '^/v1/refunds/?$', method: 'POST', role: 'refund', api: 'refunds' },
    { host, path: '^/v1/checkout_sessions/[^/]+/expire$', method: 'POST', role: 'cancel', api: 'checkout_sessions.expire' },
    { host, path: '^/v[12]/checkout_sessions/[^/]+$', method: 'GET', role: 'retrieve', api: 'checkout_sessions.retrieve' },
    { host, path: '^/v1/payment_intents/[^/]+$', method: 'GET', role: 'retrieve', api: 'payment_intents.retrieve' },
    { host, path: '^/v1/payments/[^/]+$', method: 'GET', role: 'retrieve', api: 'payments.retrieve' },
  ],
  // reference_number is the merchant's own order number; metadata comes back on the session and
  // its payments; a link's `remarks` and any `description` are free text the merchant reads back.
  referenceFields: attrs(['reference_number', 'metadata.*', 'description', 'remarks', 'success_url', 'redirect.success']),
  successReturnFields: ['success_url'],
  failureReturnFields: ['cancel_url'],
  callbackFields: ['paymongo-signature', 'Paymongo-Signature'],
  events: {
    success: ['checkout_session.payment.paid', 'payment.paid', 'link.payment.paid', 'source.chargeable'],
    failure: ['payment.failed'],
  },
  refundExample: "await fetch('https://api.paymongo.com/v1/refunds', { method: 'POST', headers, body: JSON.stringify({ data: { attributes: { amount: booking.amountCentavos, payment_id: booking.paymongoPaymentId, reason: 'requested_by_customer', metadata: { bookingId: booking.id } } } }) });",
  example: "const res = await fetch('https://api.paymongo.com/v1/checkout_sessions', { method: 'POST', headers: { Authorization: `Basic ${btoa(`${PAYMONGO_SECRET_KEY}:`)}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ data: { attributes: { line_items, payment_method_types: ['card', 'gcash'], success_url, cancel_url, reference_number: booking.id, metadata: { bookingId: booking.id } } } }) });",
});
