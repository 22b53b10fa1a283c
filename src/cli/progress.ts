// A one-line progress note on stderr for scans longer than a second, only when stderr is a
// terminal; it rewrites itself in place and is erased before the report is printed.

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface ProgressOptions {
  /** Nothing is shown before this much time has passed. */
  afterMs?: number;
  now?: () => number;
  /** Redraw period while the event loop is free (parsing runs in workers). */
  tickMs?: number;
}

export class Progress {
  private readonly started: number;
  private readonly afterMs: number;
  private readonly now: () => number;
  private stage = 'reading files';
  private shown = false;
  private timer: NodeJS.Timeout | null = null;
  private readonly stream: ProgressStream;
  private readonly what: string;

  constructor(stream: ProgressStream, what: string, options: ProgressOptions = {}) {
    this.stream = stream;
    this.what = what;
    this.now = options.now ?? (() => performance.now());
    this.started = this.now();
    this.afterMs = options.afterMs ?? 1000;
    if (stream.isTTY && options.tickMs !== 0) {
      this.timer = setInterval(() => this.draw(), options.tickMs ?? 250);
      this.timer.unref();
    }
  }

  /** A stage finished: say what runs next. */
  finished(stage: string): void {
    // Stages carry details for the timing log (`parse (812 files)`, `check refund-logic`): the name comes first.
    const name = stage.startsWith('check ') ? 'check' : stage.replace(/ \(.*\)$/, '');
    this.stage = NEXT[name] ?? 'analyzing';
    this.draw();
  }

  draw(): void {
    if (!this.stream.isTTY) return;
    const elapsed = this.now() - this.started;
    if (elapsed < this.afterMs) return;
    this.stream.write(`\r\u001b[2Kbookfirst: scanning ${this.what}: ${this.stage} (${(elapsed / 1000).toFixed(1)} s)`);
    this.shown = true;
  }

  /** Erases the line, if one was drawn, and stops redrawing. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.shown) this.stream.write('\r\u001b[2K');
    this.shown = false;
  }
}

/** What runs after each stage of `scan` (src/engine/run.ts). */
const NEXT: Record<string, string> = {
  'text pass': 'finding the code payments and bookings depend on',
  relevance: 'parsing',
  parse: 'recognizing payment and booking calls',
  'facts round 0': 'building the call graph',
  'call graph round 0': 'following arguments into callees',
  'facts round 1': 'building the call graph',
  'call graph round 1': 'running checks',
  check: 'running checks',
  checks: 'writing the report',
};
