// https://yookassa.ru/developers/api
import { defineProvider, type ProviderOperation, type RestEndpoint } from '../define.js';

// YooKassa (formerly Yandex.Checkout) has no official Node SDK. The community ones share method
// names: @a2seven/yoo-checkout (`new YooCheckout({ shopId, secretKey })`), yookassa
// (`new YooKassa({ shopId, secretKey })`) and the older yandex-checkout
// (`require('yandex-checkout')({ shopId, secretKey })`), each `createPayment(payload, idempotenceKey)`.
// One report name per endpoint, whichever wrapper calls it.
const ops = (role: ProviderOperation['role'], api: string, calls: string[]): ProviderOperation[] =>
  calls.map((call) => ({ call, role, api }));

// api.yookassa.ru/v3 today; payment.yandex.net/api/v3 before the rename.
const HOSTS: [string, string][] = [['^api\\.yookassa\\.ru$', '/v3'], ['^payment\\.yandex\\.net$', '/api/v3']];
const rest = (method: RestEndpoint['method'], path: string, role: RestEndpoint['role'], api: string): RestEndpoint[] =>
  HOSTS.map(([host, base]) => ({ host, path: `^${base}${path}$`, method, role, api }));

export default defineProvider({
  id: 'yookassa',
  name: 'YooKassa',
  docs: 'https://yookassa.ru/developers/api',
  packages: ['@a2seven/yoo-checkout', 'yookassa', 'yandex-checkout'],
  clients: [
    { module: '@a2seven/yoo-checkout', path: 'YooCheckout.new()' },
    { module: 'yookassa', path: 'new()' },
    { module: 'yookassa', path: 'default.new()' },
    { module: 'yandex-checkout', path: '()' },
    { module: 'yandex-checkout', path: 'default.()' },
  ],
  operations: [
    ...ops('initiation', 'payments.create', ['createPayment']),
    ...ops('capture', 'payments.capture', ['capturePayment']),
    ...ops('cancel', 'payments.cancel', ['cancelPayment']),
    ...ops('retrieve', 'payments.get', ['getPayment']),
    ...ops('refund', 'refunds.create', ['createRefund']),
  ],
  rest: [
    ...rest('POST', '/payments/?', 'initiation', 'payments.create'),
    ...rest('POST', '/payments/[^/]+/capture/?', 'capture', 'payments.capture'),
    ...rest('POST', '/payments/[^/]+/cancel/?', 'cancel', 'payments.cancel'),
    ...rest('GET', '/payments/[^/]+/?', 'retrieve', 'payments.get'),
    ...rest('POST', '/refunds/?', 'refund', 'refunds.create'),
  ],
  // `metadata` (up to 16 keys) comes back in every notification; `description` shows in the
  // merchant profile and to the customer; the return URL is where the customer lands afterwards.
  referenceFields: ['metadata.*', 'description', 'confirmation.return_url'],
  // https://yookassa.ru/developers/payment-acceptance/getting-started/payment-process: `capture`
  // defaults to false, which only authorizes (the payment waits in `waiting_for_capture` until
  // captured or cancelled); with `capture: true` the money is taken once the customer confirms.
  // A payment with a saved `payment_method_id` needs no confirmation and charges at once, which a
  // rule on one literal field cannot tell apart.
  capture: {
    'payments.create': { mode: 'authorize', when: [{ field: 'capture', equals: [true], mode: 'hosted' }] },
  },
  // https://yookassa.ru/developers/using-api/webhooks: notifications are not signed; their type is
  // `event` (`payment.succeeded`), and the documented way to trust one is to fetch the object again.
  // A payment says whether it was paid.
  resultFlags: { success: ['paid'], failure: [] },
  events: {
    success: ['payment.succeeded', 'payment.waiting_for_capture'],
    failure: ['payment.canceled'],
  },
  example: "const payment = await checkout.createPayment({ amount: { value: total, currency: 'RUB' }, capture: true, confirmation: { type: 'redirect', return_url }, description: `Booking ${booking.id}`, metadata: { bookingId: booking.id } }, booking.id);",
  captureExample: "const payment = await checkout.createPayment({ amount, capture: false, confirmation, metadata: { bookingId: booking.id } }, booking.id); /* once the booking is CONFIRMED: */ await checkout.capturePayment(payment.id, { amount }, `capture-${booking.id}`);",
  refundExample: "await checkout.createRefund({ payment_id: booking.yookassaPaymentId, amount, description: `Booking ${booking.id}` }, `refund-${booking.id}`);",
});
