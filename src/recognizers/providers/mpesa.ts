// https://developer.safaricom.co.ke/APIs/MpesaExpressSimulate
import { defineProvider } from '../define.js';

// Safaricom's M-Pesa Express (STK push, Lipa na M-Pesa Online) on the Daraja API: the server POSTs
// to `/mpesa/stkpush/v1/processrequest` (sandbox.safaricom.co.ke or api.safaricom.co.ke, the base
// URL usually from configuration), the customer approves the prompt on their phone, and Daraja
// posts the result to `CallBackURL` as `{ Body: { stkCallback: { ResultCode, CheckoutRequestID,
// ... } } }`; `/mpesa/stkpushquery/v1/query` asks how it ended. The mpesa-api package wraps it as
// `new Mpesa(credentials, environment).lipaNaMpesaOnline({ BusinessShortCode, Amount, ...,
// AccountReference })` (its README and tests). mpesa-node is left out: its `lipaNaMpesaOnline` takes
// positional arguments, so the account reference it is handed could not be told apart.
export default defineProvider({
  id: 'mpesa',
  name: 'M-Pesa Daraja',
  docs: 'https://developer.safaricom.co.ke/APIs/MpesaExpressSimulate',
  packages: ['mpesa-api'],
  clients: [{ path: 'Mpesa.new()' }],
  operations: [
    { call: 'lipaNaMpesaOnline', role: 'initiation', api: 'stkpush' },
  ],
  rest: [
    // The paths are Daraja's alone: a base URL from configuration still matches.
    { host: '^(sandbox|api)\\.safaricom\\.co\\.ke$', path: '^/mpesa/stkpush/v1/processrequest/?$', method: 'POST', role: 'initiation', api: 'stkpush', anyHost: true },
    { host: '^(sandbox|api)\\.safaricom\\.co\\.ke$', path: '^/mpesa/stkpushquery/v1/query/?$', method: 'POST', role: 'retrieve', api: 'stkpushquery', anyHost: true },
  ],
  // AccountReference is the merchant's own identifier of the payment (12 characters at most).
  referenceFields: ['AccountReference', 'TransactionDesc', 'CallBackURL'],
  transactionIdFields: ['AccountReference'],
  notifyFields: ['CallBackURL'],
  // CustomerPayBillOnline or CustomerBuyGoodsOnline: how the money is routed, not what is bought.
  paymentMethodFields: ['TransactionType'],
  resultIdFields: ['CheckoutRequestID', 'MerchantRequestID'],
  // The callback carries a numeric ResultCode (0 on success) inside `Body.stkCallback`.
  events: { success: [], failure: [] },
  resultField: { field: 'ResultCode', success: [0] },
  callbackFields: ['stkCallback', 'ResultCode', 'MpesaReceiptNumber'],
  example: "const { data } = await axios.post(`${DARAJA_BASE_URL}/mpesa/stkpush/v1/processrequest`, { BusinessShortCode, Password, Timestamp, TransactionType: 'CustomerPayBillOnline', Amount: booking.amount, PartyA: phone, PartyB: BusinessShortCode, PhoneNumber: phone, CallBackURL, AccountReference: booking.ref, TransactionDesc: `Booking ${booking.ref}` }, { headers: { Authorization: `Bearer ${token}` } });",
});
