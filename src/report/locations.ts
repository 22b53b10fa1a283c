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

/** A link to a line: relative to the working directory, or under `linkBase` when given. */
export function lineLink(root: string, file: string, line: number, linkBase: string | null): string {
  const target = `${encodeURI(projectPath(root, file)).replace(/\(/g, '%28').replace(/\)/g, '%29')}#L${line}`;
  if (!linkBase) return target;
  return linkBase.endsWith('/') ? linkBase + target : `${linkBase}/${target}`;
}
