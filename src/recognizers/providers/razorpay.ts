// https://razorpay.com/docs/api/orders/
import { defineProvider } from '../define.js';

export default defineProvider({
  id: 'razorpay',
  name: 'Razorpay',
  docs: 'https://razorpay.com/docs/api/orders/',
  packages: ['razorpay'],
  browserPackages: ['react-razorpay'],
  clients: [
    { path: 'new()' },
    { path: 'default.new()' },
    // Static helpers: `Razorpay.validateWebhookSignature`, and the named exports of
    // 'razorpay/dist/utils/razorpay-utils' (a subpath of the same package).
    { path: '' },
  ],
  // https://github.com/razorpay/razorpay-node/tree/master/lib/resources
  operations: [
    { call: 'orders.create', role: 'initiation' },
    { call: 'paymentLink.create', role: 'initiation' },
    { call: 'invoices.create', role: 'initiation' },
    { call: 'payments.createPaymentJson', role: 'initiation' },
    { call: 'subscriptions.create', role: 'initiation', billing: true },
    { call: 'payments.capture', role: 'capture' },
    { call: 'payments.refund', role: 'refund' },
    { call: 'paymentLink.cancel', role: 'cancel' },
    { call: 'orders.fetch', role: 'retrieve' },
    { call: 'orders.fetchPayments', role: 'retrieve' },
    { call: 'payments.fetch', role: 'retrieve' },
    { call: 'paymentLink.fetch', role: 'retrieve' },
    { call: 'refunds.fetch', role: 'retrieve' },
    { call: 'validateWebhookSignature', role: 'verify-webhook' },
    { call: 'validatePaymentVerification', role: 'verify-webhook' },
  ],
  rest: [
    { host: '^api\\.razorpay\\.com$', path: '^/v1/orders/?$', method: 'POST', role: 'initiation', api: 'orders.create' },
    { host: '^api\\.razorpay\\.com$', path: '^/v1/payment_links/?$', method: 'POST', role: 'initiation', api: 'paymentLink.create' },
    { host: '^api\\.razorpay\\.com$', path: '^/v1/invoices/?$', method: 'POST', role: 'initiation', api: 'invoices.create' },
    { host: '^api\\.razorpay\\.com$', path: '^/v1/subscriptions/?$', method: 'POST', role: 'initiation', api: 'subscriptions.create', billing: true },
    { host: '^api\\.razorpay\\.com$', path: '^/v1/payments/[^/]+/capture$', method: 'POST', role: 'capture', api: 'payments.capture' },
    { host: '^api\\.razorpay\\.com$', path: '^/v1/payments/[^/]+/refund$', method: 'POST', role: 'refund', api: 'payments.refund' },
    { host: '^api\\.razorpay\\.com$', path: '^/v1/orders/[^/]+$', method: 'GET', role: 'retrieve', api: 'orders.fetch' },
    { host: '^api\\.razorpay\\.com$', path: '^/v1/payments/[^/]+$', method: 'GET', role: 'retrieve', api: 'payments.fetch' },
  ],
  referenceFields: ['receipt', 'notes.*', 'reference_id', 'description', 'callback_url'],
  // invoice.paid / invoice.expired are left out: Stripe sends events of the same names.
  // Orders are paid on Razorpay's checkout; `payment_capture: 0` leaves the payment authorized until `payments.capture`.
  capture: {
    'orders.create': { mode: 'hosted', when: [{ field: 'payment_capture', equals: [0, false, '0'], mode: 'authorize' }] },
    'payments.createPaymentJson': { mode: 'charge' },
  },
  refundExample: "await razorpay.payments.refund(booking.razorpayPaymentId, { notes: { bookingId: booking.id } });",
  // A payment says whether it was captured.
  resultFlags: { success: ['captured'], failure: [] },
  events: {
    success: ['payment.captured', 'order.paid', 'payment.authorized', 'payment_link.paid'],
    failure: ['payment.failed', 'payment_link.expired', 'payment_link.cancelled'],
  },
  // https://razorpay.com/docs/payments/server-integration/nodejs/integration-steps/#15-verify-payment-signature
  // Checkout's handler hands these to the page, which posts them to the server to be verified.
  callbackFields: ['razorpay_signature', 'razorpay_payment_id'],
  example: "const order = await razorpay.orders.create({ amount: totalPaise, currency: 'INR', receipt: booking.id, notes: { bookingId: booking.id } });",
});
