// Reads and parses the source files in worker threads, in two passes over one pool: a text pass
// (imports and relevance, see relevance.ts) and the parse proper, full for the relevant files and
// thin for the rest. Each worker runs with a large stack: the native parser recurses once per
// nesting level, and a deeply nested input (a generated else-if chain, a run of unary operators)
// would otherwise overflow the stack of the thread running it, which no try/catch can recover.
// Every failure becomes a diagnostic on its file.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ListedFile } from '../files/walk.js';
import type { FileIR } from '../model/ir.js';
import type { Diagnostic } from '../model/report.js';
import { parseListed, scanListed, type ParsedFile, type ParseRequest } from '../parse/parse-listed.js';
import type { RelevanceTokens, TextScan } from './relevance.js';

const STACK_MB = 512;
/** Files per message: large enough that messaging costs nothing, small enough to balance the load. */
const BATCH = 64;

export interface ParseOptions {
  /** Worker threads to use (default: available cores, at least 1). 0 parses on this thread. */
  threads?: number;
  /** Have the text pass return a digest of each file (for the cache). */
  hash?: boolean;
}

/** A pool of parser workers kept for both passes of one scan, started when there is work. */
export class ParserPool {
  private readonly workers: Worker[] = [];
  private readonly tokens: RelevanceTokens;
  private readonly packages: Set<string>;
  private readonly options: ParseOptions;

  constructor(tokens: RelevanceTokens, options: ParseOptions = {}) {
    this.tokens = tokens;
    this.packages = new Set(tokens.packages);
    this.options = options;
  }

  scan(files: Pick<ListedFile, 'path' | 'abs'>[]): Promise<TextScan[]> {
    const hash = Boolean(this.options.hash);
    if (this.start(files.length) === 0) return Promise.resolve(files.map((f) => scanListed(f, this.tokens, this.packages, hash)));
    return this.run<TextScan>('scan', files.map((f) => ({ path: f.path, abs: f.abs })));
  }

  async parse(requests: ParseRequest[]): Promise<ParsedFile[]> {
    if (this.start(requests.length) === 0) return requests.map((r) => parseListed(r, !r.full));
    return this.run<ParsedFile>('parse', requests);
  }

  /**
   * Starts one worker now, before there is work: its boot (a thread, the module graph, the native
   * parser) then overlaps the listing, the stat calls and the cache load instead of following them,
   * which is most of what a re-scan with one edited file waits for.
   */
  warm(): void {
    if (this.options.threads !== 0) this.start(1);
  }

  /** Starts the workers this much work can use (no more than the thread budget); returns how many run. */
  private start(items: number): number {
    const wanted = this.options.threads ?? Math.max(1, os.availableParallelism());
    const threads = wanted === 0 ? 0 : Math.min(wanted, Math.ceil(items / BATCH));
    const workerData = { tokens: this.tokens, hash: Boolean(this.options.hash) };
    while (this.workers.length < threads) this.workers.push(new Worker(workerUrl(), { workerData, resourceLimits: { stackSizeMb: STACK_MB } }));
    return this.workers.length;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  /** Hands out batches to whichever worker is free; results come back in input order. */
  private run<T>(kind: 'scan' | 'parse', items: unknown[]): Promise<T[]> {
    const results: T[][] = [];
    let next = 0;
    const drive = (w: Worker) =>
      new Promise<void>((resolve, reject) => {
        const feed = () => {
          if (next >= items.length) {
            w.off('message', onMessage);
            w.off('error', reject);
            resolve();
            return;
          }
          const at = next;
          next += BATCH;
          pending = at;
          w.postMessage({ kind, files: items.slice(at, at + BATCH) });
        };
        let pending = 0;
        const onMessage = (r: T[]) => {
          results[pending / BATCH] = r;
          feed();
        };
        w.on('message', onMessage);
        w.on('error', reject);
        feed();
      });
    return Promise.all(this.workers.map(drive)).then(() => results.flat());
  }
}

/** On the calling thread, everything in full (tests and tools; no protection from deep nesting). */
export function parseSourcesHere(sources: ListedFile[]): { files: FileIR[]; diagnostics: Diagnostic[] } {
  return collect(sources.map((f) => parseListed(f)));
}

export function collect(results: ParsedFile[]): { files: FileIR[]; diagnostics: Diagnostic[] } {
  const files = results.map((r) => r.ir).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { files, diagnostics: results.flatMap((r) => r.diagnostics) };
}

/** The compiled worker next to this module; under a TS test runner, the built copy in dist/. */
function workerUrl(): URL {
  const here = new URL(import.meta.url);
  if (here.pathname.endsWith('.ts')) return new URL('../../dist/parse/worker.js', here);
  return new URL('../parse/worker.js', here);
}
