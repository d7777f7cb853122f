/**
 * Engagement analytics as a reducer over reward records and decisions:
 * `applyEngagementRecord(state, record, params) → state` (in place, like the domain's
 * reducers: a record costs O(1) instead of a copy of every map).
 *
 * Both streams are at-least-once, so records are deduplicated (rewards by event_id,
 * decisions by request_id). The two topics are consumed independently, so a play can be
 * read before the decision that preceded it: the state keeps raw facts (first
 * recommendation time per track, listening outcomes with their times, first positive play
 * per artist) and every metric is derived when summarised (engagement-summary.ts). The
 * result is therefore independent of how the two streams interleave.
 */
import type { EngagementRecord, TrackFacts } from './engagement-record.js';

/** Listening outcomes: the reward function's implicit rule makes a listen `play` at ≥ min(30 s, half the track), else `skip`. */
export const PLAYED = 'play';
export const SKIPPED = 'skip';

export interface UserEngagement {
  /** Track → earliest decided_at of a decision that served it. */
  readonly recommendedAt: Map<string, number>;
  /** Track → times it was served, over all decisions (diversity counts repeats as served). */
  readonly served: Map<string, number>;
  /** Track → listening outcomes (occurred_at, played) in arrival order. */
  readonly outcomes: Map<string, Array<readonly [number, boolean]>>;
  /** Artist → earliest occurred_at of a positive event (base reward > 0) for one of its tracks. */
  readonly artistFirstPositive: Map<string, number>;
  /** `YYYY-MM` (UTC) of every reward record. */
  readonly activeMonths: Set<string>;
  /** feedback_type → records. */
  readonly feedback: Map<string, number>;
  decisions: number;
}

export interface RewardStats {
  count: number;
  sum: number;
  min: number;
  max: number;
  /** Counts per REWARD_BINS bin. */
  readonly bins: number[];
}

export interface EngagementState {
  readonly users: Map<string, UserEngagement>;
  readonly seenRewards: Set<string>;
  readonly seenDecisions: Set<string>;
  readonly duplicates: { rewards: number; decisions: number };
  /** Records (or served tracks) whose track the catalog does not know: counted, not attributed to an artist or genre. */
  unknownTracks: number;
  readonly rewardsByFeedback: Map<string, RewardStats>;
}

export interface EngagementParams {
  readonly trackFacts: (trackId: string) => TrackFacts | undefined;
}

/** Final rewards are clamped to [−2, 2.5] (docs/learning.md); 18 bins of 0.25 cover it exactly. */
export const REWARD_BINS = Object.freeze({ start: -2, width: 0.25, count: 18 });

export function initialEngagementState(): EngagementState {
  return {
    users: new Map(),
    seenRewards: new Set(),
    seenDecisions: new Set(),
    duplicates: { rewards: 0, decisions: 0 },
    unknownTracks: 0,
    rewardsByFeedback: new Map(),
  };
}

export function monthOf(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 7);
}

export function applyEngagementRecord(
  state: EngagementState,
  record: EngagementRecord,
  params: EngagementParams,
): EngagementState {
  if (record.kind === 'reward') applyReward(state, record.value, params);
  else applyDecision(state, record.value, params);
  return state;
}

function userOf(state: EngagementState, userId: string): UserEngagement {
  const found = state.users.get(userId);
  if (found) return found;
  const fresh: UserEngagement = {
    recommendedAt: new Map(),
    served: new Map(),
    outcomes: new Map(),
    artistFirstPositive: new Map(),
    activeMonths: new Set(),
    feedback: new Map(),
    decisions: 0,
  };
  state.users.set(userId, fresh);
  return fresh;
}

function applyReward(
  state: EngagementState,
  r: Extract<EngagementRecord, { kind: 'reward' }>['value'],
  params: EngagementParams,
): void {
  if (state.seenRewards.has(r.event_id)) {
    state.duplicates.rewards++;
    return;
  }
  state.seenRewards.add(r.event_id);
  const user = userOf(state, r.user_id);
  user.activeMonths.add(monthOf(r.occurred_at));
  user.feedback.set(r.feedback_type, (user.feedback.get(r.feedback_type) ?? 0) + 1);
  addReward(state, r.feedback_type, r.final_reward);
  if (r.feedback_type === PLAYED || r.feedback_type === SKIPPED) {
    const list = user.outcomes.get(r.track_id) ?? [];
    list.push([r.occurred_at, r.feedback_type === PLAYED]);
    user.outcomes.set(r.track_id, list);
  }
  const facts = params.trackFacts(r.track_id);
  if (!facts) state.unknownTracks++;
  else if (r.base_reward > 0) {
    for (const artist of facts.artists) {
      const first = user.artistFirstPositive.get(artist);
      if (first === undefined || r.occurred_at < first) user.artistFirstPositive.set(artist, r.occurred_at);
    }
  }
}

function applyDecision(
  state: EngagementState,
  d: Extract<EngagementRecord, { kind: 'decision' }>['value'],
  params: EngagementParams,
): void {
  if (state.seenDecisions.has(d.request_id)) {
    state.duplicates.decisions++;
    return;
  }
  state.seenDecisions.add(d.request_id);
  const user = userOf(state, d.user_id);
  user.decisions++;
  for (const { track_id } of d.chosen) {
    const first = user.recommendedAt.get(track_id);
    if (first === undefined || d.decided_at < first) user.recommendedAt.set(track_id, d.decided_at);
    user.served.set(track_id, (user.served.get(track_id) ?? 0) + 1);
    if (!params.trackFacts(track_id)) state.unknownTracks++;
  }
}

function addReward(state: EngagementState, type: string, reward: number): void {
  const s = state.rewardsByFeedback.get(type) ?? {
    count: 0,
    sum: 0,
    min: Infinity,
    max: -Infinity,
    bins: new Array<number>(REWARD_BINS.count).fill(0),
  };
  s.count++;
  s.sum += reward;
  s.min = Math.min(s.min, reward);
  s.max = Math.max(s.max, reward);
  const bin = Math.floor((reward - REWARD_BINS.start) / REWARD_BINS.width);
  s.bins[Math.min(REWARD_BINS.count - 1, Math.max(0, bin))]++;
  state.rewardsByFeedback.set(type, s);
}
