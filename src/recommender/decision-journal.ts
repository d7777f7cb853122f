/**
 * What every OK reply leaves behind — one music.Decision on the decisions topic and its
 * served tracks in the recommendation log (one music_recommendation_lists row per request,
 * read per track through the music_recommendations view) — written behind the reply: requests only
 * queue their entry, and each queue writes in batches (one produce request, one INSERT),
 * so neither write is on the reply path. Kafka and Postgres have separate queues, so a
 * slow one does not hold the other back.
 *
 * A failed batch is written again one request at a time, so an entry the target refuses
 * (a row a constraint rejects) costs only its own request; what still fails is logged with
 * its users and request ids and counted per request (`failures`, the service's
 * sideEffectFailures). `flush()` writes everything queued:
 * the recommender calls it at shutdown, before the producer and the pool close.
 */
import type { Decision } from '../contracts/records.js';
import type { RecommendationLogRow } from '../infra/postgres/recommendation.repository.js';
import type { Logger } from '../infra/logging/logger.js';
import type { DecisionLog } from './decision.producer.js';
import { WriteBehind } from './write-behind.js';

export interface JournalOptions {
  readonly decisions: DecisionLog;
  readonly log: (rows: readonly RecommendationLogRow[]) => Promise<void>;
  readonly logger: Logger;
  /** Requests per batch at most (a request has up to 100 rows, a decision up to ≈ 4 KB). */
  readonly maxRequests?: number;
  /** How long an entry waits for others before its batch is written when the queue is idle. */
  readonly maxDelayMs?: number;
}

type Entry<T> = { readonly userId: string; readonly requestId: string; readonly value: T };

const IDS_LOGGED = 20;

/** The entries of a batch that failed again when written alone (the others are written). */
class EntriesFailed<T> extends Error {
  constructor(
    readonly entries: ReadonlyArray<Entry<T>>,
    readonly reason: unknown,
  ) {
    super(`${entries.length} entries failed`);
  }
}

/** The batch in one write; if that fails, each entry alone (when the target is down, each fails fast). */
function oneByOneOnFailure<T>(write: (values: T[]) => Promise<void>) {
  return async (entries: ReadonlyArray<Entry<T>>): Promise<void> => {
    try {
      await write(entries.map((e) => e.value));
      return;
    } catch (error) {
      if (entries.length === 1) throw error;
    }
    const failed: Array<Entry<T>> = [];
    let reason: unknown;
    for (const entry of entries) {
      try {
        await write([entry.value]);
      } catch (error) {
        failed.push(entry);
        reason = error;
      }
    }
    if (failed.length > 0) throw new EntriesFailed(failed, reason);
  };
}

export class DecisionJournal {
  /** Requests whose decision or log rows could not be written (each write counts once). */
  failures = 0;
  private readonly decisions: WriteBehind<Entry<Decision>>;
  private readonly rows: WriteBehind<Entry<readonly RecommendationLogRow[]>>;

  constructor(private readonly options: JournalOptions) {
    const batching = { maxItems: options.maxRequests ?? 100, maxDelayMs: options.maxDelayMs ?? 2 };
    this.decisions = new WriteBehind({
      ...batching,
      write: oneByOneOnFailure((decisions: Decision[]) => options.decisions.publishMany(decisions)),
      onError: (error, entries) => this.failed('decision', error, entries),
    });
    this.rows = new WriteBehind({
      ...batching,
      write: oneByOneOnFailure((rows: Array<readonly RecommendationLogRow[]>) => options.log(rows.flat())),
      onError: (error, entries) => this.failed('log', error, entries),
    });
  }

  /** Queues the request's decision and log rows; returns at once. */
  record(decision: Decision, rows: readonly RecommendationLogRow[]): void {
    const ids = { userId: decision.user_id, requestId: decision.request_id };
    this.decisions.add({ ...ids, value: decision });
    if (rows.length > 0) this.rows.add({ ...ids, value: rows });
  }

  /** Entries queued and not yet written. */
  get pending(): number {
    return this.decisions.pending + this.rows.pending;
  }

  /** Writes everything queued so far; resolves when written or reported failed. */
  async flush(): Promise<void> {
    await Promise.all([this.decisions.flush(), this.rows.flush()]);
  }

  private failed(write: 'decision' | 'log', error: unknown, batch: ReadonlyArray<Entry<unknown>>): void {
    const isolated = error instanceof EntriesFailed;
    const entries: ReadonlyArray<Entry<unknown>> = isolated ? error.entries : batch;
    const reason: unknown = isolated ? error.reason : error;
    this.failures += entries.length;
    const shown = entries.slice(0, IDS_LOGGED);
    this.options.logger.error(
      {
        write,
        requests: entries.length,
        userIds: shown.map((e) => e.userId),
        requestIds: shown.map((e) => e.requestId),
        err: reason,
      },
      'recommendation side effect failed; the replies went out',
    );
  }
}
