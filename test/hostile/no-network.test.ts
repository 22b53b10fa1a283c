// A scan never reaches the network: URL imports (Deno, esm.sh), import maps, configs and manifests
// naming URLs are read as text. The command line runs with every way out of the process (sockets,
// DNS, fetch) replaced by a trap that writes what was asked to a log and throws; workers included,
// as NODE_OPTIONS reaches them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeProject } from '../helpers/project.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bookfirst-net-'));
const log = path.join(dir, 'network.log');
const guard = path.join(dir, 'guard.cjs');
fs.writeFileSync(guard, `
const fs = require('node:fs');
const trap = (what) => function () { fs.appendFileSync(${JSON.stringify(log)}, what + ' ' + JSON.stringify([...arguments].filter((a) => typeof a !== 'function')).slice(0, 200) + '\\n'); throw new Error('network access: ' + what); };
const net = require('node:net');
net.Socket.prototype.connect = trap('net.connect');
net.connect = net.createConnection = trap('net.connect');
const tls = require('node:tls');
tls.connect = trap('tls.connect');
const dns = require('node:dns');
for (const k of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']) { dns[k] = trap('dns.' + k); dns.promises[k] = trap('dns.' + k); }
for (const m of ['node:http', 'node:https']) { const h = require(m); h.request = h.get = trap(m + '.request'); }
globalThis.fetch = trap('fetch');
`);
const env = { NODE_OPTIONS: `--require ${guard}` };

const project = () => makeProject({
  'package.json': JSON.stringify({
    name: 'harbour-kayaks',
    private: true,
    dependencies: { stripe: 'https://registry.example.com/stripe-17.0.0.tgz', '@supabase/supabase-js': 'github:supabase/supabase-js', lodash: 'git+https://example.com/lodash.git' },
  }),
  '.npmrc': 'registry=https://registry.example.com/\n',
  'tsconfig.json': JSON.stringify({ extends: 'https://example.com/tsconfig.base.json', compilerOptions: { paths: { '@/*': ['./src/*'] } } }),
  'supabase/functions/deno.json': JSON.stringify({ imports: { stripe: 'https://esm.sh/stripe@14?target=deno', supabase: 'https://esm.sh/@supabase/supabase-js@2' } }),
  'supabase/functions/book-kayak/index.ts': [
    "import { serve } from 'https://deno.land/std@0.168.0/http/server.ts';",
    "import { createClient } from 'supabase';",
    "import Stripe from 'stripe';",
    "import { helper } from 'http://127.0.0.1:9/helper.ts';",
    "/// <reference types=\"https://esm.sh/v135/@types/node/index.d.ts\" />",
    '',
    "const stripe = new Stripe(Deno.env.get('STRIPE_SECRET_KEY')!);",
    "const supabase = createClient(Deno.env.get('SUPABASE_URL')!, Deno.env.get('SUPABASE_SERVICE_ROLE_KEY')!);",
    '',
    'serve(async (req) => {',
    '  const { kayakId } = await req.json();',
    "  const remote = await import('https://example.com/late.ts');",
    "  const { data: booking, error } = await supabase.from('bookings').insert({ kayak_id: kayakId, status: 'pending' }).select().single();",
    '  if (error) return new Response(error.message, { status: 500 });',
    "  const session = await stripe.checkout.sessions.create({ mode: 'payment', client_reference_id: booking.id, metadata: { bookingId: booking.id }, line_items: [{ price: 'price_kayak', quantity: 1 }], success_url: 'https://example.com/ok' });",
    "  await supabase.from('bookings').update({ stripe_session_id: session.id }).eq('id', booking.id);",
    '  helper(remote);',
    '  return Response.json({ url: session.url });',
    '});',
  ].join('\n'),
}, 'bookfirst-net-app-');

describe('no network access', () => {
  it('the trap catches a process that does reach out', () => {
    fs.rmSync(log, { force: true });
    const script = "for (const f of [() => fetch('https://example.com'), () => require('node:dns').lookup('example.com', () => {}), () => require('node:https').get('https://example.com')]) { try { f(); } catch {} }";
    const r = spawnSync(process.execPath, ['-e', script], { env: { ...process.env, ...env }, encoding: 'utf8' });
    expect(r.status).not.toBeNull();
    expect(fs.readFileSync(log, 'utf8')).toMatch(/fetch[\s\S]*dns\.lookup[\s\S]*node:https\.request/);
  });

  it('a scan of URL imports, import maps and URLs in configs and manifests, with and without a cache, in every format', () => {
    const root = project();
    for (const args of [[], ['--cache'], ['--cache'], ['--format', 'sarif'], ['--format', 'html'], ['--format', 'markdown']]) {
      fs.rmSync(log, { force: true });
      const r = runCli(['scan', root, ...args], { env, timeoutMs: 60_000 });
      expect(r.stderr).not.toContain('network access');
      expect([0, 1]).toContain(r.status);
      expect(fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '').toBe('');
      if (args.length === 0) expect(r.stdout).toContain('PASS  confirmation-record');
    }
  });
});
