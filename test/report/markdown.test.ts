// Markdown for pull requests and GITHUB_STEP_SUMMARY, checked as GitHub-flavoured Markdown
// renders it: one table per check, X of Y, failing paths with file:line links.
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { scan } from '../../src/index.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { passingPath, sampleCheck, samplePath, sampleReport } from './sample.js';

/** The rendered HTML, parsed just enough: tables as rows of cell texts, links as [text, href]. */
function rendered(md: string) {
  const html = marked.parse(md, { gfm: true, async: false }) as string;
  const tables = [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((t) =>
    [...t[1]!.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!)));
  const links = [...html.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)].map((m) => [m[2], m[1]]);
  return { html, tables, links };
}

const example = await scan({ root: 'examples/pitch-booking', threads: 0, checks: ['confirmation-record'] });

describe('Markdown report', () => {
  const md = renderMarkdown(example);
  const { html, tables, links } = rendered(md);

  it('opens with a summary table: one row per check with its verdict and X of Y', () => {
    expect(md.split('\n')[0]).toBe('## bookfirst: 1 of 1 check failing');
    expect(tables[0]![0]).toEqual(['Check', 'Verdict', 'Result', 'Severity']);
    expect(tables[0]!.slice(1)).toEqual([[
      'Booking record created before payment (<code>confirmation-record</code>)', '<strong>FAIL</strong>',
      '1 of 2 payment initiation paths create a booking record first', 'high',
    ]]);
  });

  it('has a table per check of its failing paths, linked to file:line relative to the working directory', () => {
    expect(html).toContain('<strong>1 of 2</strong> payment initiation paths create a booking record first.');
    const failing = tables[1]!;
    expect(failing[0]).toEqual(['Entry point', 'Payment call', 'Why']);
    expect(failing).toHaveLength(2);
    expect(failing[1]![0]).toContain('<code>POST /api/checkout</code>');
    expect(failing[1]![1]).toContain('stripe <code>checkout.sessions.create</code>');
    expect(failing[1]![2]).toContain('the booking is created only in the webhook');
    expect(links).toContainEqual(['src/app/api/checkout/route.ts:7', 'examples/pitch-booking/src/app/api/checkout/route.ts#L7']);
    expect(links).toContainEqual(['src/app/api/webhooks/stripe/route.ts:18', 'examples/pitch-booking/src/app/api/webhooks/stripe/route.ts#L18']);
  });

  it('folds passing paths away', () => {
    expect(html).toMatch(/<details><summary>1 passing path<\/summary>/);
    expect(tables[2]![1]![0]).toContain('POST /api/bookings/deposit');
  });

  it('makes links absolute under --link-base', () => {
    const base = 'https://github.com/acme/courts/blob/0123abc';
    const absolute = rendered(renderMarkdown(example, { linkBase: base })).links;
    expect(absolute).toContainEqual(['src/app/api/checkout/route.ts:7', `${base}/examples/pitch-booking/src/app/api/checkout/route.ts#L7`]);
    for (const [, href] of absolute) expect(href!.startsWith(`${base}/`)).toBe(true);
  });

  it('keeps tables intact when names hold pipes, and encodes brackets and parentheses in links', () => {
    const odd = samplePath({
      entry: { ...samplePath().entry, file: 'src/app/(shop)/api/[id]/route.ts', name: 'POST /a|b <script>' },
      payment: { ...samplePath().payment, file: 'src/app/(shop)/api/[id]/route.ts' },
    });
    const { tables: t, links: l, html: h } = rendered(renderMarkdown(sampleReport([sampleCheck([odd, passingPath()])])));
    expect(t[1]![1]).toHaveLength(3);
    expect(t[1]![1]![0]).toContain('<code>POST /a|b &lt;script&gt;</code>');
    expect(h).not.toContain('<script>');
    expect(l).toContainEqual(['src/app/(shop)/api/[id]/route.ts:5', 'src/app/%28shop%29/api/%5Bid%5D/route.ts#L5']);
  });

  it('lists suppressed and baselined paths for what they are, and caps long tables', () => {
    const paths = [
      samplePath({ baselined: true }),
      samplePath({ entry: { ...samplePath().entry, name: 'POST /new' }, baselined: false }),
      samplePath({ entry: { ...samplePath().entry, name: 'POST /held' }, suppressed: { reason: 'desk booking', file: 'src/x.ts', line: 3 } }),
    ];
    const md2 = renderMarkdown(sampleReport([sampleCheck(paths)]));
    expect(md2).toContain('(in baseline)');
    expect(md2).toContain('(**new**)');
    expect(md2).toMatch(/<details><summary>1 suppressed path<\/summary>[\s\S]*desk booking/);
    const many = Array.from({ length: 7 }, (_, i) => samplePath({ entry: { ...samplePath().entry, name: `POST /r${i}` } }));
    const capped = rendered(renderMarkdown(sampleReport([sampleCheck(many)]), { maxRows: 5 })).tables[1]!;
    expect(capped).toHaveLength(7);
    expect(capped[6]![0]).toBe('... and 2 more');
  });

  it('says so when nothing fails', () => {
    expect(renderMarkdown(sampleReport([sampleCheck([passingPath()])])).split('\n')[0]).toBe('## bookfirst: no failing checks');
  });
});
