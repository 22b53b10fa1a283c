// A REST call whose URL is wholly from configuration (`axios.post(process.env.KHALTI_URL, body)`)
// names no endpoint; an endpoint's `bodyKeys` name it when the body holds every one of them.
import { describe, expect, it } from 'vitest';
import { routePayments } from '../helpers/route-payments.js';

const app = {
  manifest: JSON.stringify({ name: 'rafting-trips', dependencies: { '@prisma/client': '^6.2.0', axios: '^1.7.0', express: '^4.21.0' } }),
  schema: 'model RaftBooking {\n  id     Int    @id @default(autoincrement())\n  status String @default("PENDING")\n}\n',
  header: ["const express = require('express');", "const axios = require('axios');", "const { PrismaClient } = require('@prisma/client');", 'const db = new PrismaClient();', 'const app = express();'],
  open: ["app.post('/rafts', async (req, res) => {", "  const booking = await db.raftBooking.create({ data: { status: 'PENDING' } });"],
};
const payments = (route: string[]) => routePayments(app, route);

describe('REST calls to a URL from configuration', () => {
  it('are the endpoint whose body keys the body holds, kept in a variable and sent as JSON', async () => {
    expect(await payments([
      "  const body = { return_url: process.env.RETURN_URL, website_url: process.env.SITE_URL, amount: 1000, purchase_order_id: String(booking.id), purchase_order_name: 'Raft' };",
      '  const { data } = await axios.post(process.env.KHALTI_URL, JSON.stringify(body), { headers: { Authorization: `Key ${process.env.KHALTI_KEY}` } });',
      '  res.json(data);',
    ])).toEqual(['9 khalti epayment/initiate purchase_order_id']);
  });

  it('name a Pesapal order by the IPN id, the callback and the billing address its body holds', async () => {
    expect(await payments([
      "  const order = { id: String(booking.id), currency: 'KES', amount: 4500, description: 'Raft', callback_url: process.env.RETURN_URL, notification_id: process.env.PESAPAL_IPN_ID, billing_address: { email_address: req.body.email } };",
      '  const { data } = await axios.post(process.env.PESAPAL_ORDER_URL, order, { headers: { Authorization: `Bearer ${req.token}` } });',
      '  res.json(data);',
    ])).toEqual(['9 pesapal SubmitOrderRequest id']);
  });

  it('are nothing when the body holds only some of the keys, or the app posts to its own service', async () => {
    expect(await payments([
      "  await axios.post(process.env.NOTIFY_URL, { purchase_order_id: String(booking.id), return_url: process.env.RETURN_URL });",
      "  await fetch(process.env.AUDIT_URL, { method: 'POST', body: JSON.stringify({ bookingId: booking.id }) });",
      '  res.json({ ok: true });',
    ])).toEqual([]);
  });
});
