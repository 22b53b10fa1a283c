// https://api-reference.checkout.com/#operation/RequestAPaymentOrPayout
import { defineProvider } from '../define.js';

// checkout-sdk-node: `const cko = new Checkout(secretKey)`, one resource per API area.
// https://github.com/checkout/checkout-sdk-node/tree/master/src/api
export default defineProvider({
  id: 'checkout',
  name: 'Checkout.com',
  docs: 'https://api-reference.checkout.com/#operation/RequestAPaymentOrPayout',
  packages: ['checkout-sdk-node'],
  browserPackages: ['@checkout.com/checkout-web-components', 'frames-react', 'frames-react-native'],
  clients: [{ path: 'Checkout.new()' }, { path: 'new()' }, { path: 'default.new()' }],
  operations: [
    { call: 'payments.request', role: 'initiation' },
    { call: 'hostedPayments.create', role: 'initiation' },
    { call: 'paymentLinks.create', role: 'initiation' },
    // Flow: the session the front end completes; `complete` creates and submits in one call.
    { call: 'paymentSessions.request', role: 'initiation' },
    { call: 'paymentSessions.complete', role: 'initiation' },
    { call: 'paymentSessions.submit', role: 'capture' },
    { call: 'payments.capture', role: 'capture' },
    { call: 'payments.refund', role: 'refund' },
    { call: 'payments.reverse', role: 'refund' },
    { call: 'payments.void', role: 'cancel' },
    { call: 'payments.get', role: 'retrieve' },
    { call: 'payments.getActions', role: 'retrieve' },
    { call: 'hostedPayments.get', role: 'retrieve' },
    { call: 'paymentLinks.get', role: 'retrieve' },
  ],
  // `{prefix}.api.checkout.com` since 2024, `api.checkout.com` and the sandbox before.
  rest: [
    { host: '^([\\w-]+\\.)?api(\\.sandbox)?\\.checkout\\.com$', path: '^/payments/?$', method: 'POST', role: 'initiation', api: 'payments.request' },
    { host: '^([\\w-]+\\.)?api(\\.sandbox)?\\.checkout\\.com$', path: '^/hosted-payments/?$', method: 'POST', role: 'initiation', api: 'hostedPayments.create' },
    { host: '^([\\w-]+\\.)?api(\\.sandbox)?\\.checkout\\.com$', path: '^/payment-links/?$', method: 'POST', role: 'initiation', api: 'paymentLinks.create' },
    { host: '^([\\w-]+\\.)?api(\\.sandbox)?\\.checkout\\.com$', path: '^/payment-sessions/?$', method: 'POST', role: 'initiation', api: 'paymentSessions.request' },
    { host: '^([\\w-]+\\.)?api(\\.sandbox)?\\.checkout\\.com$', path: '^/payments/[^/]+/captures$', method: 'POST', role: 'capture', api: 'payments.capture' },
    { host: '^([\\w-]+\\.)?api(\\.sandbox)?\\.checkout\\.com$', path: '^/payments/[^/]+/(refunds|reversals)$', method: 'POST', role: 'refund', api: 'payments.refund' },
    { host: '^([\\w-]+\\.)?api(\\.sandbox)?\\.checkout\\.com$', path: '^/payments/[^/]+/voids$', method: 'POST', role: 'cancel', api: 'payments.void' },
    { host: '^([\\w-]+\\.)?api(\\.sandbox)?\\.checkout\\.com$', path: '^/payments/[^/]+$', method: 'GET', role: 'retrieve', api: 'payments.get' },
  ],
  referenceFields: ['reference', 'metadata.*', 'description', 'success_url', 'return_url'],
  // Webhooks are signed with an HMAC of the body in `Cko-Signature` (no SDK helper).
  // https://www.checkout.com/docs/payments/manage-payments/capture-a-payment: `capture: false` authorizes only.
  capture: {
    'payments.request': { mode: 'charge', when: [{ field: 'capture', equals: [false], mode: 'authorize' }] },
    'paymentSessions.complete': { mode: 'charge' },
  },
  // A payment response says whether it was approved.
  resultFlags: { success: ['approved'], failure: [] },
  events: {
    success: ['payment_approved', 'payment_captured', 'payment_paid'],
    failure: ['payment_declined', 'payment_expired', 'payment_canceled', 'payment_capture_declined', 'payment_authentication_failed'],
  },
  example: "const payment = await cko.payments.request({ source, amount: totalMinor, currency: 'EUR', reference: booking.id, metadata: { booking_id: booking.id } });",
});
