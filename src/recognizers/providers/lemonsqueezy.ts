// https://docs.lemonsqueezy.com/api/checkouts/create-checkout
import { defineProvider } from '../define.js';

// @lemonsqueezy/lemonsqueezy.js >= 2 exports functions over a global setup
// (`lemonSqueezySetup({ apiKey }); createCheckout(storeId, variantId, { checkoutData })`);
// 1.x was a class (`new LemonSqueezy(apiKey).createCheckout({ storeId, variantId, attributes })`).
export default defineProvider({
  id: 'lemonsqueezy',
  name: 'Lemon Squeezy',
  docs: 'https://docs.lemonsqueezy.com/api/checkouts/create-checkout',
  packages: ['@lemonsqueezy/lemonsqueezy.js'],
  clients: [{ path: '' }, { path: 'new()' }, { path: 'LemonSqueezy.new()' }, { path: 'default.new()' }],
  operations: [
    { call: 'createCheckout', role: 'initiation' },
    { call: 'issueOrderRefund', role: 'refund' },
    { call: 'issueSubscriptionInvoiceRefund', role: 'refund', billing: true },
    { call: 'cancelSubscription', role: 'cancel', billing: true },
    { call: 'getOrder', role: 'retrieve' },
    { call: 'getCheckout', role: 'retrieve' },
  ],
  // JSON:API bodies: `{ data: { type: 'checkouts', attributes: {...}, relationships: {...} } }`.
  rest: [
    { host: '^api\\.lemonsqueezy\\.com$', path: '^/v1/checkouts/?$', method: 'POST', role: 'initiation', api: 'createCheckout' },
    { host: '^api\\.lemonsqueezy\\.com$', path: '^/v1/orders/[^/]+/refund$', method: 'POST', role: 'refund', api: 'issueOrderRefund' },
    { host: '^api\\.lemonsqueezy\\.com$', path: '^/v1/orders/[^/]+$', method: 'GET', role: 'retrieve', api: 'getOrder' },
    { host: '^api\\.lemonsqueezy\\.com$', path: '^/v1/checkouts/[^/]+$', method: 'GET', role: 'retrieve', api: 'getCheckout' },
  ],
  // Custom checkout data comes back on every webhook as `meta.custom_data`.
  referenceFields: [
    'checkoutData.custom.*',
    'productOptions.redirectUrl',
    'attributes.checkout_data.custom.*',
    'attributes.product_options.redirect_url',
    'data.attributes.checkout_data.custom.*',
    'data.attributes.product_options.redirect_url',
  ],
  // Webhooks are signed with an HMAC of the body in `X-Signature` (no SDK helper); the event is `meta.event_name`.
  events: {
    success: ['order_created', 'subscription_payment_success'],
    failure: ['subscription_payment_failed'],
  },
  example: "const { data } = await createCheckout(storeId, variantId, { checkoutData: { email, custom: { booking_id: booking.id } }, productOptions: { redirectUrl: `${baseUrl}/bookings/${booking.id}` } });",
});
