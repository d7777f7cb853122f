/**
 * The deployed path as a ServingPath: events go to the user-events topic (keyed by user, one
 * send at a time per user so their order holds), the event processor applies them, and this
 * waits until Postgres shows all of them applied; lists come from the recommender over Kafka
 * request/reply — the gateway's own requester — with force_refresh (every point is ranked on
 * the current snapshot, as in process) and requested_at = the replayed play's time.
 */
import type { Producer } from 'kafkajs';
import type { RecommendationReply, RecommendationRequest } from '../../contracts/records.js';
import type { UserEvent } from '../../domain/user-state.js';
import type { SchemaRegistry } from '../../infra/avro/schema-registry.js';
import type { Executor } from '../../infra/postgres/pool.js';
import { toEventMessage } from '../../learner/event-encoder.js';
import { appliedEvents } from './learner-progress.repository.js';
import type { ServedList, ServingPath } from './served-next-play.js';

export interface Requester {
  request(request: RecommendationRequest): Promise<RecommendationReply>;
}

export interface KafkaServingPathDeps {
  readonly producer: Producer;
  readonly registry: SchemaRegistry;
  readonly eventsTopic: string;
  readonly db: Executor;
  readonly requester: Requester;
  /** How long one batch of events may take to be applied before the replay gives up. */
  readonly applyTimeoutMs: number;
  /** Attempts per request; a retried request id ranks alike, so retrying is safe. */
  readonly attempts: number;
}

export class ReplayStalledError extends Error {
  readonly retriable = true;
  override readonly name = 'ReplayStalledError';
}

const POLL_MS = 20;

export class KafkaServingPath implements ServingPath {
  private readonly produced = new Map<string, number>();

  constructor(private readonly d: KafkaServingPathDeps) {}

  async apply(userId: string, events: readonly UserEvent[]): Promise<void> {
    if (events.length === 0) return;
    const messages = events.map((e) => toEventMessage(this.d.registry, e));
    await this.d.producer.send({ topic: this.d.eventsTopic, acks: -1, messages });
    const target = (this.produced.get(userId) ?? 0) + events.length;
    this.produced.set(userId, target);
    const deadline = Date.now() + this.d.applyTimeoutMs;
    let applied = await appliedEvents(this.d.db, userId);
    while (applied < target) {
      if (Date.now() > deadline)
        throw new ReplayStalledError(`event processor applied ${applied} of ${target} events of ${userId} in time`);
      await new Promise((r) => setTimeout(r, POLL_MS));
      applied = await appliedEvents(this.d.db, userId);
    }
  }

  async recommend(r: { userId: string; requestId: string; at: number; maxResults: number }): Promise<ServedList> {
    const request: RecommendationRequest = {
      request_id: r.requestId,
      user_id: r.userId,
      max_results: r.maxResults,
      force_refresh: true,
      requested_at: r.at,
      context: null,
    };
    const reply = await this.withRetries(request);
    if (reply.status !== 'OK')
      throw new Error(`recommender answered ${reply.status} for ${r.requestId}: ${reply.error}`);
    return { trackIds: reply.tracks.map((t) => t.track_id), stage: reply.cold_start_stage };
  }

  private async withRetries(request: RecommendationRequest): Promise<RecommendationReply> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.d.requester.request(request);
      } catch (error) {
        const retriable = (error as { retriable?: unknown }).retriable === true;
        if (!retriable || attempt >= this.d.attempts) throw error;
      }
    }
  }
}
