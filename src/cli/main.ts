// The `bookfirst` command: parses arguments, runs the scan (or reads a saved JSON report), applies
// a baseline, writes the chosen format, sets the exit code.
import fs from 'node:fs';
import path from 'node:path';
import { applyBaseline, baselineOf, renderBaseline } from '../engine/baseline.js';
import { scan, UsageError } from '../engine/run.js';
import { ConfigError, loadConfig } from '../project/config.js';
import { VERSION } from '../engine/version.js';
import type { CheckResult, Report, Severity } from '../model/report.js';
import { openFailures } from '../report/reasons.js';
import { render } from '../report/render.js';
import { visibleText } from '../report/visible.js';
import { ArgError, DEFAULT_CACHE_DIR, HELP, parseArgs, SEVERITIES, type CliArgs } from './args.js';
import { debugFlow } from './debug-flow.js';
import { readBaseline, readReport } from './inputs.js';
import { Progress } from './progress.js';

async function main(argv: string[]): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    process.stderr.write(`bookfirst: ${(error as Error).message}\n\n${HELP}`);
    return 2;
  }
  if (args.command === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (args.command === 'version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  try {
    if (args.command === 'debug-flow') {
      process.stdout.write(visibleText(await debugFlow(args.dir, args.debugFlow!)));
      return 0;
    }
    if (args.command === 'render') {
      write(args, readReport(args.dir));
      return 0;
    }
    const baseline = args.baseline !== null ? readBaseline(args.baseline) : null;
    // Read here too: its failOn decides the exit code when --fail-on is not given.
    const config = loadConfig(args.dir, args.config ?? undefined);
    const progress = new Progress(process.stderr, args.dir);
    let report: Report;
    try {
      report = await scan({
        root: args.dir, config, checks: args.checks, includeTests: args.includeTests || undefined, exclude: args.exclude, include: args.include,
        onStage: (s) => progress.finished(s),
        cache: args.cache === null ? undefined : args.cache || path.join(args.dir, DEFAULT_CACHE_DIR),
      });
    } finally {
      progress.stop();
    }
    if (baseline) applyBaseline(report, baseline);
    if (args.writeBaseline !== null) {
      const current = baselineOf(report);
      writeFile(args.writeBaseline, renderBaseline(current), 'baseline');
      // Everything failing now is in the baseline just written, unless an older one decides.
      if (!baseline) applyBaseline(report, current);
    }
    write(args, report);
    return exitCode(report, args.failOn ?? config.failOn ?? 'info');
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      process.stderr.write(`bookfirst: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`bookfirst: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}

function write(args: CliArgs, report: Report): void {
  const toFile = args.output !== null;
  const color = args.color ?? (!toFile && process.stdout.isTTY === true && !process.env.NO_COLOR);
  const text = render(report, args.format, { color, verbose: args.verbose, linkBase: args.linkBase, includeSuppressed: args.includeSuppressed });
  if (toFile) writeFile(args.output!, text, 'report');
  else process.stdout.write(text);
}

function writeFile(file: string, text: string, what: string): void {
  try {
    fs.writeFileSync(file, text);
  } catch (error) {
    throw new UsageError(`cannot write ${what} ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** 1 when a check at or above the threshold errored, or fails on a path no baseline accounts for. */
function exitCode(report: Report, failOn: Severity): number {
  const threshold = SEVERITIES.indexOf(failOn);
  const blocks = (c: CheckResult) => {
    if (SEVERITIES.indexOf(c.severity) > threshold) return false;
    if (c.verdict === 'error') return true;
    const open = openFailures(c);
    return c.verdict === 'fail' && (open.length === 0 || open.some((p) => p.baselined !== true));
  };
  return report.checks.some(blocks) ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bookfirst: internal error: ${String(error)}\n`);
    process.exitCode = 2;
  },
);

// A reader that went away (`bookfirst scan | head`) wanted no more output: the exit code still says
// what the scan found, without a stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

// Ctrl-C ends the scan with the usage/fatal code rather than a signal death.
process.on('SIGINT', () => process.exit(130));
