// Signed redirect URLs (`ProviderRecognizer.redirect`, VNPay): the query-string serialization of a
// pay request's parameters is the payment initiation, once per function, and its parameters are the
// payload the booking id must reach.
import { describe, expect, it } from 'vitest';
import { routePayments } from '../helpers/route-payments.js';

const app = {
  manifest: JSON.stringify({ name: 'ferry-tickets', dependencies: { '@prisma/client': '^6.2.0', express: '^4.21.0', qs: '^6.13.0' } }),
  schema: 'model TicketBooking {\n  id     Int    @id @default(autoincrement())\n  status String @default("PENDING")\n}\n',
  header: ["const express = require('express');", "const qs = require('qs');", "const { PrismaClient } = require('@prisma/client');", 'const db = new PrismaClient();', 'const app = express();'],
  open: ["app.post('/tickets', async (req, res) => {", "  const booking = await db.ticketBooking.create({ data: { status: 'PENDING' } });"],
};
const payments = (route: string[]) => routePayments(app, route);

describe('signed redirect URLs', () => {
  it('takes the last serialization of the fields set on one object (the URL, not the text signed) as the payment', async () => {
    expect(await payments([
      '  let params = {};',
      "  params['vnp_TmnCode'] = process.env.VNP_TMN_CODE;",
      "  params['vnp_TxnRef'] = String(booking.id);",
      "  params['vnp_ReturnUrl'] = process.env.RETURN_URL;",
      '  params = sortObject(params);',
      '  const signData = qs.stringify(params, { encode: false });',
      "  params['vnp_SecureHash'] = sign(signData);",
      "  res.redirect(process.env.VNP_URL + '?' + qs.stringify(params, { encode: false }));",
    ])).toEqual(['15 vnpay pay vnp_TxnRef']);
  });

  it('reads the parameters of an object literal spread into the signed one', async () => {
    expect(await payments([
      "  const params = { vnp_ReturnUrl: process.env.RETURN_URL, vnp_TmnCode: 'TMN', vnp_TxnRef: `T${Date.now()}` };",
      '  const signed = sign(new URLSearchParams(params).toString());',
      '  res.json({ url: `${process.env.VNP_URL}?${new URLSearchParams({ ...params, vnp_SecureHash: signed })}` });',
    ])).toEqual(['10 vnpay pay null']);
  });

  it('leaves out parameters that are not a pay request (no return URL) and what the app merely re-encodes', async () => {
    expect(await payments([
      "  const query = { vnp_TmnCode: 'TMN', vnp_TxnRef: String(booking.id), vnp_Command: 'querydr' };",
      '  const echoed = qs.stringify(req.query);',
      '  res.json({ check: qs.stringify(query), echoed });',
    ])).toEqual([]);
  });

  it('reads the fields of a sorted copy made key by key, and a query string joined by hand from its keys', async () => {
    expect(await payments([
      "  const fields = { vnp_TmnCode: 'TMN', vnp_TxnRef: String(booking.id), vnp_ReturnUrl: process.env.RETURN_URL };",
      '  const sorted = {};',
      '  Object.keys(fields).sort().forEach((key) => { sorted[key] = encodeURIComponent(fields[key]); });',
      "  const signData = Object.keys(sorted).map((key) => `${key}=${sorted[key]}`).join('&');",
      "  sorted['vnp_SecureHash'] = sign(signData);",
      "  res.json({ url: process.env.VNP_URL + '?' + Object.entries(sorted).map(([k, v]) => k + '=' + v).join('&') });",
    ])).toEqual(['13 vnpay pay vnp_TxnRef']);
  });

  it('reads what a sorting helper made of the parameters it was handed at that call, not at its other calls', async () => {
    expect(await payments([
      '  function sortObject(obj) {',
      '    const sorted = {};',
      '    for (const k of Object.keys(obj).sort()) sorted[k] = obj[k];',
      '    return sorted;',
      '  }',
      "  const params = { vnp_TmnCode: 'TMN', vnp_TxnRef: String(booking.id), vnp_ReturnUrl: process.env.RETURN_URL };",
      '  const returned = qs.stringify(sortObject(req.query));',
      "  const joined = Object.keys(sortObject(req.body)).map((k) => `${k}=1`).join(',');",
      '  res.json({ url: qs.stringify(sortObject(params)), returned, joined });',
    ])).toEqual(['16 vnpay pay vnp_TxnRef']);
  });
});
