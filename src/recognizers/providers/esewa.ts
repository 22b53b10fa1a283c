// https://developer.esewa.com.np/pages/Epay-V2
import { defineProvider } from '../define.js';

// eSewa ePay v2 (Nepal) starts a payment with no API call: the server signs
// `total_amount=..,transaction_uuid=..,product_code=..` with HMAC-SHA256 (base64) and the browser
// posts the form with that `signature` to `/api/epay/main/v2/form` (rc-epay.esewa.com.np in UAT,
// epay.esewa.com.np live). eSewa sends the browser back to `success_url` with the result as base64
// JSON in `data` (`transaction_code`, `status`, `transaction_uuid`, `signed_field_names`, its own
// `signature`), and the status check API (`/api/epay/transaction/status/?product_code&total_amount&transaction_uuid`)
// says how the payment ended. Apps paying through eSewa's mobile SDK check a payment at
// `/mobile/transaction?txnRefId=` (as real integrations call it).
export default defineProvider({
  id: 'esewa',
  name: 'eSewa',
  docs: 'https://developer.esewa.com.np/pages/Epay-V2',
  packages: [],
  clients: [],
  operations: [],
  signedText: { keys: ['total_amount', 'transaction_uuid', 'product_code'], answerKeys: ['transaction_code', 'status'], api: 'epay/main/v2/form' },
  rest: [
    // The status check's path is eSewa's alone: a base URL from configuration still matches.
    { host: '^(rc|uat|epay|rc-epay)\\.esewa\\.com\\.np$', path: '^/api/epay/transaction/status/?$', method: 'GET', role: 'retrieve', api: 'transaction/status', anyHost: true },
    { host: '^(rc|uat|epay)\\.esewa\\.com\\.np$', path: '^/mobile/transaction/?$', method: 'GET', role: 'retrieve', api: 'mobile/transaction' },
  ],
  // transaction_uuid is the merchant's own id for the payment, signed into the form.
  referenceFields: ['transaction_uuid'],
  transactionIdFields: ['transaction_uuid'],
  // What eSewa hands back to success_url; `status` says COMPLETE (or PENDING, FULL_REFUND, ...)
  // rather than an event type.
  callbackFields: ['transaction_code', 'signed_field_names'],
  events: { success: [], failure: [] },
  example: "const signature = createHmac('sha256', ESEWA_SECRET_KEY).update(`total_amount=${booking.amount},transaction_uuid=${booking.id},product_code=${ESEWA_PRODUCT_CODE}`).digest('base64'); // then post the form: amount, total_amount, transaction_uuid: booking.id, product_code, success_url, failure_url, signed_field_names: 'total_amount,transaction_uuid,product_code', signature",
});
