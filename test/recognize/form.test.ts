// Forms filled in for a provider's page (`ProviderRecognizer.form`, PayFast): the first call in a
// function handed an object built there that holds every key of the form is the payment initiation,
// and the object is its payload; an object handed in or returned from elsewhere is not counted
// again where it arrives.
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/index.js';
import { makeProject } from '../helpers/project.js';
import { routePayments } from '../helpers/route-payments.js';

const schema = 'model SafariBooking {\n  id     Int    @id @default(autoincrement())\n  status String @default("PENDING")\n}\n';
const app = {
  manifest: JSON.stringify({ name: 'safari-lodges', dependencies: { '@prisma/client': '^6.2.0', express: '^4.21.0' } }),
  schema,
  header: [
    "const express = require('express');",
    "const crypto = require('crypto');",
    "const { PrismaClient } = require('@prisma/client');",
    'const db = new PrismaClient();',
    'const app = express();',
    "const sign = (fields) => crypto.createHash('md5').update(Object.entries(fields).map(([k, v]) => `${k}=${v}`).join('&')).digest('hex');",
  ],
  open: ["app.post('/safaris', async (req, res) => {", "  const booking = await db.safariBooking.create({ data: { status: 'PENDING' } });"],
};
const payments = (route: string[]) => routePayments(app, route);
const fields = "merchant_id: process.env.PF_ID, merchant_key: process.env.PF_KEY, amount: '950.00', item_name: 'Safari'";

describe('forms filled in for the provider', () => {
  it('takes the first call handed the form as the payment, the form as its payload', async () => {
    expect(await payments([
      `  const form = { ${fields}, m_payment_id: String(booking.id) };`,
      '  const signature = sign(form);',
      '  res.json({ ...form, signature });',
    ])).toEqual(['10 payfast eng/process m_payment_id']);
  });

  it('finds the form in fields assigned one by one, and in a literal handed over in place', async () => {
    expect(await payments([
      '  const form = {};',
      '  form.merchant_id = process.env.PF_ID; form.merchant_key = process.env.PF_KEY;',
      "  form.amount = '950.00'; form.item_name = 'Safari'; form.custom_str1 = String(booking.id);",
      '  form.signature = sign(form);',
      `  res.json({ second: sign({ ${fields} }) });`,
    ])).toEqual(['12 payfast eng/process custom_str1', '13 payfast eng/process null']);
  });

  it('finds the form handed over as a field of another object', async () => {
    expect(await payments([
      `  const form = { ${fields}, custom_str1: String(booking.id) };`,
      "  res.json({ action: 'https://www.payfast.co.za/eng/process', form });",
    ])).toEqual(['10 payfast eng/process custom_str1']);
  });

  it('leaves out objects missing a key, and a form no call is handed where it is built', async () => {
    expect(await payments([
      "  sign({ merchant_id: process.env.PF_ID, amount: '950.00', item_name: 'Safari' });",
      `  const build = () => ({ ${fields} });`,
      '  const built = build();',
      '  res.json(built);',
    ])).toEqual([]);
  });

  it('leaves out a form a component fills in in the browser', async () => {
    const root = makeProject({
      'package.json': JSON.stringify({ name: 'safari-web', dependencies: { next: '15.1.0' } }),
      'prisma/schema.prisma': schema,
      'src/app/safaris/PayForm.tsx': [
        "'use client';",
        'export default function PayForm({ total }: { total: string }) {',
        `  const form = { merchant_id: '10000100', merchant_key: '46f0cd694581a', amount: total, item_name: 'Safari' };`,
        '  return <form action="https://www.payfast.co.za/eng/process" method="post">{Object.entries(form).map(([k, v]) => <input key={k} name={k} value={v} />)}</form>;',
        '}',
      ].join('\n'),
    });
    const report = await scan({ root, checks: ['confirmation-record'], threads: 0 });
    expect(report.checks[0]!.paths).toEqual([]);
  });
});
