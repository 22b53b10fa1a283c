// Component files hold their code inside markup: Svelte and Vue in top-level `<script>` blocks
// (the instance one beside `<script context="module">` / `<script module>` / `<script setup>`),
// Astro in its frontmatter fence, the code its server runs for each request. The code is parsed in
// place: everything around it is blanked (line breaks kept), so every offset, line and column the
// parse gives is the component file's own.

export const COMPONENT_FILE = /\.(?:svelte|vue|astro)$/;

export type ScriptLang = 'ts' | 'tsx' | 'js' | 'jsx';

export interface EmbeddedCode {
  /** The file's text with everything but its code blanked: as long as the file, same lines. */
  text: string;
  /** The code alone, block after block (what the parser guards look at: a long template line is no minified code). */
  code: string;
  lang: ScriptLang;
  /** Astro frontmatter: a top-level `return Astro.redirect(...)` is allowed there. */
  frontmatter: boolean;
}

// Only a block opening its line counts as top level: formatters indent the scripts nested in
// markup (`<svelte:head>`, a page's analytics snippet), which the browser runs, not the component.
// Each search runs on from where the last stopped, never back over the text: a file of unclosed
// tags stays linear.
// Quoted attribute values may hold `<` and `>` (Vue's `generic="T extends Record<string, unknown>"`).
const OPEN = /^<script\b((?:[^<>"']|"[^"]{0,500}"|'[^']{0,500}'){0,1000})>/gim;
const CLOSE = /<\/script\s*>/gi;
const FENCE = /^(\uFEFF?\s*---[^\S\r\n]*\r?\n)([\s\S]*?)\r?\n---[^\S\r\n]*(?:\r?\n|$)/;
/** `type` values of code (anything else, `application/ld+json`, is data). */
const CODE_TYPES = /^(?:module|text\/(?:java|type)script|application\/(?:java|type)script)$/i;

/** The code of a component file, or null for any other file. */
export function embeddedCode(file: string, source: string): EmbeddedCode | null {
  if (!COMPONENT_FILE.test(file)) return null;
  const spans: [number, number][] = [];
  let lang: ScriptLang = 'js';
  const frontmatter = file.endsWith('.astro');
  if (frontmatter) {
    const fence = FENCE.exec(source);
    if (fence) spans.push([fence[1]!.length, fence[1]!.length + fence[2]!.length]);
    lang = 'ts';
  } else {
    const markup = withoutComments(source);
    OPEN.lastIndex = 0;
    for (let m = OPEN.exec(markup); m; m = OPEN.exec(markup)) {
      const start = m.index + m[0].length;
      CLOSE.lastIndex = start;
      const close = CLOSE.exec(markup);
      if (!close) break;
      OPEN.lastIndex = CLOSE.lastIndex;
      const attrs = m[1]!;
      const type = attribute(attrs, 'type');
      if (attribute(attrs, 'src') !== null || (type !== null && !CODE_TYPES.test(type))) continue;
      spans.push([start, close.index]);
      lang = widerLang(lang, attribute(attrs, 'lang'));
    }
  }
  const parts: string[] = [];
  let text = '';
  let at = 0;
  for (const [start, end] of spans) {
    text += blank(source.slice(at, start)) + source.slice(start, end);
    parts.push(source.slice(start, end));
    at = end;
  }
  text += blank(source.slice(at));
  return { text, code: parts.join('\n'), lang, frontmatter };
}

/** A commented-out block is no code: comments blanked, offsets kept. */
function withoutComments(source: string): string {
  let out = '';
  let at = 0;
  for (let open = source.indexOf('<!--'); open !== -1; open = source.indexOf('<!--', at)) {
    const close = source.indexOf('-->', open + 4);
    const end = close === -1 ? source.length : close + 3;
    out += source.slice(at, open) + blank(source.slice(open, end));
    at = end;
  }
  return out + source.slice(at);
}

function blank(text: string): string {
  return text.replace(/[^\r\n]/g, ' ');
}

function attribute(attrs: string, name: string): string | null {
  const m = new RegExp(`(?:^|\\s)${name}\\s*(?:=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'>]+)))?`, 'i').exec(attrs);
  return m ? (m[1] ?? m[2] ?? m[3] ?? '') : null;
}

/** TypeScript parses JavaScript too: one TS block makes the whole file TS, one JSX block JSX. */
function widerLang(current: ScriptLang, declared: string | null): ScriptLang {
  const ts = current === 'ts' || current === 'tsx' || declared === 'ts' || declared === 'typescript' || declared === 'tsx';
  const jsx = current === 'tsx' || current === 'jsx' || declared === 'tsx' || declared === 'jsx';
  return ts ? (jsx ? 'tsx' : 'ts') : jsx ? 'jsx' : 'js';
}
