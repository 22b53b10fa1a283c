// The `bookfirst` command: parses arguments, runs the scan, writes the chosen format, sets the exit code.
import fs from 'node:fs';
import { scan, UsageError } from '../engine/run.js';
import { VERSION } from '../engine/version.js';
import type { Report } from '../model/report.js';
import { renderJson } from '../report/json.js';
import { renderText } from '../report/text.js';
import { ArgError, HELP, parseArgs, SEVERITIES, type CliArgs } from './args.js';
import { debugFlow } from './debug-flow.js';

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
      process.stdout.write(await debugFlow(args.dir, args.debugFlow!));
      return 0;
    }
    const report = await scan({ root: args.dir, checks: args.checks, includeTests: args.includeTests, exclude: args.exclude });
    const toFile = args.output !== null;
    const color = args.color ?? (!toFile && process.stdout.isTTY === true && !process.env.NO_COLOR);
    const text = args.format === 'json' ? renderJson(report) : renderText(report, { color, verbose: args.verbose });
    if (toFile) fs.writeFileSync(args.output!, text);
    else process.stdout.write(text);
    return exitCode(report, args);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`bookfirst: ${error.message}\n`);
      return 2;
    }
    process.stderr.write(`bookfirst: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}

function exitCode(report: Report, args: CliArgs): number {
  const threshold = SEVERITIES.indexOf(args.failOn);
  const failing = report.checks.some((c) => (c.verdict === 'fail' || c.verdict === 'error') && SEVERITIES.indexOf(c.severity) <= threshold);
  return failing ? 1 : 0;
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

// Ctrl-C ends the scan with the usage/fatal code rather than a signal death.
process.on('SIGINT', () => process.exit(130));
