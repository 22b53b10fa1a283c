// Signed forms (`ProviderRecognizer.signedText`, eSewa): the HMAC over `key=value` pairs naming
// every key of a payment request is the payment initiation, and the values after those names are
// the payload the booking id must reach; the same pairs with the provider's answer keys are a check
// of its answer, not a payment.
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/index.js';
import { makeProject } from '../helpers/project.js';
import { routePayments } from '../helpers/route-payments.js';

const schema = 'model PermitBooking {\n  id     Int    @id @default(autoincrement())\n  status String @default("PENDING")\n}\n';
const app = {
  manifest: JSON.stringify({ name: 'trek-permits', dependencies: { '@prisma/client': '^6.2.0', express: '^4.21.0', 'crypto-js': '^4.2.0' } }),
  schema,
  header: ["const express = require('express');", "const crypto = require('crypto');", "const CryptoJS = require('crypto-js');", "const { PrismaClient } = require('@prisma/client');", 'const db = new PrismaClient();', 'const app = express();'],
  open: ["app.post('/permits', async (req, res) => {", "  const booking = await db.permitBooking.create({ data: { status: 'PENDING' } });"],
};
const payments = (route: string[]) => routePayments(app, route);

describe('signed forms', () => {
  it('takes the HMAC of the fields named in a message kept in a variable as the payment, its values as the payload', async () => {
    expect(await payments([
      '  const message = `total_amount=${req.body.total},transaction_uuid=${booking.id},product_code=EPAYTEST`;',
      "  const signature = crypto.createHmac('sha256', process.env.SECRET).update(message).digest('base64');",
      '  res.json({ transaction_uuid: booking.id, signature });',
    ])).toEqual(['10 esewa epay/main/v2/form transaction_uuid']);
  });

  it('reads a text signed in place with crypto-js', async () => {
    expect(await payments([
      '  const signature = CryptoJS.HmacSHA256(`total_amount=${req.body.total},transaction_uuid=T-${Date.now()},product_code=${process.env.CODE}`, process.env.SECRET).toString(CryptoJS.enc.Base64);',
      '  res.json({ signature });',
    ])).toEqual(['9 esewa epay/main/v2/form null']);
  });

  it('leaves out the check of the answer (its transaction_code and status) and texts that name only some keys', async () => {
    expect(await payments([
      '  const d = req.body;',
      "  const answer = crypto.createHmac('sha256', process.env.SECRET).update(`transaction_code=${d.transaction_code},status=${d.status},total_amount=${d.total_amount},transaction_uuid=${d.transaction_uuid},product_code=${d.product_code}`).digest('base64');",
      "  const partial = crypto.createHmac('sha256', process.env.SECRET).update(`total_amount=${d.total_amount},transaction_uuid=${booking.id}`).digest('base64');",
      '  res.json({ ok: answer === d.signature, partial });',
    ])).toEqual([]);
  });

  it('leaves out a form a component signs in the browser', async () => {
    const root = makeProject({
      'package.json': JSON.stringify({ name: 'trek-permits-web', dependencies: { next: '15.1.0', 'crypto-js': '^4.2.0' } }),
      'prisma/schema.prisma': schema,
      'src/app/permits/PayButton.tsx': [
        "'use client';",
        "import CryptoJS from 'crypto-js';",
        'export default function PayButton({ total }: { total: number }) {',
        '  const pay = () => CryptoJS.HmacSHA256(`total_amount=${total},transaction_uuid=${Date.now()},product_code=EPAYTEST`, "secret").toString();',
        '  return <button onClick={pay}>Pay</button>;',
        '}',
      ].join('\n'),
    });
    const report = await scan({ root, checks: ['confirmation-record'], threads: 0 });
    expect(report.checks[0]!.paths).toEqual([]);
  });
});
