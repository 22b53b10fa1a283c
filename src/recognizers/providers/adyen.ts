// https://docs.adyen.com/api-explorer/Checkout/latest/post/sessions
import { defineProvider, type ProviderOperation } from '../define.js';

// @adyen/api-library: `new CheckoutAPI(new Client({ apiKey, environment }))`. Since v14 the
// operations hang off per-area getters (`checkout.PaymentsApi.sessions(req)`), and each area class
// can be built alone from its module path (`new PaymentsApi(client)` from
// '@adyen/api-library/lib/src/services/checkout/paymentsApi'); up to v13 they sat on CheckoutAPI
// itself (`checkout.sessions(req)`). The classic API is PaymentAPI (v14+) / ClassicIntegrationAPI.
// Every way of calling one endpoint reports the endpoint's name.
const endpoints: [ProviderOperation['role'], string, string[]][] = [
  ['initiation', 'sessions', ['sessions', 'PaymentsApi.sessions']],
  ['initiation', 'payments', ['payments', 'PaymentsApi.payments']],
  ['initiation', 'paymentLinks', ['paymentLinks', 'PaymentLinksApi.paymentLinks']],
  ['initiation', 'paymentSession', ['paymentSession']],
  ['initiation', 'authorise', ['authorise', 'PaymentsApi.authorise']],
  // Submitting the redirect or 3-D Secure result completes a payment already started.
  ['capture', 'paymentsDetails', ['paymentsDetails', 'PaymentsApi.paymentsDetails']],
  ['capture', 'captures', ['captures', 'ModificationsApi.captureAuthorisedPayment', 'capture', 'ModificationsApi.capture']],
  ['refund', 'refunds', ['refunds', 'ModificationsApi.refundCapturedPayment', 'refund', 'ModificationsApi.refund']],
  ['refund', 'reversals', ['reversals', 'ModificationsApi.refundOrCancelPayment', 'cancelOrRefund', 'ModificationsApi.cancelOrRefund']],
  ['cancel', 'cancels', ['cancels', 'ModificationsApi.cancelAuthorisedPaymentByPspReference', 'ModificationsApi.cancelAuthorisedPayment', 'cancel', 'ModificationsApi.cancel']],
  ['retrieve', 'sessions.get', ['PaymentsApi.getResultOfPaymentSession', 'paymentResult']],
  ['retrieve', 'paymentLinks.get', ['PaymentLinksApi.getPaymentLink', 'getPaymentLinks']],
  ['verify-webhook', 'validateHMAC', ['validateHMAC']],
];

// Test and live checkout hosts differ per merchant (`{prefix}-checkout-live.adyenpayments.com/checkout/v71`),
// so the versioned Checkout paths match on any host; the version floor keeps `/v1/payments` of other APIs out.
const host = '^(checkout-test\\.adyen\\.com|[\\w-]+-checkout-live(-[a-z]+)?\\.adyenpayments\\.com|pal-test\\.adyen\\.com|[\\w-]+-pal-live(-[a-z]+)?\\.adyenpayments\\.com)$';
const checkout = '^(/checkout)?/v(3[7-9]|[4-9]\\d)';

export default defineProvider({
  id: 'adyen',
  name: 'Adyen',
  docs: 'https://docs.adyen.com/api-explorer/Checkout/latest/post/sessions',
  packages: ['@adyen/api-library'],
  browserPackages: ['@adyen/adyen-web', '@adyen/react-native'],
  clients: [
    { path: 'CheckoutAPI.new()' },
    { path: 'PaymentsApi.new()' },
    { path: 'PaymentLinksApi.new()' },
    { path: 'ModificationsApi.new()' },
    { path: 'PaymentAPI.new()' },
    { path: 'ClassicIntegrationAPI.new()' },
    { path: 'hmacValidator.new()' },
  ],
  operations: endpoints.flatMap(([role, api, calls]) => calls.map((call): ProviderOperation => ({ call, role, api }))),
  rest: [
    { host, path: `${checkout}/sessions/?$`, method: 'POST', role: 'initiation', api: 'sessions', anyHost: true },
    { host, path: `${checkout}/payments/?$`, method: 'POST', role: 'initiation', api: 'payments', anyHost: true },
    { host, path: `${checkout}/paymentLinks/?$`, method: 'POST', role: 'initiation', api: 'paymentLinks', anyHost: true },
    { host, path: '^/pal/servlet/Payment/v\\d+/authorise$', method: 'POST', role: 'initiation', api: 'authorise', anyHost: true },
    { host, path: `${checkout}/payments/details/?$`, method: 'POST', role: 'capture', api: 'paymentsDetails', anyHost: true },
    { host, path: `${checkout}/payments/[^/]+/captures$`, method: 'POST', role: 'capture', api: 'captures', anyHost: true },
    { host, path: `${checkout}/payments/[^/]+/refunds$`, method: 'POST', role: 'refund', api: 'refunds', anyHost: true },
    { host, path: `${checkout}/payments/[^/]+/reversals$`, method: 'POST', role: 'refund', api: 'reversals', anyHost: true },
    { host, path: `${checkout}/payments/[^/]+/cancels$`, method: 'POST', role: 'cancel', api: 'cancels', anyHost: true },
    { host, path: `${checkout}/sessions/[^/]+$`, method: 'GET', role: 'retrieve', api: 'sessions.get', anyHost: true },
  ],
  referenceFields: ['reference', 'metadata.*', 'merchantOrderReference', 'returnUrl'],
  // Standard webhooks carry `eventCode` plus `success: 'true' | 'false'`; AUTHORISATION covers both outcomes.
  capture: {
    payments: { mode: 'charge', when: [{ field: 'additionalData.manualCapture', equals: ['true', true], mode: 'authorize' }] },
    authorise: { mode: 'charge', when: [{ field: 'additionalData.manualCapture', equals: ['true', true], mode: 'authorize' }] },
  },
  events: {
    success: ['AUTHORISATION', 'CAPTURE'],
    failure: ['CAPTURE_FAILED', 'OFFER_CLOSED', 'EXPIRE', 'CANCELLATION'],
  },
  example: "const session = await checkout.PaymentsApi.sessions({ merchantAccount, amount: { currency: 'EUR', value: totalCents }, reference: booking.id, returnUrl, metadata: { bookingId: booking.id } });",
});
