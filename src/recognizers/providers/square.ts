// https://developer.squareup.com/reference/square/payments-api/create-payment
import { defineProvider } from '../define.js';

export default defineProvider({
  id: 'square',
  name: 'Square',
  docs: 'https://developer.squareup.com/reference/square/payments-api/create-payment',
  packages: ['square'],
  browserPackages: ['react-square-web-payments-sdk', '@square/web-sdk', '@square/web-payments-sdk-types'],
  clients: [
    // square >= 40: `new SquareClient({ token })`.
    { path: 'SquareClient.new()' },
    // square <= 39, and `square/legacy` since 40: `new Client({ accessToken, environment })`.
    { path: 'Client.new()' },
    // `WebhooksHelper` static methods.
    { path: '' },
  ],
  // Creating an order (ordersApi.createOrder / orders.create) charges nothing: a payment or payment
  // link for it does. Paying an order (payOrder) completes payments already authorized.
  operations: [
    { call: 'payments.create', role: 'initiation' },
    { call: 'checkout.paymentLinks.create', role: 'initiation' },
    // Publishing an invoice asks the customer to pay (or charges the card on file); a draft charges nothing.
    { call: 'invoices.publish', role: 'initiation' },
    { call: 'terminal.checkouts.create', role: 'initiation' },
    { call: 'subscriptions.create', role: 'initiation', billing: true },
    { call: 'payments.complete', role: 'capture' },
    { call: 'orders.pay', role: 'capture' },
    { call: 'payments.cancel', role: 'cancel' },
    { call: 'payments.cancelByIdempotencyKey', role: 'cancel' },
    { call: 'terminal.checkouts.cancel', role: 'cancel' },
    { call: 'refunds.refundPayment', role: 'refund' },
    { call: 'payments.get', role: 'retrieve' },
    { call: 'refunds.get', role: 'retrieve' },
    { call: 'checkout.paymentLinks.get', role: 'retrieve' },
    { call: 'paymentsApi.createPayment', role: 'initiation' },
    { call: 'checkoutApi.createPaymentLink', role: 'initiation' },
    { call: 'checkoutApi.createCheckout', role: 'initiation' },
    { call: 'invoicesApi.publishInvoice', role: 'initiation' },
    { call: 'terminalApi.createTerminalCheckout', role: 'initiation' },
    { call: 'subscriptionsApi.createSubscription', role: 'initiation', billing: true },
    { call: 'paymentsApi.completePayment', role: 'capture' },
    { call: 'ordersApi.payOrder', role: 'capture' },
    { call: 'paymentsApi.cancelPayment', role: 'cancel' },
    { call: 'paymentsApi.cancelPaymentByIdempotencyKey', role: 'cancel' },
    { call: 'refundsApi.refundPayment', role: 'refund' },
    { call: 'paymentsApi.getPayment', role: 'retrieve' },
    { call: 'refundsApi.getPaymentRefund', role: 'retrieve' },
    { call: 'checkoutApi.retrievePaymentLink', role: 'retrieve' },
    { call: 'WebhooksHelper.verifySignature', role: 'verify-webhook' },
    { call: 'WebhooksHelper.isValidWebhookEventSignature', role: 'verify-webhook' },
  ],
  rest: [
    { host: '^connect\\.squareup(sandbox)?\\.com$', path: '^/v2/payments/?$', method: 'POST', role: 'initiation', api: 'payments.create' },
    { host: '^connect\\.squareup(sandbox)?\\.com$', path: '^/v2/online-checkout/payment-links/?$', method: 'POST', role: 'initiation', api: 'checkout.paymentLinks.create' },
    { host: '^connect\\.squareup(sandbox)?\\.com$', path: '^/v2/locations/[^/]+/checkouts/?$', method: 'POST', role: 'initiation', api: 'checkout.createCheckout' },
    { host: '^connect\\.squareup(sandbox)?\\.com$', path: '^/v2/invoices/[^/]+/publish$', method: 'POST', role: 'initiation', api: 'invoices.publish' },
    { host: '^connect\\.squareup(sandbox)?\\.com$', path: '^/v2/terminals/checkouts/?$', method: 'POST', role: 'initiation', api: 'terminal.checkouts.create' },
    { host: '^connect\\.squareup(sandbox)?\\.com$', path: '^/v2/payments/[^/]+/complete$', method: 'POST', role: 'capture', api: 'payments.complete' },
    { host: '^connect\\.squareup(sandbox)?\\.com$', path: '^/v2/payments/[^/]+/cancel$', method: 'POST', role: 'cancel', api: 'payments.cancel' },
    { host: '^connect\\.squareup(sandbox)?\\.com$', path: '^/v2/refunds/?$', method: 'POST', role: 'refund', api: 'refunds.refundPayment' },
    { host: '^connect\\.squareup(sandbox)?\\.com$', path: '^/v2/payments/[^/]+$', method: 'GET', role: 'retrieve', api: 'payments.get' },
  ],
  referenceFields: [
    'referenceId',
    'reference_id',
    'note',
    'description',
    'paymentNote',
    'payment_note',
    'order.referenceId',
    'order.reference_id',
    'order.metadata.*',
    'order.order.referenceId',
    'order.order.reference_id',
    'checkoutOptions.redirectUrl',
    'checkout_options.redirect_url',
    'redirectUrl',
    'redirect_url',
  ],
  // https://developer.squareup.com/reference/square/orders-api/create-order: an order tagged with the
  // booking (`referenceId`, `metadata`) and then paid by id (`payments.create({ orderId })`, a
  // payment link or checkout for `orderId`) carries the booking to Square.
  carriers: [{
    calls: ['orders.create', 'ordersApi.createOrder'],
    referenceFields: ['order.referenceId', 'order.reference_id', 'order.metadata.*'],
    idFields: ['orderId', 'order_id', 'order.id', 'order.orderId', 'order.order_id'],
  }],
  // https://developer.squareup.com/docs/payments-api/take-payments/card-payments/delayed-capture: `autocomplete: false` only authorizes.
  capture: {
    'payments.create': { mode: 'charge', when: [{ field: 'autocomplete', equals: [false], mode: 'authorize' }] },
    'paymentsApi.createPayment': { mode: 'charge', when: [{ field: 'autocomplete', equals: [false], mode: 'authorize' }] },
  },
  captureExample: "const { payment } = await client.payments.create({ sourceId, idempotencyKey, amountMoney, autocomplete: false, referenceId: booking.id }); /* once the booking is CONFIRMED: */ await client.payments.complete({ paymentId: payment.id });",
  refundExample: "await client.refunds.refundPayment({ idempotencyKey: randomUUID(), paymentId: booking.squarePaymentId, amountMoney });",
  events: {
    success: ['payment.created', 'payment.updated', 'invoice.payment_made'],
    failure: [],
  },
  example: 'const { payment } = await square.payments.create({ sourceId, idempotencyKey: booking.id, amountMoney: { amount: BigInt(totalCents), currency: \'USD\' }, referenceId: booking.id });',
});
