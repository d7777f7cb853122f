/** Shared vocabulary of the pure domain core. No framework or client imports here. */

/** Spotify audio features used by learning and scoring (all in [0,1] except tempo in BPM). */
export interface AudioFeatures {
  readonly danceability: number;
  readonly energy: number;
  readonly valence: number;
  readonly tempo: number;
  readonly acousticness: number;
  readonly instrumentalness: number;
  readonly speechiness: number;
}

export interface Track extends AudioFeatures {
  readonly trackId: string;
  readonly name: string;
  readonly artists: readonly string[];
  /** Every genre label the catalog gives the track (a track may appear under several). */
  readonly genres: readonly string[];
  /** Spotify popularity 0..100. */
  readonly popularity: number;
  readonly durationMs: number;
  /** ISO date when known (the shared catalog has none; Spotify's new releases do). */
  readonly releaseDate?: string | null;
}

/** Big Five trait scores on the stored 0..100 scale. */
export interface BigFive {
  readonly openness: number;
  readonly conscientiousness: number;
  readonly extraversion: number;
  readonly agreeableness: number;
  readonly neuroticism: number;
}

export const TRAITS = ['openness', 'conscientiousness', 'extraversion', 'agreeableness', 'neuroticism'] as const;
export type Trait = (typeof TRAITS)[number];

/** Balanced default used whenever a user has no personality profile. */
export const BALANCED_BIG_FIVE: BigFive = Object.freeze({
  openness: 50,
  conscientiousness: 50,
  extraversion: 50,
  agreeableness: 50,
  neuroticism: 50,
});

export const FEEDBACK_TYPES = [
  'like',
  'save',
  'add_to_playlist',
  'play',
  'repeat',
  'share',
  'dislike',
  'skip',
] as const;
export type FeedbackType = (typeof FEEDBACK_TYPES)[number];

export const LISTENING_CONTEXTS = ['workout', 'party', 'study', 'commute', 'relax', 'sleep', 'focus'] as const;
export type ListeningContext = (typeof LISTENING_CONTEXTS)[number];

export const ACTIONS = ['recommend', 'not_recommend'] as const;
export type Action = (typeof ACTIONS)[number];

export function isFeedbackType(value: string): value is FeedbackType {
  return (FEEDBACK_TYPES as readonly string[]).includes(value);
}

export function isListeningContext(value: string): value is ListeningContext {
  return (LISTENING_CONTEXTS as readonly string[]).includes(value);
}

/** Thrown when a value entering the domain breaks an invariant. Never worth retrying. */
export class DomainValidationError extends Error {
  readonly retriable = false;
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DomainValidationError';
  }
}
