// Nothing in a scanned tree is ever run or imported: package scripts, framework configs, sources and
// installed packages of the fixture all write a marker file when executed, and none may appear.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/index.js';
import { passingApp, runCli } from '../helpers/cli.js';
import { makeProject, writeFiles } from '../helpers/project.js';

function trap(marker: string, label: string): { cjs: string; esm: string; shell: string } {
  const write = `writeFileSync(${JSON.stringify(marker)}, ${JSON.stringify(label)}, { flag: 'a' })`;
  return {
    cjs: `require('node:fs').${write};\nmodule.exports = {};\n`,
    esm: `import { writeFileSync } from 'node:fs';\n${write};\nexport default {};\n`,
    shell: `node -e "require('fs').appendFileSync(${JSON.stringify(marker).replace(/"/g, "'")}, '${label}')"`,
  };
}

function trappedProject(): { root: string; marker: string } {
  const root = makeProject({}, 'bookfirst-noexec-');
  const marker = path.join(root, 'EXECUTED');
  const t = (label: string) => trap(marker, label);
  const scripts = Object.fromEntries(
    ['preinstall', 'install', 'postinstall', 'prepare', 'prebuild', 'build', 'dev', 'start', 'test', 'lint'].map((s) => [s, t(`script ${s}`).shell]),
  );
  const manifest = JSON.parse(passingApp['package.json']!);
  writeFiles(root, {
    ...passingApp,
    'package.json': JSON.stringify({ ...manifest, main: 'index.js', scripts }),
    'index.js': t('main').cjs,
    'next.config.js': t('next.config.js').cjs,
    'next.config.mjs': t('next.config.mjs').esm,
    'next.config.ts': t('next.config.ts').esm,
    'postcss.config.cjs': t('postcss').cjs,
    'tailwind.config.ts': t('tailwind').esm,
    'vite.config.ts': t('vite').esm,
    'eslint.config.js': t('eslint').esm,
    'jest.config.js': t('jest').cjs,
    'babel.config.js': t('babel').cjs,
    'bookfirst.config.js': t('bookfirst.config').cjs,
    'prisma/seed.ts': t('seed').esm,
    'src/instrumentation.ts': t('instrumentation').esm,
    'src/lib/boot.ts': t('boot').esm,
    'src/lib/db.ts': `${t('db').esm.replace('export default {};\n', '')}${passingApp['src/lib/db.ts']}`,
    'src/lib/stripe.cjs': t('stripe.cjs').cjs,
    'node_modules/stripe/package.json': JSON.stringify({ name: 'stripe', main: 'index.js', scripts: { postinstall: t('dep postinstall').shell } }),
    'node_modules/stripe/index.js': t('node_modules/stripe').cjs,
    'node_modules/@prisma/client/package.json': JSON.stringify({ name: '@prisma/client', main: 'index.js' }),
    'node_modules/@prisma/client/index.js': t('node_modules/@prisma/client').cjs,
    'node_modules/.bin/next': `#!/bin/sh\n${t('bin').shell}\n`,
    '.husky/pre-commit': `#!/bin/sh\n${t('husky').shell}\n`,
  });
  fs.chmodSync(path.join(root, 'node_modules/.bin/next'), 0o755);
  return { root, marker };
}

describe('the scanned tree is never executed', () => {
  it('the trap works when something does run it', () => {
    const { root, marker } = trappedProject();
    // Sanity check of the fixture itself, run here on purpose and outside any scan.
    execFileSync(process.execPath, [path.join(root, 'index.js')]);
    expect(fs.readFileSync(marker, 'utf8')).toBe('main');
  });

  it('through the command line', () => {
    const { root, marker } = trappedProject();
    const r = runCli(['scan', root, '--format', 'json'], { cwd: root });
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.stats.files).toBeGreaterThanOrEqual(10);
    expect(report.checks[0].verdict).toBe('pass');
    expect(fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8') : null).toBeNull();
  });

  it('through the library', async () => {
    const { root, marker } = trappedProject();
    const report = await scan({ root, includeTests: true });
    expect(report.stats.parsed).toBeGreaterThanOrEqual(10);
    expect(report.checks[0]!.verdict).toBe('pass');
    expect(fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8') : null).toBeNull();
  });
});
