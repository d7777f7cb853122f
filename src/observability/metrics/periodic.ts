/**
 * Runs a probe every `intervalMs`, never two at once, with an unref'd timer so a forgotten
 * stop() cannot keep a process alive. Failures are logged when they start and when they
 * end, not on every tick: a dependency that is down for an hour is one warning.
 */
import type { Logger } from '../../infra/logging/logger.js';

export class Periodic {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private failing = false;

  constructor(
    private readonly what: string,
    private readonly probe: () => Promise<void>,
    private readonly log: Logger,
  ) {}

  start(intervalMs: number): void {
    if (this.timer) return;
    // The first probe waits one interval: at start the topics may have no leader yet.
    this.timer = setInterval(() => void this.tick(), intervalMs);
    this.timer.unref();
  }

  /** Stops the timer and waits for a probe in flight. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One probe now (also what the timer runs); concurrent calls share it. */
  tick(): Promise<void> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<void> {
    try {
      await this.probe();
      if (this.failing) this.log.info({ probe: this.what }, 'metrics probe works again');
      this.failing = false;
    } catch (error) {
      if (!this.failing)
        this.log.warn({ probe: this.what, err: error }, 'metrics probe failed; its series are dropped');
      this.failing = true;
    }
  }
}
