// https://payos.vn/docs/api/
import { defineProvider } from '../define.js';

// @payos/node: v2 `new PayOS({ clientId, apiKey, checksumKey })` with `paymentRequests.create(data)`
// and `webhooks.verify(body)`; v1 `new PayOS(clientId, apiKey, checksumKey)` with
// `createPaymentLink(data)` and `verifyPaymentWebhookData(body)`. A payment link opens payOS's
// hosted bank-transfer page; the app's `orderCode` (a number) comes back in the webhook.
export default defineProvider({
  id: 'payos',
  name: 'payOS',
  docs: 'https://payos.vn/docs/api/',
  packages: ['@payos/node'],
  clients: [
    { path: 'new()' },
    { path: 'PayOS.new()' },
    { path: 'default.new()' },
  ],
  operations: [
    { call: 'paymentRequests.create', role: 'initiation', api: 'paymentRequests.create' },
    { call: 'createPaymentLink', role: 'initiation', api: 'paymentRequests.create' },
    { call: 'paymentRequests.get', role: 'retrieve', api: 'paymentRequests.get' },
    { call: 'getPaymentLinkInformation', role: 'retrieve', api: 'paymentRequests.get' },
    { call: 'paymentRequests.cancel', role: 'cancel', api: 'paymentRequests.cancel' },
    { call: 'cancelPaymentLink', role: 'cancel', api: 'paymentRequests.cancel' },
    { call: 'webhooks.verify', role: 'verify-webhook', api: 'webhooks.verify' },
    { call: 'verifyPaymentWebhookData', role: 'verify-webhook', api: 'webhooks.verify' },
  ],
  rest: [
    { host: '^api-merchant\\.payos\\.vn$', path: '^/v2/payment-requests/?$', method: 'POST', role: 'initiation', api: 'paymentRequests.create' },
    { host: '^api-merchant\\.payos\\.vn$', path: '^/v2/payment-requests/[^/]+$', method: 'GET', role: 'retrieve', api: 'paymentRequests.get' },
    { host: '^api-merchant\\.payos\\.vn$', path: '^/v2/payment-requests/[^/]+/cancel$', method: 'POST', role: 'cancel', api: 'paymentRequests.cancel' },
  ],
  // orderCode is the merchant's own order number; the description is shown on the bank transfer.
  failureReturnFields: ['cancelUrl'],
  successReturnFields: ['returnUrl'],
  referenceFields: ['orderCode', 'description', 'returnUrl', 'cancelUrl'],
  transactionIdFields: ['orderCode'],
  // The webhook carries `code: '00'` for a paid link rather than named event types.
  events: { success: [], failure: [] },
  example: "const link = await payOS.paymentRequests.create({ orderCode: booking.orderCode, amount: booking.amountVnd, description: `BK${booking.orderCode}`, returnUrl, cancelUrl });",
});
