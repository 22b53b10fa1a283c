// Deterministic synthetic monorepos for the benchmark: npm workspaces with a Next.js app, an
// Express API, a database package (Prisma) and a payments package (Stripe), tsconfig path aliases,
// a few hundred booking and payment flows (some creating the booking first, some not), and plenty
// of unrelated code (components, utilities, types). Same size and seed, same bytes.
import fs from 'node:fs';
import path from 'node:path';
import { listFiles } from '../dist/files/walk.js';

const VERSION = 2;

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = ['account', 'avatar', 'banner', 'calendar', 'card', 'chart', 'dialog', 'filter', 'footer', 'form', 'grid', 'header', 'invoice', 'list', 'menu', 'modal', 'nav', 'panel', 'price', 'profile', 'report', 'search', 'table', 'tabs', 'toast', 'upload', 'venue', 'widget'];

function write(root, rel, text, files) {
  const abs = path.join(root, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, text);
  files.push(rel);
}

function component(r, name) {
  const props = Array.from({ length: 3 + Math.floor(r() * 5) }, (_, i) => `  ${WORDS[Math.floor(r() * WORDS.length)]}${i}?: string;`).join('\n');
  return `import { useMemo, useState } from 'react';
import { formatLabel } from '@/lib/format';

export interface ${name}Props {
${props}
  items: { id: string; label: string; value: number }[];
}

export function ${name}({ items, ...rest }: ${name}Props) {
  const [open, setOpen] = useState(false);
  const total = useMemo(() => items.reduce((sum, item) => sum + item.value, 0), [items]);
  const visible = items.filter((item) => item.value > 0).map((item) => ({ ...item, label: formatLabel(item.label) }));
  if (visible.length === 0) return <p className="empty">Nothing here yet</p>;
  return (
    <section className="${name.toLowerCase()}" data-open={open} {...rest}>
      <button onClick={() => setOpen(!open)}>{open ? 'Hide' : 'Show'} ({total})</button>
      <ul>
        {visible.map((item) => (
          <li key={item.id} onClick={() => console.log(item.id)}>
            {item.label}: {item.value.toFixed(2)}
          </li>
        ))}
      </ul>
    </section>
  );
}
`;
}

function utility(r, name) {
  const n = 2 + Math.floor(r() * 4);
  const fns = Array.from({ length: n }, (_, i) => `export function ${name}${i}(input: number[], threshold = ${Math.floor(r() * 100)}): number {
  let acc = 0;
  for (const value of input) {
    if (value > threshold) acc += value * ${i + 1};
    else if (value < 0) continue;
    else acc -= value;
  }
  switch (acc % 3) {
    case 0:
      return acc / 3;
    case 1:
      return acc + ${i};
    default:
      return Math.max(acc, threshold);
  }
}
`).join('\n');
  return `// Helpers for ${name}.\n${fns}`;
}

function plainJs(r, name) {
  return `'use strict';
const { ${name}Defaults } = require('./defaults');

function normalize${name}(options) {
  const merged = Object.assign({}, ${name}Defaults, options || {});
  if (!merged.enabled) return null;
  return Object.keys(merged).sort().reduce((out, key) => {
    out[key] = typeof merged[key] === 'string' ? merged[key].trim() : merged[key];
    return out;
  }, {});
}

module.exports = { normalize${name}, weight: ${Math.floor(r() * 1000)} };
`;
}

function bookingRoute(i, first) {
  const write = `  const booking = await db.booking.create({ data: { venueId: body.venueId, startsAt: new Date(body.startsAt), email: body.email, status: 'PENDING_PAYMENT' } });\n`;
  return `import { NextResponse } from 'next/server';
import { db } from '@corp/db';
import { stripe } from '@corp/payments';

export async function POST(req: Request) {
  const body = await req.json();
  if (!body.venueId) return NextResponse.json({ error: 'venue required' }, { status: 400 });
${first ? write : ''}  const session = await stripe.checkout.sessions.create({
    mode: 'payment',
    line_items: [{ price: process.env.PRICE_${i}, quantity: 1 }],
    metadata: { ${first ? 'bookingId: booking.id' : 'venueId: body.venueId'} },
    success_url: \`\${process.env.APP_URL}/done\`,
  });
  return NextResponse.json({ url: session.url });
}
`;
}

function service(i, first) {
  return `import { db } from '@corp/db';
import { stripe } from '@corp/payments';
import { priceFor } from './pricing-${i}';

export class BookingService${i} {
  async reserve(input: { roomId: string; email: string; nights: number }) {
${first ? `    const booking = await db.booking.create({ data: { roomId: input.roomId, email: input.email, status: 'PENDING_PAYMENT' } });
` : ''}    const intent = await stripe.paymentIntents.create({
      amount: priceFor(input.nights),
      currency: 'usd',
      metadata: { ${first ? 'bookingId: booking.id' : 'roomId: input.roomId'} },
    });
    return intent.client_secret;
  }
}

export const bookingService${i} = new BookingService${i}();
`;
}

export function generate(root, files) {
  const marker = path.join(root, '.bench-corpus');
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === `${VERSION}:${files}`) return list(root);
  fs.rmSync(root, { recursive: true, force: true });
  const r = rng(files);
  const out = [];
  write(root, 'package.json', JSON.stringify({ name: 'corp', private: true, workspaces: ['apps/*', 'packages/*'] }, null, 2), out);
  write(root, 'tsconfig.base.json', JSON.stringify({ compilerOptions: { strict: true, jsx: 'preserve', baseUrl: '.', paths: { '@corp/*': ['packages/*/src'] } } }, null, 2), out);
  write(root, 'packages/db/package.json', JSON.stringify({ name: '@corp/db', main: 'dist/index.js', dependencies: { '@prisma/client': '^6.0.0' } }), out);
  write(root, 'packages/db/prisma/schema.prisma', 'model Booking {\n  id String @id @default(cuid())\n  status String @default("PENDING_PAYMENT")\n}\n', out);
  write(root, 'packages/db/src/index.ts', "import { PrismaClient } from '@prisma/client';\n\nexport const db = new PrismaClient();\n", out);
  write(root, 'packages/payments/package.json', JSON.stringify({ name: '@corp/payments', main: 'dist/index.js', dependencies: { stripe: '^17.0.0' } }), out);
  write(root, 'packages/payments/src/index.ts', "import Stripe from 'stripe';\n\nexport const stripe = new Stripe(process.env.STRIPE_KEY!);\n", out);
  write(root, 'apps/web/package.json', JSON.stringify({ name: 'web', dependencies: { next: '15.0.0', react: '19.0.0', '@corp/db': '*', '@corp/payments': '*' } }), out);
  write(root, 'apps/web/tsconfig.json', JSON.stringify({ extends: '../../tsconfig.base.json', compilerOptions: { baseUrl: '.', paths: { '@/*': ['./src/*'], '@corp/*': ['../../packages/*/src'] } } }), out);
  write(root, 'apps/web/src/lib/format.ts', "export function formatLabel(label: string): string {\n  return label.trim().replace(/\\s+/g, ' ');\n}\n", out);
  write(root, 'apps/api/package.json', JSON.stringify({ name: 'api', dependencies: { express: '^4.21.0', '@corp/db': '*', '@corp/payments': '*' } }), out);
  write(root, 'apps/api/tsconfig.json', JSON.stringify({ extends: '../../tsconfig.base.json' }), out);
  write(root, 'apps/api/src/lib/defaults.js', "module.exports = { settingsDefaults: { enabled: true } };\n", out);
  // About one file in fifty is part of a payment flow.
  const flows = Math.max(4, Math.floor(files / 50));
  for (let i = 0; i < flows && out.length < files; i++) {
    const first = r() < 0.6;
    if (i % 2 === 0) write(root, `apps/web/src/app/api/book-${i}/route.ts`, bookingRoute(i, first), out);
    else {
      write(root, `apps/api/src/services/booking-${i}.ts`, service(i, first), out);
      write(root, `apps/api/src/services/pricing-${i}.ts`, `export function priceFor(nights: number): number {\n  return Math.max(1, nights) * ${5000 + i};\n}\n`, out);
      write(root, `apps/api/src/routes/booking-${i}.ts`, `import { Router } from 'express';\nimport { bookingService${i} } from '../services/booking-${i}';\n\nexport const router${i} = Router();\nrouter${i}.post('/rooms/${i}/book', async (req, res) => {\n  res.json({ secret: await bookingService${i}.reserve(req.body) });\n});\n`, out);
    }
  }
  for (let i = 0; out.length < files; i++) {
    const word = WORDS[i % WORDS.length];
    const name = `${word[0].toUpperCase()}${word.slice(1)}${i}`;
    const pick = r();
    if (pick < 0.3) write(root, `apps/web/src/components/${word}/${name}.tsx`, component(r, name), out);
    else if (pick < 0.85) write(root, `apps/${r() < 0.5 ? 'web' : 'api'}/src/lib/${word}/${name}.ts`, utility(r, name), out);
    else write(root, `apps/api/src/lib/${word}/${name}.js`, plainJs(r, 'settings'), out);
  }
  fs.writeFileSync(marker, `${VERSION}:${files}`);
  return out.filter((f) => /\.[jt]sx?$/.test(f));
}

/** The source files a scan reads (the scanner's own walk: .gitignore, build output, tests and minified files left out). */
export function list(root) {
  return listFiles(root).files.filter((f) => f.kind === 'source').map((f) => f.path).sort();
}
