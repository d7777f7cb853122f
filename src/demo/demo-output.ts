/**
 * The demo's terminal output. On a TTY the progress line is redrawn in place and other
 * lines are printed above it; otherwise (CI, pipes, log files) everything is plain lines,
 * and progress appears only every `plainEveryMs`, since carriage returns garble logs.
 */
export interface OutputSink {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export class DemoOutput {
  private progressShown = false;
  private lastPlain = -Infinity;

  constructor(
    private readonly out: OutputSink,
    private readonly options: { plainEveryMs?: number; now?: () => number } = {},
  ) {}

  /** A line that stays (phase messages, views, the summary). */
  line(text: string): void {
    this.clearProgress();
    this.out.write(`${text}\n`);
  }

  /** A `[demo] <phase>: …` line. */
  step(phase: string, text: string): void {
    this.line(`[demo] ${phase}: ${text}`);
  }

  /** The progress line: redrawn on a TTY, throttled plain lines otherwise. */
  progress(text: string): void {
    if (this.out.isTTY) {
      this.out.write(`\r${text}\x1b[K`);
      this.progressShown = true;
      return;
    }
    const now = (this.options.now ?? Date.now)();
    if (now - this.lastPlain < (this.options.plainEveryMs ?? 5000)) return;
    this.lastPlain = now;
    this.out.write(`${text}\n`);
  }

  /** Ends an in-place progress line so the next output starts on a fresh line. */
  clearProgress(): void {
    if (!this.progressShown) return;
    this.out.write('\r\x1b[K');
    this.progressShown = false;
  }
}

export function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

export function pct(part: number, whole: number): string {
  return whole > 0 ? `${((100 * part) / whole).toFixed(1)}%` : '–';
}
