// The floor: read every source file and parse it with oxc-parser (full AST), on the same number of
// worker threads as the scanner. Prints { ms, files, rssMb } as JSON.
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { list } from './generate.js';

const root = process.argv[2];
const threads = Number(process.argv[3] ?? os.availableParallelism());
const files = list(root).map((f) => path.join(root, f));
const started = performance.now();
const chunks = Array.from({ length: threads }, (_, i) => files.filter((_, j) => j % threads === i));
await Promise.all(
  chunks.map(
    (chunk) =>
      new Promise((resolve, reject) => {
        const w = new Worker(new URL('./floor-worker.js', import.meta.url), { resourceLimits: { stackSizeMb: 512 } });
        w.on('message', () => w.terminate().then(resolve));
        w.on('error', reject);
        w.postMessage(chunk);
      }),
  ),
);
const ms = performance.now() - started;
process.stdout.write(JSON.stringify({ ms, files: files.length, rssMb: process.resourceUsage().maxRSS / 1024 }));
