// What a direct REST call sends, where the payload is not a plain body argument: the query-string
// option of a call with no body, and a form body made with qs.stringify. ZaloPay's create API is
// called both ways; the booking id must be found in `app_trans_id` either way.
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/index.js';
import { makeProject } from '../helpers/project.js';

async function via(call: string) {
  const root = makeProject({
    'package.json': JSON.stringify({ name: 'boat-trips', dependencies: { '@prisma/client': '^6.2.0', axios: '^1.7.9', express: '^4.21.0', qs: '^6.13.0' } }),
    'prisma/schema.prisma': 'model TripBooking {\n  id     Int    @id @default(autoincrement())\n  status String @default("PENDING")\n}\n',
    'src/server.js': [
      "const express = require('express');",
      "const axios = require('axios');",
      "const qs = require('qs');",
      "const { PrismaClient } = require('@prisma/client');",
      'const db = new PrismaClient();',
      'const app = express();',
      "app.post('/trips', async (req, res) => {",
      "  const booking = await db.tripBooking.create({ data: { status: 'PENDING' } });",
      "  const order = { app_id: 2553, app_trans_id: `260101_${booking.id}`, amount: 50000, item: '[]', embed_data: '{}' };",
      `  const { data } = await ${call};`,
      '  res.json({ url: data.order_url });',
      '});',
    ].join('\n'),
  });
  const report = await scan({ root, checks: ['confirmation-record'], threads: 0 });
  return report.checks[0]!.paths.map((p) => `${p.payment.provider} ${p.payment.api} ${p.via}`);
}

describe('REST payloads', () => {
  it('reads the fields sent as query parameters of a call with no body', async () => {
    expect(await via("axios.post('https://sb-openapi.zalopay.vn/v2/create', null, { params: order })")).toEqual(['zalopay create app_trans_id']);
  });

  it('reads the fields of a form body made with qs.stringify', async () => {
    expect(await via("axios.post('https://sb-openapi.zalopay.vn/v2/create', qs.stringify(order), { headers: { 'Content-Type': 'application/x-www-form-urlencoded' } })")).toEqual(['zalopay create app_trans_id']);
  });
});
