/**
 * Discrete learning state: the user's Big Five in three bins per trait, the track's
 * energy/valence/danceability/tempo in three bins each, and the track's GenZ bucket.
 *
 *   O2C1E1A1N0|e2v1d2t1|Hype Beats
 *   └ personality ┘ └ track features ┘ └ bucket ┘
 *
 * Bins: 0 = low, 1 = med, 2 = high, x = unknown (feature missing or not finite).
 * Coarse on purpose: a user meets at most 4⁴·7 = 1,792 track states, so Q-values get
 * enough visits to learn from a few hundred events.
 */
import { bucketOfGenres, GENZ_BUCKETS, type GenZBucket } from './genre.js';
import { DomainValidationError, TRAITS, type AudioFeatures, type BigFive, type Trait } from './types.js';

export type Bin = 0 | 1 | 2 | 'x';
export const BIN_LABELS = { 0: 'low', 1: 'med', 2: 'high', x: 'unknown' } as const;
export type BinLabel = (typeof BIN_LABELS)[Bin];

/** Trait cut points on the 0..100 scale: < 40 low, 40..60 med (both ends inclusive), > 60 high. */
export const TRAIT_CUTS = { low: 40, high: 60 } as const;
/** Feature cut points on 0..1: < 1/3 low, 1/3..2/3 med, > 2/3 high (equal thirds of the range). */
export const FEATURE_CUTS = { low: 1 / 3, high: 2 / 3 } as const;
/** Tempo cut points in BPM: < 90 slow, 90..130 moderate, > 130 fast (walking vs running pace). */
export const TEMPO_CUTS = { low: 90, high: 130 } as const;

const TRAIT_LETTER: Record<Trait, string> = {
  openness: 'O',
  conscientiousness: 'C',
  extraversion: 'E',
  agreeableness: 'A',
  neuroticism: 'N',
};
const FEATURES = ['energy', 'valence', 'danceability', 'tempo'] as const;
type KeyFeature = (typeof FEATURES)[number];
const FEATURE_LETTER: Record<KeyFeature, string> = { energy: 'e', valence: 'v', danceability: 'd', tempo: 't' };

/** The part of a track the state key reads; a full `Track` fits. */
export type KeyedTrack = Pick<AudioFeatures, KeyFeature> & { readonly genres: readonly string[] };

export function binOf(value: number | null | undefined, cuts: { low: number; high: number }): Bin {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'x';
  if (value < cuts.low) return 0;
  return value <= cuts.high ? 1 : 2;
}

/** `O2C1E1A1N0`: constant for a user until their personality changes. */
export function personalityKeyPart(p: BigFive): string {
  let key = '';
  for (const t of TRAITS) key += `${TRAIT_LETTER[t]}${binOf(p[t], TRAIT_CUTS)}`;
  return key;
}

/** `e2v1d2t1|Hype Beats`; an unknown track gives `exvxdxtx|Other`. */
export function trackKeyPart(track: KeyedTrack | null): string {
  let bins = '';
  for (const f of FEATURES)
    bins += `${FEATURE_LETTER[f]}${binOf(track?.[f], f === 'tempo' ? TEMPO_CUTS : FEATURE_CUTS)}`;
  return `${bins}|${bucketOfGenres(track?.genres ?? [])}`;
}

export function stateKeyOf(personality: BigFive, track: KeyedTrack | null): string {
  return `${personalityKeyPart(personality)}|${trackKeyPart(track)}`;
}

export interface ParsedStateKey {
  readonly traits: Readonly<Record<Trait, BinLabel>>;
  readonly features: Readonly<Record<KeyFeature, BinLabel>>;
  readonly bucket: GenZBucket;
}

const KEY_PATTERN = /^O([012])C([012])E([012])A([012])N([012])\|e([012x])v([012x])d([012x])t([012x])\|(.+)$/;

const labelOf = (digit: string): BinLabel => BIN_LABELS[(digit === 'x' ? 'x' : Number(digit)) as Bin];

/** Inverse of stateKeyOf, for display and analytics. Throws on anything stateKeyOf cannot produce. */
export function parseStateKey(key: string): ParsedStateKey {
  const m = KEY_PATTERN.exec(key);
  const bucket = m?.[10] as GenZBucket | undefined;
  if (!m || !bucket || !GENZ_BUCKETS.includes(bucket)) {
    throw new DomainValidationError('invalid-state-key', `not a state key: ${JSON.stringify(key)}`);
  }
  const traits = Object.fromEntries(TRAITS.map((t, i) => [t, labelOf(m[i + 1])])) as Record<Trait, BinLabel>;
  const features = Object.fromEntries(FEATURES.map((f, i) => [f, labelOf(m[i + 6])])) as Record<KeyFeature, BinLabel>;
  return { traits, features, bucket };
}
