// https://www.ccavenue.com/inc/integration-kit/nodejs-integration-kit.jsp
import { defineProvider } from '../define.js';

// CCAvenue (India) starts a payment with no API call: the server writes the order's fields
// (`merchant_id`, `order_id`, `currency`, `amount`, `redirect_url`, `cancel_url`, `language`,
// `merchant_param1..5`, billing fields) as a query string, encrypts it with the working key
// (AES-128-CBC, `encRequest`) and the browser posts it with the `access_code` to
// `/transaction/transaction.do?command=initiateTransaction` (secure.ccavenue.com, test.ccavenue.com).
// CCAvenue posts the encrypted result (`encResp`) to `redirect_url` or `cancel_url`; decrypted, its
// `order_status` says Success, Failure, Aborted... The community package node-ccavenue
// (`new Configure({ merchant_id, working_key })`: `getEncryptedOrder(order)`, `redirectResponseToJson(encResp)`)
// does the same.
export default defineProvider({
  id: 'ccavenue',
  name: 'CCAvenue',
  docs: 'https://www.ccavenue.com/inc/integration-kit/nodejs-integration-kit.jsp',
  packages: ['node-ccavenue'],
  clients: [
    { path: 'Configure.new()' },
    { path: 'default.Configure.new()' },
  ],
  operations: [
    { call: 'getEncryptedOrder', role: 'initiation', api: 'initiateTransaction' },
    { call: 'redirectResponseToJson', role: 'verify-webhook' },
  ],
  // The order's mandatory fields; merchant_id with order_id and both return URLs is CCAvenue's set.
  form: { keys: ['merchant_id', 'order_id', 'currency', 'amount', 'redirect_url', 'cancel_url'], api: 'initiateTransaction' },
  // order_id is the merchant's own; merchant_param1..5 come back as-is.
  referenceFields: ['order_id', 'merchant_param1', 'merchant_param2', 'merchant_param3', 'merchant_param4', 'merchant_param5', 'redirect_url'],
  transactionIdFields: ['order_id'],
  successReturnFields: ['redirect_url'],
  failureReturnFields: ['cancel_url'],
  // CCAvenue posts `encResp` to both.
  postsReturns: true,
  events: { success: [], failure: [] },
  resultField: { field: 'order_status', success: ['Success'] },
  callbackFields: ['encResp'],
  example: "const encRequest = encrypt(qs.stringify({ merchant_id: CCAVENUE_MERCHANT_ID, order_id: booking.id, currency: 'INR', amount: booking.amount, redirect_url, cancel_url, language: 'EN', merchant_param1: booking.id }), CCAVENUE_WORKING_KEY); // the browser posts encRequest and access_code to https://secure.ccavenue.com/transaction/transaction.do?command=initiateTransaction",
});
