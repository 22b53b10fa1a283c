// https://api.girocheckout.de/en:girocheckout:paypage:start
import { defineProvider } from '../define.js';

// GiroCheckout (GiroSolution) has no Node SDK: apps post the fields as a form
// (application/x-www-form-urlencoded) with an HMAC-MD5 `hash` over their values, and get back a
// `reference` and the URL of the payment page (`paypage/init`) or of one payment method's form
// (`transaction/start`). The result comes back to `notifyUrl` / `urlNotify` as query fields with a
// `gc` prefix (`gcMerchantTxId`, `gcResultPayment`, `gcHash`). Capture, refund and void take the
// `reference` of the payment; the endpoints are named in the API's tools pages and in GiroSolution's
// own PHP SDK (girosolution/girocheckout_sdk).
const HOST = '^payment\\.girosolution\\.de$';
// `type: 'AUTH'` only reserves the amount until `transaction/capture`; SALE (the default) books it.
const authOnly = { mode: 'hosted' as const, when: [{ field: 'type', equals: ['AUTH'], mode: 'authorize' as const }] };

export default defineProvider({
  id: 'girocheckout',
  name: 'GiroCheckout',
  docs: 'https://api.girocheckout.de/en:girocheckout:paypage:start',
  packages: [],
  clients: [],
  operations: [],
  rest: [
    { host: HOST, path: '^/girocheckout/api/v2/paypage/init$', method: 'POST', role: 'initiation', api: 'paypage.init' },
    { host: HOST, path: '^/girocheckout/api/v2/transaction/start$', method: 'POST', role: 'initiation', api: 'transaction.start' },
    { host: HOST, path: '^/girocheckout/api/v2/transaction/capture$', method: 'POST', role: 'capture', api: 'transaction.capture' },
    { host: HOST, path: '^/girocheckout/api/v2/transaction/refund$', method: 'POST', role: 'refund', api: 'transaction.refund' },
    { host: HOST, path: '^/girocheckout/api/v2/transaction/void$', method: 'POST', role: 'cancel', api: 'transaction.void' },
    { host: HOST, path: '^/girocheckout/api/v2/transaction/status$', method: 'POST', role: 'retrieve', api: 'transaction.status' },
  ],
  // merchantTxId is the merchant's own transaction id (an order number); purpose is shown on the
  // customer's statement. The payment page names its URLs successUrl/failUrl/backUrl/notifyUrl,
  // a single payment method urlRedirect (success and failure alike) and urlNotify.
  referenceFields: ['merchantTxId', 'purpose', 'successUrl', 'failUrl', 'backUrl', 'notifyUrl', 'urlRedirect', 'urlNotify'],
  transactionIdFields: ['merchantTxId'],
  notifyFields: ['notifyUrl', 'urlNotify'],
  successReturnFields: ['successUrl'],
  failureReturnFields: ['failUrl', 'backUrl'],
  capture: { 'paypage.init': authOnly, 'transaction.start': authOnly },
  // The notification carries a result code (4000: paid) rather than event types.
  events: { success: [], failure: [] },
  resultField: { field: 'gcResultPayment', success: ['4000', 4000] },
  callbackFields: ['gcResultPayment', 'gcHash', 'gcReference'],
  resultIdFields: ['reference'],
  captureExample: "await axios.post('https://payment.girosolution.de/girocheckout/api/v2/transaction/capture', qs.stringify({ merchantId, projectId, merchantTxId: booking.id, amount: booking.amountCents, currency: 'EUR', reference: booking.giroReference, hash }));",
  refundExample: "await axios.post('https://payment.girosolution.de/girocheckout/api/v2/transaction/refund', qs.stringify({ merchantId, projectId, merchantTxId: booking.id, amount: booking.amountCents, currency: 'EUR', reference: booking.giroReference, hash }));",
  example: "const { data } = await axios.post('https://payment.girosolution.de/girocheckout/api/v2/paypage/init', qs.stringify({ merchantId, projectId, merchantTxId: booking.id, amount: booking.amountCents, currency: 'EUR', purpose: `Booking ${booking.id}`, successUrl, failUrl, backUrl, notifyUrl, hash }));",
});
