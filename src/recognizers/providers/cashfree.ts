// https://www.cashfree.com/docs/api-reference/payments/latest/orders/create
import { defineProvider, type ProviderOperation } from '../define.js';

// cashfree-pg 4.x: static calls after static configuration
// (`Cashfree.XClientId = ...; Cashfree.PGCreateOrder('2023-08-01', request)`);
// 5.x and later: an instance (`new Cashfree(CFEnvironment.SANDBOX, id, secret).PGCreateOrder(request)`).
// https://github.com/cashfree/cashfree-pg-sdk-nodejs
const methods: [string, ProviderOperation['role'], boolean?][] = [
  ['PGCreateOrder', 'initiation'],
  ['PGCreateLink', 'initiation'],
  ['SubsCreateSubscription', 'initiation', true],
  ['SubsCreatePayment', 'initiation', true],
  // Paying or authorizing an order that PGCreateOrder created.
  ['PGPayOrder', 'capture'],
  ['PGAuthorizeOrder', 'capture'],
  ['PGOrderAuthenticatePayment', 'capture'],
  ['PGOrderCreateRefund', 'refund'],
  ['PGTerminateOrder', 'cancel'],
  ['PGCancelLink', 'cancel'],
  ['PGFetchOrder', 'retrieve'],
  ['PGOrderFetchPayments', 'retrieve'],
  ['PGOrderFetchPayment', 'retrieve'],
  ['PGFetchLink', 'retrieve'],
  ['PGLinkFetchOrders', 'retrieve'],
  ['PGVerifyWebhookSignature', 'verify-webhook'],
];

const host = '^(api|sandbox)\\.cashfree\\.com$';

export default defineProvider({
  id: 'cashfree',
  name: 'Cashfree',
  docs: 'https://www.cashfree.com/docs/api-reference/payments/latest/orders/create',
  packages: ['cashfree-pg'],
  browserPackages: ['@cashfreepayments/cashfree-js'],
  clients: [{ path: 'Cashfree' }, { path: 'Cashfree.new()' }],
  operations: methods.map(([call, role, billing]): ProviderOperation => ({ call, role, ...(billing ? { billing } : {}) })),
  rest: [
    { host, path: '^/pg/orders/?$', method: 'POST', role: 'initiation', api: 'PGCreateOrder' },
    { host, path: '^/pg/links/?$', method: 'POST', role: 'initiation', api: 'PGCreateLink' },
    { host, path: '^/pg/subscriptions/?$', method: 'POST', role: 'initiation', api: 'SubsCreateSubscription', billing: true },
    { host, path: '^/pg/orders/sessions/?$', method: 'POST', role: 'capture', api: 'PGPayOrder' },
    { host, path: '^/pg/orders/[^/]+/refunds/?$', method: 'POST', role: 'refund', api: 'PGOrderCreateRefund' },
    { host, path: '^/pg/orders/[^/]+/payments/?$', method: 'GET', role: 'retrieve', api: 'PGOrderFetchPayments' },
    { host, path: '^/pg/orders/[^/]+$', method: 'GET', role: 'retrieve', api: 'PGFetchOrder' },
    { host, path: '^/pg/orders/[^/]+$', method: 'PATCH', role: 'cancel', api: 'PGTerminateOrder' },
  ],
  referenceFields: [
    'order_id',
    'order_tags.*',
    'order_note',
    'order_meta.return_url',
    'order_meta.notify_url',
    'link_id',
    'link_notes.*',
    'link_purpose',
    'link_meta.return_url',
  ],
  transactionIdFields: ['order_id'],
  notifyFields: ['notify_url'],
  events: {
    success: ['PAYMENT_SUCCESS_WEBHOOK'],
    failure: ['PAYMENT_FAILED_WEBHOOK', 'PAYMENT_USER_DROPPED_WEBHOOK'],
  },
  example: "const { data: order } = await cashfree.PGCreateOrder({ order_id: booking.id, order_amount: total, order_currency: 'INR', customer_details, order_tags: { booking_id: booking.id } });",
});
