// Every check, sorted by id.
import confirmationRecord from './confirmation-record.js';
import type { CheckDefinition } from './define.js';
import failureHandling from './failure-handling.js';
import initialBookingState from './initial-booking-state.js';
import paymentBookingCoupling from './payment-booking-coupling.js';
import paymentCaptureTiming from './payment-capture-timing.js';
import refundLogic from './refund-logic.js';

export const CHECKS: CheckDefinition[] = [confirmationRecord, failureHandling, initialBookingState, paymentBookingCoupling, paymentCaptureTiming, refundLogic];
