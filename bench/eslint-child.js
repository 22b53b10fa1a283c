// What a user would run instead: ESLint with the typescript-eslint parser and the single-file rule
// in eslint-rule.js, over every source file. Prints { ms, problems, rssMb } as JSON.
import { ESLint } from 'eslint';
import parser from '@typescript-eslint/parser';
import rule from './eslint-rule.js';

const root = process.argv[2];
const started = performance.now();
const eslint = new ESLint({
  cwd: root,
  overrideConfigFile: true,
  overrideConfig: [
    {
      files: ['**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts}'],
      languageOptions: { parser, parserOptions: { ecmaFeatures: { jsx: true }, sourceType: 'module' } },
      plugins: { bench: { rules: { 'payment-before-booking': rule } } },
      rules: { 'bench/payment-before-booking': 'error' },
    },
  ],
});
const results = await eslint.lintFiles(['.']);
const ms = performance.now() - started;
const problems = results.reduce((n, r) => n + r.errorCount, 0);
process.stdout.write(JSON.stringify({ ms, problems, rssMb: process.resourceUsage().maxRSS / 1024 }));
