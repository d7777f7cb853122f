/**
 * Reward of one observed interaction: a base reward per feedback type times four bounded
 * multiplicative modifiers, clamped to [rewardMin, rewardMax]. Formulas: docs/learning.md.
 */
import type { AudioFeatures, FeedbackType, ListeningContext } from './types.js';

/** Product-specified base rewards (not tunable: analytics compares them across versions). */
export const BASE_REWARDS: Readonly<Record<FeedbackType, number>> = Object.freeze({
  like: 1.0,
  save: 1.5,
  add_to_playlist: 1.8,
  play: 0.8,
  repeat: 1.2,
  share: 1.3,
  dislike: -1.0,
  skip: -0.4,
});

/** Keys of `modifiers`; stable because they are written into an Avro map. Every key is always present. */
export const MODIFIER_NAMES = ['completion', 'repeat', 'quick_feedback', 'context_fit'] as const;
export type ModifierName = (typeof MODIFIER_NAMES)[number];

/** Tuning constants; each modifier's range is stated next to its formula. */
export const REWARD_TUNING = Object.freeze({
  /** Positive feedback: completion factor 1 + 0.5·c ∈ [1, 1.5]. */
  completionBoost: 0.5,
  /** Negative feedback: completion factor 1.5 − 0.5·c ∈ [1, 1.5] (an early skip hurts more). */
  earlyExitPenalty: 0.5,
  /** Repeat factor 1 + 0.05·min(priorPlays, 5) ∈ [1, 1.25]. */
  repeatStep: 0.05,
  repeatCap: 5,
  /** Quick-feedback factor 1 + 0.2·(1 − Δ/60 s) ∈ [1, 1.2], linear so there is no cliff at the window edge. */
  quickBoost: 0.2,
  quickWindowMs: 60_000,
  /** Context factor 0.9 + 0.2·fit ∈ [0.9, 1.1]; a neutral fit of 0.5 gives exactly 1. */
  contextBase: 0.9,
  contextSpan: 0.2,
});

/** Implicit-feedback threshold: a listen shorter than min(30 s, 50 % of the track) is a skip. */
export const IMPLICIT_SKIP_MS = 30_000;
export const IMPLICIT_SKIP_FRACTION = 0.5;

export interface RewardInput {
  readonly feedbackType: FeedbackType;
  readonly msListened: number | null;
  /** Known track duration (> 0) or null. */
  readonly trackDurationMs: number | null;
  /** Listening-history play count of this track before this event. */
  readonly priorPlayCount: number;
  readonly occurredAt: number;
  readonly recommendationId: string | null;
  readonly recommendedAt: number | null;
  readonly context: ListeningContext | null;
  /** Audio features of the track, null when the catalog does not know it. */
  readonly features: AudioFeatures | null;
}

export interface RewardBounds {
  readonly rewardMin: number;
  readonly rewardMax: number;
}

export interface RewardBreakdown {
  readonly feedbackType: FeedbackType;
  readonly baseReward: number;
  readonly modifiers: Record<ModifierName, number>;
  readonly finalReward: number;
}

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
const unit = (x: number): number => (Number.isFinite(x) ? clamp(x, 0, 1) : 0.5);

/** `skip` when the user heard less than min(30 s, half the track), otherwise `play`. Unknown duration → 30 s rule. */
export function implicitFeedbackType(msListened: number, trackDurationMs: number | null): 'play' | 'skip' {
  const half = trackDurationMs && trackDurationMs > 0 ? trackDurationMs * IMPLICIT_SKIP_FRACTION : Infinity;
  return msListened < Math.min(IMPLICIT_SKIP_MS, half) ? 'skip' : 'play';
}

export function completionFactor(base: number, msListened: number | null, durationMs: number | null): number {
  if (msListened === null || durationMs === null || !(durationMs > 0)) return 1;
  const c = clamp(msListened / durationMs, 0, 1);
  return base >= 0 ? 1 + REWARD_TUNING.completionBoost * c : 1 + REWARD_TUNING.earlyExitPenalty * (1 - c);
}

/** Positive feedback only: a skip of a familiar track is fatigue, not evidence against it. */
export function repeatFactor(base: number, priorPlayCount: number): number {
  if (base <= 0 || !(priorPlayCount > 0)) return 1;
  return 1 + REWARD_TUNING.repeatStep * Math.min(priorPlayCount, REWARD_TUNING.repeatCap);
}

export function quickFeedbackFactor(
  base: number,
  input: Pick<RewardInput, 'occurredAt' | 'recommendationId' | 'recommendedAt'>,
): number {
  if (base <= 0 || !input.recommendationId || input.recommendedAt === null) return 1;
  const delta = input.occurredAt - input.recommendedAt;
  if (!(delta >= 0 && delta <= REWARD_TUNING.quickWindowMs)) return 1; // negative Δ = clock skew: no evidence
  return 1 + REWARD_TUNING.quickBoost * (1 - delta / REWARD_TUNING.quickWindowMs);
}

/** How well a track suits a context, in [0, 1]; 0.5 = neutral. Missing features count as neutral. */
export function contextFit(context: ListeningContext, f: AudioFeatures): number {
  const tempo = Number.isFinite(f.tempo) ? clamp((f.tempo - 60) / 120, 0, 1) : 0.5; // 60 BPM → 0, 180 BPM → 1
  switch (context) {
    case 'workout':
      return (unit(f.energy) + tempo) / 2;
    case 'party':
      return (unit(f.danceability) + unit(f.energy)) / 2;
    case 'study':
    case 'focus':
      return (unit(f.instrumentalness) + 1 - unit(f.speechiness)) / 2;
    case 'relax':
    case 'sleep':
      return (1 - unit(f.energy) + unit(f.acousticness)) / 2;
    case 'commute':
      return 0.5;
  }
}

/** Positive feedback only: a bad-fit skip may be about the moment rather than the track, so it is neither damped nor amplified. */
export function contextFactor(base: number, context: ListeningContext | null, features: AudioFeatures | null): number {
  if (base <= 0 || context === null || features === null) return 1;
  return REWARD_TUNING.contextBase + REWARD_TUNING.contextSpan * contextFit(context, features);
}

export function computeReward(input: RewardInput, bounds: RewardBounds): RewardBreakdown {
  const base = BASE_REWARDS[input.feedbackType];
  const modifiers: Record<ModifierName, number> = {
    completion: completionFactor(base, input.msListened, input.trackDurationMs),
    repeat: repeatFactor(base, input.priorPlayCount),
    quick_feedback: quickFeedbackFactor(base, input),
    context_fit: contextFactor(base, input.context, input.features),
  };
  const product = modifiers.completion * modifiers.repeat * modifiers.quick_feedback * modifiers.context_fit;
  const finalReward = clamp(base * product, bounds.rewardMin, bounds.rewardMax);
  return { feedbackType: input.feedbackType, baseReward: base, modifiers, finalReward };
}
