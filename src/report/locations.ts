// Where a reported file is for tools outside the scan: paths from the directory bookfirst ran in
// (the repository root in CI), which is what code scanning and pull-request links expect.
import path from 'node:path';

/** `file` (relative to the scanned root) as a path relative to the working directory, when known. */
export function projectPath(root: string, file: string): string {
  const base = root.replace(/\\/g, '/');
  if (base.startsWith('/') || /^[A-Za-z]:/.test(base)) return file;
  const joined = path.posix.normalize(`${base}/${file}`);
  return joined.startsWith('../') ? file : joined;
}

/**
 * A path as a URI reference, segment by segment: `#`, `?`, `%` and a `:` in a file name
 * (`app/[slug]/page#1.ts`, `notes:old.ts`) must not read as a fragment, a query or a scheme, and
 * parentheses would end a Markdown link.
 */
export function uriPath(p: string): string {
  return p.split('/').map((s) => encodeURIComponent(s).replace(/[()!*']/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)).join('/');
}

/** A link to a line: relative to the working directory, or under `linkBase` when given. */
export function lineLink(root: string, file: string, line: number, linkBase: string | null): string {
  const target = `${uriPath(projectPath(root, file))}#L${line}`;
  if (!linkBase) return target;
  return linkBase.endsWith('/') ? linkBase + target : `${linkBase}/${target}`;
}
