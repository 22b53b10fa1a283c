// https://developers.przelewy24.pl/index.php?en#tag/Transaction-service-API/paths/~1api~1v1~1transaction~1register/post
import { defineProvider } from '../define.js';

// Przelewy24 (Poland): the server registers a transaction (`POST /api/v1/transaction/register` on
// secure.przelewy24.pl or sandbox.przelewy24.pl, basic auth posId:apiKey) with its own `sessionId`
// and a SHA-384 `sign`, and sends the customer to `/trnRequest/<token>`. P24 posts the result to
// `urlStatus` (`merchantId`, `posId`, `sessionId`, `amount`, `originAmount`, `currency`, `orderId`,
// `methodId`, `statement`, `sign`) and the server must confirm it (`PUT /api/v1/transaction/verify`)
// before the money is booked; the browser comes back to `urlReturn`. @ingameltd/node-przelewy24
// (`new P24(merchantId, posId, apiKey, crc, { sandbox })`) wraps the same calls.
const host = '^(secure|sandbox)\\.przelewy24\\.pl$';

export default defineProvider({
  id: 'przelewy24',
  name: 'Przelewy24',
  docs: 'https://developers.przelewy24.pl/index.php?en',
  packages: ['@ingameltd/node-przelewy24'],
  clients: [
    { path: 'P24.new()' },
    { path: 'default.new()' },
  ],
  operations: [
    { call: 'createTransaction', role: 'initiation', api: 'transaction/register' },
    { call: 'verifyTransaction', role: 'retrieve', api: 'transaction/verify' },
    { call: 'verifyNotification', role: 'verify-webhook' },
    { call: 'refund', role: 'refund', api: 'transaction/refund' },
  ],
  rest: [
    // A URL wholly from configuration is still a registration by the keys only it sends.
    { host, path: '^/api/v1/transaction/register/?$', method: 'POST', role: 'initiation', api: 'transaction/register', bodyKeys: ['merchantId', 'posId', 'sessionId', 'urlReturn', 'sign'] },
    { host, path: '^/api/v1/transaction/verify/?$', method: 'PUT', role: 'retrieve', api: 'transaction/verify' },
    { host, path: '^/api/v1/transaction/refund/?$', method: 'POST', role: 'refund', api: 'transaction/refund' },
    { host, path: '^/api/v1/transaction/by/sessionId/[^/]+$', method: 'GET', role: 'retrieve', api: 'transaction/by/sessionId' },
  ],
  // sessionId is the merchant's own unique id for the transaction.
  referenceFields: ['sessionId', 'description', 'urlReturn', 'urlStatus'],
  transactionIdFields: ['sessionId'],
  notifyFields: ['urlStatus'],
  successReturnFields: ['urlReturn'],
  // Fields only P24's notification posts; it carries no event type.
  callbackFields: ['originAmount', 'methodId', 'statement'],
  events: { success: [], failure: [] },
  resultIdFields: ['token'],
  example: "const { data } = await axios.post('https://secure.przelewy24.pl/api/v1/transaction/register', { merchantId, posId, sessionId: booking.id, amount: booking.amountGrosze, currency: 'PLN', description: `Booking ${booking.id}`, email, country: 'PL', language: 'pl', urlReturn, urlStatus, sign }, { auth: { username: String(posId), password: API_KEY } });",
});
