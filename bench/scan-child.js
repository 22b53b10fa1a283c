// One full bookfirst scan of a directory, as the CLI runs it, optionally with `--cache <dir>`.
// Prints { ms, rssMb, summary } as JSON.
import { scan } from '../dist/index.js';

const [root, flag, cache] = process.argv.slice(2);
const started = performance.now();
const report = await scan({ root, cache: flag === '--cache' ? cache : undefined });
const ms = performance.now() - started;
const summary = report.checks.map((c) => `${c.id} ${c.verdict} ${c.summary}`).join('; ');
process.stdout.write(JSON.stringify({ ms, rssMb: process.resourceUsage().maxRSS / 1024, summary }));
