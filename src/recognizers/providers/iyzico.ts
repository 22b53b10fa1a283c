// https://docs.iyzico.com/en/payment-methods/direct-charge/checkoutform/cf-implementation/cf-initialize
import { defineProvider } from '../define.js';

// iyzipay (iyzico's Node SDK): `new Iyzipay({ apiKey, secretKey, uri })`, one resource per file of
// lib/resources, each method taking the request and an error-first callback (apps wrap them in
// `new Promise`). The checkout form (`checkoutFormInitialize.create`) returns a hosted page and
// posts a `token` back to `callbackUrl`, where `checkoutForm.retrieve({ token })` says how it
// ended; `payment.create` charges a card at once; `threedsInitialize.create` starts a 3-D Secure
// payment that `threedsPayment.create` completes; `paymentPreAuth.create` holds the amount until
// `paymentPostAuth.create`. Method names from https://github.com/iyzico/iyzipay-node
// (lib/resources/_resources.d.ts and its tests).
const host = '^(sandbox-)?api\\.iyzipay\\.com$';

export default defineProvider({
  id: 'iyzico',
  name: 'iyzico',
  docs: 'https://docs.iyzico.com/en/payment-methods/direct-charge/checkoutform/cf-implementation/cf-initialize',
  packages: ['iyzipay'],
  clients: [
    { path: 'new()' },
    { path: '()' },
    { path: 'default.new()' },
  ],
  operations: [
    { call: 'checkoutFormInitialize.create', role: 'initiation' },
    { call: 'payment.create', role: 'initiation' },
    { call: 'threedsInitialize.create', role: 'initiation' },
    { call: 'paymentPreAuth.create', role: 'initiation' },
    { call: 'subscription.initialize', role: 'initiation', billing: true },
    { call: 'subscriptionCheckoutForm.initialize', role: 'initiation', billing: true },
    // Completing a 3-D Secure payment and capturing a pre-authorization move the money.
    { call: 'threedsPayment.create', role: 'capture' },
    { call: 'paymentPostAuth.create', role: 'capture' },
    { call: 'checkoutForm.retrieve', role: 'retrieve' },
    { call: 'payment.retrieve', role: 'retrieve' },
    { call: 'refund.create', role: 'refund' },
    // A cancel gives back a payment made the same day: a full refund.
    { call: 'cancel.create', role: 'refund', api: 'cancel.create' },
  ],
  rest: [
    { host, path: '^/payment/iyzipos/checkoutform/initialize/auth/ecom/?$', method: 'POST', role: 'initiation', api: 'checkoutFormInitialize.create' },
  ],
  // conversationId comes back as-is in every response; basketId is the merchant's own order id.
  referenceFields: ['conversationId', 'basketId', 'basketItems.*.id', 'callbackUrl'],
  transactionIdFields: ['basketId'],
  successReturnFields: ['callbackUrl'],
  // The checkout form posts its `token` there.
  postsReturns: true,
  resultIdFields: ['paymentId', 'token'],
  capture: {
    'payment.create': { mode: 'charge' },
    'paymentPreAuth.create': { mode: 'authorize' },
    '*': { mode: 'hosted' },
  },
  // The callback carries a token to retrieve with; the result's paymentStatus says SUCCESS or FAILURE.
  events: { success: [], failure: [] },
  captureExample: "iyzipay.paymentPreAuth.create({ conversationId: booking.id, basketId: booking.id, price, paidPrice, currency, paymentCard, buyer, billingAddress, shippingAddress, basketItems }, cb); // once the booking is confirmed: iyzipay.paymentPostAuth.create({ paymentId, paidPrice, ip }, cb)",
  refundExample: "iyzipay.refund.create({ conversationId: booking.id, paymentTransactionId: booking.iyzicoTransactionId, price: booking.amount, ip }, (err, result) => { /* ... */ });",
  example: "iyzipay.checkoutFormInitialize.create({ conversationId: booking.id, basketId: booking.id, price, paidPrice, currency: 'TRY', callbackUrl, buyer, billingAddress, shippingAddress, basketItems }, (err, result) => { /* redirect to result.paymentPageUrl */ });",
});
