// https://www.mercadopago.com/developers/en/reference/preferences/_checkout_preferences/post
import { defineProvider, type ProviderOperation } from '../define.js';

// mercadopago >= 2: one client class per resource over a shared config,
// `new Preference(new MercadoPagoConfig({ accessToken })).create({ body })`.
// https://github.com/mercadopago/sdk-nodejs/tree/master/src/clients
const v2: [string, string, ProviderOperation['role'], string, boolean?][] = [
  ['Preference', 'create', 'initiation', 'preferences.create'],
  ['Payment', 'create', 'initiation', 'payments.create'],
  ['Order', 'create', 'initiation', 'orders.create'],
  ['Point', 'createPaymentIntent', 'initiation', 'point.createPaymentIntent'],
  ['PreApproval', 'create', 'initiation', 'preapproval.create', true],
  ['Payment', 'capture', 'capture', 'payments.capture'],
  ['Order', 'process', 'capture', 'orders.process'],
  ['Order', 'capture', 'capture', 'orders.capture'],
  ['Payment', 'cancel', 'cancel', 'payments.cancel'],
  ['Order', 'cancel', 'cancel', 'orders.cancel'],
  ['Point', 'cancelPaymentIntent', 'cancel', 'point.cancelPaymentIntent'],
  ['PaymentRefund', 'create', 'refund', 'refunds.create'],
  ['Order', 'refund', 'refund', 'orders.refund'],
  ['Payment', 'get', 'retrieve', 'payments.get'],
  ['Order', 'get', 'retrieve', 'orders.get'],
  ['MerchantOrder', 'get', 'retrieve', 'merchantOrders.get'],
  ['Preference', 'get', 'retrieve', 'preferences.get'],
];

// mercadopago 1.x: the configured module itself, `mercadopago.preferences.create(preference)`.
// https://github.com/mercadopago/sdk-nodejs/tree/1.x/lib/resources
const v1: [string, ProviderOperation['role'], string, boolean?][] = [
  ['preferences.create', 'initiation', 'preferences.create'],
  ['preferences.save', 'initiation', 'preferences.create'],
  ['payment.create', 'initiation', 'payments.create'],
  ['payment.save', 'initiation', 'payments.create'],
  ['preapproval.create', 'initiation', 'preapproval.create', true],
  ['preapproval.save', 'initiation', 'preapproval.create', true],
  ['payment.capture', 'capture', 'payments.capture'],
  ['payment.capturePartial', 'capture', 'payments.capture'],
  ['payment.cancel', 'cancel', 'payments.cancel'],
  ['payment.refund', 'refund', 'refunds.create'],
  ['payment.refundPartial', 'refund', 'refunds.create'],
  ['refund.create', 'refund', 'refunds.create'],
  ['refund.save', 'refund', 'refunds.create'],
  ['payment.get', 'retrieve', 'payments.get'],
  ['payment.findById', 'retrieve', 'payments.get'],
  ['merchant_orders.get', 'retrieve', 'merchantOrders.get'],
  ['merchant_orders.findById', 'retrieve', 'merchantOrders.get'],
  // IPN helpers fetch the notified payment or merchant order.
  ['ipn.manage', 'retrieve', 'ipn.manage'],
  ['ipn.getPayment', 'retrieve', 'payments.get'],
];

const host = '^api\\.mercadopago\\.com$';

export default defineProvider({
  id: 'mercadopago',
  name: 'Mercado Pago',
  docs: 'https://www.mercadopago.com/developers/en/reference/preferences/_checkout_preferences/post',
  packages: ['mercadopago'],
  browserPackages: ['@mercadopago/sdk-react', '@mercadopago/sdk-js'],
  clients: [{ path: '' }, { path: 'default' }],
  operations: [
    ...v2.map(([cls, method, role, api, billing]): ProviderOperation => ({ call: `${cls}.new().${method}`, role, api, ...(billing ? { billing } : {}) })),
    ...v1.map(([call, role, api, billing]): ProviderOperation => ({ call, role, api, ...(billing ? { billing } : {}) })),
    { call: 'WebhookSignatureValidator.validate', role: 'verify-webhook' },
  ],
  rest: [
    { host, path: '^/checkout/preferences/?$', method: 'POST', role: 'initiation', api: 'preferences.create' },
    { host, path: '^/v1/payments/?$', method: 'POST', role: 'initiation', api: 'payments.create' },
    { host, path: '^/v1/orders/?$', method: 'POST', role: 'initiation', api: 'orders.create' },
    { host, path: '^/preapproval/?$', method: 'POST', role: 'initiation', api: 'preapproval.create', billing: true },
    // Point card readers: a charge sent to a device, and withdrawn from it.
    // https://www.mercadopago.com/developers/en/reference/integrations_api_paymentintent_mlb/_point_integration-api_devices_deviceid_payment-intents/post
    { host, path: '^/point/integration-api/devices/[^/]+/payment-intents/?$', method: 'POST', role: 'initiation', api: 'point.createPaymentIntent' },
    { host, path: '^/point/integration-api/devices/[^/]+/payment-intents/[^/]+$', method: 'DELETE', role: 'cancel', api: 'point.cancelPaymentIntent' },
    { host, path: '^/v1/orders/[^/]+/(process|capture)$', method: 'POST', role: 'capture', api: 'orders.process' },
    { host, path: '^/v1/payments/[^/]+/refunds/?$', method: 'POST', role: 'refund', api: 'refunds.create' },
    { host, path: '^/v1/orders/[^/]+/refund$', method: 'POST', role: 'refund', api: 'orders.refund' },
    { host, path: '^/v1/orders/[^/]+/cancel$', method: 'POST', role: 'cancel', api: 'orders.cancel' },
    { host, path: '^/v1/payments/[^/]+$', method: 'GET', role: 'retrieve', api: 'payments.get' },
    { host, path: '^/merchant_orders/[^/]+$', method: 'GET', role: 'retrieve', api: 'merchantOrders.get' },
  ],
  referenceFields: [
    // v2 clients take `{ body, requestOptions }`.
    'body.external_reference',
    'body.metadata.*',
    'body.back_urls.success',
    'body.notification_url',
    'body.description',
    // v1 and REST take the body itself.
    'external_reference',
    'metadata.*',
    'back_urls.success',
    'notification_url',
    'description',
    // Point payment intents carry the reference under `additional_info` (the SDK wraps it in `request`).
    'additional_info.external_reference',
    'request.additional_info.external_reference',
  ],
  notifyFields: ['notification_url'],
  // The browser comes back to `back_urls.failure` when the payment is rejected (the only `failure` key of a preference).
  // https://www.mercadopago.com/developers/en/docs/checkout-pro/configure-back-urls
  failureReturnFields: ['failure'],
  // ...and to `back_urls.success` once it is approved.
  successReturnFields: ['success'],
  // Notifications name the resource (`type: 'payment'`, `topic: 'merchant_order'`) and the action;
  // the handler then fetches the payment to learn its status.
  // https://www.mercadopago.com/developers/en/docs/checkout-api/payment-management/capture-authorized-payment: `capture: false` reserves only.
  capture: {
    'payments.create': { mode: 'charge', when: [{ field: 'capture', equals: [false], mode: 'authorize' }, { field: 'body.capture', equals: [false], mode: 'authorize' }] },
    'orders.create': { mode: 'charge', when: [{ field: 'capture_mode', equals: ['manual'], mode: 'authorize' }, { field: 'body.capture_mode', equals: ['manual'], mode: 'authorize' }] },
  },
  events: {
    success: ['payment.created', 'payment.updated', 'merchant_order'],
    failure: [],
  },
  example: "const pref = await new Preference(mpClient).create({ body: { items, external_reference: booking.id, metadata: { booking_id: booking.id }, back_urls: { success: `${baseUrl}/bookings/${booking.id}` } } });",
});
