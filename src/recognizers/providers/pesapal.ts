// https://developer.pesapal.com/how-to-integrate/e-commerce/api-30-json/submitorderrequest
import { defineProvider } from '../define.js';

// Pesapal API 3.0 (East Africa) has no official Node SDK: the server gets a bearer token
// (`/api/Auth/RequestToken`), registers its IPN URL, then POSTs the order to
// `/api/Transactions/SubmitOrderRequest` and sends the customer to the `redirect_url` it returns.
// Pesapal sends the browser back to `callback_url` and calls the IPN with `OrderTrackingId`,
// `OrderMerchantReference` and `OrderNotificationType`; `GetTransactionStatus?orderTrackingId=`
// tells the server how the payment ended. Live is pay.pesapal.com/v3, sandbox
// cybqa.pesapal.com/pesapalv3, and apps usually keep that base in configuration. The community
// wrapper pesapaljs-v3 (`require('pesapaljs-v3').init(opts)`: `submit_order`, `get_transaction_status`)
// calls the same endpoints.
const host = '^(pay|cybqa)\\.pesapal\\.com$';

export default defineProvider({
  id: 'pesapal',
  name: 'Pesapal',
  docs: 'https://developer.pesapal.com/how-to-integrate/e-commerce/api-30-json/submitorderrequest',
  packages: ['pesapaljs-v3'],
  clients: [
    { path: 'init.()' },
    { path: 'default.init.()' },
  ],
  operations: [
    { call: 'submit_order', role: 'initiation', api: 'SubmitOrderRequest' },
    { call: 'get_transaction_status', role: 'retrieve', api: 'GetTransactionStatus' },
  ],
  rest: [
    // The paths are Pesapal's alone: a base URL from configuration still matches. A URL wholly
    // from configuration is still an order by the IPN id only an order names.
    { host, path: '^(/v3|/pesapalv3)?/api/[Tt]ransactions/[Ss]ubmit[Oo]rder[Rr]equest/?$', method: 'POST', role: 'initiation', api: 'SubmitOrderRequest', anyHost: true, bodyKeys: ['notification_id', 'callback_url', 'billing_address'] },
    { host, path: '^(/v3|/pesapalv3)?/api/[Tt]ransactions/[Gg]et[Tt]ransaction[Ss]tatus/?$', method: 'GET', role: 'retrieve', api: 'GetTransactionStatus', anyHost: true },
    { host, path: '^(/v3|/pesapalv3)?/api/[Tt]ransactions/[Rr]efund[Rr]equest/?$', method: 'POST', role: 'refund', api: 'RefundRequest', anyHost: true },
  ],
  // `id` is the merchant's own unique reference for the order, handed back as OrderMerchantReference.
  referenceFields: ['id', 'description', 'callback_url', 'cancellation_url'],
  transactionIdFields: ['id'],
  successReturnFields: ['callback_url'],
  failureReturnFields: ['cancellation_url'],
  // The IPN and the callback name the order, not an event; the status call says COMPLETED or FAILED.
  callbackFields: ['OrderTrackingId', 'OrderMerchantReference', 'OrderNotificationType'],
  events: { success: [], failure: [] },
  resultIdFields: ['order_tracking_id'],
  example: "const { data } = await axios.post(`${PESAPAL_BASE}/api/Transactions/SubmitOrderRequest`, { id: booking.id, currency: 'KES', amount: booking.amount, description: `Booking ${booking.id}`, callback_url, notification_id: ipnId, billing_address: { email_address: email } }, { headers: { Authorization: `Bearer ${token}` } });",
});
