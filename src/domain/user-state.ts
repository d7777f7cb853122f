/**
 * One user's learning state and its reducer.
 *
 * OWNERSHIP: a UserState is a mutable object owned by exactly one actor (the keyed
 * consumer of its user). applyEvent and applyPersonality update it IN PLACE and return
 * the same object; nothing else may hold a reference across calls. To keep a before-image
 * (e.g. to roll back a batch whose persist failed) take cloneUserState first, or reload
 * the persisted bytes. In-place updates keep an event O(1) instead of O(table size).
 */
import {
  cloneGenrePreferences,
  createGenrePreferences,
  updateGenrePreferences,
  type GenrePreferences,
} from './genre-preferences.js';
import { DEFAULT_LEARNING_PARAMS, type LearningParams } from './learning-params.js';
import {
  cloneListeningHistory,
  createListeningHistory,
  playCountOf,
  recordListen,
  type ListeningHistory,
} from './listening-history.js';
import { cloneQTable, createQTable, updateQ, type QTable } from './q-table.js';
import {
  cloneReplayBuffer,
  createReplayBuffer,
  pushExperience,
  replay,
  resizeReplayBuffer,
  type Experience,
  type ReplayBuffer,
} from './replay-buffer.js';
import { computeReward, implicitFeedbackType, type RewardBreakdown } from './reward.js';
import { createRng, seedState, type RngState } from './rng.js';
import { stateKeyOf } from './state-key.js';
import {
  BALANCED_BIG_FIVE,
  DomainValidationError,
  TRAITS,
  type Action,
  type BigFive,
  type FeedbackType,
  type Track,
} from './types.js';
import type { UserEvent } from './user-event.js';

export type { FeedbackUserEvent, ListeningUserEvent, UserEvent } from './user-event.js';
export { validateUserEvent } from './user-event.js';
export {
  snapshotJson,
  snapshotOf,
  snapshotRlAdjustment,
  SNAPSHOT_LIMITS,
  SNAPSHOT_MAX_JSON_BYTES,
  type UserSnapshot,
} from './user-snapshot.js';

export interface UserState {
  readonly userId: string;
  /** +1 per applied event and per personality change; persisted writers compare-and-set on it. */
  modelVersion: number;
  /** Applied events (learning steps); drives the replay schedule. */
  episodes: number;
  /** null → BALANCED_BIG_FIVE is used for state keys. */
  personality: BigFive | null;
  readonly q: QTable;
  readonly preferences: GenrePreferences;
  replay: ReplayBuffer;
  /** Replay sampling rng; advanced only by replays, so persisted state replays reproducibly. */
  rng: RngState;
  readonly history: ListeningHistory;
  /**
   * Tracks the user recently skipped or disliked, newest first (at most RECENT_NEGATIVES_MAX).
   * The recommender never returns these, even from a list cached before the feedback.
   */
  recentNegatives: string[];
}

export const RECENT_NEGATIVES_MAX = 30;

/** Explicit signals that take a track off the negative list again. */
const REDEEMING: ReadonlySet<FeedbackType> = new Set(['like', 'save', 'add_to_playlist', 'share', 'repeat']);

function trackNegatives(state: UserState, trackId: string, feedbackType: FeedbackType, finalReward: number): void {
  if (finalReward >= 0 && !REDEEMING.has(feedbackType)) return;
  const without = state.recentNegatives.includes(trackId)
    ? state.recentNegatives.filter((t) => t !== trackId)
    : state.recentNegatives;
  if (finalReward < 0) state.recentNegatives = [trackId, ...without].slice(0, RECENT_NEGATIVES_MAX);
  else if (without !== state.recentNegatives) state.recentNegatives = without;
}

/** Everything a reward record needs. qBefore/qAfter bracket this event's own update (before any replay). */
export interface EventOutcome extends RewardBreakdown {
  readonly eventId: string;
  readonly stateKey: string;
  readonly action: Action;
  readonly qBefore: number;
  readonly qAfter: number;
  readonly modelVersion: number;
  /** Q updates re-applied from the replay buffer after this event (0 or replayBatchSize). */
  readonly replayed: number;
}

export function initialUserState(userId: string, options: { replayCapacity?: number } = {}): UserState {
  return {
    userId,
    modelVersion: 0,
    episodes: 0,
    personality: null,
    q: createQTable(),
    preferences: createGenrePreferences(),
    replay: createReplayBuffer(options.replayCapacity ?? DEFAULT_LEARNING_PARAMS.replayCapacity),
    rng: seedState(userId),
    history: createListeningHistory(),
    recentNegatives: [],
  };
}

export function cloneUserState(s: UserState): UserState {
  return {
    ...s,
    q: cloneQTable(s.q),
    preferences: cloneGenrePreferences(s.preferences),
    replay: cloneReplayBuffer(s.replay),
    history: cloneListeningHistory(s.history),
    recentNegatives: [...s.recentNegatives],
  };
}

/** In place (see OWNERSHIP). Throws invalid-personality unless every trait is in [0, 100]. */
export function applyPersonality(state: UserState, bigFive: BigFive): UserState {
  const bad = TRAITS.filter((t) => !(bigFive[t] >= 0 && bigFive[t] <= 100));
  if (bad.length > 0)
    throw new DomainValidationError('invalid-personality', `traits out of [0, 100]: ${bad.join(', ')}`);
  state.personality = { ...bigFive };
  state.modelVersion += 1;
  return state;
}

function rewardFor(state: UserState, event: UserEvent, track: Track | null, params: LearningParams): RewardBreakdown {
  const durationMs = event.trackDurationMs ?? (track && track.durationMs > 0 ? track.durationMs : null);
  const feedbackType: FeedbackType =
    event.kind === 'feedback' ? event.feedbackType : implicitFeedbackType(event.msListened, durationMs);
  // Named fields, not a spread of the event: one fixed-shape object per event on the hot path.
  return computeReward(
    {
      feedbackType,
      msListened: event.msListened,
      trackDurationMs: durationMs,
      priorPlayCount: playCountOf(state.history, event.trackId),
      occurredAt: event.occurredAt,
      recommendationId: event.recommendationId,
      recommendedAt: event.recommendedAt,
      context: event.context,
      features: track,
    },
    params,
  );
}

/** Stores the experience, counts the episode and replays on schedule; returns the replayed count. */
function recordExperience(state: UserState, experience: Experience, params: LearningParams): number {
  if (state.replay.capacity !== params.replayCapacity) {
    state.replay = resizeReplayBuffer(state.replay, params.replayCapacity);
  }
  pushExperience(state.replay, experience);
  state.episodes += 1;
  state.modelVersion += 1;
  if (state.episodes % params.replayEvery !== 0) return 0;
  const rng = createRng(state.rng);
  const n = replay(state.q, state.replay, { rng, batchSize: params.replayBatchSize, alpha: params.alpha });
  state.rng = rng.state();
  return n;
}

/**
 * Applies one validated event, in place (see OWNERSHIP). `track` is the catalog entry or
 * null when unknown (then the state key uses `x` bins and no genre preference moves).
 * Observed feedback always updates Q(s, recommend) for the track's state.
 */
export function applyEvent(
  state: UserState,
  event: UserEvent,
  track: Track | null,
  params: LearningParams,
): { state: UserState; outcome: EventOutcome } {
  if (event.userId !== state.userId) {
    throw new DomainValidationError(
      'user-mismatch',
      `event ${event.eventId} is for ${event.userId}, state is ${state.userId}`,
    );
  }
  const reward = rewardFor(state, event, track, params);
  const stateKey = stateKeyOf(state.personality ?? BALANCED_BIG_FIVE, track);
  const action: Action = 'recommend';
  const { qBefore, qAfter } = updateQ(state.q, stateKey, action, reward.finalReward, params.alpha);
  if (track)
    updateGenrePreferences(state.preferences, track.genres, { reward: reward.finalReward, alpha: params.alpha });
  if (event.kind === 'listening') recordListen(state.history, event);
  trackNegatives(state, event.trackId, reward.feedbackType, reward.finalReward);
  const replayed = recordExperience(state, { stateKey, action, reward: reward.finalReward }, params);
  const outcome: EventOutcome = {
    eventId: event.eventId,
    ...reward,
    stateKey,
    action,
    qBefore,
    qAfter,
    modelVersion: state.modelVersion,
    replayed,
  };
  return { state, outcome };
}
