// Which files git tracks, read from the root's `.git/index` (https://git-scm.com/docs/index-format).
// A committed file that a `.gitignore` also names (a `schema.prisma` checked in before the line
// that ignores it was added) is in every clone, and git keeps tracking it: the listing must not
// drop it. Only the index's entry paths are read; nothing of git is run.
import path from 'node:path';
import { readRegular } from './read.js';

/** An index holds a fixed header per entry; a real one for a million files is well under this. */
const INDEX_BYTES = 256_000_000;
/** Fixed-size part of an entry: ctime, mtime, dev, ino, mode, uid, gid, size, object id, flags. */
const ENTRY_HEAD = 62;
const EXTENDED = 0x4000;
/** Linux's PATH_MAX: no file a checkout holds has a longer path. */
const MAX_PATH = 4_096;

export interface TrackedFiles {
  files: Set<string>;
  /** Every directory holding a tracked file, at any depth: an ignored one must still be walked. */
  dirs: Set<string>;
}

/**
 * The files tracked in the root's git index, or null when there is none; `error` says why an index
 * could not be read. A `.git` file (a worktree, a submodule) names the git directory that holds it.
 */
export function trackedFiles(root: string): { tracked: TrackedFiles | null; error: string | null } {
  const link = readRegular(path.join(root, '.git'), 4096);
  const gitdir = link.ok ? /^gitdir: *(.+?)\s*$/m.exec(link.buf.toString('utf8'))?.[1] : undefined;
  const read = readRegular(path.join(gitdir ? path.resolve(root, gitdir) : path.join(root, '.git'), 'index'), INDEX_BYTES);
  if (!read.ok) return { tracked: null, error: read.code === 'unreadable' && /ENOENT|ENOTDIR/.test(read.message) ? null : read.message };
  try {
    const files = entryPaths(read.buf);
    const dirs = new Set<string>();
    for (const f of files) {
      for (let i = f.lastIndexOf('/'); i > 0; i = f.lastIndexOf('/', i - 1)) {
        const dir = f.slice(0, i);
        if (dirs.has(dir)) break;
        dirs.add(dir);
      }
    }
    return { tracked: { files, dirs }, error: null };
  } catch (error) {
    return { tracked: null, error: (error as Error).message };
  }
}

/** Entry paths of an index of version 2, 3 or 4 (4 writes each path as a cut of the previous one plus a suffix). */
export function entryPaths(buf: Buffer): Set<string> {
  if (buf.length < 12 || buf.toString('latin1', 0, 4) !== 'DIRC') throw new Error('not a git index (no DIRC header)');
  const version = buf.readUInt32BE(4);
  if (version < 2 || version > 4) throw new Error(`git index version ${version} is not known`);
  const count = buf.readUInt32BE(8);
  const out = new Set<string>();
  let at = 12;
  let previous: Buffer = Buffer.alloc(0);
  // Version 4 spells each path as a cut of the previous one plus a suffix: a crafted index of a few
  // megabytes whose paths each grow by a byte spells gigabytes. Real paths share prefixes, so what
  // they spell stays within a few times the index's own size.
  let spelled = 0;
  const spellable = 4 * buf.length + MAX_PATH;
  for (let n = 0; n < count; n++) {
    const start = at;
    if (at + ENTRY_HEAD > buf.length) throw new Error('git index ends inside an entry');
    const flags = buf.readUInt16BE(at + ENTRY_HEAD - 2);
    at += ENTRY_HEAD + (version >= 3 && flags & EXTENDED ? 2 : 0);
    let name: Buffer;
    if (version === 4) {
      // Git's offset varint (varint.c): each continuation byte adds one before shifting.
      if (at >= buf.length) throw new Error('git index ends inside an entry');
      let byte = buf[at++]!;
      let cut = byte & 0x7f;
      while (byte & 0x80) {
        if (at >= buf.length) throw new Error('git index ends inside an entry');
        byte = buf[at++]!;
        cut = (cut + 1) * 128 + (byte & 0x7f);
      }
      const end = buf.indexOf(0, at);
      if (end === -1 || cut > previous.length) throw new Error('git index entry path is damaged');
      name = Buffer.concat([previous.subarray(0, previous.length - cut), buf.subarray(at, end)]);
      at = end + 1;
    } else {
      const end = buf.indexOf(0, at);
      if (end === -1) throw new Error('git index entry path is damaged');
      name = buf.subarray(at, end);
      // One to eight NULs pad the entry to a multiple of eight bytes.
      at = start + Math.ceil((end - start + 1) / 8) * 8;
    }
    spelled += name.length;
    if (name.length > MAX_PATH || spelled > spellable) throw new Error('git index entry paths are damaged (longer than any path a checkout holds)');
    previous = name;
    out.add(name.toString('utf8'));
  }
  return out;
}
