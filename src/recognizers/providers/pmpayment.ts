// https://www.govconnect.de/
import { defineProvider } from '../define.js';

// pmPayment (govconnect, for German municipalities) has no SDK and no public API reference: its
// shapes come from real integrations (Koha's pmPayment paypage, a smart-city booking backend). The
// server posts a form to `/payment/secure` with the municipality key (`ags`), the `procedure`,
// the amount in cents, a SEPA purpose (`desc`), an optional own transaction id (`txid`), the
// `notifyURL` and `redirectURL`, and an HMAC-SHA256 `hash` over them; the answer holds the `url`
// of the pay page and the `txid`. The payment's state is asked of `/payment/status/{ags}/{txid}`.
const HOST = '^(www\\.)?payment(-test)?\\.govconnect\\.de$';

export default defineProvider({
  id: 'pmpayment',
  name: 'pmPayment',
  docs: 'https://www.govconnect.de/',
  packages: [],
  clients: [],
  operations: [],
  rest: [
    { host: HOST, path: '^/payment/secure/?$', method: 'POST', role: 'initiation', api: 'payment.secure' },
    { host: HOST, path: '^/payment/status/[^/]+/[^/]+$', method: 'GET', role: 'retrieve', api: 'payment.status' },
  ],
  // desc is the SEPA purpose shown on the statement; accountingRecord goes to the municipal treasury.
  referenceFields: ['txid', 'desc', 'accountingRecord', 'notifyURL', 'redirectURL'],
  transactionIdFields: ['txid'],
  notifyFields: ['notifyURL'],
  // The notification names the payment (`ags`, `txid`); whether it was paid is asked of the status endpoint.
  events: { success: [], failure: [] },
  resultIdFields: ['txid'],
  example: "const { data } = await axios.post(`${PMPAYMENT_URL}/payment/secure`, qs.stringify({ ags, amount: booking.amountCents, procedure, desc: `Booking ${booking.id}`, txid: booking.id, notifyURL, redirectURL, hash }));",
});
