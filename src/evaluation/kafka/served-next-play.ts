/**
 * next-play through a serving path instead of the in-process reducer: each user's plays go
 * to the event path, and before each evaluated play the path's recommender is asked for its
 * list — with the point's request id and the play's time, after everything before the play
 * has been applied. It scores `ours` only (the deployed ranking); the same scoring module
 * as the in-process replay turns identical lists into identical numbers.
 */
import type { CatalogIndex } from '../../domain/catalog-index.js';
import { COLD_START_STAGES, type ColdStartStage } from '../../domain/cold-start.js';
import type { UserEvent } from '../../domain/user-state.js';
import { eventsOfPlay } from '../../lastfm/play-events.js';
import type { UserPlan } from '../../lastfm/user-timeline.js';
import { buildArtistCatalog } from '../scenarios/artist-catalog.js';
import { LIST_SIZE } from '../scenarios/heldout-methods.js';
import type { NextPlayContext } from '../scenarios/next-play-methods.js';
import { summariseUsers, UserScores } from '../scenarios/next-play-scoring.js';
import { evaluationPoints, pointRequestId, type NextPlayResult } from '../scenarios/next-play.scenario.js';

export interface ServedList {
  readonly trackIds: readonly string[];
  readonly stage: string;
}

export interface ServingPath {
  /** Hands the user's next events to the event path; resolves once every one is applied. */
  apply(userId: string, events: readonly UserEvent[]): Promise<void>;
  /** The serving recommender's list for the user at `at` (epoch ms), computed for `requestId`. */
  recommend(r: { userId: string; requestId: string; at: number; maxResults: number }): Promise<ServedList>;
}

export interface ServedNextPlayOptions {
  /** The catalog the serving path ranks over, in its order (indices seed sampling). */
  readonly index: CatalogIndex;
  readonly plans: readonly UserPlan[];
  readonly seed: string;
  /** ε the serving recommender explores with (reported; the path is configured with it). */
  readonly epsilon: number;
  readonly path: ServingPath;
  /** Users replayed at once (their events go to different partitions and interleave freely). */
  readonly concurrency: number;
  readonly onUserDone?: (done: number, total: number) => void;
  /** Every served list, by request id (to compare lists, not only metrics). */
  readonly onList?: (requestId: string, trackIds: readonly string[]) => void;
}

export class ServedListError extends Error {
  readonly retriable = false;
  override readonly name = 'ServedListError';
}

export async function runNextPlayServed(o: ServedNextPlayOptions): Promise<NextPlayResult> {
  const ctx: NextPlayContext = { index: o.index, artists: buildArtistCatalog(o.index), epsilon: o.epsilon };
  const evaluated = o.plans.filter((p) => evaluationPoints(p.plays.length).length > 0);
  const scores = new Array<UserScores>(evaluated.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < evaluated.length; i = next++) {
      scores[i] = await replayUser(evaluated[i], ctx, o);
      o.onUserDone?.(++done, evaluated.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, o.concurrency) }, worker));
  const counts = {
    usersInLog: o.plans.length,
    usersEvaluated: evaluated.length,
    usersTooFewPlays: o.plans.length - evaluated.length,
    points: evaluated.reduce((s, p) => s + evaluationPoints(p.plays.length).length, 0),
    titlePoints: scores.reduce((s, u) => s + u.titlePoints('ours'), 0),
  };
  return { seed: o.seed, epsilon: o.epsilon, counts, ...summariseUsers(scores, ['ours']) };
}

async function replayUser(plan: UserPlan, ctx: NextPlayContext, o: ServedNextPlayOptions): Promise<UserScores> {
  const scores = new UserScores(['ours']);
  let applied = 0;
  for (const at of evaluationPoints(plan.plays.length)) {
    await o.path.apply(plan.userId, plan.plays.slice(applied, at).flatMap(eventsOfPlay));
    applied = at;
    const play = plan.plays[at];
    const requestId = pointRequestId(o.seed, plan.userId, at);
    const served = await o.path.recommend({ userId: plan.userId, requestId, at: play.playedAt, maxResults: LIST_SIZE });
    o.onList?.(requestId, served.trackIds);
    scores.add({ method: 'ours', stage: stageOf(served.stage), at, list: indicesOf(served, ctx.index), play, ctx });
  }
  return scores;
}

function indicesOf(served: ServedList, index: CatalogIndex): number[] {
  return served.trackIds.map((id) => {
    const i = index.idToIndex.get(id);
    // The path must rank over exactly this catalog, or its lists cannot be compared.
    if (i === undefined) throw new ServedListError(`served track ${id} is not in the evaluation's catalog`);
    return i;
  });
}

function stageOf(stage: string): ColdStartStage {
  const known = COLD_START_STAGES.find((s) => s === stage);
  if (!known) throw new ServedListError(`served list has an unknown cold-start stage ${JSON.stringify(stage)}`);
  return known;
}
