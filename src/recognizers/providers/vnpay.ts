// https://sandbox.vnpayment.vn/apis/docs/thanh-toan-pay/pay.html
import { defineProvider } from '../define.js';

// VNPay starts a payment with no API call: the server signs the parameters (HMAC-SHA512,
// `vnp_SecureHash`) into a URL of VNPay's pay page (`/paymentv2/vpcpay.html`) and sends the customer
// there; the URL's host usually comes from configuration. Most apps build it by hand as VNPay's own
// Node demo does (fields set on an object, sorted, `qs.stringify`-ed, signed); the `vnpay`
// package (https://vnpay.js.org) does it with `new VNPay({ tmnCode, secureSecret }).buildPaymentUrl(params)`
// and verifies the return URL and the IPN (`verifyReturnUrl`, `verifyIpnCall`); `queryDr` and
// `refund` call VNPay's merchant API. Its REST endpoint is left out: one path both queries and
// refunds, chosen by the payload's `vnp_Command`.
export default defineProvider({
  id: 'vnpay',
  name: 'VNPay',
  docs: 'https://sandbox.vnpayment.vn/apis/docs/thanh-toan-pay/pay.html',
  packages: ['vnpay'],
  clients: [
    { path: 'VNPay.new()' },
    { path: 'default.new()' },
  ],
  operations: [
    { call: 'buildPaymentUrl', role: 'initiation' },
    { call: 'verifyReturnUrl', role: 'verify-webhook' },
    { call: 'verifyIpnCall', role: 'verify-webhook' },
    { call: 'queryDr', role: 'retrieve' },
    { call: 'refund', role: 'refund' },
  ],
  // Hand-built pay URLs: the parameters of a payment (only a pay request has a return URL).
  redirect: { keys: ['vnp_TxnRef', 'vnp_TmnCode', 'vnp_ReturnUrl'], api: 'pay' },
  // vnp_TxnRef is the merchant's own reference for the order; vnp_OrderInfo is free text shown to the customer.
  referenceFields: ['vnp_TxnRef', 'vnp_OrderInfo', 'vnp_ReturnUrl'],
  transactionIdFields: ['vnp_TxnRef'],
  // NCB, VNPAYQR, VNBANK, INTCARD...: how the customer pays.
  paymentMethodFields: ['vnp_BankCode', 'vnp_OrderType'],
  // The return URL and the IPN carry `vnp_ResponseCode` ('00' on success) rather than event types.
  events: { success: [], failure: [] },
  resultField: { field: 'vnp_ResponseCode', success: ['00'] },
  callbackFields: ['vnp_ResponseCode', 'vnp_SecureHash', 'vnp_TransactionNo'],
  refundExample: "await vnpay.refund({ vnp_TxnRef: booking.id, vnp_Amount: booking.amount, vnp_TransactionType: '02', vnp_TransactionDate: booking.vnpPayDate, vnp_CreateBy: staff.email, vnp_IpAddr: ip, vnp_RequestId: requestId });",
  example: "const paymentUrl = vnpay.buildPaymentUrl({ vnp_TxnRef: booking.id, vnp_Amount: booking.amount, vnp_OrderInfo: `Booking ${booking.id}`, vnp_OrderType: 'other', vnp_ReturnUrl: returnUrl, vnp_IpAddr: ip });",
});
