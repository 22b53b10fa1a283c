// Which branches say the customer pays in person (initial-booking-state's confirmed-when-paid-offline).
import { describe, expect, it } from 'vitest';
import { paidOfflineBranch } from '../../src/analysis/booking-state.js';
import type { Guard } from '../../src/analysis/guards.js';
import type { FlowNode } from '../../src/model/ir.js';

const value = { k: 'unknown' } as const;

function guard(names: string[], node: Partial<FlowNode>): Guard {
  return { fn: 'f.ts#1', file: 'f.ts', names, node: { kind: 'assume', pos: 0, next: [], exc: [], ...node } as FlowNode };
}

const equal = (names: string[], literal: string, eq = true) => guard([...names, literal], { compare: { value, literal, equal: eq } });

describe('paidOfflineBranch', () => {
  it('is the side where the way to pay equals an in-person method', () => {
    expect(paidOfflineBranch(equal(['paymentMethod'], 'cash'))).toBe(true);
    expect(paidOfflineBranch(equal(['body', 'payment_mode'], 'pay_at_venue'))).toBe(true);
    expect(paidOfflineBranch(equal(['order', 'paymentType'], 'PAY_AT_PROPERTY'))).toBe(true);
    expect(paidOfflineBranch(equal(['method'], 'in-person'))).toBe(true);
  });

  it('is not the other side, an online method, or a comparison of something else', () => {
    expect(paidOfflineBranch(equal(['paymentMethod'], 'cash', false))).toBe(false);
    expect(paidOfflineBranch(equal(['paymentMethod'], 'card'))).toBe(false);
    expect(paidOfflineBranch(equal(['paymentMethod'], 'cashback'))).toBe(false);
    expect(paidOfflineBranch(equal(['deliveryType'], 'pickup_at_counter'))).toBe(false);
  });

  it('is the truthy side of a flag named for paying in person', () => {
    expect(paidOfflineBranch(guard(['payAtDesk'], { truthy: true }))).toBe(true);
    expect(paidOfflineBranch(guard(['req', 'body', 'isCashPayment'], { truthy: true }))).toBe(true);
    expect(paidOfflineBranch(guard(['payAtDesk'], { truthy: false }))).toBe(false);
    expect(paidOfflineBranch(guard(['atVenue'], { truthy: true }))).toBe(false);
  });
});
