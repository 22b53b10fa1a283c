// https://docs.khalti.com/khalti-epayment/
import { defineProvider } from '../define.js';

// Khalti's web checkout (KPG-2) needs no SDK: the server POSTs the order to `/epayment/initiate/`
// (sandbox a.khalti.com or dev.khalti.com, production khalti.com) and sends the customer to the
// `payment_url` it returns; Khalti sends the browser back to `return_url` with `pidx`, `status`
// and `purchase_order_id`, and `/epayment/lookup/` tells the server how it ended. The older
// widget (KPG-1) pays in the browser and the server checks the token it hands over
// (`/payment/verify/` with `{ token, amount }`, as real integrations call it; `/payment/status/` in
// the docs). npm wrappers: khalti-payment (`khaltiService(payload, config)`, `khaltiCallback(req,
// config)`), khalti-epayment (`createKhaltiInstance(opts).initiatePayment / paymentLookup`) and
// khalti-js (`new Khalti(opts).getPaymentUrl / getPaymentStatus`), from their READMEs.
const host = '^(a\\.|dev\\.)?khalti\\.com$';

export default defineProvider({
  id: 'khalti',
  name: 'Khalti',
  docs: 'https://docs.khalti.com/khalti-epayment/',
  packages: ['khalti-payment', 'khalti-epayment', 'khalti-js'],
  browserPackages: ['khalti-checkout-web'],
  clients: [
    { module: 'khalti-payment', path: '' },
    { module: 'khalti-epayment', path: 'createKhaltiInstance.()' },
    { module: 'khalti-js', path: 'new()' },
    { module: 'khalti-js', path: 'default.new()' },
  ],
  operations: [
    { call: 'khaltiService', role: 'initiation', api: 'epayment/initiate' },
    { call: 'initiatePayment', role: 'initiation', api: 'epayment/initiate' },
    { call: 'getPaymentUrl', role: 'initiation', api: 'epayment/initiate' },
    { call: 'khaltiCallback', role: 'retrieve', api: 'epayment/lookup' },
    { call: 'paymentLookup', role: 'retrieve', api: 'epayment/lookup' },
    { call: 'getPaymentStatus', role: 'retrieve', api: 'epayment/lookup' },
  ],
  rest: [
    // The paths are Khalti's alone: a base URL from configuration still matches.
    // A URL wholly from configuration still names the initiation by what only it asks for.
    { host, path: '^/api/v2/epayment/initiate/?$', method: 'POST', role: 'initiation', api: 'epayment/initiate', anyHost: true, bodyKeys: ['return_url', 'website_url', 'purchase_order_id', 'purchase_order_name'] },
    { host, path: '^/api/v2/epayment/lookup/?$', method: 'POST', role: 'retrieve', api: 'epayment/lookup', anyHost: true },
    { host, path: '^/api/v2/payment/verify/?$', method: 'POST', role: 'retrieve', api: 'payment/verify' },
    { host, path: '^/api/v2/payment/status/?$', method: 'GET', role: 'retrieve', api: 'payment/status' },
  ],
  // purchase_order_id is the merchant's own id for the order; merchant_* fields come back as-is.
  referenceFields: ['purchase_order_id', 'purchase_order_name', 'merchant_extra', 'return_url'],
  transactionIdFields: ['purchase_order_id'],
  successReturnFields: ['return_url'],
  // The browser comes back to return_url with a `status` ('Completed', 'User canceled', 'Expired',
  // 'Pending') rather than an event; `pidx` names the payment Khalti made.
  events: { success: [], failure: [] },
  callbackFields: ['pidx'],
  resultIdFields: ['pidx'],
  example: "const { data } = await axios.post('https://khalti.com/api/v2/epayment/initiate/', { return_url, website_url, amount: booking.amount * 100, purchase_order_id: booking.id, purchase_order_name: `Booking ${booking.id}` }, { headers: { Authorization: `Key ${KHALTI_SECRET_KEY}` } });",
});
