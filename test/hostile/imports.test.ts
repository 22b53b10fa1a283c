// Hostile import specifiers: whatever a file imports, the scan resolves it or leaves it a package
// name, and never hands a resolver a path it cannot survive.
import { describe, expect, it } from 'vitest';
import { app, codes, expectAppStillPasses, expectNormal, scanDir } from './scan.js';

describe('hostile import specifiers', () => {
  it('a bare specifier of 50,000 segments under a tsconfig with a baseUrl', () => {
    // oxc-resolver joins it to the baseUrl and walks it on its native stack: a segmentation fault.
    const s = scanDir(app({
      // Analyzed in full (it imports Stripe): each long line is one specifier, not minified code.
      'src/lib/long.ts': `import Stripe from 'stripe';\nimport a from '${'a/'.repeat(50_000)}';\nimport b from './${'../'.repeat(20_000)}etc/passwd';\nimport c from '/etc/passwd';\nexport const s = [a, b, c, new Stripe('sk')];\n`,
    }));
    expectNormal(s);
    // The relative path names no file of the scan (it climbs out of the root); the others are packages or nothing.
    expect(codes(s)).toEqual(['src/lib/long.ts import-unresolved']);
    // Quoting its start only.
    expect(s.report.diagnostics[0].message.length).toBeLessThan(400);
    expectAppStillPasses(s);
  });
});
