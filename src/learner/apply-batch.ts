/**
 * The learning use case for one chunk of a partition: applies each user's events in
 * offset order to that user's actor and collects every row the transaction must write.
 * No I/O here; the processor loads the inputs and persists the result.
 */
import type { RewardRecord } from '../contracts/records.js';
import { bucketOfGenres } from '../domain/genre.js';
import type { LearningParams } from '../domain/learning-params.js';
import type { BigFive, Track } from '../domain/types.js';
import {
  applyEvent,
  applyPersonality,
  type UserEvent,
  type UserState,
  type EventOutcome,
} from '../domain/user-state.js';
import { encodeUserState } from '../domain/user-state-codec.js';
import { normaliseGenre } from '../domain/genre.js';
import type { InteractionRow } from '../infra/postgres/event-log.repository.js';
import type { GenrePreferenceRow, HistoryRow, ModelRow } from '../infra/postgres/user-model.repository.js';

/** A record of the user-events topic after decoding: a listening/feedback event or a new personality profile. */
export type SourcedEvent =
  | { readonly offset: number; readonly event: UserEvent; readonly profile?: undefined }
  | { readonly offset: number; readonly event?: undefined; readonly profile: ProfileChange };

export interface ProfileChange {
  readonly userId: string;
  readonly bigFive: BigFive;
}

export const userOf = (s: SourcedEvent): string => (s.event ? s.event.userId : s.profile.userId);

export interface BatchInput {
  readonly topic: string;
  readonly partition: number;
  readonly events: readonly SourcedEvent[];
  readonly states: ReadonlyMap<string, UserState>;
  readonly tracks: ReadonlyMap<string, Track>;
  readonly params: LearningParams;
  readonly now: number;
}

export interface BatchEffects {
  readonly interactions: InteractionRow[];
  readonly rewards: RewardRecord[];
  readonly models: ModelRow[];
  readonly preferences: GenrePreferenceRow[];
  readonly history: HistoryRow[];
  readonly users: string[];
}

interface Touched {
  readonly genres: Set<string>;
  readonly tracks: Set<string>;
}

export function applyBatch(input: BatchInput): BatchEffects {
  const interactions: InteractionRow[] = [];
  const rewards: RewardRecord[] = [];
  const touched = new Map<string, Touched>();
  for (const { offset, event, profile } of input.events) {
    const userId = event ? event.userId : profile.userId;
    const state = input.states.get(userId);
    if (!state) throw new Error(`no actor loaded for user ${userId}`);
    if (!event) {
      // A new profile changes the personality part of every state key from here on.
      applyPersonality(state, profile.bigFive);
      if (!touched.has(userId)) touched.set(userId, { genres: new Set<string>(), tracks: new Set<string>() });
      continue;
    }
    const track = input.tracks.get(event.trackId) ?? null;
    const { outcome } = applyEvent(state, event, track, input.params);
    const t = touched.get(event.userId) ?? { genres: new Set<string>(), tracks: new Set<string>() };
    touched.set(event.userId, t);
    if (track) {
      for (const g of track.genres) t.genres.add(normaliseGenre(g));
      t.genres.add(bucketOfGenres(track.genres));
    }
    if (event.kind === 'listening') t.tracks.add(event.trackId);
    const source = { topic: input.topic, partition: input.partition, offset };
    interactions.push(interactionRow(event, outcome, source));
    rewards.push(rewardRecord(event, outcome, source, input.now));
  }
  const users = [...touched.keys()];
  return {
    interactions,
    rewards,
    users,
    models: users.map((u) => modelRow(input.states.get(u) as UserState)),
    preferences: users.flatMap((u) =>
      preferenceRows(input.states.get(u) as UserState, (touched.get(u) as Touched).genres),
    ),
    history: users.flatMap((u) =>
      historyRows(input.states.get(u) as UserState, (touched.get(u) as Touched).tracks, input.tracks),
    ),
  };
}

interface Source {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
}

function interactionRow(event: UserEvent, o: EventOutcome, s: Source): InteractionRow {
  return {
    eventId: event.eventId,
    userId: event.userId,
    trackId: event.trackId,
    eventKind: event.kind,
    feedbackType: o.feedbackType,
    msListened: event.msListened,
    trackDurationMs: event.trackDurationMs,
    context: event.context,
    recommendationId: event.recommendationId,
    baseReward: o.baseReward,
    finalReward: o.finalReward,
    stateKey: o.stateKey,
    action: o.action,
    qBefore: o.qBefore,
    qAfter: o.qAfter,
    occurredAt: event.occurredAt,
    sourceTopic: s.topic,
    sourcePartition: s.partition,
    sourceOffset: s.offset,
  };
}

function rewardRecord(event: UserEvent, o: EventOutcome, s: Source, now: number): RewardRecord {
  return {
    event_id: event.eventId,
    user_id: event.userId,
    track_id: event.trackId,
    feedback_type: o.feedbackType,
    occurred_at: event.occurredAt,
    base_reward: o.baseReward,
    modifiers: { ...o.modifiers },
    final_reward: o.finalReward,
    state_key: o.stateKey,
    action: o.action,
    q_before: o.qBefore,
    q_after: o.qAfter,
    model_version: o.modelVersion,
    source_topic: s.topic,
    source_partition: s.partition,
    source_offset: s.offset,
    processed_at: now,
  };
}

function modelRow(state: UserState): ModelRow {
  const bytes = encodeUserState(state);
  return {
    userId: state.userId,
    modelVersion: state.modelVersion,
    state: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    qEntries: state.q.size,
    episodes: state.episodes,
  };
}

function preferenceRows(state: UserState, names: ReadonlySet<string>): GenrePreferenceRow[] {
  const rows: GenrePreferenceRow[] = [];
  for (const name of names) {
    const genre = state.preferences.genres.get(name);
    if (genre)
      rows.push({ userId: state.userId, genre: name, kind: 'genre', score: genre.score, interactions: genre.count });
    const bucket = state.preferences.buckets.get(name as never);
    if (bucket)
      rows.push({ userId: state.userId, genre: name, kind: 'bucket', score: bucket.score, interactions: bucket.count });
  }
  return rows;
}

function historyRows(
  state: UserState,
  trackIds: ReadonlySet<string>,
  tracks: ReadonlyMap<string, Track>,
): HistoryRow[] {
  const rows: HistoryRow[] = [];
  for (const trackId of trackIds) {
    const h = state.history.get(trackId);
    if (!h) continue;
    const t = tracks.get(trackId);
    rows.push({
      userId: state.userId,
      trackId,
      playCount: h.playCount,
      totalListenMs: h.totalListenMs,
      firstPlayedAt: h.firstPlayedAt,
      playedAt: h.lastPlayedAt,
      features: t
        ? [t.danceability, t.energy, t.valence, t.tempo, t.acousticness, t.instrumentalness, t.speechiness]
        : [],
      genres: t ? t.genres : [],
    });
  }
  return rows;
}
