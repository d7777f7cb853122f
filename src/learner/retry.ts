/**
 * Retries an operation until it succeeds or the consumer stops, with capped exponential
 * backoff and jitter, heartbeating while it waits so the group keeps the partition.
 * Retriable means: a dependency is down (Postgres, Redis, Kafka) or the partition's
 * position moved (it is reloaded on the next attempt). Anything else is logged as an
 * error and retried too: a bug must not skip or lose events, only stall and alert.
 */
import type { Logger } from '../infra/logging/logger.js';

export interface RetryControl {
  readonly heartbeat: () => Promise<void>;
  /** False once the consumer is stopping or the batch went stale (rebalance). */
  readonly shouldContinue: () => boolean;
  readonly log: Logger;
  readonly context: Record<string, unknown>;
  readonly initialDelayMs?: number;
  readonly maxDelayMs?: number;
  readonly random?: () => number;
}

const HEARTBEAT_EVERY_MS = 1000;

export async function retryUntilDone(op: () => Promise<void>, control: RetryControl): Promise<boolean> {
  let delay = control.initialDelayMs ?? 100;
  const max = control.maxDelayMs ?? 5000;
  for (let attempt = 1; ; attempt++) {
    if (!control.shouldContinue()) return false;
    try {
      await op();
      return true;
    } catch (error) {
      const retriable = (error as { retriable?: boolean }).retriable === true;
      const level = retriable ? 'warn' : 'error';
      control.log[level](
        { ...control.context, attempt, err: error, retryInMs: delay },
        'batch failed; pausing before retry',
      );
      await sleepWithHeartbeat(delay * (0.5 + (control.random ?? Math.random)()), control);
      delay = Math.min(delay * 2, max);
    }
  }
}

async function sleepWithHeartbeat(ms: number, control: RetryControl): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until && control.shouldContinue()) {
    await new Promise((r) => setTimeout(r, Math.min(HEARTBEAT_EVERY_MS, until - Date.now())));
    try {
      await control.heartbeat();
    } catch (error) {
      control.log.warn({ ...control.context, err: error }, 'heartbeat failed while waiting to retry');
    }
  }
}
