// Worker thread entry: runs the text pass or parses the batches of files it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import type { RelevanceTokens } from '../engine/relevance.js';
import { parseListed, scanListed, type ParseRequest } from './parse-listed.js';

const { tokens, hash } = workerData as { tokens: RelevanceTokens; hash: boolean };
const packages = new Set(tokens.packages);

type Message = { kind: 'scan'; files: { path: string; abs: string }[] } | { kind: 'parse'; files: ParseRequest[] };

parentPort?.on('message', (m: Message) => {
  if (m.kind === 'scan') parentPort!.postMessage(m.files.map((f) => scanListed(f, tokens, packages, hash)));
  else parentPort!.postMessage(m.files.map((f) => parseListed(f, !f.full)));
});
