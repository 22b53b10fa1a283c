// https://developers.payfast.co.za/docs#step_1_form_fields
import { defineProvider } from '../define.js';

// PayFast (South Africa) starts a payment with no API call: the server fills in a form
// (`merchant_id`, `merchant_key`, `return_url`, `cancel_url`, `notify_url`, `m_payment_id`,
// `amount`, `item_name`, ...) signed with the MD5 of its URL-encoded fields and the passphrase, and
// the browser posts it to `/eng/process` (www.payfast.co.za, sandbox.payfast.co.za). Onsite
// payments post the same fields from the server to `/onsite/process` for a `uuid`. PayFast posts
// the ITN to `notify_url` (`m_payment_id`, `pf_payment_id`, `payment_status`, `signature`), which the
// server may confirm at `/eng/query/validate`; the browser comes back to `return_url`.
const host = '^(www|sandbox)\\.payfast\\.co\\.za$';

export default defineProvider({
  id: 'payfast',
  name: 'PayFast',
  docs: 'https://developers.payfast.co.za/docs#step_1_form_fields',
  packages: [],
  clients: [],
  operations: [],
  // The fields every payment form sends; merchant_key is PayFast's own.
  form: { keys: ['merchant_id', 'merchant_key', 'amount', 'item_name'], api: 'eng/process' },
  rest: [
    { host, path: '^/onsite/process/?$', method: 'POST', role: 'initiation', api: 'onsite/process' },
    { host, path: '^/eng/query/validate/?$', method: 'POST', role: 'retrieve', api: 'eng/query/validate' },
  ],
  // m_payment_id is the merchant's own id for the payment; custom_str1..5 and custom_int1..5 come back as-is.
  referenceFields: ['m_payment_id', 'custom_str1', 'custom_str2', 'custom_str3', 'custom_int1', 'custom_int2', 'item_name', 'return_url', 'notify_url'],
  transactionIdFields: ['m_payment_id'],
  // `subscription_type: 1` (with `frequency` and `cycles`) bills the customer again every period.
  billingWhen: [{ field: 'subscription_type', equals: '1' }],
  notifyFields: ['notify_url'],
  successReturnFields: ['return_url'],
  failureReturnFields: ['cancel_url'],
  // The ITN says how the payment ended in `payment_status` (COMPLETE, CANCELLED) rather than an event type.
  events: { success: [], failure: [] },
  resultField: { field: 'payment_status', success: ['COMPLETE'] },
  callbackFields: ['pf_payment_id'],
  example: "const fields = { merchant_id: PAYFAST_MERCHANT_ID, merchant_key: PAYFAST_MERCHANT_KEY, return_url, cancel_url, notify_url, email_address: email, m_payment_id: booking.id, amount: booking.amount.toFixed(2), item_name: `Booking ${booking.id}` }; const signature = payfastSignature(fields, PAYFAST_PASSPHRASE); // the browser posts { ...fields, signature } to https://www.payfast.co.za/eng/process",
});
