// https://developers.paymob.com/paymob-docs/developers/intention-apis/create-intention
import { defineProvider } from '../define.js';

// Paymob (Egypt) is called over REST. The Intention API POSTs the payment to `/v1/intention/` and
// sends the customer to the unified checkout with the `client_secret` it returns. The older Accept
// flow takes three calls: an auth token (`/api/auth/tokens`), the order registration
// (`/api/ecommerce/orders`, where the merchant names the order in `merchant_order_id`), then a
// payment key for that order (`/api/acceptance/payment_keys`) shown in an iframe. The order
// registration is where that payment starts and is filed under the app's reference, so it is the
// initiation; the payment key only opens the page for it. Paths as real integrations call them.
const host = '^accept\\.paymob\\.com$';

export default defineProvider({
  id: 'paymob',
  name: 'Paymob',
  docs: 'https://developers.paymob.com/paymob-docs/developers/intention-apis/create-intention',
  packages: [],
  clients: [],
  operations: [],
  rest: [
    // `/v1/intention/` is Paymob's alone: a base URL from configuration still matches. An app may
    // serve `/api/ecommerce/orders` itself, so that one needs Paymob's host.
    { host, path: '^/v1/intention/?$', method: 'POST', role: 'initiation', api: 'intention', anyHost: true },
    { host, path: '^/api/ecommerce/orders/?$', method: 'POST', role: 'initiation', api: 'ecommerce/orders' },
  ],
  // special_reference (Intention) and merchant_order_id (Accept order) are the merchant's own ids;
  // `extras` come back in the callback.
  referenceFields: ['special_reference', 'merchant_order_id', 'extras.*', 'redirection_url', 'notification_url'],
  transactionIdFields: ['special_reference', 'merchant_order_id'],
  notifyFields: ['notification_url'],
  successReturnFields: ['redirection_url'],
  resultIdFields: ['intention_order_id', 'client_secret'],
  // The transaction callback carries `success` (true/false) rather than an event type, signed by an
  // HMAC over a fixed list of its fields
  // (https://developers.paymob.com/paymob-docs/developers/webhook-callbacks-and-hmac/hmac/hmac-transaction-callback);
  // a handler reading the ones only Paymob sends hears back from it.
  events: { success: [], failure: [] },
  callbackFields: ['error_occured', 'is_standalone_payment', 'has_parent_transaction', 'is_3d_secure'],
  example: "const res = await fetch('https://accept.paymob.com/v1/intention/', { method: 'POST', headers: { Authorization: `Token ${PAYMOB_SECRET_KEY}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ amount: booking.amountCents, currency: 'EGP', payment_methods: [integrationId], billing_data, special_reference: booking.id, notification_url, redirection_url }) });",
});
