// https://docs.mollie.com/reference/create-payment
import { defineProvider } from '../define.js';

export default defineProvider({
  id: 'mollie',
  name: 'Mollie',
  docs: 'https://docs.mollie.com/reference/create-payment',
  packages: ['@mollie/api-client'],
  clients: [
    { path: 'createMollieClient.()' },
    // The default export is createMollieClient too.
    { path: '()' },
    { path: 'default.()' },
  ],
  // https://github.com/mollie/mollie-api-node (v3 kept snake_case binders such as payments_refunds).
  operations: [
    { call: 'payments.create', role: 'initiation' },
    { call: 'orders.create', role: 'initiation' },
    { call: 'paymentLinks.create', role: 'initiation' },
    { call: 'customerPayments.create', role: 'initiation' },
    { call: 'customers_payments.create', role: 'initiation' },
    { call: 'customerSubscriptions.create', role: 'initiation', billing: true },
    { call: 'customers_subscriptions.create', role: 'initiation', billing: true },
    { call: 'paymentCaptures.create', role: 'capture' },
    { call: 'paymentRefunds.create', role: 'refund' },
    { call: 'payments_refunds.create', role: 'refund' },
    { call: 'orderRefunds.create', role: 'refund' },
    { call: 'payments.cancel', role: 'cancel' },
    { call: 'payments.delete', role: 'cancel' },
    { call: 'orders.cancel', role: 'cancel' },
    { call: 'payments.get', role: 'retrieve' },
    { call: 'orders.get', role: 'retrieve' },
    { call: 'paymentLinks.get', role: 'retrieve' },
  ],
  rest: [
    { host: '^api\\.mollie\\.com$', path: '^/v2/payments/?$', method: 'POST', role: 'initiation', api: 'payments.create' },
    { host: '^api\\.mollie\\.com$', path: '^/v2/orders/?$', method: 'POST', role: 'initiation', api: 'orders.create' },
    { host: '^api\\.mollie\\.com$', path: '^/v2/payment-links/?$', method: 'POST', role: 'initiation', api: 'paymentLinks.create' },
    { host: '^api\\.mollie\\.com$', path: '^/v2/payments/[^/]+/captures/?$', method: 'POST', role: 'capture', api: 'paymentCaptures.create' },
    { host: '^api\\.mollie\\.com$', path: '^/v2/payments/[^/]+/refunds/?$', method: 'POST', role: 'refund', api: 'paymentRefunds.create' },
    { host: '^api\\.mollie\\.com$', path: '^/v2/payments/[^/]+$', method: 'DELETE', role: 'cancel', api: 'payments.cancel' },
    { host: '^api\\.mollie\\.com$', path: '^/v2/payments/[^/]+$', method: 'GET', role: 'retrieve', api: 'payments.get' },
  ],
  referenceFields: ['metadata', 'metadata.*', 'description', 'redirectUrl', 'webhookUrl', 'cancelUrl', 'orderNumber'],
  notifyFields: ['webhookUrl'],
  // A customer who cancels on Mollie's page goes to `cancelUrl` (to `redirectUrl`, whatever happened, without one).
  failureReturnFields: ['cancelUrl'],
  // Classic webhooks carry only the payment id (the handler then calls payments.get); next-gen
  // webhooks name their event.
  capture: {
    'payments.create': { mode: 'hosted', when: [{ field: 'captureMode', equals: ['manual'], mode: 'authorize' }] },
    'customerPayments.create': { mode: 'hosted', when: [{ field: 'captureMode', equals: ['manual'], mode: 'authorize' }] },
  },
  refundExample: "await mollie.paymentRefunds.create({ paymentId: booking.molliePaymentId, amount });",
  events: { success: ['payment-link.paid'], failure: [] },
  example: "const payment = await mollieClient.payments.create({ amount: { currency: 'EUR', value: total }, description: `Booking ${booking.id}`, redirectUrl, webhookUrl, metadata: { bookingId: booking.id } });",
});
