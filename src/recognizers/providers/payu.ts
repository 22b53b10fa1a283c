// https://docs.payu.in/docs/collect-payments-with-payu-hosted-checkout
import { defineProvider } from '../define.js';

// PayU India's hosted checkout is a form the browser posts to `/_payment` (test.payu.in,
// secure.payu.in) with `key`, `txnid`, `amount`, `productinfo`, `firstname`, `email`, `surl`,
// `furl` and a SHA-512 `hash` of those values joined by `|` with the salt. PayU's Node SDK
// payu-websdk (`new PayU({ key, salt }, env)`) builds that form with `paymentInitiate(params)` and
// asks how a transaction ended with `verifyPayment(txnid)` (the `verify_payment` command of
// `/merchant/postservice.php?form=2`). PayU posts the result to `surl` or `furl` with `status`,
// `mihpayid` and a reverse hash. Most apps fill in the form themselves, the hash over a
// `key|txnid|amount|productinfo|firstname|email|udf1..udf5||||||salt` text.
const host = '^(test|secure|info)\\.payu\\.in$';

export default defineProvider({
  id: 'payu',
  name: 'PayU India',
  docs: 'https://docs.payu.in/docs/collect-payments-with-payu-hosted-checkout',
  packages: ['payu-websdk'],
  clients: [
    { path: 'new()' },
    { path: 'default.new()' },
  ],
  operations: [
    { call: 'paymentInitiate', role: 'initiation', api: '_payment' },
    { call: 'verifyPayment', role: 'retrieve', api: 'verify_payment' },
    { call: 'cancelRefundTransaction', role: 'refund', api: 'cancel_refund_transaction' },
  ],
  // The form's fields only PayU's checkout asks for together.
  form: { keys: ['txnid', 'productinfo', 'surl', 'furl'], api: '_payment' },
  // The server that only hashes the form's values for the browser to post (the reverse hash of
  // PayU's answer runs `salt|status||||||udf5|...|key` and opens with empty fields).
  // https://docs.payu.in/docs/generate-hash-payu-hosted
  signedText: {
    keys: ['txnid', 'productinfo'],
    answerKeys: [],
    api: '_payment',
    // udf6..udf10 are always empty (`...|udf5||||||salt`): an app that names a few of them still leaves some.
    positional: { separator: '|', fields: ['key', 'txnid', 'amount', 'productinfo', 'firstname', 'email', 'udf1', 'udf2', 'udf3', 'udf4', 'udf5'], opening: 6, emptyFields: 3 },
  },
  rest: [
    // Posting the form from the server and following PayU's redirect.
    { host, path: '^/_payment/?$', method: 'POST', role: 'initiation', api: '_payment' },
  ],
  // txnid is the merchant's own transaction id; udf1..udf5 are free fields posted back as-is.
  referenceFields: ['txnid', 'udf1', 'udf2', 'udf3', 'udf4', 'udf5', 'productinfo', 'surl'],
  transactionIdFields: ['txnid'],
  successReturnFields: ['surl'],
  failureReturnFields: ['furl'],
  // PayU posts the result to surl or furl.
  postsReturns: true,
  // What PayU posts to surl/furl: its payment id and the reverse hash; `status` says success or failure.
  callbackFields: ['mihpayid'],
  events: { success: [], failure: [] },
  refundExample: "await payuClient.cancelRefundTransaction(booking.payuMihpayid, `refund-${booking.id}`, booking.amount);",
  example: "const form = await payuClient.paymentInitiate({ isAmountFilledByCustomer: false, txnid: booking.id, amount: booking.amount, currency: 'INR', productinfo: `Booking ${booking.id}`, firstname, email, phone, surl, furl, udf1: booking.id });",
});
