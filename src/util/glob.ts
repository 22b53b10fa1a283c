// Glob and .gitignore patterns compiled to matchers over posix paths (no dependency, no I/O).
// A glob becomes a regular expression when that is safe; one with many wildcards (`*a*a*a*b`,
// `**/x/**/y/**/z`) would make a backtracking regex take exponential time on a path it does not
// match, so it is matched by a linear simulation of its automaton instead.

/** What a compiled glob offers: the `test` of a RegExp. */
export interface PathMatcher {
  test(path: string): boolean;
}

const compiled = new Map<string, PathMatcher>();
/**
 * Wildcards a regex may hold: with three, the worst case is cubic in the length of a path that does
 * not match (route globs such as `**\/app/routes/**\/*.{ts,tsx}` have three and run for every file).
 */
const REGEX_WILDCARDS = 3;
const MAX_REGEX_GLOB = 1_000;

/** Compiles a glob (`*`, `**`, `?`, `{a,b}`, `[abc]`) to a matcher of posix paths (memoized). */
export function globMatcher(glob: string): PathMatcher {
  let re = compiled.get(glob);
  if (!re) compiled.set(glob, (re = compileGlob(glob)));
  return re;
}

type Token = { t: 'lit'; c: string } | { t: 'one' } | { t: 'star' } | { t: 'globstar' } | { t: 'dirs' } | { t: 'set'; re: RegExp } | { t: 'alt'; options: string[] };

function tokenize(glob: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '\\' && i + 1 < glob.length) out.push({ t: 'lit', c: glob[++i]! });
    else if (c === '*') {
      let j = i;
      while (glob[j + 1] === '*') j++;
      if (j === i) out.push({ t: 'star' });
      else if (glob[j + 1] === '/') {
        // `**/**/` is `**/`: repeating it adds nothing but backtracking.
        if (out.at(-1)?.t !== 'dirs') out.push({ t: 'dirs' });
        j++;
      } else out.push({ t: 'globstar' });
      i = j;
    } else if (c === '?') out.push({ t: 'one' });
    else if (c === '{' && glob.indexOf('}', i) !== -1) {
      const close = glob.indexOf('}', i);
      out.push({ t: 'alt', options: glob.slice(i + 1, close).split(',') });
      i = close;
    } else if (c === '[' && glob.indexOf(']', i) !== -1) {
      const close = glob.indexOf(']', i);
      const set = charClass(glob.slice(i + 1, close));
      if (set) {
        out.push({ t: 'set', re: set });
        i = close;
      } else out.push({ t: 'lit', c });
    } else out.push({ t: 'lit', c });
  }
  return out;
}

function compileGlob(glob: string): PathMatcher {
  const tokens = tokenize(glob);
  const wildcards = tokens.filter((k) => k.t === 'star' || k.t === 'globstar' || k.t === 'dirs').length;
  // V8 refuses to compile a very long regex only when it first runs it: a long glob goes to the automaton too.
  if (wildcards > REGEX_WILDCARDS || glob.length > MAX_REGEX_GLOB) return new GlobAutomaton(tokens);
  const source = tokens.map((k) => {
    switch (k.t) {
      case 'lit': return escape(k.c);
      case 'one': return '[^/]';
      case 'star': return '[^/]*';
      case 'globstar': return '.*';
      case 'dirs': return '(?:.*/)?';
      case 'set': return k.re.source.slice(1, -1);
      case 'alt': return '(?:' + k.options.map(escape).join('|') + ')';
    }
  }).join('');
  try {
    return new RegExp('^' + source + '$');
  } catch {
    return new GlobAutomaton(tokens);
  }
}

/** `[a-z]`, `[!ab]`: a one-character class, or null when the class is not valid (`[z-a]`), then `[` is literal. */
function charClass(body: string): RegExp | null {
  try {
    return new RegExp('^[' + body.replace(/^!/, '^').replace(/\\/g, '\\\\') + ']$');
  } catch {
    return null;
  }
}

/** Most token lists an automaton spells its `{a,b}` alternatives out into; past it, braces are literal. */
const MAX_SPELLINGS = 64;

/**
 * A glob matched by simulating its automaton over the path: the set of states reachable so far
 * advances one character at a time, so the work is (path length) x (tokens) whatever the glob.
 * State i < n is "before token i", n is "matched"; n + 1 + i is "inside the `**\/` at i".
 */
class GlobAutomaton implements PathMatcher {
  private readonly spellings: Token[][];

  constructor(tokens: Token[]) {
    let spellings: Token[][] = [[]];
    for (const k of tokens) {
      if (k.t !== 'alt') spellings.forEach((s) => s.push(k));
      else if (spellings.length * k.options.length > MAX_SPELLINGS) spellings.forEach((s) => s.push(...[...`{${k.options.join(',')}}`].map((c): Token => ({ t: 'lit', c }))));
      else spellings = spellings.flatMap((s) => k.options.map((o) => [...s, ...[...o].map((c): Token => ({ t: 'lit', c }))]));
    }
    this.spellings = spellings;
  }

  test(path: string): boolean {
    return this.spellings.some((tokens) => accepts(tokens, path));
  }
}

function accepts(tokens: Token[], path: string): boolean {
  const n = tokens.length;
  const closure = (states: Set<number>): Set<number> => {
    const stack = [...states];
    while (stack.length > 0) {
      const s = stack.pop()!;
      const k = s < n ? tokens[s]! : null;
      const more = k?.t === 'star' || k?.t === 'globstar' ? [s + 1] : k?.t === 'dirs' ? [s + 1, n + 1 + s] : [];
      for (const m of more) {
        if (states.has(m)) continue;
        states.add(m);
        stack.push(m);
      }
    }
    return states;
  };
  let current = closure(new Set([0]));
  for (const ch of path) {
    const next = new Set<number>();
    for (const s of current) {
      if (s > n) {
        next.add(s);
        if (ch === '/') next.add(s - n);
        continue;
      }
      const k = tokens[s];
      if (!k) continue;
      if ((k.t === 'star' && ch !== '/') || k.t === 'globstar') next.add(s);
      else if (k.t === 'lit' ? k.c === ch : k.t === 'one' ? ch !== '/' : k.t === 'set' && k.re.test(ch)) next.add(s + 1);
    }
    if (next.size === 0) return false;
    current = closure(next);
  }
  return current.has(n);
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, (m) => '\\' + m);
}

interface IgnoreRule {
  re: PathMatcher;
  negate: boolean;
  dirOnly: boolean;
}

/** Rules kept per .gitignore: every listed path is tested against each, so a generated 50,000-line file would stall the walk. */
export const MAX_RULES = 2_000;

/** The rules of one .gitignore file, relative to the directory that holds it. */
export class IgnoreRules {
  private readonly rules: IgnoreRule[] = [];
  /** Rules past MAX_RULES, not applied (their files are scanned: more work, never a missed path). */
  readonly dropped: number = 0;

  constructor(text: string) {
    for (let line of text.split(/\r?\n/)) {
      line = trimUnescaped(line);
      if (!line || line.startsWith('#')) continue;
      if (this.rules.length >= MAX_RULES) {
        (this as { dropped: number }).dropped++;
        continue;
      }
      const negate = line.startsWith('!');
      if (negate) line = line.slice(1);
      const dirOnly = line.endsWith('/');
      if (dirOnly) line = line.slice(0, -1);
      const anchored = line.includes('/');
      if (line.startsWith('/')) line = line.slice(1);
      const glob = anchored ? line : `**/${line}`;
      this.rules.push({ re: globMatcher(glob), negate, dirOnly });
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

/** Trailing whitespace goes unless escaped (`foo\\ `); a loop, as a regex for it is quadratic on long runs of spaces. */
function trimUnescaped(line: string): string {
  let end = line.length;
  while (end > 0 && /\s/.test(line[end - 1]!) && line[end - 2] !== '\\') end--;
  return line.slice(0, end);
}
