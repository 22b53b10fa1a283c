// https://developer.chapa.co/docs/accept-payments
import { defineProvider } from '../define.js';

// Chapa (Ethiopia): the server POSTs the order to `/v1/transaction/initialize` and sends the
// customer to the `checkout_url` it returns; Chapa calls `callback_url` once paid, sends the
// browser to `return_url`, and `/v1/transaction/verify/<tx_ref>` tells the server how it ended
// (https://developer.chapa.co/docs/verify-payments). npm SDKs, from their READMEs: chapa-nodejs
// (`new Chapa({ secretKey })`: `initialize`, `mobileInitialize`, `verify`), chapa and chapa-node
// (`new Chapa(key)`: `initialize`, `verify`).
const host = '^api\\.chapa\\.co$';

export default defineProvider({
  id: 'chapa',
  name: 'Chapa',
  docs: 'https://developer.chapa.co/docs/accept-payments',
  packages: ['chapa-nodejs', 'chapa', 'chapa-node'],
  clients: [
    { path: 'Chapa.new()' },
    { path: 'new()' },
    { path: 'default.new()' },
  ],
  operations: [
    { call: 'initialize', role: 'initiation', api: 'transaction/initialize' },
    { call: 'mobileInitialize', role: 'initiation' },
    { call: 'verify', role: 'retrieve', api: 'transaction/verify' },
  ],
  rest: [
    // The paths are Chapa's alone: a base URL from configuration still matches.
    { host, path: '^/v1/transaction/initialize/?$', method: 'POST', role: 'initiation', api: 'transaction/initialize', anyHost: true },
    { host, path: '^/v1/transaction/verify/[^/]+$', method: 'GET', role: 'retrieve', api: 'transaction/verify', anyHost: true },
  ],
  // tx_ref is the merchant's own unique reference; `meta` is returned as-is.
  referenceFields: ['tx_ref', 'meta.*', 'customization.description', 'callback_url', 'return_url'],
  transactionIdFields: ['tx_ref'],
  notifyFields: ['callback_url'],
  successReturnFields: ['return_url'],
  // Webhooks are signed with an HMAC of the body in a `chapa-signature` / `x-chapa-signature`
  // header (read by name); their `status` says 'success' or 'failed' rather than a named event.
  callbackFields: ['x-chapa-signature', 'chapa-signature', 'Chapa-Signature'],
  events: { success: [], failure: [] },
  example: "const res = await chapa.initialize({ amount: String(booking.amount), currency: 'ETB', email, first_name, last_name, tx_ref: booking.id, callback_url, return_url, meta: { bookingId: booking.id } });",
});
