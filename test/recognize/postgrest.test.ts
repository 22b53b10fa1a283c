import { describe, expect, it } from 'vitest';
import { embeddedResources } from '../../src/recognize/postgrest.js';

describe('embeddedResources', () => {
  it('reads each top-level embed under its alias, else its name, and whether it is inner', () => {
    expect(embeddedResources('id, price_cents, booking:bookings!inner(id, status)')).toEqual([{ field: 'booking', table: 'bookings', inner: true }]);
    expect(embeddedResources(`*,
      bookings(*, customer:customers(name)),
      venue:venues!bookings_venue_id_fkey(name)`)).toEqual([
      { field: 'bookings', table: 'bookings', inner: false },
      { field: 'venue', table: 'venues', inner: false },
    ]);
  });

  it('leaves out columns, casts, spreads and counts', () => {
    expect(embeddedResources('id, total::text, meta->>kind, ...bookings(starts_at), bookings(count), paid:is_paid')).toEqual([]);
  });
});
