// Reads a source file as text: refuses binary files, decodes UTF-8 (with or without BOM) and
// UTF-16, and reports undecodable bytes instead of failing.
import { createHash } from 'node:crypto';
import fs from 'node:fs';

/** `hash`, when asked for: a digest of the file's bytes, the key of its cache entry. */
export type ReadResult = { ok: true; text: string; warning: string | null; hash?: string } | { ok: false; code: string; message: string };

/** Files larger than this are refused before being read whole. */
const MAX_BYTES = 4_000_000;
/** Manifests, configs, schemas and migrations: a seed-data dump can be larger than any source. */
export const PROJECT_FILE_BYTES = 32_000_000;
/** Below the longest string V8 builds (about 512 MiB): a file of the tool's own (a cache, a baseline) past it is not one it wrote. */
export const TOOL_FILE_BYTES = 500_000_000;

export function readSource(abs: string, options: { hash?: boolean } = {}): ReadResult {
  const read = readBytes(abs);
  if (read.ok && options.hash) read.hash = createHash('sha1').update(read.buf).digest('base64url');
  if (!read.ok) return read;
  const { buf: _, ...result } = read;
  return result;
}

type Refusal = ReadResult & { ok: false };

/**
 * The bytes of a regular file of at most `limit` bytes. Anything else is refused before it is
 * opened: reading a FIFO blocks forever, and a device (`/dev/zero` behind a symlink) never ends.
 */
export function readRegular(abs: string, limit = MAX_BYTES): Refusal | { ok: true; buf: Buffer } {
  const refused = refusalOf(abs, limit);
  if (refused) return refused;
  try {
    return { ok: true, buf: fs.readFileSync(abs) };
  } catch (error) {
    return unreadable(error);
  }
}

/** Why a file cannot be read safely (not a regular file, over `limit`, or missing), or null if it can. */
export function refusalOf(abs: string, limit = MAX_BYTES): Refusal | null {
  try {
    // Most files asked about are missing (a package's manifest in each folder above a file): no error to build for them.
    const stat = fs.statSync(abs, { throwIfNoEntry: false });
    if (!stat) return { ok: false, code: 'unreadable', message: 'could not be read: ENOENT' };
    if (!stat.isFile()) return { ok: false, code: 'not-a-file', message: 'not a regular file (a FIFO, socket or device); not read' };
    if (stat.size > limit) return { ok: false, code: 'too-large', message: `file has ${stat.size} bytes (limit ${limit}); not analyzed` };
    return null;
  } catch (error) {
    return unreadable(error);
  }
}

/** Whether a path is a directory (following links); false when it is anything else or missing. */
export function isDirectory(abs: string): boolean {
  return statOrNull(abs)?.isDirectory() ?? false;
}

/** Whether a path is a regular file (following links); false when it is anything else or missing. */
export function isFile(abs: string): boolean {
  return statOrNull(abs)?.isFile() ?? false;
}

function statOrNull(abs: string): fs.Stats | null {
  try {
    return fs.statSync(abs, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}

function unreadable(error: unknown): Refusal {
  return { ok: false, code: 'unreadable', message: `could not be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
}

/** A configuration or schema file's text, or why it was not read. */
export function readRegularText(abs: string, limit = MAX_BYTES): Refusal | { ok: true; text: string } {
  const read = readRegular(abs, limit);
  // Editors on Windows save JSON as UTF-16 with a BOM: decoded as the sources are; a UTF-8 BOM is
  // dropped as the sources' is (a schema's first `model` line would start with it).
  return read.ok ? { ok: true, text: unicodeText(read.buf) ?? read.buf.toString('utf8').replace(/^\ufeff/, '') } : read;
}

function readBytes(abs: string): Refusal | { ok: true; text: string; warning: string | null; hash?: string; buf: Buffer } {
  const read = readRegular(abs);
  if (!read.ok) return read;
  const { buf } = read;
  const wide = unicodeText(buf);
  if (wide !== null) return { ok: true, text: wide, warning: null, buf };
  if (buf.subarray(0, 8000).includes(0)) return { ok: false, code: 'binary', message: 'file contains NUL bytes (binary); not analyzed' };
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(buf);
  let bad = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1 && bad < 100; i = text.indexOf('\uFFFD', i + 1)) bad++;
  return { ok: true, text, warning: bad > 0 ? 'file is not valid UTF-8; undecodable bytes were replaced' : null, buf };
}

/** Whether bytes open with a UTF-16 or UTF-32 BOM. */
export function hasUnicodeBom(buf: Buffer): boolean {
  return (buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff) || (buf[0] === 0 && buf[1] === 0 && buf[2] === 0xfe && buf[3] === 0xff);
}

/** The text of a file in UTF-32 or UTF-16 with a BOM, or null when it has neither BOM. */
function unicodeText(buf: Buffer): string | null {
  // UTF-32 before UTF-16: its little-endian BOM starts with UTF-16 LE's.
  const utf32 = utf32Text(buf);
  if (utf32 !== null) return utf32;
  if (!hasUnicodeBom(buf)) return null;
  // A truncated file can end on half a code unit: drop the odd byte.
  const even = buf.subarray(2, buf.length - (buf.length % 2));
  return buf[0] === 0xff ? even.toString('utf16le') : Buffer.from(even).swap16().toString('utf16le');
}

/** A UTF-32 file's text (by its BOM), or null; code points past Unicode's range become U+FFFD. */
function utf32Text(buf: Buffer): string | null {
  const le = buf[0] === 0xff && buf[1] === 0xfe && buf[2] === 0 && buf[3] === 0;
  const be = buf[0] === 0 && buf[1] === 0 && buf[2] === 0xfe && buf[3] === 0xff;
  if (!le && !be) return null;
  const parts: string[] = [];
  for (let i = 4; i + 4 <= buf.length; i += 4) {
    const cp = le ? buf.readUInt32LE(i) : buf.readUInt32BE(i);
    parts.push(cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? '\uFFFD' : String.fromCodePoint(cp));
  }
  return parts.join('');
}
