// https://developer.sslcommerz.com/doc/v4/
import { defineProvider } from '../define.js';

// sslcommerz-lts: `new SSLCommerzPayment(storeId, storePassword, isLive)`, then `init(data)` opens
// a hosted payment page (GatewayPageURL); the IPN and the success/fail/cancel URLs post back.
export default defineProvider({
  id: 'sslcommerz',
  name: 'SSLCommerz',
  docs: 'https://developer.sslcommerz.com/doc/v4/',
  packages: ['sslcommerz-lts'],
  clients: [
    { path: 'new()' },
    { path: 'default.new()' },
  ],
  operations: [
    { call: 'init', role: 'initiation' },
    { call: 'validate', role: 'retrieve' },
    { call: 'transactionQueryBySessionId', role: 'retrieve' },
    { call: 'transactionQueryByTransactionId', role: 'retrieve' },
    { call: 'initiateRefund', role: 'refund' },
    { call: 'refundQuery', role: 'retrieve' },
  ],
  rest: [
    { host: '^(sandbox|securepay)\\.sslcommerz\\.com$', path: '^/gwprocess/v4/api\\.php$', method: 'POST', role: 'initiation', api: 'init' },
    { host: '^(sandbox|securepay)\\.sslcommerz\\.com$', path: '^/validator/api/validationserverAPI\\.php$', method: 'GET', role: 'retrieve', api: 'validate' },
  ],
  // tran_id is the merchant's own transaction id; value_a..value_d are free fields returned as-is.
  failureReturnFields: ['fail_url', 'cancel_url'],
  successReturnFields: ['success_url'],
  // SSLCommerz posts the transaction to each return URL.
  postsReturns: true,
  referenceFields: ['tran_id', 'value_a', 'value_b', 'value_c', 'value_d', 'success_url', 'fail_url', 'cancel_url', 'ipn_url'],
  transactionIdFields: ['tran_id'],
  notifyFields: ['ipn_url'],
  // The IPN carries a status (VALID, FAILED, CANCELLED, EXPIRED) rather than named event types;
  // those words are also ordinary booking states, so none is listed as an event.
  events: { success: [], failure: [] },
  refundExample: "await sslcz.initiateRefund({ refund_amount: booking.amount, refund_remarks: 'Booking cancelled', bank_tran_id: booking.bankTranId, refe_id: booking.id });",
  example: "const { GatewayPageURL } = await sslcz.init({ total_amount: booking.amount, currency: 'BDT', tran_id: booking.id, success_url, fail_url, cancel_url, ipn_url, value_a: booking.id });",
});
