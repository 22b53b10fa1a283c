// Command-line arguments: `bookfirst scan [dir] [options]` and `bookfirst render <report.json>
// [options]`. Hand-parsed; unknown flags are usage errors.
import type { Severity } from '../model/report.js';
import { FORMATS, type Format } from '../report/render.js';

export { FORMATS, type Format };
export const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export interface CliArgs {
  command: 'scan' | 'render' | 'help' | 'version' | 'debug-flow';
  /** The directory to scan, or for `render` the JSON report to read. */
  dir: string;
  format: Format;
  output: string | null;
  checks: string[];
  /** null when not given: the config file's `failOn`, else 'info'. */
  failOn: Severity | null;
  includeTests: boolean;
  exclude: string[];
  include: string[];
  /** A config file to read, false for `--no-config`, null to look for one at the scanned root. */
  config: string | false | null;
  verbose: boolean;
  color: boolean | null;
  debugFlow: string | null;
  linkBase: string | null;
  baseline: string | null;
  writeBaseline: string | null;
  includeSuppressed: boolean;
  /** Directory of the re-scan cache ('' for the default under the scanned root), or null for none. */
  cache: string | null;
}

export class ArgError extends Error {}

/** Flags that only mean something while scanning. */
const SCAN_ONLY = ['--check', '--fail-on', '--include-tests', '--exclude', '--include', '--config', '--no-config', '--debug-flow', '--baseline', '--write-baseline', '--cache', '--cache-location'];

/** Where `--cache` keeps its file, under the scanned root (the walk skips it). */
export const DEFAULT_CACHE_DIR = '.bookfirst-cache';

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = {
    command: 'scan', dir: '.', format: 'text', output: null, checks: [], failOn: null, includeTests: false,
    exclude: [], include: [], config: null, verbose: false, color: null, debugFlow: null, linkBase: null, baseline: null, writeBaseline: null, includeSuppressed: false,
    cache: null,
  };
  const rest = [...argv];
  const first = rest[0];
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') return { ...args, command: 'help' };
  if (first === '-v' || first === '--version') return { ...args, command: 'version' };
  if (first !== 'scan' && first !== 'render') throw new ArgError(`unknown command: ${first} (try: bookfirst scan <dir>)`);
  args.command = first;
  rest.shift();
  let positional: string | null = null;
  const value = (flag: string) => {
    const v = rest.shift();
    if (v === undefined || v.startsWith('-')) throw new ArgError(`${flag} needs a value`);
    return v;
  };
  while (rest.length > 0) {
    const a = rest.shift()!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, null];
    if (inline !== null) rest.unshift(inline);
    if (first === 'render' && SCAN_ONLY.includes(flag)) throw new ArgError(`${flag} applies to scan, not render`);
    switch (flag) {
      case '-f':
      case '--format': {
        const f = value(flag);
        if (!FORMATS.includes(f as Format)) throw new ArgError(`unknown format: ${f} (one of ${FORMATS.join(', ')})`);
        args.format = f as Format;
        break;
      }
      case '-o':
      case '--output':
        args.output = value(flag);
        break;
      case '--check':
        args.checks.push(value(flag));
        break;
      case '--fail-on': {
        const s = value(flag);
        if (!SEVERITIES.includes(s as Severity)) throw new ArgError(`unknown severity: ${s} (one of ${SEVERITIES.join(', ')})`);
        args.failOn = s as Severity;
        break;
      }
      case '--include-tests':
        args.includeTests = true;
        break;
      case '--exclude':
        args.exclude.push(value(flag));
        break;
      case '--include':
        args.include.push(value(flag));
        break;
      case '--config':
        args.config = value(flag);
        break;
      case '--no-config':
        args.config = false;
        break;
      case '--verbose':
        args.verbose = true;
        break;
      case '--color':
        args.color = true;
        break;
      case '--no-color':
        args.color = false;
        break;
      case '--debug-flow':
        args.debugFlow = value(flag);
        args.command = 'debug-flow';
        break;
      case '--link-base':
        args.linkBase = value(flag);
        break;
      case '--baseline':
        args.baseline = value(flag);
        break;
      case '--write-baseline':
        args.writeBaseline = value(flag);
        break;
      case '--include-suppressed':
        args.includeSuppressed = true;
        break;
      case '--cache':
        args.cache ??= '';
        break;
      case '--cache-location':
        args.cache = value(flag);
        break;
      case '-h':
      case '--help':
        return { ...args, command: 'help' };
      default:
        if (flag.startsWith('-')) throw new ArgError(`unknown option: ${flag}`);
        if (positional !== null) throw new ArgError(`unexpected argument: ${flag}`);
        positional = flag;
    }
  }
  if (first === 'render' && positional === null) throw new ArgError('render needs a JSON report: bookfirst render <report.json> --format <format>');
  if (positional !== null) args.dir = positional;
  return args;
}

export const HELP = `bookfirst: audits booking-and-payment workflows in JavaScript/TypeScript projects

Usage: bookfirst scan [dir] [options]
       bookfirst render <report.json> [--format <format>] [-o <file>] [--link-base <url>]

Options:
  -f, --format <format>      text (default), json, sarif, markdown, html, auditbuffet
  -o, --output <file>        write the report to a file instead of standard output
      --check <id>           run only this check (repeatable)
      --fail-on <severity>   exit 1 only for failing checks at or above this severity
                             (critical, high, medium, low, info; default: the config's
                             failOn, else info)
      --baseline <file>      exit 1 only for failing paths not recorded in this baseline
      --write-baseline <file>  record the current failing paths as a baseline
      --link-base <url>      make Markdown and HTML file links absolute under this URL
      --include-suppressed   keep suppressed paths in SARIF output (marked as suppressed)
      --include-tests        also scan test and fixture files for payment paths
      --exclude <glob>       leave out files matching a root-relative glob (repeatable;
                             added to the config's exclude)
      --include <glob>       scan only source files matching a root-relative glob
                             (repeatable; replaces the config's include)
      --config <file>        read this config file instead of the root's
                             bookfirst.config.json / .bookfirst.json
      --no-config            ignore any config file
      --cache                reuse unchanged files' work from the last scan (kept in
                             .bookfirst-cache/ under the scanned root)
      --cache-location <dir> keep the cache in this directory instead (implies --cache)
      --verbose              list every diagnostic
      --color, --no-color    force colour on or off (default: on for a TTY unless NO_COLOR)
      --debug-flow <file>:<function>  print a function's flow graph and summaries (a function,
                                       or the declaration that registers it)
  -h, --help                 show this help
  -v, --version              show the version

Config file: bookfirst.config.json (or .bookfirst.json) at the scanned root; flags
override it. See docs/config.md.

Suppress one path: // bookfirst-ignore <check-id> -- <reason>
on or directly above its payment call or its entry point.

Exit codes: 0 no failing check, 1 a failing check at or above --fail-on (with --baseline: a
failing path not in the baseline), 2 usage or fatal error.
`;
