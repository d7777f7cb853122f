/**
 * What engagement analytics read from the two streams: the reward stream
 * (`music.rewards.v1`, one record per applied listening or feedback event) and the
 * decision log (`music.decisions.v1`, one record per served list). Structural subsets of
 * the Avro records, so the decoded records and the evaluation's in-process replay both fit.
 */
import type { Decision, DecisionItem, RewardRecord } from '../contracts/records.js';

export type RewardFacts = Pick<
  RewardRecord,
  'event_id' | 'user_id' | 'track_id' | 'feedback_type' | 'base_reward' | 'final_reward' | 'occurred_at'
>;

export type DecisionFacts = Pick<Decision, 'request_id' | 'user_id' | 'decided_at'> & {
  readonly chosen: ReadonlyArray<Pick<DecisionItem, 'track_id'>>;
};

export type EngagementRecord =
  | { readonly kind: 'reward'; readonly value: RewardFacts }
  | { readonly kind: 'decision'; readonly value: DecisionFacts };

/** The catalog facts the metrics need: artists (discovery) and genres (diversity of what is recommended). */
export interface TrackFacts {
  readonly artists: readonly string[];
  readonly genres: readonly string[];
}
