// `npm run bench`: bookfirst against the parsing floor and against ESLint, on synthetic monorepos of
// about 1,000, 5,000 and 20,000 files (generated once under bench/.corpora) and on --repo <dir>.
// Every measurement runs in a fresh process; ratios compare figures taken in this same run.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate, list } from './generate.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const json = args.includes('--json');
const repo = args.includes('--repo') ? args[args.indexOf('--repo') + 1] : null;
const sizes = args.includes('--sizes') ? args[args.indexOf('--sizes') + 1].split(',').map(Number) : [1000, 5000, 20000];
const skipEslint = args.includes('--no-eslint');
const threads = os.availableParallelism();

function child(script, ...rest) {
  const out = execFileSync(process.execPath, ['--max-old-space-size=4096', path.join(here, script), ...rest], { encoding: 'utf8', maxBuffer: 1 << 26 });
  return JSON.parse(out);
}

const corpora = [];
if (!repo || args.includes('--sizes')) {
  for (const n of sizes) {
    const dir = path.join(here, '.corpora', `monorepo-${n}`);
    generate(dir, n);
    corpora.push({ name: `monorepo-${n}`, dir });
  }
}
if (repo) corpora.push({ name: path.basename(path.resolve(repo)), dir: path.resolve(repo) });

/**
 * `--cache`: a cold scan that writes the cache, then re-scans after editing one file the analysis
 * never reads (a helper no payment code imports) and one payment route. Edits are undone after.
 */
function rescans(dir) {
  const cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bookfirst-bench-cache-'));
  const edits = [['unrelated', 'apps/web/src/lib/format.ts'], ['payment', 'apps/web/src/app/api/book-0/route.ts']];
  try {
    const cold = child('scan-child.js', dir, '--cache', cacheDir);
    const out = { cacheColdMs: Math.round(cold.ms) };
    for (const [name, rel] of edits) {
      const abs = path.join(dir, rel);
      if (!fs.existsSync(abs)) continue;
      const original = fs.readFileSync(abs);
      try {
        fs.appendFileSync(abs, `\n// edited by the benchmark at ${Date.now()}\n`);
        out[name === 'unrelated' ? 'rescanUnrelatedEditMs' : 'rescanPaymentEditMs'] = Math.round(child('scan-child.js', dir, '--cache', cacheDir).ms);
      } finally {
        fs.writeFileSync(abs, original);
      }
    }
    return out;
  } finally {
    fs.rmSync(cacheDir, { recursive: true, force: true });
  }
}

const rows = [];
for (const c of corpora) {
  const files = list(c.dir);
  const bytes = files.reduce((n, f) => n + fs.statSync(path.join(c.dir, f)).size, 0);
  if (!json) process.stderr.write(`${c.name}: ${files.length} files, ${(bytes / 1e6).toFixed(1)} MB\n`);
  const floor = child('floor.js', c.dir, String(threads));
  const scan = child('scan-child.js', c.dir);
  const eslint = skipEslint ? null : child('eslint-child.js', c.dir);
  const cache = repo ? {} : rescans(c.dir);
  rows.push({
    name: c.name, files: files.length, bytes, floorMs: Math.round(floor.ms), scanMs: Math.round(scan.ms),
    eslintMs: eslint ? Math.round(eslint.ms) : null, scanPeakRssMb: Math.round(scan.rssMb), ...cache, summary: scan.summary,
  });
}

if (json) {
  process.stdout.write(JSON.stringify({ corpora: rows.map(({ summary, ...r }) => r) }, null, 2) + '\n');
} else {
  const header = ['corpus', 'files', 'MB', 'floor ms', 'scan ms', 'eslint ms', 'scan files/s', 'scan RSS MB', 'scan/floor', 'eslint/scan', 'ms/1k files', 'rescan: other file', 'rescan: payment file'];
  const share = (ms, of) => (ms === undefined ? '-' : `${ms} (${Math.round((ms / of) * 100)}%)`);
  const table = rows.map((r) => [
    r.name, r.files, (r.bytes / 1e6).toFixed(1), r.floorMs, r.scanMs, r.eslintMs ?? '-', Math.round((r.files / r.scanMs) * 1000),
    r.scanPeakRssMb, (r.scanMs / r.floorMs).toFixed(2), r.eslintMs ? (r.eslintMs / r.scanMs).toFixed(1) : '-', ((r.scanMs / r.files) * 1000).toFixed(0),
    share(r.rescanUnrelatedEditMs, r.cacheColdMs), share(r.rescanPaymentEditMs, r.cacheColdMs),
  ]);
  const widths = header.map((h, i) => Math.max(String(h).length, ...table.map((t) => String(t[i]).length)));
  const line = (cells) => cells.map((v, i) => String(v).padStart(widths[i])).join('  ');
  console.log(line(header));
  for (const t of table) console.log(line(t));
  console.log(`\n${threads} worker threads (floor and scan); node ${process.versions.node}`);
  console.log('rescan: a --cache re-scan after editing one file, in ms and as a share of the cold --cache scan');
  for (const r of rows) console.log(`${r.name}: ${r.summary}`);
}
