// Library API: scan a directory and get the report; reporters are pure functions of it.
export { scan, UsageError, type ScanOptions } from './engine/run.js';
export { renderJson } from './report/json.js';
export { renderText, type TextOptions } from './report/text.js';
export type * from './model/report.js';
