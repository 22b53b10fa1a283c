// https://paystack.com/docs/api/transaction/
import { defineProvider, type ProviderOperation } from '../define.js';

// One report name per endpoint, whichever wrapper calls it: paystack-api and paystack
// (`require(pkg)(key).transaction.initialize`), @paystack/paystack-sdk (`new Paystack(key)`, same
// resource names) and paystack-node (`new PayStack(key, env).initializeTransaction`).
const ops = (role: ProviderOperation['role'], api: string, calls: string[], billing = false): ProviderOperation[] =>
  calls.map((call) => ({ call, role, api, ...(billing ? { billing } : {}) }));

export default defineProvider({
  id: 'paystack',
  name: 'Paystack',
  docs: 'https://paystack.com/docs/api/transaction/',
  packages: ['paystack-api', 'paystack-node', 'paystack', '@paystack/paystack-sdk'],
  browserPackages: ['react-paystack', '@paystack/inline-js', '@paystack/checkout-js', 'paystack-inline-ts', 'paystack-js'],
  clients: [
    { path: '()' },
    { path: 'new()' },
    { path: 'Paystack.new()' },
    { path: 'default.()' },
    { path: 'default.new()' },
  ],
  operations: [
    ...ops('initiation', 'transaction.initialize', ['transaction.initialize', 'initializeTransaction']),
    // Charging a saved card (authorization_code) for a new purchase starts a payment too.
    ...ops('initiation', 'transaction.chargeAuthorization', ['transaction.chargeAuthorization', 'transaction.chargeAuth', 'transaction.charge', 'chargeAuthorization']),
    ...ops('initiation', 'charge.create', ['charge.create', 'charge.charge']),
    // Payment requests (formerly invoices) bill a customer for a one-off amount.
    ...ops('initiation', 'paymentrequest.create', ['paymentrequest.create', 'invoice.create', 'createInvoice']),
    ...ops('initiation', 'subscription.create', ['subscription.create', 'createSubscription'], true),
    ...ops('retrieve', 'transaction.verify', ['transaction.verify', 'verifyTransaction']),
    ...ops('retrieve', 'transaction.fetch', ['transaction.fetch', 'transaction.get', 'getTransaction']),
    ...ops('refund', 'refund.create', ['refund.create', 'createRefund']),
  ],
  rest: [
    // Paths under /transaction are Paystack's alone: a base URL from configuration still matches.
    { host: '^api\\.paystack\\.co$', path: '^/transaction/initialize/?$', method: 'POST', role: 'initiation', api: 'transaction.initialize', anyHost: true },
    { host: '^api\\.paystack\\.co$', path: '^/transaction/charge_authorization/?$', method: 'POST', role: 'initiation', api: 'transaction.chargeAuthorization', anyHost: true },
    { host: '^api\\.paystack\\.co$', path: '^/charge/?$', method: 'POST', role: 'initiation', api: 'charge.create' },
    { host: '^api\\.paystack\\.co$', path: '^/paymentrequest/?$', method: 'POST', role: 'initiation', api: 'paymentrequest.create' },
    { host: '^api\\.paystack\\.co$', path: '^/subscription/?$', method: 'POST', role: 'initiation', api: 'subscription.create', billing: true },
    { host: '^api\\.paystack\\.co$', path: '^/transaction/verify/[^/]+$', method: 'GET', role: 'retrieve', api: 'transaction.verify', anyHost: true },
    { host: '^api\\.paystack\\.co$', path: '^/transaction/[0-9X]+$', method: 'GET', role: 'retrieve', api: 'transaction.fetch' },
    { host: '^api\\.paystack\\.co$', path: '^/refund/?$', method: 'POST', role: 'refund', api: 'refund.create' },
  ],
  referenceFields: ['reference', 'metadata.*', 'metadata.custom_fields.*.value', 'callback_url'],
  transactionIdFields: ['reference'],
  // The checkout sends a customer who closes it without paying to `metadata.cancel_action`.
  // https://paystack.com/docs/payments/accept-payments/#redirect
  failureReturnFields: ['cancel_action'],
  // Webhooks are verified by comparing an HMAC of the body with x-paystack-signature (no SDK call).
  // Paystack sends no event for a failed charge: a failed payment just never reaches charge.success.
  capture: { 'transaction.chargeAuthorization': { mode: 'charge' }, 'charge.create': { mode: 'charge' } },
  events: {
    success: ['charge.success', 'paymentrequest.success'],
    failure: [],
  },
  example: "const { data } = await paystack.transaction.initialize({ email, amount: totalKobo, reference: booking.id, metadata: { bookingId: booking.id } });",
});
