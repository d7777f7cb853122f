/**
 * The recommendation use case: validate → rate-limit → snapshot → cached list or a fresh
 * ranking → cache, log and decision record → reply. Plain TypeScript over injected
 * ports; the Kafka adapter (recommendation.controller.ts) only decodes and encodes.
 * Every request gets a reply: failures become an ERROR reply, never an exception.
 */
import type { RecommendationReply, RecommendationRequest } from '../contracts/records.js';
import type { CatalogIndex } from '../domain/catalog-index.js';
import type { UserSnapshot } from '../domain/user-snapshot.js';
import type { Logger } from '../infra/logging/logger.js';
import type { RateLimitDecision } from '../infra/redis/rate-limiter.js';
import type { DecisionJournal } from './decision-journal.js';
import type { ListStore } from './list-store.js';
import { computeRecommendations } from './recommendation-engine.js';
import { listOf, reusableTracks, type RecommendationList } from './recommendation-list.js';
import { decisionOf, logRowsOf, okReply, statusReply, type Served } from './recommendation-reply.js';
import { requestProblem } from './recommendation-request.js';
import type { RedisOutage } from './redis-outage.js';
import type { LoadedSnapshot } from './snapshot-loader.js';

export interface RecommenderPorts {
  readonly catalog: { current(): CatalogIndex | null };
  readonly snapshots: {
    load(userId: string): Promise<LoadedSnapshot>;
    withActiveProfile(snapshot: UserSnapshot): Promise<UserSnapshot>;
    createdAt(userId: string, now: number): Promise<number>;
  };
  readonly lists: Pick<ListStore, 'read' | 'save'>;
  readonly limiter: { hit(userId: string, now: number, requestId: string): Promise<RateLimitDecision> };
  /** Decision records and log rows, written behind the reply. */
  readonly journal: Pick<DecisionJournal, 'record' | 'flush' | 'failures'>;
  readonly outage: RedisOutage;
  /** ε of the ε-greedy ranking (config RL_EPSILON). */
  readonly epsilon: number;
  readonly log: Logger;
}

export interface RecommenderCounters {
  requests: number;
  ok: number;
  cacheHits: number;
  cacheMisses: number;
  forcedRefreshes: number;
  rateLimited: number;
  badRequests: number;
  errors: number;
  /** Requests admitted without a rate-limit check because Redis did not answer. */
  rateLimitFailOpen: number;
  /** Cache, log or decision writes that failed after the list was decided (the reply still went out or goes out). */
  sideEffectFailures: number;
  /** Redis commands that failed (each one fell back to Postgres or failed open). */
  redisFailures: number;
}

/** The reads of one request, started before the rate-limit answer is in. */
interface Reads {
  readonly snapshot: Promise<LoadedSnapshot>;
  readonly list: Promise<RecommendationList | null>;
}

/** Redis down → admit: refusing every request during a cache outage would turn it into a full outage. */
const FAIL_OPEN: RateLimitDecision = Object.freeze({ allowed: true, retryAfterMs: 0, inWindow: 0 });

export class RecommendationService {
  private readonly tally: Omit<RecommenderCounters, 'redisFailures'> = {
    requests: 0,
    ok: 0,
    cacheHits: 0,
    cacheMisses: 0,
    forcedRefreshes: 0,
    rateLimited: 0,
    badRequests: 0,
    errors: 0,
    rateLimitFailOpen: 0,
    sideEffectFailures: 0,
  };

  /** Told of every reply once it is built (metrics: status, from_cache, response_time_ms). */
  private readonly replyListeners: Array<(reply: RecommendationReply) => void> = [];

  constructor(private readonly ports: RecommenderPorts) {}

  onReply(listener: (reply: RecommendationReply) => void): void {
    this.replyListeners.push(listener);
  }

  /** Hit/miss and outcome counts since start (a copy; metrics export reads it). */
  counters(): RecommenderCounters {
    const sideEffectFailures = this.tally.sideEffectFailures + this.ports.journal.failures;
    return { ...this.tally, sideEffectFailures, redisFailures: this.ports.outage.failures };
  }

  /** Writes the queued decision records and log rows; call before closing the producer and the pool. */
  drain(): Promise<void> {
    return this.ports.journal.flush();
  }

  /** `now` is epoch ms of arrival; response_time_ms is measured on the monotonic clock. */
  async recommend(request: RecommendationRequest, now: number): Promise<RecommendationReply> {
    const started = performance.now();
    this.tally.requests++;
    let reply: RecommendationReply;
    try {
      reply = await this.answer(request, now);
    } catch (error) {
      reply = this.failed(request, now, error);
    }
    const timed = { ...reply, response_time_ms: Math.round((performance.now() - started) * 1000) / 1000 };
    for (const listener of this.replyListeners) {
      try {
        listener(timed);
      } catch (error) {
        const context = { userId: request.user_id, requestId: request.request_id, err: error };
        this.ports.log.warn(context, 'reply listener failed; ignored');
      }
    }
    return timed;
  }

  private async answer(request: RecommendationRequest, now: number): Promise<RecommendationReply> {
    const problem = requestProblem(request);
    if (problem) {
      this.tally.badRequests++;
      return statusReply(request, 'BAD_REQUEST', { error: problem, now });
    }
    // The reads a cached answer needs go out together with the rate-limit check (one round trip
    // instead of three); a refused request just drops them.
    const reads = this.startReads(request, now);
    const limit = await this.admit(request, now);
    if (!limit.allowed) {
      this.tally.rateLimited++;
      const error = `rate limit exceeded: ${limit.inWindow} requests in the current window`;
      return statusReply(request, 'RATE_LIMITED', { error, retryAfterMs: limit.retryAfterMs, now });
    }
    const index = this.ports.catalog.current();
    if (!index || index.size === 0) {
      this.tally.errors++;
      return statusReply(request, 'ERROR', { error: 'catalog is empty: no tracks to recommend', now });
    }
    const served = await this.serve(request, index, now, reads);
    await this.record(served, now);
    this.tally.ok++;
    return okReply(served);
  }

  private admit(request: RecommendationRequest, now: number): Promise<RateLimitDecision> {
    const { limiter, outage } = this.ports;
    return outage.orElse(
      'rate-limit',
      () => limiter.hit(request.user_id, now, request.request_id),
      () => {
        this.tally.rateLimitFailOpen++;
        return FAIL_OPEN;
      },
    );
  }

  private startReads(request: RecommendationRequest, now: number): Reads {
    const snapshot = this.ports.snapshots.load(request.user_id);
    const list = request.force_refresh ? Promise.resolve(null) : this.ports.lists.read(request.user_id, now);
    // Awaited only when the request is admitted: until then a failure must not count as unhandled.
    snapshot.catch(() => undefined);
    list.catch(() => undefined);
    return { snapshot, list };
  }

  private async serve(request: RecommendationRequest, index: CatalogIndex, now: number, reads: Reads): Promise<Served> {
    const { snapshot } = await reads.snapshot;
    if (!request.force_refresh) {
      const hit = this.fromCache(request, snapshot, await reads.list);
      if (hit) {
        this.tally.cacheHits++;
        return hit;
      }
    }
    this.tally[request.force_refresh ? 'forcedRefreshes' : 'cacheMisses']++;
    const [ranked, createdAt] = await Promise.all([
      this.ports.snapshots.withActiveProfile(snapshot),
      this.ports.snapshots.createdAt(request.user_id, now),
    ]);
    const result = computeRecommendations({
      index,
      snapshot: ranked,
      createdAt,
      now,
      epsilon: this.ports.epsilon,
      maxResults: request.max_results,
      seed: request.request_id,
    });
    const list = listOf(index, result, {
      userId: request.user_id,
      requestId: request.request_id,
      modelVersion: `${snapshot.modelVersion}`,
      generatedAt: now,
      maxResults: request.max_results,
      epsilon: this.ports.epsilon,
    });
    return { requestId: request.request_id, list, tracks: list.tracks, fromCache: false };
  }

  /** A cached list, checked against the latest snapshot (tracks disliked since are dropped). */
  private fromCache(
    request: RecommendationRequest,
    snapshot: UserSnapshot,
    list: RecommendationList | null,
  ): Served | null {
    const tracks = list && reusableTracks(list, snapshot.negatives, request.max_results);
    return list && tracks ? { requestId: request.request_id, list, tracks, fromCache: true } : null;
  }

  /**
   * Decision record and log rows are queued (written behind the reply, see decision-journal.ts).
   * A computed list is cached before the reply, so the user's next request finds it. Failures
   * are logged, not fatal: the list is decided.
   */
  private async record(served: Served, now: number): Promise<void> {
    this.ports.journal.record(decisionOf(served, now), logRowsOf(served, now));
    if (served.fromCache) return;
    try {
      await this.ports.lists.save(served.list, now);
    } catch (error) {
      this.tally.sideEffectFailures++;
      const context = { userId: served.list.user_id, requestId: served.requestId, write: 'cache', err: error };
      this.ports.log.error(context, 'recommendation side effect failed; the reply is still sent');
    }
  }

  private failed(request: RecommendationRequest, now: number, error: unknown): RecommendationReply {
    this.tally.errors++;
    const retriable = (error as { retriable?: unknown })?.retriable === true;
    this.ports.log.error(
      { userId: request.user_id, requestId: request.request_id, err: error },
      'recommendation failed',
    );
    const message = error instanceof Error ? error.message : String(error);
    const text = `${retriable ? 'temporarily unavailable, retry later' : 'internal error'}: ${message}`;
    return statusReply(request, 'ERROR', { error: text, now });
  }
}
