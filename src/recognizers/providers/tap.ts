// https://developers.tap.company/reference/create-a-charge
import { defineProvider } from '../define.js';

// Tap Payments (GCC) is called over REST with the secret key as a bearer token: `POST /v2/charges`
// (or `/v2/authorize`, which only holds the amount until it is captured) with a `source` (a card
// token, or `src_all` for Tap's hosted page) returns `transaction.url` for the customer; Tap posts
// the charge to `post.url` and sends the browser back to `redirect.url` with `tap_id`, which the
// server retrieves (`GET /v2/charges/:id`) to see its `status` (CAPTURED on success). The webhook
// is signed in a `hashstring` header.
const host = '^api\\.tap\\.company$';

export default defineProvider({
  id: 'tap',
  name: 'Tap Payments',
  docs: 'https://developers.tap.company/reference/create-a-charge',
  packages: [],
  browserPackages: ['@tap-payments/card-sdk', '@tap-payments/gosell'],
  clients: [],
  operations: [],
  rest: [
    { host, path: '^/v2/charges/?$', method: 'POST', role: 'initiation', api: 'charges.create' },
    { host, path: '^/v2/authorize/?$', method: 'POST', role: 'initiation', api: 'authorize.create' },
    { host, path: '^/v2/refunds/?$', method: 'POST', role: 'refund', api: 'refunds.create' },
    { host, path: '^/v2/authorize/[^/]+/void/?$', method: 'POST', role: 'cancel', api: 'authorize.void' },
    { host, path: '^/v2/charges/[^/]+$', method: 'GET', role: 'retrieve', api: 'charges.retrieve' },
    { host, path: '^/v2/authorize/[^/]+$', method: 'GET', role: 'retrieve', api: 'authorize.retrieve' },
  ],
  // reference.transaction and reference.order are the merchant's own ids; metadata (udf1..) comes
  // back on the charge. Both URLs are `url` fields, of `post` (the webhook) and `redirect`.
  referenceFields: ['reference.transaction', 'reference.order', 'metadata.*', 'description', 'redirect.url', 'post.url'],
  notifyFields: ['post.url'],
  successReturnFields: ['redirect.url'],
  capture: { 'authorize.create': { mode: 'authorize' } },
  callbackFields: ['tap_id', 'hashstring'],
  // The charge itself is posted back, its `status` saying CAPTURED, FAILED, DECLINED...: no event types.
  events: { success: [], failure: [] },
  refundExample: "await fetch('https://api.tap.company/v2/refunds', { method: 'POST', headers: { Authorization: `Bearer ${TAP_SECRET_KEY}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ charge_id: booking.tapChargeId, amount: booking.amount, currency: 'KWD', reason: 'requested_by_customer', reference: { merchant: booking.id } }) });",
  example: "const res = await fetch('https://api.tap.company/v2/charges', { method: 'POST', headers: { Authorization: `Bearer ${TAP_SECRET_KEY}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ amount: booking.amount, currency: 'KWD', customer, source: { id: 'src_all' }, reference: { transaction: booking.id, order: booking.id }, metadata: { bookingId: booking.id }, post: { url: webhookUrl }, redirect: { url: returnUrl } }) });",
});
