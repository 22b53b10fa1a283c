// https://docs.midtrans.com/reference/backend-integration
import { defineProvider } from '../define.js';

// midtrans-client: `new midtransClient.Snap({ isProduction, serverKey })` for hosted checkout,
// `new midtransClient.CoreApi(...)` for direct charges; both carry `.transaction` for follow-ups.
// https://github.com/Midtrans/midtrans-nodejs-client
export default defineProvider({
  id: 'midtrans',
  name: 'Midtrans',
  docs: 'https://docs.midtrans.com/reference/backend-integration',
  packages: ['midtrans-client'],
  clients: [
    { path: 'Snap.new()' },
    { path: 'CoreApi.new()' },
    { path: 'default.Snap.new()' },
    { path: 'default.CoreApi.new()' },
  ],
  operations: [
    { call: 'createTransaction', role: 'initiation' },
    { call: 'createTransactionToken', role: 'initiation' },
    { call: 'createTransactionRedirectUrl', role: 'initiation' },
    { call: 'charge', role: 'initiation' },
    { call: 'createSubscription', role: 'initiation', billing: true },
    { call: 'capture', role: 'capture' },
    { call: 'transaction.approve', role: 'capture' },
    { call: 'transaction.refund', role: 'refund' },
    { call: 'transaction.refundDirect', role: 'refund' },
    { call: 'transaction.cancel', role: 'cancel' },
    { call: 'transaction.expire', role: 'cancel' },
    { call: 'transaction.deny', role: 'cancel' },
    { call: 'transaction.status', role: 'retrieve' },
    { call: 'transaction.statusb2b', role: 'retrieve' },
    // Takes the notification body and fetches the transaction's status from Midtrans: the SDK's
    // way of trusting a notification.
    { call: 'transaction.notification', role: 'verify-webhook' },
  ],
  rest: [
    // The Snap path is Midtrans' alone: apps keep the sandbox or production host in configuration.
    { host: '^app(\\.sandbox)?\\.midtrans\\.com$', path: '^/snap/v1/transactions/?$', method: 'POST', role: 'initiation', api: 'createTransaction', anyHost: true },
    { host: '^api(\\.sandbox)?\\.midtrans\\.com$', path: '^/v2/charge/?$', method: 'POST', role: 'initiation', api: 'charge' },
    { host: '^api(\\.sandbox)?\\.midtrans\\.com$', path: '^/v1/subscriptions/?$', method: 'POST', role: 'initiation', api: 'createSubscription', billing: true },
    { host: '^api(\\.sandbox)?\\.midtrans\\.com$', path: '^/v2/capture/?$', method: 'POST', role: 'capture', api: 'capture' },
    { host: '^api(\\.sandbox)?\\.midtrans\\.com$', path: '^/v2/[^/]+/approve$', method: 'POST', role: 'capture', api: 'transaction.approve' },
    { host: '^api(\\.sandbox)?\\.midtrans\\.com$', path: '^/v2/[^/]+/refund(/online/direct)?$', method: 'POST', role: 'refund', api: 'transaction.refund' },
    { host: '^api(\\.sandbox)?\\.midtrans\\.com$', path: '^/v2/[^/]+/(cancel|expire|deny)$', method: 'POST', role: 'cancel', api: 'transaction.cancel' },
    { host: '^api(\\.sandbox)?\\.midtrans\\.com$', path: '^/v2/[^/]+/status(/b2b)?$', method: 'GET', role: 'retrieve', api: 'transaction.status' },
  ],
  referenceFields: [
    'transaction_details.order_id',
    'custom_field1',
    'custom_field2',
    'custom_field3',
    'metadata.*',
    'callbacks.finish',
  ],
  transactionIdFields: ['transaction_details.order_id'],
  // Notifications carry `transaction_status`; settlement (and capture with fraud_status 'accept') is paid.
  capture: { charge: { mode: 'charge', when: [{ field: 'credit_card.type', equals: ['authorize'], mode: 'authorize' }] } },
  events: {
    success: ['settlement'],
    failure: ['deny', 'expire'],
  },
  example: "const { token, redirect_url } = await snap.createTransaction({ transaction_details: { order_id: booking.id, gross_amount: total }, customer_details: { email }, custom_field1: booking.id });",
});
