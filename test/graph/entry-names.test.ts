// Entry points are named by what a reader would look for: the route (method and path) or the
// procedure path. Fixture expectations pin down where an entry point is, not its name; this pins
// down the names of the fixtures that exercise naming.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/index.js';

const root = path.resolve(import.meta.dirname, '../../fixtures/confirmation-record');

async function entryNames(fixture: string): Promise<string[]> {
  const report = await scan({ root: path.join(root, fixture), checks: ['confirmation-record'] });
  return report.checks.flatMap((c) => c.paths.map((p) => `${p.entry.kind} ${p.entry.name}`));
}

describe('entry point names', () => {
  it('next-connect handlers without a pattern take their file route', async () => {
    expect(await entryNames('invalid-next-connect-v1-mongoose-studio-class-paid-before-reservation')).toEqual([
      'next-connect-route POST /api/studios/[studioId]/reserve',
    ]);
    expect(await entryNames('invalid-next-connect-v0-nc-charges-card-before-prisma-insert')).toEqual([
      'next-connect-route POST /api/bookings',
    ]);
  });

  it('tRPC procedures take their path through nested routers and plain objects', async () => {
    expect(await entryNames('invalid-trpc-nested-routers-kayak-walk-in-charged-before-rental')).toEqual([
      'trpc-procedure MUTATION rental.createCheckout',
      'trpc-procedure MUTATION rental.counter.charge',
    ]);
  });

  it('Payload endpoints take their method and path, scoped by their collection', async () => {
    expect(await entryNames('invalid-payload-v3-config-endpoints-untyped-req-tour-paid-before-booking')).toEqual([
      'payload-endpoint POST /tours/:id/kiosk-sale',
      'payload-endpoint POST /checkout',
    ]);
  });
});
