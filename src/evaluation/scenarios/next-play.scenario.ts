/**
 * next-play on the Last.fm 1K log: each user's matched plays are replayed in time order
 * through the reducer; after WARMUP_PLAYS, at up to MAX_POINTS_PER_USER evenly spaced plays,
 * every method recommends LIST_SIZE tracks from the state *before* that play, and we score
 * whether the play's track (exact title matches only) and its artists are in the top 10/50
 * (hit rate) and at which rank (reciprocal rank). Means are per user first, then across
 * users (± standard error across users), so a heavy listener does not outweigh the rest.
 */
import type { EngagementRecord } from '../../analytics/engagement-record.js';
import type { CatalogIndex } from '../../domain/catalog-index.js';
import { coldStartStage, weightsForStage, type ColdStartStage } from '../../domain/cold-start.js';
import { DEFAULT_LEARNING_PARAMS } from '../../domain/learning-params.js';
import { createRng } from '../../domain/rng.js';
import { applyEvent, initialUserState, type UserState } from '../../domain/user-state.js';
import { SNAPSHOT_LIMITS, snapshotOf } from '../../domain/user-snapshot.js';
import { eventsOfPlay } from '../../lastfm/play-events.js';
import type { PlannedPlay, UserPlan } from '../../lastfm/user-timeline.js';
import { candidatesFor } from '../engine/recommend.js';
import { buildArtistCatalog } from './artist-catalog.js';
import { decisionRecord, rewardRecordOf } from './next-play-records.js';
import { NEXT_PLAY_METHODS, type NextPlayContext } from './next-play-methods.js';
import { summariseUsers, UserScores, type MethodMetrics, type StageMetrics } from './next-play-scoring.js';

/** Enough plays for a history profile and some learned preference before the first question. */
export const WARMUP_PLAYS = 50;
/** Caps the cost (≈ 15 ms per point for all methods); evenly spaced so every period of a history counts. */
export const MAX_POINTS_PER_USER = 200;

export interface NextPlayCounts {
  usersInLog: number;
  usersEvaluated: number;
  usersTooFewPlays: number;
  points: number;
  titlePoints: number;
}

export interface NextPlayResult {
  readonly seed: string;
  /** ε of `ours` (the ablations and baselines are deterministic). */
  readonly epsilon: number;
  readonly counts: NextPlayCounts;
  /** method → metric → mean over users of the per-user mean (track metrics over title-matched points). */
  readonly methods: MethodMetrics;
  /** The same per cold-start stage of the account at the evaluated play. */
  readonly byStage: Record<ColdStartStage, StageMetrics>;
}

export interface NextPlayOptions {
  readonly index: CatalogIndex;
  readonly plans: readonly UserPlan[];
  readonly seed: string;
  /** ε of `ours`; 0 (greedy) unless the production exploration is what is evaluated. */
  readonly epsilon?: number;
  readonly onUserDone?: (done: number, total: number) => void;
  /** Every applied event's reward and every `ours` list as a decision, for engagement analytics. */
  readonly onRecord?: (record: EngagementRecord) => void;
}

/** Positions of the evaluated plays: WARMUP_PLAYS + ⌊j·m / points⌋. */
export function evaluationPoints(plays: number): number[] {
  const m = plays - WARMUP_PLAYS;
  const points = Math.min(Math.max(0, m), MAX_POINTS_PER_USER);
  return Array.from({ length: points }, (_, j) => WARMUP_PLAYS + Math.floor((j * m) / points));
}

/**
 * The request id of the point at play `i`: it seeds candidate sampling and exploration exactly
 * as the recommender seeds them with a request's id, so a replay through the deployed recommender
 * asks with this id and gets the same list. (The format is the first version's candidate seed,
 * so earlier published numbers stay reproducible.)
 */
export function pointRequestId(seed: string, userId: string, i: number): string {
  return `${seed}:np:${userId}:${i}:cand`;
}

export function runNextPlay(o: NextPlayOptions): NextPlayResult {
  const ctx: NextPlayContext = { index: o.index, artists: buildArtistCatalog(o.index), epsilon: o.epsilon ?? 0 };
  const methods = Object.keys(NEXT_PLAY_METHODS);
  const users: UserScores[] = [];
  const counts = { usersInLog: o.plans.length, usersEvaluated: 0, usersTooFewPlays: 0, points: 0, titlePoints: 0 };
  o.plans.forEach((plan, n) => {
    const points = evaluationPoints(plan.plays.length);
    if (points.length === 0) counts.usersTooFewPlays++;
    else {
      counts.usersEvaluated++;
      const scores = replayUser({ plan, points, ctx, seed: o.seed, methods, onRecord: o.onRecord });
      counts.points += points.length;
      counts.titlePoints += scores.titlePoints('ours');
      users.push(scores);
    }
    o.onUserDone?.(n + 1, o.plans.length);
  });
  return { seed: o.seed, epsilon: ctx.epsilon, counts, ...summariseUsers(users, methods) };
}

function replayUser(a: {
  plan: UserPlan;
  points: readonly number[];
  ctx: NextPlayContext;
  seed: string;
  methods: readonly string[];
  onRecord?: (record: EngagementRecord) => void;
}): UserScores {
  const { plan, ctx } = a;
  const state = initialUserState(plan.userId);
  const at = new Set(a.points);
  const scores = new UserScores(a.methods);
  const createdAt = plan.plays[0].playedAt;
  plan.plays.forEach((play, i) => {
    if (at.has(i)) {
      const requestId = pointRequestId(a.seed, plan.userId, i);
      const ours = scorePoint({
        state,
        play,
        at: i,
        ctx,
        createdAt,
        seed: `${a.seed}:np:${plan.userId}:${i}`,
        requestId,
        scores,
      });
      a.onRecord?.(decisionRecord({ requestId, userId: plan.userId, at: play.playedAt, list: ours, index: ctx.index }));
    }
    const track = ctx.index.tracks[ctx.index.idToIndex.get(play.trackId) as number];
    for (const event of eventsOfPlay(play)) {
      const { outcome } = applyEvent(state, event, track, DEFAULT_LEARNING_PARAMS);
      a.onRecord?.(rewardRecordOf(event, outcome));
    }
  });
  return scores;
}

/** Scores every method at one point; returns `ours`'s list (catalog indices). */
function scorePoint(a: {
  state: UserState;
  play: PlannedPlay;
  at: number;
  ctx: NextPlayContext;
  createdAt: number;
  seed: string;
  requestId: string;
  scores: UserScores;
}): number[] {
  const { ctx, play } = a;
  const now = play.playedAt;
  const snapshot = snapshotOf(a.state, SNAPSHOT_LIMITS);
  // One rng through sampling and ranking, seeded like the recommender's (by the request id).
  const rng = createRng(a.requestId);
  const candidates = candidatesFor({ index: ctx.index, snapshot, now, rng });
  const stage = coldStartStage({ now, createdAt: a.createdAt });
  const point = {
    state: a.state,
    snapshot,
    candidates,
    weights: weightsForStage(stage),
    seed: a.seed,
    rng: rng.state(),
  };
  let ours: number[] = [];
  for (const [method, recommend] of Object.entries(NEXT_PLAY_METHODS)) {
    const list = recommend(point, ctx);
    if (method === 'ours') ours = list;
    a.scores.add({ method, stage, at: a.at, list, play, ctx });
  }
  return ours;
}
