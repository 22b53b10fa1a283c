// https://developers.momo.vn/v3/docs/payment/api/wallet/onetime
import { defineProvider } from '../define.js';

// MoMo has no official Node SDK: apps sign the request themselves (HMAC-SHA256 over the fields)
// and POST it to the payment gateway. `create` returns a `payUrl` to MoMo's hosted page; the IPN
// posts the result back to `ipnUrl`. The `confirm` endpoint is left out: one path both captures and
// cancels, chosen by the payload's `requestType`.
export default defineProvider({
  id: 'momo',
  name: 'MoMo',
  docs: 'https://developers.momo.vn/v3/docs/payment/api/wallet/onetime',
  packages: [],
  clients: [],
  operations: [],
  rest: [
    { host: '^(test-)?payment\\.momo\\.vn$', path: '^/v2/gateway/api/create$', method: 'POST', role: 'initiation', api: 'create' },
    { host: '^(test-)?payment\\.momo\\.vn$', path: '^/v2/gateway/api/query$', method: 'POST', role: 'retrieve', api: 'query' },
    { host: '^(test-)?payment\\.momo\\.vn$', path: '^/v2/gateway/api/refund$', method: 'POST', role: 'refund', api: 'refund' },
  ],
  // orderId and requestId are the merchant's own; extraData comes back as-is in the IPN.
  referenceFields: ['orderId', 'requestId', 'extraData', 'orderInfo', 'redirectUrl', 'ipnUrl'],
  transactionIdFields: ['orderId'],
  notifyFields: ['ipnUrl'],
  // captureWallet, payWithMethod, payWithATM, payWithCC...
  paymentMethodFields: ['requestType'],
  // `autoCapture: false` only authorizes; the amount is held until a `confirm` request.
  capture: { create: { mode: 'hosted', when: [{ field: 'autoCapture', equals: [false], mode: 'authorize' }] } },
  // The IPN carries a numeric `resultCode` (0 for success) rather than named event types...
  events: { success: [], failure: [] },
  resultField: { field: 'resultCode', success: [0] },
  // ...so a handler that reads the fields MoMo posts back (to ipnUrl, or via the browser to
  // redirectUrl) is the one hearing back from it.
  callbackFields: ['resultCode', 'transId', 'payType'],
  captureExample: "const { data } = await axios.post(MOMO_CREATE_URL, { ...signedFields, orderId: booking.id, autoCapture: false }); // after confirming the booking: POST /v2/gateway/api/confirm with requestType: 'capture'",
  refundExample: "await axios.post('https://payment.momo.vn/v2/gateway/api/refund', { partnerCode, orderId: `RF-${booking.id}`, requestId, amount: booking.amount, transId: booking.momoTransId, lang: 'vi', description: 'Booking cancelled', signature });",
  example: "const { data } = await axios.post('https://payment.momo.vn/v2/gateway/api/create', { partnerCode, requestId, orderId: booking.id, amount: booking.amount, orderInfo: `Booking ${booking.id}`, redirectUrl, ipnUrl, extraData: '', requestType: 'captureWallet', lang: 'vi', signature });",
});
