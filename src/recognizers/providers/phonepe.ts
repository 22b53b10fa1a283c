// https://developer.phonepe.com/v1/reference/pay-api-1
import { defineProvider } from '../define.js';

// PhonePe's payment gateway is called over REST here: apps base64-encode the payload, sign it
// (SHA-256 over payload + endpoint + salt key, the `X-VERIFY` header) and POST `{ request }` to
// `/pg/v1/pay`; Standard Checkout v2 POSTs JSON to `/checkout/v2/pay` with an OAuth token. Both
// return a URL to PhonePe's hosted page and report the result to a callback. Production is
// api.phonepe.com/apis/hermes (v1) or /apis/pg (v2); UAT is api-preprod.phonepe.com/apis/pg-sandbox
// (older UAT hosts: mercury-uat, mercury-t2). The SDK (`pg-sdk-node`) is not covered.
const host = '^(api|api-preprod|mercury-uat|mercury-t2)\\.phonepe\\.com$';
// The gateway's path prefix differs per host and environment (`/apis/hermes`, `/apis/pg-sandbox`).
const under = '^(/[^/]+)*';

export default defineProvider({
  id: 'phonepe',
  name: 'PhonePe',
  docs: 'https://developer.phonepe.com/v1/reference/pay-api-1',
  packages: [],
  clients: [],
  operations: [],
  rest: [
    { host, path: `${under}/pg/v1/pay$`, method: 'POST', role: 'initiation', api: 'pay' },
    { host, path: `${under}/checkout/v2/pay$`, method: 'POST', role: 'initiation', api: 'checkout/v2/pay' },
    { host, path: `${under}/pg/v1/status/[^/]+/[^/]+$`, method: 'GET', role: 'retrieve', api: 'status' },
    { host, path: `${under}/checkout/v2/order/[^/]+/status$`, method: 'GET', role: 'retrieve', api: 'order status' },
    { host, path: `${under}/pg/v1/refund$`, method: 'POST', role: 'refund', api: 'refund' },
    { host, path: `${under}/payments/v2/refund$`, method: 'POST', role: 'refund', api: 'payments/v2/refund' },
  ],
  // The merchant's own ids and the URLs PhonePe sends the customer and the result back to (v1);
  // v2's merchantOrderId, metaInfo udf1..udf5 and redirect URL.
  referenceFields: ['merchantTransactionId', 'merchantUserId', 'redirectUrl', 'callbackUrl', 'merchantOrderId', 'metaInfo.*', 'paymentFlow.merchantUrls.redirectUrl'],
  transactionIdFields: ['merchantTransactionId', 'merchantOrderId'],
  notifyFields: ['callbackUrl'],
  // v1's server-to-server callback is signed in the X-VERIFY header (read by name, any case).
  callbackFields: ['X-VERIFY', 'x-verify'],
  // v1's callback carries a result `code`; v2's webhook names the event.
  events: {
    success: ['PAYMENT_SUCCESS', 'checkout.order.completed'],
    failure: ['PAYMENT_ERROR', 'PAYMENT_DECLINED', 'TIMED_OUT', 'checkout.order.failed'],
  },
  refundExample: "await fetch(`${PHONEPE_BASE_URL}/pg/v1/refund`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-VERIFY': checksum }, body: JSON.stringify({ request: btoa(JSON.stringify({ merchantId, merchantTransactionId: `RF-${booking.id}`, originalTransactionId: booking.merchantTransactionId, amount: booking.amount * 100 })) }) });",
  example: "const res = await fetch(`${PHONEPE_BASE_URL}/pg/v1/pay`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-VERIFY': checksum }, body: JSON.stringify({ request: btoa(JSON.stringify({ merchantId, merchantTransactionId: booking.id, amount: booking.amount * 100, redirectUrl, callbackUrl, paymentInstrument: { type: 'PAY_PAGE' } })) }) });",
});
