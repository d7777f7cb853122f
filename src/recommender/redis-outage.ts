/**
 * Tracks whether Redis answers. During an outage every request falls back (snapshot
 * and cached list from Postgres, rate limiter open); logging each fallback would flood
 * the log, so the transitions are logged and every failure is counted.
 */
import type { Logger } from '../infra/logging/logger.js';

export class RedisOutage {
  private down = false;
  failures = 0;

  constructor(private readonly log: Logger) {}

  get isDown(): boolean {
    return this.down;
  }

  /** A Redis command failed (counted). */
  failed(operation: string, error: unknown): void {
    this.failures++;
    this.markDown(operation, error);
  }

  /** The client lost its connection (ioredis 'error' events: reconnect attempts, not requests). */
  connectionLost(error: unknown): void {
    this.markDown('connection', error);
  }

  succeeded(): void {
    if (!this.down) return;
    this.down = false;
    this.log.info({ failures: this.failures }, 'redis available again');
  }

  private markDown(operation: string, error: unknown): void {
    if (this.down) return;
    this.down = true;
    this.log.warn(
      { operation, err: error },
      'redis unavailable: snapshots and cached lists come from Postgres, rate limiting is OFF (fails open)',
    );
  }

  /** Runs a Redis operation; on failure records it and returns `fallback()` instead. */
  async orElse<T>(operation: string, op: () => Promise<T>, fallback: (error: unknown) => Promise<T> | T): Promise<T> {
    let value: T;
    try {
      value = await op();
    } catch (error) {
      this.failed(operation, error);
      return fallback(error);
    }
    this.succeeded();
    return value;
  }
}
