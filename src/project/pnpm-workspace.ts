// `pnpm-workspace.yaml` (https://pnpm.io/pnpm-workspace_yaml): bookfirst needs none of it, as the
// walk finds every package.json, but pnpm fails on a broken one, so what is wrong is said. No YAML
// parser is shipped: the file is checked line by line for what breaks it in practice (a binary
// file, tab indentation, a quote left open, a line that is no YAML at all, `packages` not a list).

const KEY = /^(?:"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#:{}[\],&*!|>'"%@`-][^#]*?)\s*:(?:\s|$)/;

/** What makes the file unreadable to pnpm, or null when nothing does. */
export function pnpmWorkspaceProblem(text: string): string | null {
  if (text.includes('\0')) return 'file contains NUL bytes (binary)';
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [i, line] of lines.entries()) {
    if (isBlank(line) || line === '---' || line === '...') continue;
    if (/^[ ]*\t/.test(line)) return `line ${i + 1} is indented with a tab, which YAML does not allow`;
    const body = line.trimStart();
    const value = /^-(?:\s+|$)/.test(body) ? body.replace(/^-\s*/, '') : KEY.test(body) ? body.replace(KEY, '').trimStart() : body;
    if (openQuote(value)) return `line ${i + 1} has a quote that is not closed`;
    if (line === body && !KEY.test(body) && !/^-(?:\s|$)/.test(body) && !/^\{.*\}\s*(?:#.*)?$/.test(body)) {
      return `line ${i + 1} is not YAML (\`key: value\`, \`- item\` or a comment)`;
    }
  }
  return packagesIsList(lines) ? null : '`packages` is not a list of folder globs';
}

function isBlank(line: string): boolean {
  return /^\s*(?:#.*)?$/.test(line);
}

/** Whether a value opens a quoted scalar it does not close on its line. */
function openQuote(value: string): boolean {
  if (value.startsWith('"')) return !/^"(?:[^"\\]|\\.)*"/.test(value);
  if (value.startsWith("'")) return !/^'(?:[^']|'')*'/.test(value);
  return false;
}

/** `packages:` followed by `- item` lines or a `[...]` flow list (or absent, or empty). */
function packagesIsList(lines: string[]): boolean {
  const at = lines.findIndex((l) => /^packages\s*:(?:\s|$)/.test(l));
  if (at === -1) return true;
  const inline = lines[at]!.replace(/^packages\s*:/, '').replace(/\s+#.*$/, '').trim();
  if (inline) return inline.startsWith('[');
  const next = lines.slice(at + 1).find((l) => !isBlank(l));
  // A key at the margin ends an empty `packages` (null: pnpm takes none).
  if (next === undefined || (next === next.trimStart() && !next.startsWith('-'))) return true;
  return /^-(?:\s|$)/.test(next.trimStart());
}
