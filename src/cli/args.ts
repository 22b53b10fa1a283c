// Command-line arguments: `bookfirst scan [dir] [options]`. Hand-parsed; unknown flags are usage errors.
import type { Severity } from '../model/report.js';

export type Format = 'text' | 'json';
export const FORMATS: Format[] = ['text', 'json'];
export const SEVERITIES: Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

export interface CliArgs {
  command: 'scan' | 'help' | 'version' | 'debug-flow';
  dir: string;
  format: Format;
  output: string | null;
  checks: string[];
  failOn: Severity;
  includeTests: boolean;
  exclude: string[];
  verbose: boolean;
  color: boolean | null;
  debugFlow: string | null;
}

export class ArgError extends Error {}

export function parseArgs(argv: string[]): CliArgs {
  const args: CliArgs = {
    command: 'scan', dir: '.', format: 'text', output: null, checks: [], failOn: 'info', includeTests: false,
    exclude: [], verbose: false, color: null, debugFlow: null,
  };
  const rest = [...argv];
  const first = rest[0];
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') return { ...args, command: 'help' };
  if (first === '-v' || first === '--version') return { ...args, command: 'version' };
  if (first !== 'scan') throw new ArgError(`unknown command: ${first} (try: bookfirst scan <dir>)`);
  rest.shift();
  let dirSeen = false;
  const value = (flag: string) => {
    const v = rest.shift();
    if (v === undefined || v.startsWith('-')) throw new ArgError(`${flag} needs a value`);
    return v;
  };
  while (rest.length > 0) {
    const a = rest.shift()!;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, null];
    if (inline !== null) rest.unshift(inline);
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
      case '-h':
      case '--help':
        return { ...args, command: 'help' };
      default:
        if (flag.startsWith('-')) throw new ArgError(`unknown option: ${flag}`);
        if (dirSeen) throw new ArgError(`unexpected argument: ${flag}`);
        args.dir = flag;
        dirSeen = true;
    }
  }
  return args;
}

export const HELP = `bookfirst: audits booking-and-payment workflows in JavaScript/TypeScript projects

Usage: bookfirst scan [dir] [options]

Options:
  -f, --format <text|json>   output format (default: text)
  -o, --output <file>        write the report to a file instead of standard output
      --check <id>           run only this check (repeatable)
      --fail-on <severity>   exit 1 only for failing checks at or above this severity
                             (critical, high, medium, low, info; default: info)
      --include-tests        also scan test and fixture files for payment paths
      --exclude <glob>       leave out files matching a root-relative glob (repeatable)
      --verbose              list every diagnostic
      --color, --no-color    force colour on or off (default: on for a TTY unless NO_COLOR)
      --debug-flow <file>:<function>  print a function's flow graph and summaries
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 no failing check, 1 a failing check at or above --fail-on, 2 usage or fatal error.
`;
