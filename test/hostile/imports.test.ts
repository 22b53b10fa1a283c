// Hostile import specifiers: whatever a file imports, the scan resolves it or leaves it a package
// name, and never hands a resolver a path it cannot survive.
import { describe, expect, it } from 'vitest';
import { app, codes, expectAppStillPasses, expectNormal, scanDir } from './scan.js';

describe('hostile import specifiers', () => {
  it('a bare specifier of 50,000 segments under a tsconfig with a baseUrl', () => {
    // oxc-resolver joins it to the baseUrl and walks it on its native stack: a segmentation fault.
    const s = scanDir(app({
      'src/lib/long.ts': `import a from '${'a/'.repeat(50_000)}';\nimport b from './${'../'.repeat(20_000)}etc/passwd';\nimport c from '/etc/passwd';\nexport const s = [a, b, c];\n`,
    }));
    expectNormal(s);
    // Its lines are too long to analyze, but its imports are still resolved, to know what it uses.
    expect(codes(s)).toEqual(['src/lib/long.ts minified']);
    expectAppStillPasses(s);
  });
});
