// Worker thread entry: parses the files it is sent, one message per file.
import { parentPort } from 'node:worker_threads';
import { parseListed } from './parse-listed.js';

parentPort?.on('message', (f: { path: string; abs: string }) => {
  parentPort!.postMessage(parseListed(f));
});
