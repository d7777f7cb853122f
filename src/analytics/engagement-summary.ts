/**
 * The engagement metrics, derived from the reducer's facts (engagement-state.ts), per user
 * and overall, with the product goals:
 *
 *   playedShare        of the recommended tracks the user listened to at or after their
 *                      first recommendation, the share whose first such listen counted as a
 *                      play (≥ min(30 s, half the track): the reward function's rule), not a
 *                      skip — goal > 60 %. Per track, so a favourite replayed a hundred times
 *                      after one recommendation counts once.
 *   newArtistsPerMonth artists whose first positive event (base reward > 0) falls in a
 *                      month, per active month (a month with any event); each user's first
 *                      active month is left out, since everything is new when an account
 *                      starts — goal ≥ 5
 *   genreEntropyBits   Shannon entropy of the genres of every served track (each serving
 *                      weighs 1, split over the track's distinct normalised genres) — goal > 3.5
 *   skipRate, saveRate skips / listens and saves / listens (listens = play + skip outcomes)
 *
 * Overall values pool the users' counts (Σ numerators / Σ denominators), not means of
 * per-user rates. Undefined values (nothing to divide by) are null.
 */
import { normaliseGenre } from '../domain/genre.js';
import { shannonEntropyBits } from '../evaluation/metrics/entropy.js';
import { ENGAGEMENT_GOALS, type Goal } from './engagement-goals.js';
import type { TrackFacts } from './engagement-record.js';
import { monthOf, REWARD_BINS, type EngagementState, type UserEngagement } from './engagement-state.js';

export { ENGAGEMENT_GOALS, type Goal, type GoalMetric } from './engagement-goals.js';

export interface EngagementMetrics {
  readonly rewards: number;
  readonly decisions: number;
  readonly recommendedTracks: number;
  /** Recommended tracks listened to (play or skip) at or after their first recommendation. */
  readonly recommendedListened: number;
  /** Of those, the ones whose first such listen was a play. */
  readonly recommendedPlayed: number;
  readonly playedShare: number | null;
  readonly newArtists: number;
  readonly discoveryMonths: number;
  readonly newArtistsPerMonth: number | null;
  readonly genreEntropyBits: number | null;
  readonly listens: number;
  readonly skipRate: number | null;
  readonly saveRate: number | null;
}

export interface RewardSummary {
  readonly count: number;
  readonly mean: number;
  readonly min: number;
  readonly max: number;
  /** Counts per bin of `width` from `start` (the last bin includes the upper bound). */
  readonly histogram: { readonly start: number; readonly width: number; readonly counts: readonly number[] };
}

export interface EngagementSummary {
  readonly overall: EngagementMetrics & {
    readonly users: number;
    readonly duplicatesDropped: { readonly rewards: number; readonly decisions: number };
    readonly unknownTracks: number;
  };
  readonly goals: ReadonlyArray<Goal & { readonly value: number | null; readonly met: boolean | null }>;
  readonly rewardsByFeedback: Readonly<Record<string, RewardSummary>>;
  readonly users: Readonly<Record<string, EngagementMetrics>>;
}

type Facts = (trackId: string) => TrackFacts | undefined;

interface Counts {
  rewards: number;
  decisions: number;
  recommendedTracks: number;
  recommendedListened: number;
  recommendedPlayed: number;
  newArtists: number;
  discoveryMonths: number;
  listens: number;
  skips: number;
  saves: number;
  readonly genres: Map<string, number>;
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);
const sortedKeys = <V>(m: ReadonlyMap<string, V>): string[] => [...m.keys()].sort();

function countsOf(u: UserEngagement, facts: Facts): Counts {
  const c: Counts = {
    rewards: [...u.feedback.values()].reduce((a, b) => a + b, 0),
    decisions: u.decisions,
    recommendedTracks: u.recommendedAt.size,
    recommendedListened: 0,
    recommendedPlayed: 0,
    newArtists: 0,
    discoveryMonths: Math.max(0, u.activeMonths.size - 1),
    listens: (u.feedback.get('play') ?? 0) + (u.feedback.get('skip') ?? 0),
    skips: u.feedback.get('skip') ?? 0,
    saves: u.feedback.get('save') ?? 0,
    genres: new Map(),
  };
  for (const [track, outcomes] of u.outcomes) {
    const since = u.recommendedAt.get(track);
    const first = since === undefined ? undefined : firstListenFrom(outcomes, since);
    if (first === undefined) continue;
    c.recommendedListened++;
    if (first) c.recommendedPlayed++;
  }
  const firstMonth = [...u.activeMonths].sort()[0];
  for (const at of u.artistFirstPositive.values()) if (monthOf(at) !== firstMonth) c.newArtists++;
  // Sorted, so the float sums do not depend on the order records arrived in.
  for (const track of sortedKeys(u.served)) {
    const genres = [...new Set((facts(track)?.genres ?? []).map(normaliseGenre))];
    for (const g of genres) c.genres.set(g, (c.genres.get(g) ?? 0) + (u.served.get(track) as number) / genres.length);
  }
  return c;
}

/** Whether the earliest listen at or after `since` was a play (a play wins a tie); undefined without one. */
function firstListenFrom(outcomes: ReadonlyArray<readonly [number, boolean]>, since: number): boolean | undefined {
  let at = Infinity;
  let played: boolean | undefined;
  for (const [t, p] of outcomes) {
    if (t < since || t > at) continue;
    played = t < at ? p : played || p;
    at = t;
  }
  return played;
}

function metricsOf(c: Counts): EngagementMetrics {
  return {
    rewards: c.rewards,
    decisions: c.decisions,
    recommendedTracks: c.recommendedTracks,
    recommendedListened: c.recommendedListened,
    recommendedPlayed: c.recommendedPlayed,
    playedShare: ratio(c.recommendedPlayed, c.recommendedListened),
    newArtists: c.newArtists,
    discoveryMonths: c.discoveryMonths,
    newArtistsPerMonth: ratio(c.newArtists, c.discoveryMonths),
    genreEntropyBits: c.genres.size === 0 ? null : shannonEntropyBits(c.genres.values()),
    listens: c.listens,
    skipRate: ratio(c.skips, c.listens),
    saveRate: ratio(c.saves, c.listens),
  };
}

const SUMMED = [
  'rewards',
  'decisions',
  'recommendedTracks',
  'recommendedListened',
  'recommendedPlayed',
  'newArtists',
  'discoveryMonths',
  'listens',
  'skips',
  'saves',
] as const;

function pooled(all: readonly Counts[]): Counts {
  const total = { ...Object.fromEntries(SUMMED.map((k) => [k, 0])), genres: new Map<string, number>() } as Counts;
  for (const c of all) {
    for (const k of SUMMED) total[k] += c[k];
    for (const g of sortedKeys(c.genres)) total.genres.set(g, (total.genres.get(g) ?? 0) + (c.genres.get(g) as number));
  }
  return total;
}

export function summariseEngagement(state: EngagementState, facts: Facts): EngagementSummary {
  const ids = sortedKeys(state.users);
  const counts = ids.map((id) => countsOf(state.users.get(id) as UserEngagement, facts));
  const overall = metricsOf(pooled(counts));
  const rewardsByFeedback: Record<string, RewardSummary> = {};
  for (const type of sortedKeys(state.rewardsByFeedback)) {
    const s = state.rewardsByFeedback.get(type);
    if (!s) continue;
    const histogram = { start: REWARD_BINS.start, width: REWARD_BINS.width, counts: [...s.bins] };
    rewardsByFeedback[type] = { count: s.count, mean: s.sum / s.count, min: s.min, max: s.max, histogram };
  }
  return {
    overall: {
      ...overall,
      users: ids.length,
      duplicatesDropped: { ...state.duplicates },
      unknownTracks: state.unknownTracks,
    },
    goals: ENGAGEMENT_GOALS.map((g) => {
      const value = overall[g.metric];
      const met = value === null ? null : g.comparison === '>' ? value > g.target : value >= g.target;
      return { ...g, value, met };
    }),
    rewardsByFeedback,
    users: Object.fromEntries(ids.map((id, i) => [id, metricsOf(counts[i])])),
  };
}
