// https://docs.instamojo.com/reference/create-a-payment-request
import { defineProvider } from '../define.js';

// Instamojo (India): the server creates a payment request (`POST /api/1.1/payment-requests/` on
// www.instamojo.com or test.instamojo.com with `X-Api-Key` and `X-Auth-Token`, or v2's
// `/v2/payment_requests/` with an OAuth token) and sends the customer to its `longurl`. Instamojo
// sends the browser back to `redirect_url` with `payment_id`, `payment_status` and
// `payment_request_id`, and posts the same to the `webhook` URL with a `mac`. The community
// package instamojo-nodejs (`Insta.setKeys(key, token)`, `Insta.createPayment(data, cb)`) calls
// the v1.1 endpoint.
const host = '^(www|api|test)\\.instamojo\\.com$';

export default defineProvider({
  id: 'instamojo',
  name: 'Instamojo',
  docs: 'https://docs.instamojo.com/reference/create-a-payment-request',
  packages: ['instamojo-nodejs'],
  clients: [{ path: '' }],
  operations: [
    { call: 'createPayment', role: 'initiation', api: 'payment-requests' },
  ],
  rest: [
    { host, path: '^/api/1\\.1/payment-requests/?$', method: 'POST', role: 'initiation', api: 'payment-requests' },
    { host, path: '^/v2/payment_requests/?$', method: 'POST', role: 'initiation', api: 'payment-requests' },
    { host, path: '^/api/1\\.1/payment-requests/[^/]+/?$', method: 'GET', role: 'retrieve', api: 'payment-requests.get' },
    { host, path: '^/v2/payment_requests/[^/]+/?$', method: 'GET', role: 'retrieve', api: 'payment-requests.get' },
    { host, path: '^/api/1\\.1/refunds/?$', method: 'POST', role: 'refund', api: 'refunds' },
  ],
  // `purpose` is the free text merchants put their order id in; the request has no other own reference.
  referenceFields: ['purpose', 'redirect_url', 'webhook'],
  notifyFields: ['webhook'],
  successReturnFields: ['redirect_url'],
  callbackFields: ['payment_request_id'],
  // The webhook and the return carry a status (Credit or Failed), not an event type.
  events: { success: [], failure: [] },
  example: "const { data } = await axios.post('https://www.instamojo.com/api/1.1/payment-requests/', qs.stringify({ purpose: `Booking ${booking.id}`, amount: booking.amount, buyer_name, email, phone, redirect_url, webhook }), { headers: { 'X-Api-Key': API_KEY, 'X-Auth-Token': AUTH_TOKEN } });",
});
