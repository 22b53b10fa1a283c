// Remediation text fitted to the stores and providers the scan found, from their recognizers'
// `example` snippets.
import type { Program } from '../analysis/program.js';
import type { PathResult } from '../model/report.js';
import type { ProviderRecognizer, StoreRecognizer } from '../recognizers/define.js';

const GENERIC_STORE = "const booking = await db.booking.create({ data: { ...input, status: 'PENDING_PAYMENT' } });";
const GENERIC_UPDATE = 'await db.booking.update({ where: { id: {id} }, data: { {field}: {value} } });';
const GENERIC_PROVIDER = "const session = await stripe.checkout.sessions.create({ ...params, client_reference_id: booking.id, metadata: { bookingId: booking.id } });";

export function remediationFor(program: Program, paths: PathResult[]): string {
  const failing = paths.filter((p) => p.status === 'fail');
  const { store, provider } = stackOf(program, (failing.length > 0 ? failing : paths).map((p) => p.payment.provider));
  return [
    `Create the booking with a pending status before starting the payment${store ? ` (${store.name})` : ''}, pass its id to ${provider?.name ?? 'the provider'}, and confirm the booking when the provider reports success:`,
    `  // 1. persist the booking first`,
    `  ${store?.example ?? GENERIC_STORE}`,
    `  // 2. start the payment with the booking id`,
    `  ${provider?.example ?? GENERIC_PROVIDER}`,
    `  // 3. in the webhook, find the booking by that id and set it to CONFIRMED`,
  ].join('\n');
}

/** One field of a booking set by id, in the store's own words. */
function updateText(store: StoreRecognizer | null, id: string, field: string, value: string): string {
  const template = store?.updateExample ?? GENERIC_UPDATE;
  return template.replaceAll('{id}', id).replaceAll('{field}', field).replaceAll('{value}', value);
}

/** The variable a provider's example assigns the payment to (`const session = ...`). */
function paymentVariable(provider: ProviderRecognizer | null): string {
  return /^const (\w+) =/.exec(provider?.example ?? GENERIC_PROVIDER)?.[1] ?? 'payment';
}

/**
 * The store most of the code uses, and the provider of the given ids, else the one that takes the
 * most payments (a billing SDK listed first in the recognizers must not name the bookings' refunds).
 */
export function stackOf(program: Program, providerIds: Iterable<string> = []): { store: StoreRecognizer | null; provider: ProviderRecognizer | null } {
  const ids = new Set(providerIds);
  const given = program.recognizers.find((r) => r.kind === 'provider' && ids.has(r.id));
  return { store: mainStore(program), provider: (given ?? mainProvider(program)) as ProviderRecognizer | null };
}

/** The provider with the most payment initiations (billing ones last), then the most calls of any kind. */
function mainProvider(program: Program): ProviderRecognizer | null {
  const score = new Map<string, number>();
  for (const f of program.facts) {
    if (f.kind !== 'provider') continue;
    const weight = f.role === 'initiation' ? (f.billing ? 1_000 : 1_000_000) : 1;
    score.set(f.recognizer.id, (score.get(f.recognizer.id) ?? 0) + weight);
  }
  const id = [...score.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  return (program.recognizers.find((r) => r.kind === 'provider' && r.id === id) ?? null) as ProviderRecognizer | null;
}

const mainStores = new WeakMap<Program, StoreRecognizer | null>();

/** The store most of the code uses (every check's remediation asks). */
function mainStore(program: Program): StoreRecognizer | null {
  if (mainStores.has(program)) return mainStores.get(program)!;
  const storeCounts = new Map<string, number>();
  for (const f of program.facts) if (f.recognizer.kind === 'store') storeCounts.set(f.recognizer.id, (storeCounts.get(f.recognizer.id) ?? 0) + 1);
  const storeId = [...storeCounts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  const store = (program.recognizers.find((r) => r.id === storeId && r.kind === 'store') ?? null) as StoreRecognizer | null;
  mainStores.set(program, store);
  return store;
}

export function initialStateRemediation(program: Program): string {
  const { store } = stackOf(program);
  return [
    `Create every booking in a not-yet-confirmed state${store ? ` (${store.name})` : ''}, explicitly or through the schema default, and set it to CONFIRMED only when the payment succeeds:`,
    `  ${store?.example ?? GENERIC_STORE}`,
    `  // or give the status field a pending default in the schema`,
  ].join('\n');
}

export function couplingRemediation(program: Program, paths: PathResult[]): string {
  const { store, provider } = stackOf(program, paths.map((p) => p.payment.provider));
  return [
    `Link both ways: pass the booking id to ${provider?.name ?? 'the provider'} when starting the payment, and store the provider's payment id on the booking right after${store ? ` (${store.name})` : ''}:`,
    `  ${provider?.example ?? GENERIC_PROVIDER}`,
    `  ${updateText(store, 'booking.id', 'providerPaymentId', `${paymentVariable(provider)}.id`)}`,
  ].join('\n');
}

export function captureRemediation(program: Program, paths: PathResult[]): string {
  const { store, provider } = stackOf(program, paths.map((p) => p.payment.provider));
  // Without an example of the provider's own authorize-and-capture flow, a Stripe snippet under its
  // name would mislead: the booking first, then the payment with its id, is what always applies.
  if (provider && !provider.captureExample) {
    return [
      `Create the booking with a pending status first, then start the payment with its id (${provider.name}); to hold the money until the booking is confirmed, use ${provider.name}'s authorize-then-capture flow where it offers one:`,
      `  ${store?.example ?? GENERIC_STORE}`,
      `  ${provider.example ?? GENERIC_PROVIDER}`,
      `  // when the provider reports the payment succeeded: set the booking to CONFIRMED`,
    ].join('\n');
  }
  return [
    `Create the booking first, authorize the payment without capturing it, confirm the booking, then capture${provider ? ` (${provider.name})` : ''}:`,
    `  ${provider?.captureExample ?? "const intent = await stripe.paymentIntents.create({ amount, currency, capture_method: 'manual', metadata: { bookingId: booking.id } });"}`,
    `  // when the authorization succeeds: set the booking to CONFIRMED, then capture the payment`,
  ].join('\n');
}

export function failureRemediation(program: Program): string {
  const { store } = stackOf(program);
  return [
    `Handle every way a payment can fail (failure and expiry webhooks, errors of the payment call, a job that expires stale pending bookings) by releasing the booking and its slot together, in one transaction${store ? ` (${store.name})` : ''}:`,
    `  ${updateText(store, 'bookingId', 'status', "'FAILED'")}`,
    `  // and, in the same transaction, give the slot back (decrement its booked count or mark it free)`,
  ].join('\n');
}

export function refundRemediation(program: Program): string {
  const { store, provider } = stackOf(program);
  return [
    `When a paid booking is cancelled, refund it through ${provider?.name ?? 'the provider'} before (or in the same step as) setting it to CANCELLED, or decide from the cancellation policy, in code, that no refund is due:`,
    `  ${provider?.refundExample ?? 'if (booking.paymentIntentId) await stripe.refunds.create({ payment_intent: booking.paymentIntentId });'}`,
    `  ${updateText(store, 'booking.id', 'status', "'CANCELLED'")}`,
  ].join('\n');
}
