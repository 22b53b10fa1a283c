// Property: random truncations and mutations of one app's files never crash the scanner and never
// change the results of the other apps scanned with it. Several fixture apps share one tree; each
// run damages files of one of them (cut, deleted or duplicated ranges, random text, random bytes
// including NUL) and compares every other app's paths with an undamaged scan.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PathResult, Report } from '../../src/model/report.js';
import { scan } from '../../src/index.js';

const fixtures = path.resolve(import.meta.dirname, '../../fixtures/confirmation-record');
const APPS = [
  'invalid-hono-drizzle-appointment-only-in-webhook',
  'valid-express-cjs-routers-asynchandler-rental-first',
  'invalid-supabase-edge-insert-after-payment',
  'invalid-nestjs-checkout-reservation-only-in-webhook',
  'invalid-sveltekit-lib-alias-drizzle-booking-after-payment',
  'valid-dynamodb-lambda-put-command-get-guard',
  'invalid-remix-action-mongoose-booking-only-in-webhook',
  'invalid-firebase-v2-oncall-lesson-booked-only-in-webhook',
];

const ONLY_CHECKS = process.env.MUTATION_CHECKS ? process.env.MUTATION_CHECKS.split(',') : undefined;
let root: string;
let baseline: Report;
const sourcesOf = new Map<string, string[]>();

const appOf = (file: string) => file.split('/')[1] ?? '';
/** Every file a path's result rests on. */
const filesOf = (p: PathResult) => [p.entry.file, p.payment.file, p.evidence?.file, ...p.webhookWrites.map((w) => w.file), ...p.trace.map((t) => t.file)].filter((f): f is string => Boolean(f));
/** The decision of every path that rests only on other apps' files. */
function otherAppsPaths(report: Report, damaged: string): string[] {
  return report.checks.flatMap((c) =>
    // Entity catalogs are per app: what the damaged app declares names none of the other apps' records.
    c.paths.filter((p) => filesOf(p).every((f) => appOf(f) !== damaged)).map((p) => JSON.stringify({ check: c.id, ...p, snippets: undefined })),
  ).sort();
}

/** Which paths the other apps have: check, entry point and payment call. */
const pathKeys = (report: Report, damaged: string) =>
  report.checks.flatMap((c) => c.paths.filter((p) => appOf(p.entry.file) !== damaged).map((p) => `${c.id} ${JSON.stringify(p.entry)} ${JSON.stringify(p.payment)}`));
const allPaths = (report: Report) => new Set(report.checks.flatMap((c) => c.paths.map((p) => JSON.stringify({ check: c.id, ...p, snippets: undefined }))));

function listSources(dir: string, rel = ''): string[] {
  return fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) return listSources(dir, r);
    return /\.[cm]?[jt]sx?$/.test(e.name) ? [r] : [];
  });
}

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'bookfirst-mutations-'));
  for (const app of APPS) {
    fs.cpSync(path.join(fixtures, app), path.join(root, 'apps', app), { recursive: true });
    sourcesOf.set(app, listSources(path.join(root, 'apps', app)).map((f) => `apps/${app}/${f}`));
  }
  baseline = await scan({ root, threads: 1, checks: ONLY_CHECKS });
}, 60_000);

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'insert-text'; at: number; text: string }
  | { kind: 'insert-bytes'; at: number; bytes: Uint8Array };

const position = fc.double({ min: 0, max: 1, noNaN: true });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: position }),
  fc.record({ kind: fc.constant('delete' as const), at: position, length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: position, length: fc.integer({ min: 1, max: 400 }) }),
  fc.record({ kind: fc.constant('insert-text' as const), at: position, text: fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom('{', '}', '(', '`${', '/*', '"', '<div>', 'await ', '\u0000', '\uFEFF', '\r\n', '=>')) }),
  fc.record({ kind: fc.constant('insert-bytes' as const), at: position, bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
);

function apply(buf: Buffer, m: Mutation): Buffer {
  const at = Math.floor(m.at * buf.length);
  switch (m.kind) {
    case 'truncate':
      return buf.subarray(0, at);
    case 'delete':
      return Buffer.concat([buf.subarray(0, at), buf.subarray(at + m.length)]);
    case 'duplicate':
      return Buffer.concat([buf.subarray(0, at + m.length), buf.subarray(at)]);
    case 'insert-text':
      return Buffer.concat([buf.subarray(0, at), Buffer.from(m.text), buf.subarray(at)]);
    case 'insert-bytes':
      return Buffer.concat([buf.subarray(0, at), Buffer.from(m.bytes), buf.subarray(at)]);
  }
}

describe('damaged files', () => {
  it('never crash the scan or change what is decided for the other apps', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...APPS), fc.array(fc.tuple(fc.nat(), mutation), { minLength: 1, maxLength: 3 }), async (app, edits) => {
        const files = sourcesOf.get(app)!;
        const originals = new Map<string, Buffer>();
        try {
          for (const [pick, m] of edits) {
            const file = files[pick % files.length]!;
            const abs = path.join(root, file);
            if (!originals.has(file)) originals.set(file, fs.readFileSync(abs));
            fs.writeFileSync(abs, apply(fs.readFileSync(abs), m));
          }
          const report = await scan({ root, threads: 1, checks: ONLY_CHECKS });
          expect(report.checks.filter((c) => c.verdict === 'error').map((c) => c.detail)).toEqual([]);
          expect(report.diagnostics.filter((d) => d.code === 'analysis-error')).toEqual([]);
          // A path that rested only on other apps' files is decided as before, and the other apps
          // gain no path. (One that counted a webhook of the damaged app may lose it.)
          const after = allPaths(report);
          expect(otherAppsPaths(baseline, app).filter((p) => !after.has(p))).toEqual([]);
          const keysBefore = new Set(pathKeys(baseline, app));
          expect(pathKeys(report, app).filter((k) => !keysBefore.has(k))).toEqual([]);
        } finally {
          for (const [file, content] of originals) fs.writeFileSync(path.join(root, file), content);
        }
      }),
      { numRuns: 40, seed: 20261127, endOnFailure: true },
    );
  }, 300_000);
});
