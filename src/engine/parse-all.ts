// Reads and parses every source file in worker threads. Each worker runs with a large stack: the
// native parser recurses once per nesting level, and a deeply nested input (a generated else-if
// chain, a run of unary operators) would otherwise overflow the stack of the thread running it,
// which no try/catch can recover. Every failure becomes a diagnostic on its file.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ListedFile } from '../files/walk.js';
import type { FileIR } from '../model/ir.js';
import type { Diagnostic } from '../model/report.js';
import { parseListed, type ParsedFile } from '../parse/parse-listed.js';

const STACK_MB = 512;
const FILES_PER_WORKER = 40;

export interface ParseOptions {
  /** Worker threads to use (default: available cores, at least 1). 0 parses on this thread. */
  threads?: number;
}

export async function parseSources(sources: ListedFile[], options: ParseOptions = {}): Promise<{ files: FileIR[]; diagnostics: Diagnostic[] }> {
  const wanted = options.threads ?? Math.max(1, os.availableParallelism());
  if (wanted === 0) return parseSourcesHere(sources);
  const threads = Math.min(wanted, Math.ceil(sources.length / FILES_PER_WORKER) || 1);
  return collect(await inWorkers(sources, threads));
}

/** On the calling thread (tests and tools that want no workers; no protection from deep nesting). */
export function parseSourcesHere(sources: ListedFile[]): { files: FileIR[]; diagnostics: Diagnostic[] } {
  return collect(sources.map((f) => parseListed(f)));
}

function collect(results: ParsedFile[]): { files: FileIR[]; diagnostics: Diagnostic[] } {
  const files = results.map((r) => r.ir).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const diagnostics = results.flatMap((r) => r.diagnostics);
  return { files, diagnostics };
}

async function inWorkers(sources: ListedFile[], threads: number): Promise<ParsedFile[]> {
  const url = workerUrl();
  const results: ParsedFile[] = [];
  let next = 0;
  const runOne = () =>
    new Promise<void>((resolve, reject) => {
      const worker = new Worker(url, { resourceLimits: { stackSizeMb: STACK_MB } });
      const feed = () => {
        if (next >= sources.length) {
          void worker.terminate();
          resolve();
          return;
        }
        worker.postMessage(sources[next++]);
      };
      worker.on('message', (r: ParsedFile) => {
        results.push(r);
        feed();
      });
      worker.on('error', reject);
      feed();
    });
  await Promise.all(Array.from({ length: threads }, runOne));
  return results;
}

/** The compiled worker next to this module; under a TS test runner, the built copy in dist/. */
function workerUrl(): URL {
  const here = new URL(import.meta.url);
  if (here.pathname.endsWith('.ts')) return new URL('../../dist/parse/worker.js', here);
  return new URL('../parse/worker.js', here);
}
