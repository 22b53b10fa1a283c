// https://developers.conekta.com/reference/createorder
import { defineProvider } from '../define.js';

// Conekta (Mexico): an order (`POST /orders`) with `charges` pays by card token, OXXO cash or SPEI
// at once; with a `checkout` (`type: 'HostedPayment'`) it is a hosted page that sends the customer
// back to `success_url` or `failure_url`; `POST /checkouts` makes a payment link. The `conekta`
// package is an OpenAPI client since v6 (`new OrdersApi(new Configuration({ accessToken }))`:
// `createOrder`, `getOrderById`), and was `conekta.Order.create` before. Webhooks name their event
// in `type`; `pre_authorize: true` only holds a card charge until the order is captured.
const host = '^api\\.conekta\\.io$';

export default defineProvider({
  id: 'conekta',
  name: 'Conekta',
  docs: 'https://developers.conekta.com/reference/createorder',
  packages: ['conekta'],
  clients: [
    { path: 'OrdersApi.new()' },
    { path: '' },
    { path: 'default' },
  ],
  operations: [
    { call: 'createOrder', role: 'initiation', api: 'orders.create' },
    { call: 'Order.create', role: 'initiation', api: 'orders.create' },
    { call: 'ordersCreateCapture', role: 'capture', api: 'orders.capture' },
    { call: 'getOrderById', role: 'retrieve', api: 'orders.get' },
    { call: 'Order.find', role: 'retrieve', api: 'orders.get' },
  ],
  rest: [
    { host, path: '^/orders/?$', method: 'POST', role: 'initiation', api: 'orders.create' },
    { host, path: '^/checkouts/?$', method: 'POST', role: 'initiation', api: 'checkouts.create' },
    { host, path: '^/orders/[^/]+/capture/?$', method: 'POST', role: 'capture', api: 'orders.capture' },
    { host, path: '^/orders/[^/]+/refunds/?$', method: 'POST', role: 'refund', api: 'orders.refund' },
    { host, path: '^/orders/[^/]+/cancel/?$', method: 'POST', role: 'cancel', api: 'orders.cancel' },
    { host, path: '^/orders/[^/]+$', method: 'GET', role: 'retrieve', api: 'orders.get' },
  ],
  // metadata comes back on the order and in its webhooks.
  referenceFields: ['metadata.*', 'checkout.success_url', 'checkout.name'],
  successReturnFields: ['success_url'],
  failureReturnFields: ['failure_url'],
  capture: { 'orders.create': { mode: 'hosted', when: [{ field: 'pre_authorize', equals: [true, 'true'], mode: 'authorize' }] } },
  events: {
    success: ['order.paid', 'charge.paid'],
    failure: ['charge.declined', 'order.expired', 'order.canceled'],
  },
  refundExample: "await fetch(`https://api.conekta.io/orders/${booking.conektaOrderId}/refunds`, { method: 'POST', headers, body: JSON.stringify({ reason: 'requested_by_client', amount: booking.amountCentavos }) });",
  example: "const { data: order } = await orders.createOrder({ currency: 'MXN', customer_info: { name, email, phone }, line_items: [{ name: `Booking ${booking.id}`, unit_price: booking.amountCentavos, quantity: 1 }], checkout: { type: 'HostedPayment', allowed_payment_methods: ['card', 'cash', 'bank_transfer'], success_url, failure_url }, metadata: { bookingId: booking.id } });",
});
