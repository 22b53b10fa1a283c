// When an initiation moves money, from its recognizer's capture rule and the payload options that
// change it (`capture_method: 'manual'`, `confirm: true`, `options.submitForSettlement`,
// `autocomplete: false`): 'charge' at once, 'hosted' when the customer completes the payment,
// 'authorize' only when an explicit capture call follows.
import type { Expr } from '../model/ir.js';
import type { SiteFact } from '../recognize/facts.js';
import type { CaptureMode } from '../recognizers/define.js';
import type { Evaluator } from '../symbols/evaluate.js';
import { payloadLeaves } from './id-flow.js';
import type { Program } from './program.js';
import { objectMemo } from '../util/memo.js';

export interface CaptureFound {
  mode: CaptureMode;
  /** The payload option that decided it, when one did. */
  option: { path: string; value: string; file: string; expr: Expr } | null;
}

export function captureModeOf(program: Program, payment: SiteFact, ev: Evaluator = program.ev): CaptureFound {
  // Asked of every payment by every cancellation's "could money have moved before?" (2,000 routes
  // each cancelling in a catch asked it of 2,000 payments each).
  return ev === program.ev ? modeMemo(payment, () => captureModeIn(program, payment, ev)) : captureModeIn(program, payment, ev);
}

const modeMemo = objectMemo<SiteFact, CaptureFound>();

function captureModeIn(program: Program, payment: SiteFact, ev: Evaluator): CaptureFound {
  const r = payment.recognizer;
  const rule = r.kind === 'provider' ? r.capture?.[payment.api] ?? r.capture?.['*'] : undefined;
  if (!rule) return { mode: 'hosted', option: null };
  const leaves = payloadLeaves(program, payment, ev);
  for (const when of rule.when ?? []) {
    for (const leaf of leaves) {
      if (leaf.path.join('.') !== when.field) continue;
      const texts = ev.values(leaf.file, leaf.expr).flatMap((v) => (v.t === 'lit' && v.value !== null ? [String(v.value)] : []));
      const hit = texts.find((t) => when.equals.some((x) => String(x) === t));
      if (hit !== undefined) return { mode: when.mode, option: { path: when.field, value: hit, file: leaf.file, expr: leaf.expr } };
    }
  }
  return { mode: rule.mode, option: null };
}

/** Money has moved once this call completes: a charging initiation or an explicit capture. */
export function movesMoney(program: Program, f: SiteFact): boolean {
  if (f.kind !== 'provider') return false;
  if (f.role === 'capture') return true;
  return f.role === 'initiation' && !f.billing && captureModeOf(program, f).mode === 'charge';
}
