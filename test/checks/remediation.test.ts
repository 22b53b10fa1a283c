// Remediations speak the app's stack: the refund advice names the provider that takes the
// bookings' payments, not the first provider (in recognizer order) the code happens to call.
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/index.js';
import { makeProject } from '../helpers/project.js';

describe('refund remediation', () => {
  it('names the provider that takes the booking payments, not a billing SDK also in use', async () => {
    const root = makeProject({
      'package.json': JSON.stringify({ name: 'kayaks', dependencies: { '@prisma/client': '^6.2.0', express: '^4.21.0', stripe: '^17.5.0', '@paypal/paypal-server-sdk': '^1.0.0' } }),
      'src/clients.ts': "import { PrismaClient } from '@prisma/client';\nimport Stripe from 'stripe';\nimport { Client, SubscriptionsController } from '@paypal/paypal-server-sdk';\nexport const db = new PrismaClient();\nexport const stripe = new Stripe('sk');\nexport const plans = new SubscriptionsController(new Client({}));\n",
      'src/server.ts': [
        "import express from 'express';",
        "import { db, plans, stripe } from './clients';",
        'const app = express();',
        "app.post('/bookings', async (req, res) => {",
        "  const booking = await db.booking.create({ data: { kayakId: req.body.kayakId, status: 'PENDING' } });",
        "  const intent = await stripe.paymentIntents.create({ amount: 4000, currency: 'eur', metadata: { bookingId: booking.id } });",
        '  res.json({ secret: intent.client_secret });',
        '});',
        "app.post('/bookings/:id/cancel', async (req, res) => {",
        "  await db.booking.update({ where: { id: req.params.id }, data: { status: 'CANCELLED' } });",
        '  res.sendStatus(204);',
        '});',
        "app.post('/club/subscribe', async (req, res) => {",
        '  res.json(await plans.createSubscription({ body: { planId: req.body.planId } }));',
        '});',
        'app.listen(3000);',
      ].join('\n'),
    });
    const report = await scan({ root, checks: ['refund-logic'], threads: 0 });
    const check = report.checks[0]!;
    expect(check.verdict).toBe('fail');
    expect(check.remediation).toContain('stripe.refunds.create');
    expect(check.remediation).not.toMatch(/paypal/i);
  });
});

describe('capture remediation', () => {
  it('gives a provider without an authorize-then-capture example its own snippet, not a Stripe one under its name', async () => {
    const root = makeProject({
      'package.json': JSON.stringify({ name: 'lagos-shortlets', dependencies: { express: '^4.21.0', mongoose: '^8.9.0', 'paystack-api': '^2.0.6' } }),
      'src/server.js': [
        "const express = require('express');",
        "const mongoose = require('mongoose');",
        "const paystack = require('paystack-api')(process.env.PAYSTACK_SECRET_KEY);",
        "const Booking = mongoose.model('Booking', new mongoose.Schema({ email: String, reference: String }));",
        'const app = express();',
        "app.post('/bookings/pay', async (req, res) => {",
        '  const { data } = await paystack.transaction.initialize({ email: req.body.email, amount: 2500000 });',
        '  res.json({ url: data.authorization_url });',
        '});',
        "app.get('/bookings/verify/:reference', async (req, res) => {",
        '  const { data } = await paystack.transaction.verify(req.params.reference);',
        "  if (data.status !== 'success') return res.sendStatus(402);",
        '  res.json(await Booking.create({ email: data.customer.email, reference: data.reference }));',
        '});',
        'app.listen(3000);',
      ].join('\n'),
    });
    const report = await scan({ root, checks: ['payment-capture-timing'], threads: 0 });
    const check = report.checks[0]!;
    expect(check.verdict).toBe('fail');
    expect(check.remediation).toContain('paystack.transaction.initialize');
    expect(check.remediation).not.toMatch(/stripe/i);
  });
});
