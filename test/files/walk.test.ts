// listFiles: kinds, skipped folders, .gitignore, tests, generated files, excludes and symlinks.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../../src/files/walk.js';
import { makeProject } from '../helpers/project.js';

const paths = (root: string, options = {}) => listFiles(root, options).files.map((f) => f.path);

describe('listFiles', () => {
  const root = makeProject({
    'package.json': '{}',
    'tsconfig.json': '{}',
    'tsconfig.build.json': '{}',
    'jsconfig.json': '{}',
    'deno.json': '{}',
    'prisma/schema.prisma': 'model Booking { id Int @id }',
    'db/migrations/001.sql': 'create table bookings (id int);',
    'src/a.ts': '',
    'src/b.tsx': '',
    'src/c.mjs': '',
    'src/d.cts': '',
    'src/readme.md': '',
    'src/types.d.ts': '',
    'src/vendor.min.js': '',
    'src/app.bundle.js': '',
    'src/a.test.ts': '',
    'src/__tests__/x.ts': '',
    'tests/e2e.ts': '',
    'node_modules/stripe/index.js': '',
    'dist/index.js': '',
    '.next/server.js': '',
    '.git/hooks/pre-commit.js': '',
    'packages/api/package.json': '{}',
    'packages/api/node_modules/x/index.js': '',
    'packages/api/src/index.ts': '',
  });

  it('lists sources, manifests, configs and schemas with their kinds, sorted', () => {
    const listed = listFiles(root).files;
    expect(listed.map((f) => `${f.path} ${f.kind}`)).toEqual([
      'db/migrations/001.sql sql',
      'deno.json deno',
      'jsconfig.json tsconfig',
      'package.json manifest',
      'packages/api/package.json manifest',
      'packages/api/src/index.ts source',
      'prisma/schema.prisma schema',
      'src/a.ts source',
      'src/b.tsx source',
      'src/c.mjs source',
      'src/d.cts source',
      'tsconfig.build.json tsconfig',
      'tsconfig.json tsconfig',
    ]);
    expect(listed.every((f) => path.isAbsolute(f.abs) && fs.existsSync(f.abs))).toBe(true);
  });

  it('lists a module named like a test script outside test folders, marked as one, and as a test when tests are asked for', () => {
    const scripts = makeProject({ 'src/lib/test-accounts.ts': '', 'test_db.js': '', 'src/a.test.ts': '', 'tests/test-x.ts': '', 'src/b.ts': '' });
    const listed = (options = {}) => listFiles(scripts, options).files.map((f) => `${f.path} ${f.test ? 'test' : f.testScript ? 'script' : 'source'}`);
    expect(listed()).toEqual(['src/b.ts source', 'src/lib/test-accounts.ts script', 'test_db.js script']);
    expect(listed({ includeTests: true })).toEqual(['src/a.test.ts test', 'src/b.ts source', 'src/lib/test-accounts.ts test', 'test_db.js test', 'tests/test-x.ts test']);
  });

  it('includes test files, marked, only when asked', () => {
    const listed = listFiles(root, { includeTests: true }).files.filter((f) => f.test).map((f) => f.path);
    expect(listed).toEqual(['src/__tests__/x.ts', 'src/a.test.ts', 'tests/e2e.ts']);
  });

  it('leaves out files matching an exclude glob', () => {
    expect(paths(root, { exclude: ['src/**'] }).filter((p) => p.startsWith('src/'))).toEqual([]);
    expect(paths(root, { exclude: ['**/*.tsx'] })).not.toContain('src/b.tsx');
    expect(paths(root, { exclude: ['**/*.tsx'] })).toContain('src/a.ts');
  });
});

describe('listFiles and .gitignore', () => {
  const root = makeProject({
    '.gitignore': '# generated\n/generated\n*.log.ts\ncache/\n!keep.log.ts\nsrc/legacy/*.ts\n',
    'generated/client.ts': '',
    'src/generated/ok.ts': '',
    'src/debug.log.ts': '',
    'src/keep.log.ts': '',
    'src/cache/x.ts': '',
    'src/legacy/old.ts': '',
    'src/legacy/deep/kept.ts': '',
    'apps/web/.gitignore': 'local.ts\n',
    'apps/web/local.ts': '',
    'apps/web/page.ts': '',
    'apps/other/local.ts': '',
  });

  it('honours anchored, unanchored, negated, directory-only and nested rules', () => {
    expect(paths(root)).toEqual([
      'apps/other/local.ts',
      'apps/web/page.ts',
      'src/generated/ok.ts',
      'src/keep.log.ts',
      'src/legacy/deep/kept.ts',
    ]);
  });

  it('reads a .gitignore saved with a UTF-8 BOM and CRLF line ends as git does: every rule applies', () => {
    const saved = makeProject({
      '.gitignore': '\ufeffsrc/gen/\r\n*.tmp.ts\r\n',
      'src/gen/x.ts': '',
      'src/a.tmp.ts': '',
      'src/b.ts': '',
    });
    expect(paths(saved)).toEqual(['src/b.ts']);
  });
});

// Real git writes the index; every version it can write is read.
describe('listFiles and files git tracks', () => {
  const git = (root: string, ...args: string[]) => execFileSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', '-c', 'commit.gpgsign=false', '-c', 'init.defaultBranch=main', ...args], { cwd: root, stdio: 'pipe' });
  const project = () => makeProject({
    '.gitignore': 'prisma/\n*.gen.ts\n',
    'prisma/schema.prisma': 'model Booking { id Int @id }',
    'prisma/seed.ts': '',
    'prisma/nested/deep.ts': '',
    'src/client.gen.ts': '',
    'src/local.gen.ts': '',
    'src/app.ts': '',
  });
  // Committed before the .gitignore named them: git still tracks them, untracked siblings stay ignored.
  const commit = (root: string) => {
    git(root, 'init', '-q');
    git(root, 'add', '-f', 'prisma/schema.prisma', 'prisma/nested/deep.ts', 'src/client.gen.ts');
    git(root, 'add', '.');
  };
  const expected = ['prisma/nested/deep.ts', 'prisma/schema.prisma', 'src/app.ts', 'src/client.gen.ts'];

  for (const version of ['2', '3', '4']) {
    it(`lists ignored files the index (version ${version}) tracks, and no untracked ignored one`, () => {
      const root = project();
      commit(root);
      // Version 3 is written when an entry has extended flags (intent to add).
      if (version === '3') git(root, 'add', '-N', '-f', 'src/local.gen.ts');
      else git(root, 'update-index', '--index-version', version);
      expect(fs.readFileSync(path.join(root, '.git/index')).readUInt32BE(4)).toBe(Number(version));
      expect(paths(root)).toEqual(version === '3' ? [...expected, 'src/local.gen.ts'].sort() : expected);
    });
  }

  it('without an index honours the .gitignore alone', () => {
    expect(paths(project())).toEqual(['src/app.ts']);
  });

  it('reads the index of a worktree where its .git file points, and none where it points nowhere', () => {
    const main = project();
    commit(main);
    git(main, 'commit', '-q', '-m', 'first');
    const worktree = path.join(makeProject({}), 'wt');
    git(main, 'worktree', 'add', '-q', worktree);
    expect(fs.statSync(path.join(worktree, '.git')).isFile()).toBe(true);
    expect(paths(worktree)).toEqual(expected);
    fs.writeFileSync(path.join(worktree, '.git'), 'gitdir: ../nowhere/.git/worktrees/x\n');
    const { files, diagnostics } = listFiles(worktree);
    expect(files.map((f) => f.path)).toEqual(['src/app.ts']);
    expect(diagnostics).toEqual([]);
  });

  it('reports a damaged index and honours the .gitignore alone', () => {
    const root = project();
    commit(root);
    const index = path.join(root, '.git/index');
    fs.writeFileSync(index, fs.readFileSync(index).subarray(0, 40));
    const { files, diagnostics } = listFiles(root);
    expect(files.map((f) => f.path)).toEqual(['src/app.ts']);
    expect(diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual(['.git/index git-index-unread']);
  });

  it('refuses a version 4 index whose paths each grow by a byte (gigabytes of text from megabytes), in time', () => {
    const root = project();
    const count = 60_000;
    const header = Buffer.alloc(12);
    header.write('DIRC', 0, 'latin1');
    header.writeUInt32BE(4, 4);
    header.writeUInt32BE(count, 8);
    // Each entry: the fixed head, a cut of 0 bytes from the previous path, and one more byte.
    const entry = Buffer.alloc(65);
    entry.writeUInt16BE(1, 60);
    entry.write('a', 63, 'latin1');
    fs.mkdirSync(path.join(root, '.git'));
    fs.writeFileSync(path.join(root, '.git/index'), Buffer.concat([header, ...Array.from({ length: count }, () => entry)]));
    const started = performance.now();
    const { files, diagnostics } = listFiles(root);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(files.map((f) => f.path)).toEqual(['src/app.ts']);
    expect(diagnostics.map((d) => `${d.file} ${d.code}`)).toEqual(['.git/index git-index-unread']);
  });
});

describe('listFiles and symlinks', () => {
  it('does not follow a symlink that leaves the root', () => {
    const outside = makeProject({ 'secret.ts': 'export const s = 1;' });
    const root = makeProject({ 'src/a.ts': '' });
    fs.symlinkSync(outside, path.join(root, 'src/out'));
    fs.symlinkSync(path.join(outside, 'secret.ts'), path.join(root, 'src/secret.ts'));
    const { files, diagnostics } = listFiles(root);
    expect(files.map((f) => f.path)).toEqual(['src/a.ts']);
    expect(diagnostics.map((d) => `${d.file} ${d.code}`).sort()).toEqual(['src/out symlink-skipped', 'src/secret.ts symlink-skipped']);
  });

  it('reports a broken symlink and a directory linked into itself', () => {
    const root = makeProject({ 'a/f.ts': '' });
    fs.symlinkSync('../a', path.join(root, 'a/self'));
    fs.symlinkSync('./nowhere.ts', path.join(root, 'a/broken.ts'));
    const { files, diagnostics } = listFiles(root);
    expect(files.map((f) => f.path)).toEqual(['a/f.ts']);
    expect(diagnostics.map((d) => `${d.file} ${d.code}`).sort()).toEqual(['a/broken.ts symlink-skipped', 'a/self symlink-loop']);
  });

  it('lists a symlinked file inside the root under its link name', () => {
    const root = makeProject({ 'src/real.ts': '' });
    fs.symlinkSync('real.ts', path.join(root, 'src/alias.ts'));
    expect(paths(root)).toEqual(['src/alias.ts', 'src/real.ts']);
  });

  it('lists the files of a directory once even when a symlink inside the root also leads to it', () => {
    // Whichever name sorts first, each real file is listed under one path only.
    for (const link of ['aaa', 'zzz']) {
      const root = makeProject({ 'src/app/route.ts': '' });
      fs.symlinkSync('src', path.join(root, link));
      const real = listFiles(root).files.map((f) => fs.realpathSync(f.abs));
      expect(new Set(real).size, `link named ${link}`).toBe(real.length);
      expect(real).toHaveLength(1);
    }
  });
});
