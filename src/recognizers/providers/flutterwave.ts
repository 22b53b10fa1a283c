// https://developer.flutterwave.com/docs/flutterwave-standard-1
import { defineProvider, type ProviderOperation } from '../define.js';

// flutterwave-node-v3: `new Flutterwave(publicKey, secretKey)`, then one resource per payment
// method (`flw.Charge.card(payload)`, `flw.MobileMoney.mpesa(payload)`). Hosted checkout
// (Flutterwave Standard, POST /v3/payments) has no SDK method: apps call it over REST.
// https://github.com/Flutterwave/Node-v3/tree/master/lib
const charges = ['card', 'ng', 'ach', 'uk', 'ussd', 'bank_transfer', 'voucher', 'applepay', 'googlepay', 'enaira', 'fawrypay'];
const mobileMoney = ['ghana', 'mpesa', 'rwanda', 'uganda', 'franco_phone', 'zambia', 'tanzania'];

export default defineProvider({
  id: 'flutterwave',
  name: 'Flutterwave',
  docs: 'https://developer.flutterwave.com/docs/flutterwave-standard-1',
  packages: ['flutterwave-node-v3'],
  browserPackages: ['flutterwave-react-v3', 'flutterwave-react-native'],
  clients: [{ path: 'new()' }, { path: 'default.new()' }],
  operations: [
    ...charges.map((m): ProviderOperation => ({ call: `Charge.${m}`, role: 'initiation' })),
    ...mobileMoney.map((m): ProviderOperation => ({ call: `MobileMoney.${m}`, role: 'initiation' })),
    { call: 'Tokenized.charge', role: 'initiation' },
    // OTP/PIN validation completes a charge already started.
    { call: 'Charge.validate', role: 'capture' },
    { call: 'Transaction.verify', role: 'retrieve' },
    { call: 'Transaction.verify_by_tx', role: 'retrieve' },
    { call: 'Transaction.fetch', role: 'retrieve' },
    { call: 'Transaction.refund', role: 'refund' },
  ],
  rest: [
    { host: '^api\\.flutterwave\\.com$', path: '^/v3/payments/?$', method: 'POST', role: 'initiation', api: 'payments.create' },
    { host: '^api\\.flutterwave\\.com$', path: '^/v3/charges/?$', method: 'POST', role: 'initiation', api: 'charges.create' },
    { host: '^api\\.flutterwave\\.com$', path: '^/v3/tokenized-charges/?$', method: 'POST', role: 'initiation', api: 'Tokenized.charge' },
    { host: '^api\\.flutterwave\\.com$', path: '^/v3/validate-charge/?$', method: 'POST', role: 'capture', api: 'Charge.validate' },
    { host: '^api\\.flutterwave\\.com$', path: '^/v3/transactions/[^/]+/verify/?$', method: 'GET', role: 'retrieve', api: 'Transaction.verify' },
    { host: '^api\\.flutterwave\\.com$', path: '^/v3/transactions/verify_by_reference/?$', method: 'GET', role: 'retrieve', api: 'Transaction.verify_by_tx' },
    { host: '^api\\.flutterwave\\.com$', path: '^/v3/transactions/[^/]+/refund/?$', method: 'POST', role: 'refund', api: 'Transaction.refund' },
  ],
  referenceFields: ['tx_ref', 'meta.*', 'redirect_url'],
  transactionIdFields: ['tx_ref'],
  // Webhooks are authenticated by comparing the `verif-hash` header with a dashboard secret (no SDK
  // call); one event reports both outcomes, with `data.status` 'successful' or 'failed'.
  // Direct charges take the money; a card charge with `preauthorize: true` holds it until captured.
  capture: {
    'Charge.card': { mode: 'charge', when: [{ field: 'preauthorize', equals: [true], mode: 'authorize' }] },
    'charges.create': { mode: 'charge', when: [{ field: 'preauthorize', equals: [true], mode: 'authorize' }] },
    'payments.create': { mode: 'hosted' },
    '*': { mode: 'charge' },
  },
  events: {
    success: ['charge.completed'],
    failure: [],
  },
  example: "const res = await fetch('https://api.flutterwave.com/v3/payments', { method: 'POST', headers, body: JSON.stringify({ tx_ref: booking.id, amount: total, currency: 'NGN', redirect_url, customer: { email }, meta: { bookingId: booking.id } }) });",
});
