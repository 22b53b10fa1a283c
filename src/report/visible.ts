// What the scanned tree puts in a report (file names, code lines, entity names) reaches a terminal
// as it is in the text report: a file named with an escape sequence could retitle the terminal,
// clear it or hide the lines before it, and bidirectional overrides make a code line read otherwise
// than it runs ("Trojan Source", CVE-2021-42574). Such characters are shown as escapes instead.
const INVISIBLE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export function visibleText(text: string): string {
  return text.replace(INVISIBLE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** A copy of a value whose strings, at any depth, have their invisible characters escaped. */
export function visibleStrings<T>(value: T): T {
  if (typeof value === 'string') return visibleText(value) as T;
  if (Array.isArray(value)) return value.map(visibleStrings) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, visibleStrings(v)])) as T;
  }
  return value;
}
