// What each hostile case shares: the small passing app plus something nasty, scanned by the built
// command line, and what a normal end of that scan looks like.
import { expect } from 'vitest';
import { passingApp, runCli } from '../helpers/cli.js';
import { makeProject } from '../helpers/project.js';

export const LIMIT_MS = 8_000;
export const ROUTE = 'src/app/api/checkout/route.ts';
export const PAYMENT_LINE = 8;

export interface Scan {
  status: number | null;
  signal: string | null;
  ms: number;
  stderr: string;
  report: any;
}

export function scanDir(root: string, extraArgs: string[] = []): Scan {
  const r = runCli(['scan', root, '--format', 'json', ...extraArgs], { timeoutMs: 40_000 });
  let report = null;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    // left null: asserted below
  }
  return { status: r.status, signal: r.signal, ms: r.ms, stderr: r.stderr, report };
}

/** Ends normally and in time (by default the budget of a small app), with a report. */
export function expectNormal(s: Scan, limitMs = LIMIT_MS): void {
  expect(s.signal, `killed by ${s.signal}; stderr: ${s.stderr.slice(0, 300)}`).toBeNull();
  expect([0, 1], `exit ${s.status}; stderr: ${s.stderr.slice(0, 300)}`).toContain(s.status);
  expect(s.ms).toBeLessThan(limitMs);
  expect(s.report).not.toBeNull();
}

/** The passing app's one path still passes: the hostile file cost only itself. */
export function expectAppStillPasses(s: Scan, routeFile = ROUTE): void {
  const check = s.report.checks[0];
  expect([check.verdict, check.passed, check.total]).toEqual(['pass', 1, 1]);
  expect(check.paths[0].payment.file).toBe(routeFile);
  expect(check.paths[0].payment.line).toBe(PAYMENT_LINE);
  expect(s.status).toBe(0);
}

/**
 * Files nothing imports and that import no payment or store package get a thin parse only; the
 * hostile shapes that stress the flow-graph walker are made relevant (they import Stripe) so the
 * walker runs over them.
 */
export const relevant = (text: string): string => `import Stripe from 'stripe';\nexport const client = new Stripe('sk');\n${text}`;

export const codes = (s: Scan): string[] => s.report.diagnostics.map((d: { file: string; code: string }) => `${d.file} ${d.code}`);

export function app(extra: Record<string, string | Buffer>): string {
  return makeProject({ ...passingApp, ...extra }, 'bookfirst-hostile-');
}
