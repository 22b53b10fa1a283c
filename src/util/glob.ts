// Glob and .gitignore patterns compiled to regular expressions (no dependency, no I/O).

const compiled = new Map<string, RegExp>();

/** Compiles a glob (`*`, `**`, `?`, `{a,b}`, `[abc]`) to a regex over posix paths (memoized). */
export function globToRegExp(glob: string): RegExp {
  let re = compiled.get(glob);
  if (!re) compiled.set(glob, (re = compileGlob(glob)));
  return re;
}

function compileGlob(glob: string): RegExp {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*') {
      if (glob[i + 1] === '*') {
        const slash = glob[i + 2] === '/';
        re += slash ? '(?:.*/)?' : '.*';
        i += slash ? 2 : 1;
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '{') {
      const close = glob.indexOf('}', i);
      if (close === -1) re += '\\{';
      else {
        re += '(?:' + glob.slice(i + 1, close).split(',').map(escape).join('|') + ')';
        i = close;
      }
    } else if (c === '[') {
      const close = glob.indexOf(']', i);
      if (close === -1) re += '\\[';
      else {
        re += '[' + glob.slice(i + 1, close).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
        i = close;
      }
    } else re += escape(c);
  }
  return new RegExp('^' + re + '$');
}

function escape(s: string): string {
  return s.replace(/[.+^$()|\\/]/g, (m) => '\\' + m);
}

interface IgnoreRule {
  re: RegExp;
  negate: boolean;
  dirOnly: boolean;
}

/** The rules of one .gitignore file, relative to the directory that holds it. */
export class IgnoreRules {
  private readonly rules: IgnoreRule[] = [];

  constructor(text: string) {
    for (let line of text.split(/\r?\n/)) {
      line = line.replace(/(?<!\\)\s+$/, '');
      if (!line || line.startsWith('#')) continue;
      const negate = line.startsWith('!');
      if (negate) line = line.slice(1);
      const dirOnly = line.endsWith('/');
      if (dirOnly) line = line.slice(0, -1);
      const anchored = line.includes('/');
      if (line.startsWith('/')) line = line.slice(1);
      const glob = anchored ? line : `**/${line}`;
      this.rules.push({ re: globToRegExp(glob), negate, dirOnly });
    }
  }

  /** true = ignored, false = re-included, null = no rule speaks. `rel` is relative to the file's dir. */
  match(rel: string, isDir: boolean): boolean | null {
    let result: boolean | null = null;
    for (const r of this.rules) {
      if (r.dirOnly && !isDir) continue;
      if (r.re.test(rel)) result = !r.negate;
    }
    return result;
  }
}
