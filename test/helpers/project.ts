// Small throwaway projects written to the OS temp dir, and the resolver and evaluator built over
// them the way the engine builds them.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, onTestFinished } from 'vitest';
import { parseSourcesHere } from '../../src/engine/parse-all.js';
import { listFiles } from '../../src/files/walk.js';
import type { FileIR } from '../../src/model/ir.js';
import type { Value } from '../../src/model/values.js';
import { discoverProject, type Project } from '../../src/project/discover.js';
import { RECOGNIZERS } from '../../src/recognizers/index.js';
import { ModuleResolver } from '../../src/resolve/resolve.js';
import { Evaluator } from '../../src/symbols/evaluate.js';

/**
 * Writes `files` (root-relative path -> contents) under a fresh temp dir, removed when the test that
 * made it finishes, or after the suite when made while the suite is collected (the resolver reads
 * the disk lazily, so a suite's projects must outlive its tests).
 */
export function makeProject(files: Record<string, string | Buffer>, prefix = 'bookfirst-test-'): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const remove = () => fs.rmSync(root, { recursive: true, force: true });
  if (expect.getState().currentTestName !== undefined) onTestFinished(remove);
  else afterAll(remove);
  writeFiles(root, files);
  return root;
}

export function writeFiles(root: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    const abs = path.join(root, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, content);
  }
}

export interface Loaded {
  root: string;
  project: Project;
  files: Map<string, FileIR>;
  resolver: ModuleResolver;
  ev: Evaluator;
}

export function load(root: string): Loaded {
  const listed = listFiles(root);
  const project = discoverProject(root, listed.files);
  const parsed = parseSourcesHere(listed.files.filter((f) => f.kind === 'source'));
  const files = new Map(parsed.files.map((ir) => [ir.file, ir]));
  const resolver = new ModuleResolver(project, new Set(files.keys()), RECOGNIZERS);
  return { root, project, files, resolver, ev: new Evaluator(files, resolver) };
}

/** A compact, stable text for a resolved value: `stripe new().paymentIntents`, `inst a.ts#Repo`... */
export function show(ev: Evaluator, v: Value): string {
  switch (v.t) {
    case 'ext':
      return `${v.module} ${v.steps.map((s) => s.p).join('.')}${v.typeArgs && v.typeArgs.length > 0 ? ` <${v.typeArgs.join(',')}>` : ''}`.trimEnd();
    case 'global':
      return `global ${v.steps.map((s) => s.p).join('.')}`;
    case 'inst':
    case 'class':
      return `${v.t} ${v.file}#${ev.ir(v.file)?.classes[v.cls]?.name}`;
    case 'fn':
      return `fn ${v.file}#${ev.ir(v.file)?.functions[v.fn]?.name}`;
    case 'obj':
      return `obj ${v.file}{${v.props.map((p) => p.key).join(',')}}`;
    case 'ns':
      return `ns ${v.file}`;
    case 'lit':
      return `lit ${JSON.stringify(v.value)}`;
    case 'param':
      return `param ${v.file}#${v.fn}.${v.index} ${v.steps.map((s) => s.p).join('.')}`.trimEnd();
    case 'opaque':
      return `opaque ${v.specifier} ${v.steps.map((s) => s.p).join('.')}`.trimEnd();
    case 'fields':
      return `fields {${Object.keys(v.fields).join(',')}}`;
    case 'unknown':
      return '?';
  }
}
