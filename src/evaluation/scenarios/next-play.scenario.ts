/**
 * next-play on the Last.fm 1K log: each user's matched plays are replayed in time order
 * through the reducer; after WARMUP_PLAYS, at up to MAX_POINTS_PER_USER evenly spaced plays,
 * every method recommends LIST_SIZE tracks from the state *before* that play, and we score
 * whether the play's track (exact title matches only) and its artists are in the top 10/50
 * (hit rate) and at which rank (reciprocal rank). Means are per user first, then across
 * users (± standard error across users), so a heavy listener does not outweigh the rest.
 */
import type { CatalogIndex } from '../../domain/catalog-index.js';
import { coldStartStage, weightsForStage } from '../../domain/cold-start.js';
import { DEFAULT_LEARNING_PARAMS } from '../../domain/learning-params.js';
import { createRng } from '../../domain/rng.js';
import { applyEvent, initialUserState, type UserState } from '../../domain/user-state.js';
import { SNAPSHOT_LIMITS, snapshotOf } from '../../domain/user-snapshot.js';
import { eventsOfPlay } from '../../lastfm/play-events.js';
import type { PlannedPlay, UserPlan } from '../../lastfm/user-timeline.js';
import { candidatesFor } from '../engine/recommend.js';
import { hitRateAtK, reciprocalRank } from '../metrics/ranking-metrics.js';
import { meanWithError, type MeanWithError } from '../metrics/reward-curves.js';
import { buildArtistCatalog } from './artist-catalog.js';
import { NEXT_PLAY_METHODS, type NextPlayContext } from './next-play-methods.js';

/** Enough plays for a history profile and some learned preference before the first question. */
export const WARMUP_PLAYS = 50;
/** Caps the cost (≈ 15 ms per point for all methods); evenly spaced so every period of a history counts. */
export const MAX_POINTS_PER_USER = 200;

const METRICS = ['artistHit10', 'artistHit50', 'artistRR', 'trackHit10', 'trackHit50', 'trackRR'] as const;
type Metric = (typeof METRICS)[number];

export interface NextPlayResult {
  readonly seed: string;
  readonly counts: {
    usersInLog: number;
    usersEvaluated: number;
    usersTooFewPlays: number;
    points: number;
    titlePoints: number;
  };
  /** method → metric → mean over users of the per-user mean (track metrics over title-matched points). */
  readonly methods: Record<string, Record<Metric, MeanWithError>>;
}

/** Positions of the evaluated plays: WARMUP_PLAYS + ⌊j·m / points⌋. */
export function evaluationPoints(plays: number): number[] {
  const m = plays - WARMUP_PLAYS;
  const points = Math.min(Math.max(0, m), MAX_POINTS_PER_USER);
  return Array.from({ length: points }, (_, j) => WARMUP_PLAYS + Math.floor((j * m) / points));
}

type Sums = Record<string, Record<Metric, number[]>>;

function byMetric<T>(value: (metric: Metric) => T): Record<Metric, T> {
  const out = {} as Record<Metric, T>;
  for (const k of METRICS) out[k] = value(k);
  return out;
}

const emptySums = (): Sums =>
  Object.fromEntries(Object.keys(NEXT_PLAY_METHODS).map((m) => [m, byMetric(() => [] as number[])]));

export function runNextPlay(o: {
  index: CatalogIndex;
  plans: readonly UserPlan[];
  seed: string;
  onUserDone?: (done: number, total: number) => void;
}): NextPlayResult {
  const ctx: NextPlayContext = { index: o.index, artists: buildArtistCatalog(o.index) };
  const perUser = emptySums();
  const counts = { usersInLog: o.plans.length, usersEvaluated: 0, usersTooFewPlays: 0, points: 0, titlePoints: 0 };
  o.plans.forEach((plan, n) => {
    const points = evaluationPoints(plan.plays.length);
    if (points.length === 0) counts.usersTooFewPlays++;
    else {
      counts.usersEvaluated++;
      const user = replayUser({ plan, points, ctx, seed: o.seed });
      counts.points += points.length;
      counts.titlePoints += user.titlePoints;
      for (const [method, metrics] of Object.entries(user.means))
        for (const k of METRICS) if (!Number.isNaN(metrics[k])) perUser[method][k].push(metrics[k]);
    }
    o.onUserDone?.(n + 1, o.plans.length);
  });
  const methods = Object.fromEntries(
    Object.entries(perUser).map(([m, v]) => [m, byMetric((k) => meanWithError(v[k]))]),
  );
  return { seed: o.seed, counts, methods };
}

function replayUser(a: { plan: UserPlan; points: readonly number[]; ctx: NextPlayContext; seed: string }): {
  means: Record<string, Record<Metric, number>>;
  titlePoints: number;
} {
  const { plan, ctx } = a;
  const state = initialUserState(plan.userId);
  const at = new Set(a.points);
  const scores = emptySums();
  const createdAt = plan.plays[0].playedAt;
  plan.plays.forEach((play, i) => {
    if (at.has(i)) scorePoint({ state, play, ctx, createdAt, seed: `${a.seed}:np:${plan.userId}:${i}`, scores });
    const track = ctx.index.tracks[ctx.index.idToIndex.get(play.trackId) as number];
    for (const event of eventsOfPlay(play)) applyEvent(state, event, track, DEFAULT_LEARNING_PARAMS);
  });
  const mean = (xs: readonly number[]): number => (xs.length === 0 ? NaN : xs.reduce((s, x) => s + x, 0) / xs.length);
  const means = Object.fromEntries(Object.entries(scores).map(([m, v]) => [m, byMetric((k) => mean(v[k]))]));
  return { means, titlePoints: scores.ours.trackRR.length };
}

function scorePoint(a: {
  state: UserState;
  play: PlannedPlay;
  ctx: NextPlayContext;
  createdAt: number;
  seed: string;
  scores: Record<string, Record<Metric, number[]>>;
}): void {
  const { ctx, play } = a;
  const now = play.playedAt;
  const snapshot = snapshotOf(a.state, SNAPSHOT_LIMITS);
  const candidates = candidatesFor({ index: ctx.index, snapshot, now, rng: createRng(`${a.seed}:cand`) });
  const point = {
    state: a.state,
    snapshot,
    candidates,
    weights: weightsForStage(coldStartStage({ now, createdAt: a.createdAt })),
    seed: a.seed,
  };
  const artists = new Set(ctx.artists.keysOf(ctx.index.idToIndex.get(play.trackId) as number));
  for (const [name, method] of Object.entries(NEXT_PLAY_METHODS)) {
    const list = method(point, ctx);
    const s = a.scores[name];
    const byArtist = list.map((i) => ctx.artists.keysOf(i));
    s.artistHit10.push(hitRateAtK(byArtist, artists, 10));
    s.artistHit50.push(hitRateAtK(byArtist, artists, 50));
    s.artistRR.push(reciprocalRank(byArtist, artists));
    if (play.kind !== 'title') continue; // an artist-only match stands in for an unknown track
    const byTrack = list.map((i) => ctx.index.tracks[i].trackId);
    const track = new Set([play.trackId]);
    s.trackHit10.push(hitRateAtK(byTrack, track, 10));
    s.trackHit50.push(hitRateAtK(byTrack, track, 50));
    s.trackRR.push(reciprocalRank(byTrack, track));
  }
}
