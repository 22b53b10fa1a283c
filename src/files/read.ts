// Reads a source file as text: refuses binary files, decodes UTF-8 (with or without BOM) and
// UTF-16, and reports undecodable bytes instead of failing.
import { createHash } from 'node:crypto';
import fs from 'node:fs';

/** `hash`, when asked for: a digest of the file's bytes, the key of its cache entry. */
export type ReadResult = { ok: true; text: string; warning: string | null; hash?: string } | { ok: false; code: string; message: string };

/** Files larger than this are refused before being read whole. */
const MAX_BYTES = 4_000_000;

export function readSource(abs: string, options: { hash?: boolean } = {}): ReadResult {
  const read = readBytes(abs);
  if (read.ok && options.hash) read.hash = createHash('sha1').update(read.buf).digest('base64url');
  if (!read.ok) return read;
  const { buf: _, ...result } = read;
  return result;
}

function readBytes(abs: string): (ReadResult & { ok: false }) | { ok: true; text: string; warning: string | null; hash?: string; buf: Buffer } {
  let buf: Buffer;
  try {
    const size = fs.statSync(abs).size;
    if (size > MAX_BYTES) return { ok: false, code: 'too-large', message: `file has ${size} bytes (limit ${MAX_BYTES}); not analyzed` };
    buf = fs.readFileSync(abs);
  } catch (error) {
    return { ok: false, code: 'unreadable', message: `could not be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` };
  }
  if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
    const le = buf[0] === 0xff;
    const body = buf.subarray(2);
    // A truncated file can end on half a code unit: drop the odd byte.
    const even = body.subarray(0, body.length - (body.length % 2));
    const text = le ? even.toString('utf16le') : Buffer.from(even).swap16().toString('utf16le');
    return { ok: true, text, warning: null, buf };
  }
  if (buf.subarray(0, 8000).includes(0)) return { ok: false, code: 'binary', message: 'file contains NUL bytes (binary); not analyzed' };
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(buf);
  let bad = 0;
  for (let i = text.indexOf('\uFFFD'); i !== -1 && bad < 100; i = text.indexOf('\uFFFD', i + 1)) bad++;
  return { ok: true, text, warning: bad > 0 ? 'file is not valid UTF-8; undecodable bytes were replaced' : null, buf };
}
