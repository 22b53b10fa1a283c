// https://developer.paypal.com/braintree/docs/reference/request/transaction/sale/node
import { defineProvider } from '../define.js';

export default defineProvider({
  id: 'braintree',
  name: 'Braintree',
  docs: 'https://developer.paypal.com/braintree/docs/reference/request/transaction/sale/node',
  packages: ['braintree'],
  browserPackages: ['braintree-web', 'braintree-web-drop-in', 'braintree-web-drop-in-react'],
  clients: [
    { path: 'BraintreeGateway.new()' },
    // braintree < 3: `braintree.connect({ environment, merchantId, publicKey, privateKey })`.
    { path: 'connect.()' },
  ],
  // A sale with `options.submitForSettlement` both authorizes and captures; it is still the call
  // that starts the payment. submitForSettlement on an existing transaction is the capture.
  operations: [
    { call: 'transaction.sale', role: 'initiation' },
    { call: 'subscription.create', role: 'initiation', billing: true },
    { call: 'transaction.submitForSettlement', role: 'capture' },
    { call: 'transaction.refund', role: 'refund' },
    { call: 'transaction.credit', role: 'refund' },
    { call: 'transaction.void', role: 'cancel' },
    { call: 'transaction.find', role: 'retrieve' },
    { call: 'webhookNotification.parse', role: 'verify-webhook' },
  ],
  referenceFields: ['orderId', 'customFields.*', 'descriptor.*', 'purchaseOrderNumber'],
  // https://developer.paypal.com/braintree/docs/reference/general/webhooks/transaction/node
  // https://developer.paypal.com/braintree/docs/reference/request/transaction/sale/node: a sale only
  // authorizes unless `options.submitForSettlement` is true.
  capture: { 'transaction.sale': { mode: 'authorize', when: [{ field: 'options.submitForSettlement', equals: [true], mode: 'charge' }] } },
  captureExample: "const result = await gateway.transaction.sale({ amount, paymentMethodNonce, orderId: booking.id }); /* once the booking is CONFIRMED: */ await gateway.transaction.submitForSettlement(result.transaction.id);",
  refundExample: "await gateway.transaction.refund(booking.braintreeTransactionId);",
  events: {
    success: ['transaction_settled', 'local_payment_completed'],
    failure: ['transaction_settlement_declined', 'local_payment_reversed', 'local_payment_expired'],
  },
  example: 'const result = await gateway.transaction.sale({ amount: total, paymentMethodNonce: nonce, orderId: booking.id, options: { submitForSettlement: true } });',
});
