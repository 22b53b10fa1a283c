// https://developer.paddle.com/api-reference/transactions/create-transaction
import { defineProvider } from '../define.js';

export default defineProvider({
  id: 'paddle',
  name: 'Paddle',
  docs: 'https://developer.paddle.com/api-reference/transactions/create-transaction',
  // @paddle/paddle-node-sdk is Paddle Billing; paddle-sdk wraps Paddle Classic (pay links).
  packages: ['@paddle/paddle-node-sdk', 'paddle-sdk'],
  browserPackages: ['@paddle/paddle-js'],
  clients: [{ path: 'Paddle.new()' }, { path: 'PaddleSDK.new()' }],
  // A transaction for recurring prices starts a subscription, which the call alone cannot tell;
  // calls on an existing subscription are billing.
  operations: [
    { call: 'transactions.create', role: 'initiation' },
    { call: 'subscriptions.createOneTimeCharge', role: 'initiation', billing: true },
    { call: 'customerPortalSessions.create', role: 'initiation', billing: true },
    { call: 'adjustments.create', role: 'refund' },
    { call: 'transactions.get', role: 'retrieve' },
    { call: 'subscriptions.cancel', role: 'cancel', billing: true },
    { call: 'webhooks.unmarshal', role: 'verify-webhook' },
    { call: 'webhooks.isSignatureValid', role: 'verify-webhook' },
    // Paddle Classic: https://developer.paddle.com/classic/api-reference/
    { call: 'generatePayLink', role: 'initiation' },
    { call: 'createOneOffCharge', role: 'initiation', billing: true },
    { call: 'getOrderDetails', role: 'retrieve' },
    { call: 'cancelSubscription', role: 'cancel', billing: true },
    { call: 'verifyWebhookData', role: 'verify-webhook' },
  ],
  rest: [
    { host: '^(sandbox-)?api\\.paddle\\.com$', path: '^/transactions/?$', method: 'POST', role: 'initiation', api: 'transactions.create' },
    { host: '^(sandbox-)?api\\.paddle\\.com$', path: '^/subscriptions/[^/]+/charge$', method: 'POST', role: 'initiation', api: 'subscriptions.createOneTimeCharge', billing: true },
    { host: '^(sandbox-)?api\\.paddle\\.com$', path: '^/customers/[^/]+/portal-sessions$', method: 'POST', role: 'initiation', api: 'customerPortalSessions.create', billing: true },
    { host: '^(sandbox-)?api\\.paddle\\.com$', path: '^/adjustments/?$', method: 'POST', role: 'refund', api: 'adjustments.create' },
    { host: '^(sandbox-)?api\\.paddle\\.com$', path: '^/transactions/[^/]+$', method: 'GET', role: 'retrieve', api: 'transactions.get' },
    { host: '^(sandbox-)?api\\.paddle\\.com$', path: '^/subscriptions/[^/]+/cancel$', method: 'POST', role: 'cancel', api: 'subscriptions.cancel', billing: true },
    { host: '^(sandbox-)?vendors\\.paddle\\.com$', path: '^/api/2\\.0/product/generate_pay_link$', method: 'POST', role: 'initiation', api: 'generatePayLink' },
  ],
  // `customData` (SDK) / `custom_data` (REST) comes back on every transaction webhook.
  referenceFields: ['customData.*', 'custom_data.*', 'checkout.url', 'passthrough', 'passthrough.*', 'return_url'],
  events: {
    success: ['transaction.completed', 'transaction.paid'],
    failure: ['transaction.payment_failed', 'transaction.canceled', 'transaction.past_due'],
  },
  example: "const transaction = await paddle.transactions.create({ items: [{ priceId, quantity: 1 }], customData: { bookingId: booking.id } });",
});
