// Benchmark floor worker: reads and parses the files it is sent, materializing the full AST.
import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { parseSync } from 'oxc-parser';

const raw = Number(process.versions.node.split('.')[0]) >= 22;
parentPort.on('message', (files) => {
  let nodes = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const result = parseSync(file, text, raw ? { experimentalRawTransfer: true } : {});
    nodes += result.program.body.length;
  }
  parentPort.postMessage(nodes);
});
