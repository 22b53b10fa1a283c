// Library API: scan a directory and get the report; reporters are pure functions of it.
export { scan, UsageError, type ScanOptions } from './engine/run.js';
export { ConfigError, loadConfig, parseConfig, validateConfig, type BookfirstConfig, type ConfigProblem } from './project/config.js';
export { applyBaseline, baselineOf, parseBaseline, renderBaseline, type Baseline, type BaselineEntry } from './engine/baseline.js';
export { renderJson } from './report/json.js';
export { renderText, type TextOptions } from './report/text.js';
export { renderSarif, type SarifOptions } from './report/sarif.js';
export { renderMarkdown, type MarkdownOptions } from './report/markdown.js';
export { renderHtml, type HtmlOptions } from './report/html.js';
export { renderAuditBuffet } from './report/auditbuffet.js';
export { render, FORMATS, type Format, type RenderOptions } from './report/render.js';
export type * from './model/report.js';
