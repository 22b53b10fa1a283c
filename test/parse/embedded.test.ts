import { describe, expect, it } from 'vitest';
import { embeddedCode } from '../../src/parse/embedded.js';
import { parseFile } from '../../src/parse/parse-file.js';
import { columnOf, lineOf } from '../../src/parse/source-guards.js';

/** `line:column` of each call in the file, in source order. */
const calls = (file: string, source: string) => {
  const ir = parseFile(file, source);
  return [...ir.sites].sort((a, b) => a.start - b.start).map((s) => `${lineOf(ir.lineStarts, s.start)}:${columnOf(ir.lineStarts, s.start)}`);
};

describe('component files', () => {
  it('parse every top-level script block of a Svelte file in place, as TypeScript when one says so', () => {
    const source = [
      '<script context="module">', // 1
      '  export const size = compute();', // 2
      '</script>', // 3
      '', // 4
      '<script lang="ts">', // 5
      '  let seats: number = 1;', // 6
      '  async function book() { await fetch("/api/book"); }', // 7
      '</script>', // 8
      '<button on:click={book}>Book</button>', // 9
    ].join('\n');
    expect(embeddedCode('a.svelte', source)?.lang).toBe('ts');
    const ir = parseFile('src/Book.svelte', source);
    expect(ir.diagnostics).toEqual([]);
    expect(ir.functions.map((f) => f.name)).toContain('book');
    expect(calls('src/Book.svelte', source)).toEqual(['2:23', '7:33']);
  });

  it('parse a Vue file with both script and script setup, CRLF line ends kept', () => {
    const source = '<template>\r\n  <p>{{ a < b }}</p>\r\n</template>\r\n<script lang="ts">\r\nexport default { name: "P" };\r\n</script>\r\n<script setup lang="ts">\r\nconst p = defineProps<{ id: string }>();\r\n</script>\r\n';
    const ir = parseFile('P.vue', source);
    expect(ir.diagnostics).toEqual([]);
    expect(calls('P.vue', source)).toEqual(['8:11']);
  });

  it('read a script tag whose quoted attribute holds angle brackets', () => {
    const source = '<script setup lang="ts" generic="T extends Record<string, unknown>">\nconst rows = defineProps<{ rows: T[] }>();\n</script>\n';
    expect(calls('List.vue', source)).toEqual(['2:14']);
  });

  it('leave out scripts that are data, external, nested in markup or commented out', () => {
    const source = [
      '<svelte:head>',
      '  <script>window.track(1);</script>',
      '</svelte:head>',
      '<script type="application/ld+json">{ "@type": "Event" }</script>',
      '<script src="/vendor.js"></script>',
      '<!-- <script>broken(</script> -->',
      '<script>go();</script>',
    ].join('\n');
    const ir = parseFile('a.svelte', source);
    expect(ir.diagnostics).toEqual([]);
    expect(calls('a.svelte', source)).toEqual(['7:9']);
  });

  it("parse an Astro page's frontmatter (where a top-level return is allowed), not its client scripts", () => {
    const source = "---\nimport Stripe from 'stripe';\nif (!Astro.params.id) return Astro.redirect('/');\n---\n<h1>Hi</h1>\n<script>\n  document.title = 'x';\n</script>\n";
    const ir = parseFile('src/pages/a.astro', source);
    expect(ir.diagnostics).toEqual([]);
    expect(ir.imports.map((i) => i.specifier)).toEqual(['stripe']);
    expect(calls('src/pages/a.astro', source)).toEqual(['3:30']);
  });

  it('give nothing for a component without code, and a diagnostic on its own line for broken code', () => {
    expect(parseFile('a.vue', '<template><p>hi</p></template>\n')).toMatchObject({ diagnostics: [], sites: [], skipped: false });
    expect(parseFile('a.astro', '<p>no frontmatter</p>\n')).toMatchObject({ diagnostics: [], sites: [] });
    const broken = parseFile('a.svelte', '<p>x</p>\n<script>\n  let x = ;\n</script>\n');
    expect(broken.diagnostics).toEqual([expect.objectContaining({ code: 'parse-error', line: 3 })]);
    expect(embeddedCode('a.ts', 'x')).toBeNull();
  });

  it('stay linear on unclosed tags and comments', () => {
    const started = Date.now();
    for (const line of ['<script>', '<!--', '<script lang="ts"']) embeddedCode('a.vue', `${line}\n`.repeat(200_000));
    embeddedCode('a.astro', `---\n${'x\n'.repeat(200_000)}`);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('judge a long template line by the code, not the markup', () => {
    const source = `<script>\nexport const a = 1;\n</script>\n<svg><path d="${'M0 0 L1 1 '.repeat(5_000)}"/></svg>\n`;
    expect(parseFile('a.svelte', source).diagnostics).toEqual([]);
  });
});
