// A path as the steps a person follows: the entry point, the calls, the booking evidence or its
// absence, and the payment call, read from the path's trace.
import type { PathResult } from '../model/report.js';
import { reasonText } from './reasons.js';

export interface ChainStep {
  kind: 'entry' | 'call' | 'evidence' | 'missing' | 'late-write' | 'payment';
  label: string;
  text: string;
  at: { file: string; line: number } | null;
  /** Extra places, e.g. the webhook writes when the booking is created only there. */
  also: { file: string; line: number }[];
}

const LABEL: Record<ChainStep['kind'], string> = {
  entry: 'Entry point',
  call: 'Call',
  evidence: 'Booking evidence',
  missing: 'No booking record',
  'late-write': 'Booking write, not before',
  payment: 'Payment call',
};

/** The steps of a path; other checks than confirmation-record name their evidence and gaps generically. */
export function chainOf(p: PathResult, checkId = 'confirmation-record'): ChainStep[] {
  const own = checkId === 'confirmation-record';
  const label = (kind: ChainStep['kind']) => (own ? LABEL[kind] : kind === 'evidence' ? 'Evidence' : kind === 'missing' ? 'Missing' : kind === 'payment' ? 'Deciding call' : LABEL[kind]);
  const step = (kind: ChainStep['kind'], text: string, at: ChainStep['at'], also: ChainStep['also'] = []): ChainStep => ({ kind, label: label(kind), text, at, also });
  const isPayment = (t: { file: string; line: number; note: string }) => t.file === p.payment.file && t.line === p.payment.line && t.note.startsWith('payment');
  const steps: ChainStep[] = p.trace.map((t, i) => {
    const at = { file: t.file, line: t.line };
    if (i === 0) return step('entry', `${p.entry.name} (${p.entry.kind})`, at);
    if (isPayment(t)) return step('payment', `${p.payment.provider} ${p.payment.api}`, at);
    if (p.evidence && t.file === p.evidence.file && t.line === p.evidence.line) return step('evidence', `${t.note} (${p.evidence.entity})`, at);
    if (/^booking write\b/.test(t.note)) return step('late-write', t.note, at);
    return step('call', t.note, at);
  });
  if (!steps.some((s) => s.kind === 'entry')) steps.unshift(step('entry', `${p.entry.name} (${p.entry.kind})`, p.entry));
  let payAt = steps.findIndex((s) => s.kind === 'payment');
  if (payAt === -1) {
    steps.push(step('payment', `${p.payment.provider} ${p.payment.api}`, p.payment));
    payAt = steps.length - 1;
  }
  if (p.status === 'fail' && !p.evidence) {
    const webhook = p.reason === 'booking-only-in-webhook' ? p.webhookWrites : [];
    steps.splice(payAt, 0, step('missing', reasonText(p.reason), null, webhook));
  }
  return steps;
}
