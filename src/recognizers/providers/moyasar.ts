// https://docs.moyasar.com/api/payments/01-create-payment
import { defineProvider } from '../define.js';

// Moyasar (Saudi Arabia) is called over REST with the secret key as basic auth: `POST /v1/payments`
// charges a source (a card with 3-D Secure, Apple Pay, STC Pay) and sends the customer to the
// `callback_url` with `id` and `status`; `POST /v1/invoices` makes a hosted page with `success_url`
// and `back_url`. Most apps let Moyasar's browser form create the payment with the publishable key
// and only fetch it on the server (`GET /v1/payments/:id`). Webhooks carry the `secret_token` set
// in the dashboard and name their event in `type`. The SDK moyasar (`new Moyasar(secretKey)`) wraps
// them: `invoice.create(body)`, `payment.fetch(id)`, `payment.refund(id)`, `invoice.cancel(invoice)`,
// and before 0.5.1 `payment.create(body)`.
const host = '^api\\.moyasar\\.com$';

export default defineProvider({
  id: 'moyasar',
  name: 'Moyasar',
  docs: 'https://docs.moyasar.com/api/payments/01-create-payment',
  packages: ['moyasar'],
  clients: [
    { path: 'new()' },
    { path: 'default.new()' },
  ],
  // Named as the REST endpoints they call, so one capture rule holds for both.
  operations: [
    { call: 'payment.create', role: 'initiation', api: 'payments.create' },
    { call: 'invoice.create', role: 'initiation', api: 'invoices.create' },
    { call: 'payment.refund', role: 'refund', api: 'payments.refund' },
    { call: 'invoice.cancel', role: 'cancel', api: 'invoices.cancel' },
    { call: 'payment.fetch', role: 'retrieve', api: 'payments.fetch' },
    { call: 'invoice.fetch', role: 'retrieve', api: 'invoices.fetch' },
  ],
  rest: [
    { host, path: '^/v1/payments/?$', method: 'POST', role: 'initiation', api: 'payments.create' },
    { host, path: '^/v1/invoices/?$', method: 'POST', role: 'initiation', api: 'invoices.create' },
    { host, path: '^/v1/payments/[^/]+/capture/?$', method: 'POST', role: 'capture', api: 'payments.capture' },
    { host, path: '^/v1/payments/[^/]+/refund/?$', method: 'POST', role: 'refund', api: 'payments.refund' },
    { host, path: '^/v1/payments/[^/]+/void/?$', method: 'POST', role: 'cancel', api: 'payments.void' },
    { host, path: '^/v1/payments/[^/]+$', method: 'GET', role: 'retrieve', api: 'payments.fetch' },
    { host, path: '^/v1/invoices/[^/]+$', method: 'GET', role: 'retrieve', api: 'invoices.fetch' },
  ],
  // metadata is returned as-is on the payment and in its webhooks.
  referenceFields: ['metadata.*', 'description', 'callback_url', 'success_url'],
  successReturnFields: ['success_url'],
  failureReturnFields: ['back_url'],
  // A card source with `manual: true` is only authorized until `payments/:id/capture`.
  capture: { 'payments.create': { mode: 'hosted', when: [{ field: 'source.manual', equals: [true, 'true'], mode: 'authorize' }] } },
  callbackFields: ['secret_token'],
  events: {
    success: ['payment_paid', 'payment_captured'],
    failure: ['payment_failed', 'payment_expired', 'payment_canceled'],
  },
  refundExample: "await fetch(`https://api.moyasar.com/v1/payments/${booking.moyasarPaymentId}/refund`, { method: 'POST', headers: { Authorization: `Basic ${btoa(`${MOYASAR_SECRET_KEY}:`)}` } });",
  example: "const res = await fetch('https://api.moyasar.com/v1/invoices', { method: 'POST', headers: { Authorization: `Basic ${btoa(`${MOYASAR_SECRET_KEY}:`)}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ amount: booking.amountHalalas, currency: 'SAR', description: `Booking ${booking.id}`, success_url, back_url, metadata: { bookingId: booking.id } }) });",
});
