/**
 * A write-behind queue: `add` returns at once and items are written in batches, one
 * write at a time — when `maxItems` are queued, `maxDelayMs` after the first queued
 * item, or straight after the previous write if items arrived meanwhile (so the batch
 * size follows the load: one item per write when idle, many when busy).
 *
 * A failed write is handed to `onError` with its items and not retried (the writers
 * used here retry inside their clients). `flush()` writes everything queued and waits
 * for it: call it before closing the clients the writes use.
 */
export interface WriteBehindOptions<T> {
  readonly maxItems: number;
  readonly maxDelayMs: number;
  write(items: readonly T[]): Promise<void>;
  onError(error: unknown, items: readonly T[]): void;
}

export class WriteBehind<T> {
  private queue: T[] = [];
  /** Cancels the scheduled write, when one is scheduled. */
  private cancelScheduled: (() => void) | null = null;
  private writing: Promise<void> | null = null;

  constructor(private readonly options: WriteBehindOptions<T>) {
    const { maxItems, maxDelayMs } = options;
    if (!Number.isInteger(maxItems) || maxItems < 1 || !Number.isFinite(maxDelayMs) || maxDelayMs < 0) {
      throw new RangeError(`write-behind needs maxItems >= 1 and maxDelayMs >= 0, got ${maxItems}, ${maxDelayMs}`);
    }
  }

  /** Items accepted and not yet written (or being written). */
  get pending(): number {
    return this.queue.length;
  }

  add(item: T): void {
    this.queue.push(item);
    // A running write takes what queued meanwhile as soon as it is done.
    if (this.writing) return;
    if (this.queue.length >= this.options.maxItems) this.start();
    else this.cancelScheduled ??= this.schedule();
  }

  /** Writes everything queued so far and waits until it is written (or reported failed). */
  async flush(): Promise<void> {
    while (this.writing || this.queue.length > 0) {
      this.start();
      await this.writing;
    }
  }

  /** maxDelayMs 0 = the next turn of the event loop (setTimeout would wait at least 1 ms). */
  private schedule(): () => void {
    if (this.options.maxDelayMs === 0) {
      const immediate = setImmediate(() => this.start());
      return () => clearImmediate(immediate);
    }
    const timer = setTimeout(() => this.start(), this.options.maxDelayMs);
    return () => clearTimeout(timer);
  }

  private start(): void {
    this.cancelScheduled?.();
    this.cancelScheduled = null;
    if (this.writing || this.queue.length === 0) return;
    this.writing = this.drain().finally(() => {
      this.writing = null;
      // Items added between the drain's last look and here would wait for the next add.
      if (this.queue.length > 0) this.start();
    });
  }

  private async drain(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.options.maxItems);
      try {
        await this.options.write(batch);
      } catch (error) {
        this.options.onError(error, batch);
      }
    }
  }
}
