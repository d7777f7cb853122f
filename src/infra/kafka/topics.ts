/**
 * The one topic registry: every topic's name, key, Avro value schema(s), TypeScript
 * value type, partition count and cleanup policy, as frozen data.
 *
 * Listening and feedback events share one topic on purpose: a user's learning state
 * depends on the order of both kinds, and Kafka orders records only within a
 * partition of one topic. Two topics would let a rebalance or a restart interleave
 * them differently and make the learned state non-reproducible. The record's schema
 * fingerprint (single-object encoding) tells the kinds apart. A personality change is
 * written here too (besides its compacted topic), so the actor applies it in order.
 */
import type { RecordName } from '../../contracts/records.js';

export type CleanupPolicy = 'delete' | 'compact';

export interface TopicSpec {
  /** Base name; the deployed name is the configured prefix + this. */
  readonly name: string;
  /** What the record key holds. Every user-scoped topic is keyed by userId. */
  readonly key: 'userId' | 'trackId' | 'requestId' | 'none';
  /** Avro record names accepted as values (the first is the one producers write by default). */
  readonly valueSchemas: readonly RecordName[];
  /** 'events' means the configured KAFKA_EVENT_PARTITIONS. */
  readonly partitions: number | 'events';
  readonly cleanupPolicy: CleanupPolicy;
  readonly retentionMs?: number;
  readonly description: string;
}

const DAY = 86_400_000;

export const TOPICS = Object.freeze({
  userEvents: {
    name: 'music.user-events.v1',
    key: 'userId',
    valueSchemas: ['music.ListeningEvent', 'music.FeedbackEvent', 'music.PersonalityProfileUpdate'],
    partitions: 'events',
    cleanupPolicy: 'delete',
    retentionMs: 7 * DAY,
    description: 'Listening and feedback events from player clients, and personality changes, in one per-user order.',
  },
  rewards: {
    name: 'music.rewards.v1',
    key: 'userId',
    valueSchemas: ['music.RewardRecord'],
    partitions: 'events',
    cleanupPolicy: 'delete',
    retentionMs: 30 * DAY,
    description: 'One reward record per applied event, for downstream analytics.',
  },
  recommendationRequests: {
    name: 'music.recommendation-requests.v1',
    key: 'userId',
    valueSchemas: ['music.RecommendationRequest'],
    partitions: 'events',
    cleanupPolicy: 'delete',
    retentionMs: DAY,
    description: 'Recommendation requests (request/reply; the reply topic is this name + ".reply").',
  },
  recommendationReplies: {
    name: 'music.recommendation-requests.v1.reply',
    key: 'requestId',
    valueSchemas: ['music.RecommendationReply'],
    partitions: 'events',
    cleanupPolicy: 'delete',
    retentionMs: DAY,
    description: 'Replies to recommendation requests; partitions ≥ gateway instances.',
  },
  decisions: {
    name: 'music.decisions.v1',
    key: 'userId',
    valueSchemas: ['music.Decision'],
    partitions: 'events',
    cleanupPolicy: 'delete',
    retentionMs: 30 * DAY,
    description: 'Decision log of the recommender (candidates, chosen tracks, propensities).',
  },
  personalityProfiles: {
    name: 'music.personality-profiles.v1',
    key: 'userId',
    valueSchemas: ['music.PersonalityProfileUpdate'],
    partitions: 'events',
    cleanupPolicy: 'compact',
    description: 'Latest Big Five profile per user (compacted).',
  },
  catalogTracks: {
    name: 'music.catalog-tracks.v1',
    key: 'trackId',
    valueSchemas: ['music.CatalogTrack'],
    partitions: 3,
    cleanupPolicy: 'compact',
    description: 'The track catalog, latest version per track id (compacted).',
  },
  deadLetters: {
    name: 'music.dead-letters.v1',
    key: 'none',
    valueSchemas: ['music.DeadLetter'],
    partitions: 1,
    cleanupPolicy: 'delete',
    retentionMs: 30 * DAY,
    description: 'Records that could not be processed, with the original bytes and the reason.',
  },
} as const satisfies Record<string, TopicSpec>);

export type TopicId = keyof typeof TOPICS;

export interface TopicNaming {
  readonly prefix: string;
  readonly eventPartitions: number;
}

export function topicName(id: TopicId, naming: Pick<TopicNaming, 'prefix'>): string {
  return `${naming.prefix}${TOPICS[id].name}`;
}

export function partitionsOf(id: TopicId, naming: Pick<TopicNaming, 'eventPartitions'>): number {
  const p: number | 'events' = TOPICS[id].partitions;
  return p === 'events' ? naming.eventPartitions : p;
}
