// https://docs.zalopay.vn/v2/
import { defineProvider } from '../define.js';

// ZaloPay has no official Node SDK: apps sign the order (HMAC-SHA256 with key1 over
// app_id|app_trans_id|app_user|amount|app_time|embed_data|item) and POST it, as a form, JSON or
// (ZaloPay's own sample) axios query params. `create` returns an `order_url` to ZaloPay's page; on
// success ZaloPay posts `{ data, mac }` to `callback_url`, `data` being a JSON string with the
// order's `app_trans_id` and ZaloPay's `zp_trans_id`. The v001 endpoints are the older API, whose
// fields have no underscores (`apptransid`, `embeddata`).
const HOST = '^(sb-)?openapi\\.zalopay\\.vn$';
const V001_HOST = '^(sb-openapi\\.zalopay\\.vn|openapi\\.zalopay\\.vn|sandbox\\.zalopay\\.com\\.vn)$';

export default defineProvider({
  id: 'zalopay',
  name: 'ZaloPay',
  docs: 'https://docs.zalopay.vn/v2/',
  packages: [],
  clients: [],
  operations: [],
  rest: [
    { host: HOST, path: '^/v2/create$', method: 'POST', role: 'initiation', api: 'create' },
    { host: HOST, path: '^/v2/query$', method: 'POST', role: 'retrieve', api: 'query' },
    { host: HOST, path: '^/v2/refund$', method: 'POST', role: 'refund', api: 'refund' },
    { host: HOST, path: '^/v2/query_refund$', method: 'POST', role: 'retrieve', api: 'query_refund' },
    { host: V001_HOST, path: '^/v001/tpe/createorder$', method: 'POST', role: 'initiation', api: 'create' },
    { host: V001_HOST, path: '^/v001/tpe/getstatusbyapptransid$', role: 'retrieve', api: 'query' },
    { host: V001_HOST, path: '^/v001/tpe/partialrefund$', method: 'POST', role: 'refund', api: 'refund' },
  ],
  // app_trans_id (`yymmdd_<own id>`) is the merchant's own; embed_data comes back as-is in the callback.
  referenceFields: ['app_trans_id', 'apptransid', 'embed_data', 'embeddata', 'item', 'description', 'callback_url'],
  transactionIdFields: ['app_trans_id', 'apptransid'],
  notifyFields: ['callback_url'],
  // zalopayapp, CC, ATM...: how the customer pays, not what is bought.
  paymentMethodFields: ['bank_code', 'bankcode'],
  // ZaloPay calls back only for a successful payment, with no event type or result field; a
  // handler that reads the fields of the callback's `data` is the one hearing back from it.
  events: { success: [], failure: [] },
  callbackFields: ['zp_trans_id', 'app_trans_id'],
  resultIdFields: ['zp_trans_token', 'order_token'],
  refundExample: "await axios.post('https://openapi.zalopay.vn/v2/refund', null, { params: { app_id, m_refund_id: `${yymmdd}_${app_id}_${booking.id}`, zp_trans_id: booking.zpTransId, amount: booking.amount, timestamp, description: 'Booking cancelled', mac } });",
  example: "const { data } = await axios.post('https://openapi.zalopay.vn/v2/create', null, { params: { app_id, app_trans_id: `${yymmdd}_${booking.id}`, app_user, app_time: Date.now(), amount: booking.amount, item: '[]', embed_data: JSON.stringify({ bookingId: booking.id }), description: `Booking #${booking.id}`, callback_url, mac } });",
});
