// Remediation text fitted to the stores and providers the scan found, from their recognizers'
// `example` snippets.
import type { Program } from '../analysis/program.js';
import type { PathResult } from '../model/report.js';

const GENERIC_STORE = "const booking = await db.booking.create({ data: { ...input, status: 'PENDING_PAYMENT' } });";
const GENERIC_PROVIDER = "const session = await stripe.checkout.sessions.create({ ...params, client_reference_id: booking.id, metadata: { bookingId: booking.id } });";

export function remediationFor(program: Program, paths: PathResult[]): string {
  const failing = paths.filter((p) => p.status === 'fail');
  const providerIds = new Set((failing.length > 0 ? failing : paths).map((p) => p.payment.provider));
  const provider = program.recognizers.find((r) => r.kind === 'provider' && providerIds.has(r.id));
  const storeCounts = new Map<string, number>();
  for (const f of program.facts) if (f.recognizer.kind === 'store') storeCounts.set(f.recognizer.id, (storeCounts.get(f.recognizer.id) ?? 0) + 1);
  const storeId = [...storeCounts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  const store = program.recognizers.find((r) => r.id === storeId && r.kind === 'store');
  const storeSnippet = (store?.kind === 'store' && store.example) || GENERIC_STORE;
  const providerSnippet = (provider?.kind === 'provider' && provider.example) || GENERIC_PROVIDER;
  return [
    `Create the booking with a pending status before starting the payment${store ? ` (${store.name})` : ''}, pass its id to ${provider?.name ?? 'the provider'}, and confirm the booking when the provider reports success:`,
    `  // 1. persist the booking first`,
    `  ${storeSnippet}`,
    `  // 2. start the payment with the booking id`,
    `  ${providerSnippet}`,
    `  // 3. in the webhook, find the booking by that id and set it to CONFIRMED`,
  ].join('\n');
}
