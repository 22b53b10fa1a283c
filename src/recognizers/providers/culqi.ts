// https://apidocs.culqi.com/#tag/Cargos/operation/crear-cargo
import { defineProvider } from '../define.js';

// Culqi (Peru) is called over REST with the secret key as a bearer token: `POST /v2/charges`
// charges a token (`source_id`) from Culqi Checkout at once (`capture: false` only authorizes it
// until `/v2/charges/:id/capture`); `POST /v2/orders` makes an order paid later by bank transfer,
// cash or wallet (PagoEfectivo), which Culqi reports with `order.status.changed`. The community SDK
// culqi-node (`new Culqi({ privateKey })`) wraps the same endpoints: `charges.createCharge(body)`,
// `orders.createOrder(body)`, `charges.captureCharge({ id })`, `refunds.createRefund(body)`.
const host = '^api\\.culqi\\.com$';

export default defineProvider({
  id: 'culqi',
  name: 'Culqi',
  docs: 'https://apidocs.culqi.com/#tag/Cargos/operation/crear-cargo',
  packages: ['culqi-node'],
  browserPackages: ['culqi-js'],
  clients: [
    { path: 'new()' },
    { path: 'default.new()' },
  ],
  // Named as the REST endpoints they call, so one capture rule holds for both.
  operations: [
    { call: 'charges.createCharge', role: 'initiation', api: 'charges.create' },
    { call: 'orders.createOrder', role: 'initiation', api: 'orders.create' },
    { call: 'charges.captureCharge', role: 'capture', api: 'charges.capture' },
    { call: 'refunds.createRefund', role: 'refund', api: 'refunds.create' },
    { call: 'charges.getCharge', role: 'retrieve', api: 'charges.get' },
    { call: 'orders.getOrder', role: 'retrieve', api: 'orders.get' },
  ],
  rest: [
    { host, path: '^/v2/charges/?$', method: 'POST', role: 'initiation', api: 'charges.create' },
    { host, path: '^/v2/orders/?$', method: 'POST', role: 'initiation', api: 'orders.create' },
    { host, path: '^/v2/charges/[^/]+/capture/?$', method: 'POST', role: 'capture', api: 'charges.capture' },
    { host, path: '^/v2/refunds/?$', method: 'POST', role: 'refund', api: 'refunds.create' },
    { host, path: '^/v2/charges/[^/]+$', method: 'GET', role: 'retrieve', api: 'charges.get' },
    { host, path: '^/v2/orders/[^/]+$', method: 'GET', role: 'retrieve', api: 'orders.get' },
  ],
  // order_number is the merchant's own id for an order; metadata comes back on charges and orders.
  referenceFields: ['metadata.*', 'order_number', 'description'],
  transactionIdFields: ['order_number'],
  capture: { 'charges.create': { mode: 'charge', when: [{ field: 'capture', equals: [false, 'false'], mode: 'authorize' }] } },
  events: { success: ['charge.creation.succeeded'], failure: ['charge.creation.failed'] },
  captureExample: "await fetch(`https://api.culqi.com/v2/charges/${booking.culqiChargeId}/capture`, { method: 'POST', headers: { Authorization: `Bearer ${CULQI_SECRET_KEY}` } });",
  refundExample: "await fetch('https://api.culqi.com/v2/refunds', { method: 'POST', headers: { Authorization: `Bearer ${CULQI_SECRET_KEY}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ amount: booking.amountCentimos, charge_id: booking.culqiChargeId, reason: 'solicitud_comprador' }) });",
  example: "const res = await fetch('https://api.culqi.com/v2/charges', { method: 'POST', headers: { Authorization: `Bearer ${CULQI_SECRET_KEY}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ amount: booking.amountCentimos, currency_code: 'PEN', email, source_id: token, description: `Booking ${booking.id}`, metadata: { booking_id: booking.id } }) });",
});
