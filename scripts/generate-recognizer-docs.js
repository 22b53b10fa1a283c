// Writes docs/recognizers/ from the recognizer data: `npm run docs:recognizers` (builds first).
// test/docs/recognizer-docs.test.ts fails when the committed pages differ from what this writes.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { recognizerPages } from '../dist/docs/recognizer-pages.js';
import { RECOGNIZERS } from '../dist/recognizers/index.js';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'recognizers');
const pages = recognizerPages(RECOGNIZERS);
fs.rmSync(dir, { recursive: true, force: true });
for (const [rel, text] of pages) {
  const file = path.join(dir, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}
process.stdout.write(`wrote ${pages.size} pages to docs/recognizers/\n`);
