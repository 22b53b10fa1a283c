// Every output format, chosen by name; each reporter is a pure function of the report.
import type { Report } from '../model/report.js';
import { renderAuditBuffet } from './auditbuffet.js';
import { renderHtml } from './html.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderSarif } from './sarif.js';
import { renderText } from './text.js';

export const FORMATS = ['text', 'json', 'sarif', 'markdown', 'html', 'auditbuffet'] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  color?: boolean;
  verbose?: boolean;
  /** URL prefix for file links in Markdown and HTML. */
  linkBase?: string | null;
  /** Keep suppressed results in SARIF. */
  includeSuppressed?: boolean;
}

export function render(report: Report, format: Format, options: RenderOptions = {}): string {
  switch (format) {
    case 'text':
      return renderText(report, { color: options.color ?? false, verbose: options.verbose });
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarif(report, { includeSuppressed: options.includeSuppressed });
    case 'markdown':
      return renderMarkdown(report, { linkBase: options.linkBase });
    case 'html':
      return renderHtml(report, { linkBase: options.linkBase });
    case 'auditbuffet':
      return renderAuditBuffet(report);
  }
}
