/**
 * Progress on stderr. On a TTY one line is redrawn in place; otherwise (logs, pipes) a
 * plain line at most every `plainEveryMs`, so a log file does not fill with redraws.
 */
export interface ProgressSink {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

export interface Progress {
  update(done: number, total: number | null): void;
  finish(): void;
}

export function createProgress(label: string, out: ProgressSink, plainEveryMs = 5000): Progress {
  const started = Date.now();
  let lastPlain = -Infinity;
  let drawn = false;
  const line = (done: number, total: number | null): string => {
    const share = total ? ` / ${total} (${((100 * done) / total).toFixed(0)} %)` : '';
    return `${label}: ${done}${share}, ${((Date.now() - started) / 1000).toFixed(1)} s`;
  };
  return {
    update(done, total) {
      if (out.isTTY) {
        out.write(`\r${line(done, total)}\x1b[K`);
        drawn = true;
      } else if (Date.now() - lastPlain >= plainEveryMs || (total !== null && done === total)) {
        lastPlain = Date.now();
        out.write(`${line(done, total)}\n`);
      }
    },
    finish() {
      if (drawn) out.write('\n');
      drawn = false;
    },
  };
}
