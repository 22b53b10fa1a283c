// Jobs that run on a schedule without a customer's request, as the failure-handling check finds
// them: the trace names what schedules each one.
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/index.js';
import { makeProject } from '../helpers/project.js';

const checkout = [
  "import Stripe from 'stripe';",
  "import { createClient } from '@supabase/supabase-js';",
  'const db = createClient(process.env.SUPABASE_URL, process.env.SUPABASE_KEY);',
  'const stripe = new Stripe(process.env.STRIPE_SECRET_KEY);',
  'export default async (req) => {',
  '  const { lessonId } = await req.json();',
  "  const { data: booking } = await db.from('bookings').insert({ lesson_id: lessonId, status: 'pending' }).select('id').single();",
  "  const session = await stripe.checkout.sessions.create({ mode: 'payment', line_items: [], client_reference_id: booking.id, success_url: 'https://surf.example/ok' });",
  '  return Response.json({ url: session.url });',
  '};',
].join('\n');

const expire = (settings: string) => [
  "import { createClient } from '@supabase/supabase-js';",
  'const db = createClient(process.env.SUPABASE_URL, process.env.SUPABASE_KEY);',
  'export default async () => {',
  "  await db.from('bookings').update({ status: 'expired' }).eq('status', 'pending');",
  '  return new Response(null, { status: 204 });',
  '};',
  settings,
].join('\n');

async function jobNotes(files: Record<string, string>): Promise<string[]> {
  const report = await scan({ root: makeProject(files), checks: ['failure-handling'] });
  return report.checks[0]!.paths.map((p) => `${p.status} ${p.reason} ${p.trace.find((t) => t.note.startsWith('background job'))?.note ?? '-'}`);
}

describe('scheduled jobs', () => {
  it('a Netlify function whose exported config has a schedule is a scheduled job; one without is a request handler', async () => {
    const manifest = JSON.stringify({ name: 'surf-school', type: 'module', dependencies: { '@netlify/functions': '2', '@supabase/supabase-js': '2', stripe: '17' } });
    expect(await jobNotes({
      'package.json': manifest,
      'netlify/functions/checkout.mjs': checkout,
      'netlify/functions/expire-holds.mjs': expire("export const config = { schedule: '@hourly' };"),
    })).toEqual(['pass booking-released background job /expire-holds (netlify-function, scheduled @hourly by netlify-functions)']);
    // Without a schedule the same function is only called by someone: no job releases the booking.
    expect(await jobNotes({
      'package.json': manifest,
      'netlify/functions/checkout.mjs': checkout,
      'netlify/functions/expire-holds.mjs': expire("export const config = { path: '/admin/expire' };"),
    })).toEqual(['fail no-failure-path -']);
  });
});
