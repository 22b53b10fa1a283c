// https://developers.xendit.co/api-reference/#create-invoice
import { defineProvider, type ProviderOperation } from '../define.js';

// xendit-node >= 3: `new Xendit({ secretKey })` exposes ready resources (`xendit.Invoice.createInvoice({ data })`),
// and each resource class also stands alone (`new Invoice({ secretKey }).createInvoice({ data })`).
// xendit-node 1.x: resources are classes on the instance (`new xendit.Invoice({}).createInvoice({ externalID })`).
// https://github.com/xendit/xendit-node
const methods: [string, string, ProviderOperation['role']][] = [
  ['Invoice', 'createInvoice', 'initiation'],
  ['PaymentRequest', 'createPaymentRequest', 'initiation'],
  ['Card', 'createCharge', 'initiation'],
  ['EWallet', 'createEWalletCharge', 'initiation'],
  ['VirtualAcc', 'createFixedVA', 'initiation'],
  ['RetailOutlet', 'createFixedPaymentCode', 'initiation'],
  ['QrCode', 'createCode', 'initiation'],
  ['PaymentRequest', 'capturePaymentRequest', 'capture'],
  ['PaymentRequest', 'authorizePaymentRequest', 'capture'],
  ['PaymentRequest', 'confirmPaymentRequest', 'capture'],
  ['Card', 'captureCharge', 'capture'],
  ['Refund', 'createRefund', 'refund'],
  ['Card', 'createRefund', 'refund'],
  ['Invoice', 'expireInvoice', 'cancel'],
  ['EWallet', 'voidEWalletCharge', 'cancel'],
  ['Card', 'reverseAuthorization', 'cancel'],
  ['Invoice', 'getInvoiceById', 'retrieve'],
  ['Invoice', 'getInvoice', 'retrieve'],
  ['PaymentRequest', 'getPaymentRequestByID', 'retrieve'],
  ['PaymentRequest', 'getPaymentRequestById', 'retrieve'],
  ['EWallet', 'getEWalletChargeStatus', 'retrieve'],
  ['Card', 'getCharge', 'retrieve'],
];

const host = '^api\\.xendit\\.co$';

export default defineProvider({
  id: 'xendit',
  name: 'Xendit',
  docs: 'https://developers.xendit.co/api-reference/#create-invoice',
  packages: ['xendit-node'],
  clients: [{ path: '' }, { path: 'new()' }, { path: 'Xendit.new()' }, { path: 'default.new()' }],
  operations: methods.flatMap(([resource, method, role]): ProviderOperation[] => [
    { call: `${resource}.${method}`, role, api: method },
    { call: `${resource}.new().${method}`, role, api: method },
  ]),
  rest: [
    { host, path: '^/v2/invoices/?$', method: 'POST', role: 'initiation', api: 'createInvoice' },
    { host, path: '^(/v3)?/payment_requests/?$', method: 'POST', role: 'initiation', api: 'createPaymentRequest' },
    { host, path: '^/ewallets/charges/?$', method: 'POST', role: 'initiation', api: 'createEWalletCharge' },
    { host, path: '^/qr_codes/?$', method: 'POST', role: 'initiation', api: 'createCode' },
    { host, path: '^/callback_virtual_accounts/?$', method: 'POST', role: 'initiation', api: 'createFixedVA' },
    { host, path: '^/recurring/plans/?$', method: 'POST', role: 'initiation', api: 'recurring.plans.create', billing: true },
    { host, path: '^(/v3)?/payment_requests/[^/]+/captures/?$', method: 'POST', role: 'capture', api: 'capturePaymentRequest' },
    { host, path: '^/refunds/?$', method: 'POST', role: 'refund', api: 'createRefund' },
    { host, path: '^/invoices/[^/]+/expire!$', method: 'POST', role: 'cancel', api: 'expireInvoice' },
    { host, path: '^/v2/invoices/[^/]+$', method: 'GET', role: 'retrieve', api: 'getInvoiceById' },
    { host, path: '^(/v3)?/payment_requests/[^/]+$', method: 'GET', role: 'retrieve', api: 'getPaymentRequestByID' },
  ],
  referenceFields: [
    // xendit-node >= 3 takes `{ data: {...} }` in camel case.
    'data.externalId',
    'data.referenceId',
    'data.metadata.*',
    'data.description',
    'data.successRedirectUrl',
    // xendit-node 1.x.
    'externalID',
    'referenceID',
    'metadata.*',
    'description',
    'successRedirectURL',
    // REST.
    'external_id',
    'reference_id',
    'success_redirect_url',
  ],
  // Callbacks are authenticated by the `x-callback-token` header (no SDK call). Invoice callbacks
  // carry only `status: 'PAID' | 'EXPIRED'`; the Payments API names its events.
  capture: {
    createPaymentRequest: { mode: 'charge', when: [{ field: 'capture_method', equals: ['MANUAL'], mode: 'authorize' }, { field: 'data.captureMethod', equals: ['MANUAL'], mode: 'authorize' }] },
    createCharge: { mode: 'charge', when: [{ field: 'capture', equals: [false], mode: 'authorize' }] },
  },
  events: {
    success: ['payment.capture', 'payment.succeeded', 'ewallet.capture', 'qr.payment'],
    failure: ['payment.failure', 'payment_request.expiry'],
  },
  example: "const invoice = await xendit.Invoice.createInvoice({ data: { externalId: booking.id, amount: total, payerEmail: email, description: `Booking ${booking.id}`, metadata: { bookingId: booking.id } } });",
});
