// https://docs.omise.co/charges-api
import { defineProvider } from '../define.js';

// Omise (Opn Payments, Thailand and Japan): `require('omise')({ secretKey })` gives resources whose
// `charges.create` charges a card token from Omise.js, a saved customer card, or a `source` (PromptPay,
// internet banking, TrueMoney) the customer completes at `authorize_uri`, coming back to
// `return_uri`. `capture: false` only authorizes until `charges.capture`. A source alone moves no
// money; `links.create` makes a payment link. Webhooks send `charge.complete` with the charge,
// whose `status` says successful or failed.
const host = '^api\\.omise\\.co$';

export default defineProvider({
  id: 'omise',
  name: 'Omise',
  docs: 'https://docs.omise.co/charges-api',
  packages: ['omise'],
  clients: [
    { path: '()' },
    { path: 'default.()' },
  ],
  operations: [
    { call: 'charges.create', role: 'initiation' },
    { call: 'links.create', role: 'initiation' },
    { call: 'charges.capture', role: 'capture' },
    { call: 'charges.reverse', role: 'cancel' },
    { call: 'charges.createRefund', role: 'refund' },
    { call: 'charges.retrieve', role: 'retrieve' },
    { call: 'links.retrieve', role: 'retrieve' },
  ],
  rest: [
    { host, path: '^/charges/?$', method: 'POST', role: 'initiation', api: 'charges.create' },
    { host, path: '^/links/?$', method: 'POST', role: 'initiation', api: 'links.create' },
    { host, path: '^/charges/[^/]+/capture/?$', method: 'POST', role: 'capture', api: 'charges.capture' },
    { host, path: '^/charges/[^/]+/reverse/?$', method: 'POST', role: 'cancel', api: 'charges.reverse' },
    { host, path: '^/charges/[^/]+/refunds/?$', method: 'POST', role: 'refund', api: 'charges.createRefund' },
    { host, path: '^/charges/[^/]+$', method: 'GET', role: 'retrieve', api: 'charges.retrieve' },
  ],
  // metadata comes back on the charge and its webhooks.
  referenceFields: ['metadata.*', 'description', 'return_uri'],
  successReturnFields: ['return_uri'],
  capture: { 'charges.create': { mode: 'hosted', when: [{ field: 'capture', equals: [false, 'false'], mode: 'authorize' }] } },
  // A charge says whether it was paid.
  resultFlags: { success: ['paid'], failure: [] },
  events: { success: ['charge.complete'], failure: [] },
  captureExample: "await omise.charges.capture(booking.omiseChargeId);",
  refundExample: "await omise.charges.createRefund(booking.omiseChargeId, { amount: booking.amountSatang, metadata: { bookingId: booking.id } });",
  example: "const charge = await omise.charges.create({ amount: booking.amountSatang, currency: 'thb', source: sourceId, return_uri, description: `Booking ${booking.id}`, metadata: { bookingId: booking.id } });",
});
