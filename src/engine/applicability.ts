// Whether the payment checks apply at all: a payment integration (server-side SDK in a manifest,
// a provider SDK imported by URL, or a provider's REST API called) and a booking-like entity.
import { integratedProviders, type Program } from '../analysis/program.js';

export function applicability(program: Program): string | null {
  if (integratedProviders(program).size === 0) return 'no-payment-integration';
  const v = program.vocabulary;
  const hasEntity =
    program.project.schemaEntities.some((e) => v.isBookingLike(e.name) || v.isBookingLike(e.table)) ||
    program.facts.some((f) => f.bookingLike) ||
    [...program.files.values()].some((ir) => ir.classes.some((c) => v.isBookingLike(c.name)) || ir.typeNames.some((t) => v.isBookingLike(t)));
  return hasEntity ? null : 'no-booking-entity';
}
