// parseJsonc (tsconfig/deno.jsonc syntax) and the glob / .gitignore compilers.
import { describe, expect, it } from 'vitest';
import { globMatcher, IgnoreRules } from '../../src/util/glob.js';
import { parseJsonc } from '../../src/util/jsonc.js';

describe('parseJsonc', () => {
  it('accepts line and block comments and trailing commas', () => {
    const text = '\uFEFF{\n  // a comment\n  "a": [1, 2,], /* inline */\n  "b": { "c": true, },\n}\n';
    expect(parseJsonc(text)).toEqual({ a: [1, 2], b: { c: true } });
  });

  it('leaves comment markers and escaped quotes inside strings alone', () => {
    expect(parseJsonc('{ "url": "https://x.dev/a/*b*/", "q": "say \\"hi\\" // no" }')).toEqual({
      url: 'https://x.dev/a/*b*/',
      q: 'say "hi" // no',
    });
  });

  it('leaves a comma followed by a bracket inside a string alone', () => {
    expect(parseJsonc('{ "pattern": "a,]", "other": "x, }" }')).toEqual({ pattern: 'a,]', other: 'x, }' });
  });

  it('throws on input that is not JSON even with comments removed', () => {
    expect(() => parseJsonc('{ "a": }')).toThrow();
    expect(() => parseJsonc('{ "a": 1 /* unterminated')).toThrow();
  });
});

describe('globMatcher', () => {
  const m = (glob: string, p: string) => globMatcher(glob).test(p);

  it('matches *, **, ?, {a,b} and [..] over posix paths', () => {
    expect(m('src/*.ts', 'src/a.ts')).toBe(true);
    expect(m('src/*.ts', 'src/x/a.ts')).toBe(false);
    expect(m('**/*.ts', 'a.ts')).toBe(true);
    expect(m('**/*.ts', 'a/b/c.ts')).toBe(true);
    expect(m('src/**', 'src/a/b.ts')).toBe(true);
    expect(m('file?.ts', 'file1.ts')).toBe(true);
    expect(m('file?.ts', 'file/.ts')).toBe(false);
    expect(m('*.{ts,tsx}', 'a.tsx')).toBe(true);
    expect(m('*.{ts,tsx}', 'a.js')).toBe(false);
    expect(m('[ab].ts', 'b.ts')).toBe(true);
    expect(m('[!ab].ts', 'b.ts')).toBe(false);
    expect(m('[!ab].ts', 'c.ts')).toBe(true);
  });

  it('takes an invalid class or an unclosed bracket literally instead of throwing', () => {
    expect(m('[z-a].ts', '[z-a].ts')).toBe(true);
    expect(m('**/[*.ts', 'x/[y.ts')).toBe(true);
    expect(m('src/{a,[b}', 'src/[b')).toBe(true);
    expect(m('a{b', 'a{b')).toBe(true);
  });

  it('escapes regex characters in literal parts', () => {
    expect(m('a+b.(ts)', 'a+b.(ts)')).toBe(true);
    expect(m('a.ts', 'abts')).toBe(false);
    expect(m('$x^.ts', '$x^.ts')).toBe(true);
  });
});

describe('globs with many wildcards (matched by an automaton, not a backtracking regex)', () => {
  const m = (glob: string, p: string) => globMatcher(glob).test(p);

  it('agrees with the plain reading of *, **, **/, ?, [..] and {a,b}', () => {
    expect(m('**/a/**/b/**/*.ts', 'a/b/c.ts')).toBe(true);
    expect(m('**/a/**/b/**/*.ts', 'x/a/y/z/b/c.ts')).toBe(true);
    expect(m('**/a/**/b/**/*.ts', 'x/a/y/z/c.ts')).toBe(false);
    expect(m('*a*b*c', 'xaybzc')).toBe(true);
    expect(m('*a*b*c', 'xaybz/c')).toBe(false);
    expect(m('src/**/x/**/*.{ts,tsx}', 'src/x/a.tsx')).toBe(true);
    expect(m('src/**/x/**/*.{ts,tsx}', 'src/x/a.js')).toBe(false);
    expect(m('*[ab]*?*.ts', 'zb1.ts')).toBe(true);
    expect(m('*[ab]*?*.ts', 'zc1.ts')).toBe(false);
    expect(m('**/**/**/**/x', 'a/b/x')).toBe(true);
    expect(m('**/**/**/**/x', 'x')).toBe(true);
    expect(m('**/**/**/**/x', 'a/bx')).toBe(false);
  });

  it('answers in linear time where a regex would backtrack for minutes', () => {
    const path = `${'a/'.repeat(40)}${'a'.repeat(200)}`;
    expect(m(`${'*a'.repeat(30)}b`, 'a'.repeat(400))).toBe(false);
    expect(m(`${'**/'.repeat(30)}*b`, path)).toBe(false);
    expect(m('**/a/**/a/**/a/**/a/**/a/**/a/**/b', path)).toBe(false);
  });
});

describe('IgnoreRules', () => {
  const rules = new IgnoreRules('# c\n\n/build\n*.log\n!keep.log\ntmp/\ndocs/*.md\n');

  it('applies anchoring, negation and directory-only rules', () => {
    expect(rules.match('build', true)).toBe(true);
    expect(rules.match('src/build', true)).toBeNull();
    expect(rules.match('a/b/x.log', false)).toBe(true);
    expect(rules.match('keep.log', false)).toBe(false);
    expect(rules.match('tmp', true)).toBe(true);
    expect(rules.match('tmp', false)).toBeNull();
    expect(rules.match('src/tmp', true)).toBe(true);
    expect(rules.match('docs/a.md', false)).toBe(true);
    expect(rules.match('x/docs/a.md', false)).toBeNull();
  });
});

describe('IgnoreRules on generated .gitignore files', () => {
  it('applies the first 2,000 rules and counts the rest', () => {
    const rules = new IgnoreRules(Array.from({ length: 2_500 }, (_, i) => `gen${i}/`).join('\n'));
    expect(rules.dropped).toBe(500);
    expect(rules.match('gen1999', true)).toBe(true);
    expect(rules.match('gen2000', true)).toBeNull();
  });

  it('trims a long run of trailing spaces without a quadratic regex, and keeps an escaped one', () => {
    const rules = new IgnoreRules(`a${' '.repeat(200_000)}b${' '.repeat(50)}\nkeep\\ \n`);
    expect(rules.match(`a${' '.repeat(200_000)}b`, false)).toBe(true);
    expect(rules.match('keep ', false)).toBe(true);
  });
});
