// readSource: encodings, binary refusal and unreadable files.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRegularText, readSource } from '../../src/files/read.js';
import { makeProject } from '../helpers/project.js';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

describe('readSource', () => {
  const text = "const s = 'héllo ✓';\r\nexport default s;\r\n";
  const root = makeProject({
    'plain.ts': "export const a = 'é';\n",
    'bom.ts': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
    'utf16le.ts': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    'utf16be.ts': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]),
    'binary.ts': Buffer.from([0x63, 0x6f, 0x6e, 0x73, 0x74, 0x00, 0x01, 0x02, 0xff]),
    'latin1.ts': Buffer.from([0x63, 0x6f, 0x6e, 0x73, 0x74, 0x20, 0x78, 0x3d, 0x27, 0xe9, 0x27, 0x3b]),
    'locked.ts': 'export const x = 1;\n',
  });
  const read = (name: string) => readSource(path.join(root, name));

  it('reads UTF-8 as is', () => {
    expect(read('plain.ts')).toEqual({ ok: true, text: "export const a = 'é';\n", warning: null });
  });

  it('drops a UTF-8 BOM and keeps CRLF line ends', () => {
    expect(read('bom.ts')).toEqual({ ok: true, text, warning: null });
  });

  it('decodes UTF-16 LE and BE with a BOM', () => {
    expect(read('utf16le.ts')).toEqual({ ok: true, text, warning: null });
    expect(read('utf16be.ts')).toEqual({ ok: true, text, warning: null });
  });

  it('does not throw on a truncated UTF-16 BE file with an odd byte count', () => {
    const file = path.join(root, 'odd-utf16be.ts');
    fs.writeFileSync(file, Buffer.from([0xfe, 0xff, 0x00, 0x61, 0x00]));
    expect(() => readSource(file)).not.toThrow();
    expect(readSource(file)).toMatchObject({ ok: true, text: 'a' });
  });

  it('refuses files with NUL bytes as binary', () => {
    expect(read('binary.ts')).toMatchObject({ ok: false, code: 'binary' });
  });

  it('replaces undecodable bytes and warns', () => {
    const r = read('latin1.ts');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.text).toBe("const x='\uFFFD';");
      expect(r.warning).toMatch(/not valid UTF-8/);
    }
  });

  it('reports a missing file as unreadable', () => {
    expect(read('missing.ts')).toMatchObject({ ok: false, code: 'unreadable' });
  });

  it('reports a file without read permission as unreadable (root reads it anyway)', () => {
    const file = path.join(root, 'locked.ts');
    fs.chmodSync(file, 0o000);
    try {
      if (isRoot) expect(readSource(file)).toEqual({ ok: true, text: 'export const x = 1;\n', warning: null });
      else expect(readSource(file)).toMatchObject({ ok: false, code: 'unreadable' });
    } finally {
      fs.chmodSync(file, 0o644);
    }
  });
});

describe('readRegularText', () => {
  it('drops a UTF-8 BOM, as the sources are decoded: a schema\'s first line starts with its `model`', () => {
    const root = makeProject({});
    const file = path.join(root, 'schema.prisma');
    fs.writeFileSync(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('model Booking {\n  id String @id\n}\n')]));
    const read = readRegularText(file);
    expect(read.ok && read.text.startsWith('model Booking')).toBe(true);
  });
});
