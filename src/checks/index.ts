// Every check, sorted by id.
import confirmationRecord from './confirmation-record.js';
import type { CheckDefinition } from './define.js';

export const CHECKS: CheckDefinition[] = [confirmationRecord];
