// https://developer.paypal.com/docs/api/orders/v2/
import { defineProvider, type ProviderOperation } from '../define.js';

// @paypal/checkout-server-sdk: every call is `client.execute(request)`; the request's class says
// what it does, and its payload goes in through `request.requestBody({...})`.
// https://github.com/paypal/Checkout-NodeJS-SDK
const executes: [string, ProviderOperation['role']][] = [
  ['orders.OrdersCreateRequest', 'initiation'],
  ['orders.OrdersCaptureRequest', 'capture'],
  ['orders.OrdersAuthorizeRequest', 'capture'],
  ['orders.OrdersGetRequest', 'retrieve'],
  ['payments.AuthorizationsCaptureRequest', 'capture'],
  ['payments.AuthorizationsVoidRequest', 'cancel'],
  ['payments.AuthorizationsGetRequest', 'retrieve'],
  ['payments.CapturesRefundRequest', 'refund'],
  ['payments.CapturesGetRequest', 'retrieve'],
];

export default defineProvider({
  id: 'paypal',
  name: 'PayPal',
  docs: 'https://developer.paypal.com/docs/api/orders/v2/',
  packages: ['@paypal/paypal-server-sdk', '@paypal/checkout-server-sdk', 'paypal-rest-sdk'],
  browserPackages: ['@paypal/react-paypal-js', '@paypal/paypal-js'],
  clients: [
    { module: '@paypal/checkout-server-sdk', path: 'core.PayPalHttpClient.new()' },
    // https://github.com/paypal/PayPal-TypeScript-Server-SDK/blob/main/doc/controllers/orders.md
    { module: '@paypal/paypal-server-sdk', path: 'OrdersController.new()' },
    { module: '@paypal/paypal-server-sdk', path: 'PaymentsController.new()' },
    { module: '@paypal/paypal-server-sdk', path: 'SubscriptionsController.new()' },
    // paypal-rest-sdk (v1 API) is used as the configured module itself.
    { module: 'paypal-rest-sdk', path: '' },
  ],
  operations: [
    ...executes.map(([request, role]): ProviderOperation => ({
      call: 'execute',
      role,
      api: `execute(${request.split('.')[1]})`,
      argIs: { index: 0, path: `${request}.new()`, module: '@paypal/checkout-server-sdk' },
      payload: { index: 0, method: 'requestBody' },
    })),
    // @paypal/paypal-server-sdk 1.x names, then the 0.x beta names of the same endpoints.
    { call: 'createOrder', role: 'initiation' },
    { call: 'ordersCreate', role: 'initiation' },
    { call: 'createSubscription', role: 'initiation', billing: true },
    { call: 'captureOrder', role: 'capture' },
    { call: 'ordersCapture', role: 'capture' },
    { call: 'authorizeOrder', role: 'capture' },
    { call: 'ordersAuthorize', role: 'capture' },
    { call: 'captureAuthorizedPayment', role: 'capture' },
    { call: 'authorizationsCapture', role: 'capture' },
    { call: 'refundCapturedPayment', role: 'refund' },
    { call: 'capturesRefund', role: 'refund' },
    { call: 'voidPayment', role: 'cancel' },
    { call: 'authorizationsVoid', role: 'cancel' },
    { call: 'getOrder', role: 'retrieve' },
    { call: 'ordersGet', role: 'retrieve' },
    { call: 'getCapturedPayment', role: 'retrieve' },
    { call: 'capturesGet', role: 'retrieve' },
    { call: 'getAuthorizedPayment', role: 'retrieve' },
    { call: 'authorizationsGet', role: 'retrieve' },
    // paypal-rest-sdk: https://github.com/paypal/PayPal-node-SDK
    { call: 'payment.create', role: 'initiation' },
    { call: 'billingAgreement.create', role: 'initiation', billing: true },
    { call: 'payment.execute', role: 'capture' },
    { call: 'authorization.capture', role: 'capture' },
    { call: 'authorization.void', role: 'cancel' },
    { call: 'sale.refund', role: 'refund' },
    { call: 'capture.refund', role: 'refund' },
    { call: 'payment.get', role: 'retrieve' },
    { call: 'notification.webhookEvent.verify', role: 'verify-webhook' },
    { call: 'notification.webhookEvent.getAndVerify', role: 'verify-webhook' },
  ],
  // Base URLs usually come from configuration (sandbox vs live), so the paths only PayPal serves
  // (Orders v2, Payments v2 captures and refunds, the classic Payments v1) match on any host.
  rest: [
    { host: '^api(-m)?(\\.sandbox)?\\.paypal\\.com$', path: '^/v2/checkout/orders/?$', method: 'POST', role: 'initiation', api: 'orders.create', anyHost: true },
    { host: '^api(-m)?(\\.sandbox)?\\.paypal\\.com$', path: '^/v2/checkout/orders/[^/]+/capture$', method: 'POST', role: 'capture', api: 'orders.capture', anyHost: true },
    { host: '^api(-m)?(\\.sandbox)?\\.paypal\\.com$', path: '^/v2/checkout/orders/[^/]+/authorize$', method: 'POST', role: 'capture', api: 'orders.authorize', anyHost: true },
    { host: '^api(-m)?(\\.sandbox)?\\.paypal\\.com$', path: '^/v2/checkout/orders/[^/]+$', method: 'GET', role: 'retrieve', api: 'orders.get', anyHost: true },
    { host: '^api(-m)?(\\.sandbox)?\\.paypal\\.com$', path: '^/v2/payments/authorizations/[^/]+/capture$', method: 'POST', role: 'capture', api: 'authorizations.capture', anyHost: true },
    // Voiding an authorization releases the hold: nothing was captured, so nothing is left to refund.
    { host: '^api(-m)?(\\.sandbox)?\\.paypal\\.com$', path: '^/v2/payments/authorizations/[^/]+/void$', method: 'POST', role: 'cancel', api: 'authorizations.void', anyHost: true },
    { host: '^api(-m)?(\\.sandbox)?\\.paypal\\.com$', path: '^/v2/payments/authorizations/[^/]+$', method: 'GET', role: 'retrieve', api: 'authorizations.get', anyHost: true },
    { host: '^api(-m)?(\\.sandbox)?\\.paypal\\.com$', path: '^/v2/payments/captures/[^/]+/refund$', method: 'POST', role: 'refund', api: 'captures.refund', anyHost: true },
    { host: '^api(-m)?(\\.sandbox)?\\.paypal\\.com$', path: '^/v1/payments/payment/?$', method: 'POST', role: 'initiation', api: 'payment.create', anyHost: true },
    { host: '^api(-m)?(\\.sandbox)?\\.paypal\\.com$', path: '^/v1/payments/payment/[^/]+/execute$', method: 'POST', role: 'capture', api: 'payment.execute', anyHost: true },
    // Payments v1 refunds of a sale or of a captured authorization.
    { host: '^api(-m)?(\\.sandbox)?\\.paypal\\.com$', path: '^/v1/payments/sale/[^/]+/refund$', method: 'POST', role: 'refund', api: 'sale.refund', anyHost: true },
    { host: '^api(-m)?(\\.sandbox)?\\.paypal\\.com$', path: '^/v1/payments/capture/[^/]+/refund$', method: 'POST', role: 'refund', api: 'capture.refund', anyHost: true },
    { host: '^api(-m)?(\\.sandbox)?\\.paypal\\.com$', path: '^/v1/billing/subscriptions/?$', method: 'POST', role: 'initiation', api: 'subscriptions.create', billing: true },
    { host: '^api(-m)?(\\.sandbox)?\\.paypal\\.com$', path: '^/v1/notifications/verify-webhook-signature$', method: 'POST', role: 'verify-webhook', api: 'verify-webhook-signature', anyHost: true },
  ],
  failureReturnFields: ['cancel_url', 'cancelUrl'],
  successReturnFields: ['return_url', 'returnUrl'],
  referenceFields: [
    // Orders v2 request body (REST and checkout-server-sdk).
    'purchase_units.*.reference_id',
    'purchase_units.*.custom_id',
    'purchase_units.*.invoice_id',
    'purchase_units.*.description',
    'application_context.return_url',
    'payment_source.paypal.experience_context.return_url',
    // @paypal/paypal-server-sdk: `{ body: OrderRequest }` in camel case.
    'body.purchaseUnits.*.referenceId',
    'body.purchaseUnits.*.customId',
    'body.purchaseUnits.*.invoiceId',
    'body.purchaseUnits.*.description',
    'body.applicationContext.returnUrl',
    'body.paymentSource.paypal.experienceContext.returnUrl',
    // Payments v1 (paypal-rest-sdk).
    'transactions.*.invoice_number',
    'transactions.*.custom',
    'transactions.*.description',
    'redirect_urls.return_url',
  ],
  // Orders are approved by the buyer and take money only when the server (or the buttons) capture them.
  capture: { '*': { mode: 'authorize' } },
  captureExample: "const order = await ordersController.createOrder({ body: { intent: 'AUTHORIZE', purchaseUnits: [{ referenceId: booking.id, amount }] } }); /* once the booking is CONFIRMED: */ await paymentsController.captureAuthorizedPayment({ authorizationId });",
  refundExample: "await paymentsController.refundCapturedPayment({ captureId: booking.paypalCaptureId });",
  // The JS SDK's `onApprove` hands the server `{ orderID }`.
  resultIdFields: ['orderID'],
  events: {
    success: ['PAYMENT.CAPTURE.COMPLETED', 'CHECKOUT.ORDER.APPROVED', 'CHECKOUT.ORDER.COMPLETED', 'PAYMENT.SALE.COMPLETED'],
    failure: ['PAYMENT.CAPTURE.DENIED', 'PAYMENT.CAPTURE.DECLINED', 'PAYMENT.CAPTURE.REVERSED', 'PAYMENT.SALE.DENIED', 'CHECKOUT.PAYMENT-APPROVAL.REVERSED', 'CHECKOUT.ORDER.VOIDED', 'PAYMENT.AUTHORIZATION.VOIDED'],
  },
  example: "const { result: order } = await ordersController.createOrder({ body: { intent: CheckoutPaymentIntent.Capture, purchaseUnits: [{ referenceId: booking.id, customId: booking.id, amount: { currencyCode: 'EUR', value: total } }] } });",
});
