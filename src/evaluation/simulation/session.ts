/**
 * One simulated user under one policy for R rounds. Each round (one day apart, starting
 * on the account's creation day, so the cold-start stages pass as they would):
 *   1. snapshot of the user's current state (snapshotOf), as the policy variant allows;
 *   2. candidates + ranking with the real domain functions and the stage's weights;
 *   3. the user reacts to every one of the `shown` tracks; the events go through applyEvent.
 * Per round: expected reward of the shown list Σ E[r|u], its realised reward, regret against
 * the catalog oracle (best `shown` tracks of the whole catalog) and against the candidate
 * oracle (best `shown` of this round's candidates; isolates the ranking from the pool).
 * Seeds are shared across variants (common random numbers): the same track shown in the
 * same round gets the same reaction, so policy differences are not reaction noise.
 */
import { coldStartStage, weightsForStage } from '../../domain/cold-start.js';
import type { CatalogIndex } from '../../domain/catalog-index.js';
import { MS_PER_DAY } from '../../domain/history-similarity.js';
import type { ScoreWeights } from '../../domain/scorer.js';
import { learningParams, type LearningParams } from '../../domain/learning-params.js';
import type { RankedTrack } from '../../domain/ranking.js';
import { createRng } from '../../domain/rng.js';
import { applyEvent, applyPersonality, initialUserState, type UserState } from '../../domain/user-state.js';
import { SNAPSHOT_LIMITS, snapshotOf, type UserSnapshot } from '../../domain/user-snapshot.js';
import { candidatesFor, FULL_MODEL, rankFor, type Candidates } from '../engine/recommend.js';
import { countInto } from '../metrics/entropy.js';
import type { PolicyVariant } from './policy-variants.js';
import { reactionEvents } from './reaction-events.js';
import { topSum, type SimulatedUser, type UserModel } from './simulated-user.js';
import { drawOutcome, OUTCOME_REWARD } from './user-reaction.js';

export interface RoundView {
  readonly round: number;
  readonly now: number;
  readonly snapshot: UserSnapshot;
  readonly candidates: Candidates;
  readonly ranked: readonly RankedTrack[];
  readonly weights: Required<ScoreWeights>;
  /** Realised reward of each shown slot's reaction. */
  readonly slotRewards: readonly number[];
}

export interface SessionInput {
  readonly index: CatalogIndex;
  readonly user: SimulatedUser;
  readonly model: UserModel;
  readonly variant: PolicyVariant;
  readonly rounds: number;
  readonly shown: number;
  readonly seed: string;
  /** Account creation and round 0, epoch ms. */
  readonly start: number;
  /** Called after the user reacted to the round's list (off-policy logging hooks in here). */
  readonly observe?: (view: RoundView) => void;
}

export interface SessionTrace {
  readonly reward: number[];
  readonly realised: number[];
  readonly regret: number[];
  readonly candidateRegret: number[];
  /** Shown picks, and those that were ε-exploration. */
  picks: number;
  explored: number;
  /** Shown tracks per genre (a track's weight split equally over its genres). */
  readonly genres: Map<string, number>;
}

function paramsFor(variant: PolicyVariant): LearningParams {
  return learningParams({
    epsilon: variant.epsilon,
    ...(variant.replay ? {} : { replayEvery: Number.MAX_SAFE_INTEGER }),
  });
}

function snapshotFor(state: UserState, initial: UserSnapshot, variant: PolicyVariant): UserSnapshot {
  if (variant.learning === 'none') return initial;
  const snapshot = snapshotOf(state, SNAPSHOT_LIMITS);
  return variant.learning === 'frozen' ? { ...snapshot, q: {}, genres: [], buckets: [] } : snapshot;
}

export function runSession(input: SessionInput): SessionTrace {
  const { user, variant } = input;
  const state = applyPersonality(initialUserState(user.userId), user.taste.reportedBigFive);
  const initial = snapshotOf(state, SNAPSHOT_LIMITS);
  const params = paramsFor(variant);
  const trace: SessionTrace = {
    reward: [],
    realised: [],
    regret: [],
    candidateRegret: [],
    picks: 0,
    explored: 0,
    genres: new Map(),
  };
  for (let round = 0; round < input.rounds; round++) {
    const now = input.start + round * MS_PER_DAY;
    const snapshot = snapshotFor(state, initial, variant);
    const rng = createRng(`${input.seed}:${user.userId}:rec:${round}`);
    const candidates = candidatesFor({ index: input.index, snapshot, now, rng });
    const weights = weightsForStage(coldStartStage({ now, createdAt: input.start }));
    const ranked = rankFor({
      index: input.index,
      snapshot,
      candidates,
      weights,
      ablation: FULL_MODEL,
      epsilon: variant.epsilon,
      rng,
      maxResults: input.shown,
    });
    record(trace, input, candidates, ranked);
    const slotRewards = react({ input, state, params, ranked, round, now });
    trace.realised.push(slotRewards.reduce((a, b) => a + b, 0));
    input.observe?.({ round, now, snapshot, candidates, ranked, weights, slotRewards });
  }
  return trace;
}

function record(
  trace: SessionTrace,
  input: SessionInput,
  candidates: Candidates,
  ranked: readonly RankedTrack[],
): void {
  const { expected, catalogOracle } = input.user;
  const reward = ranked.reduce((sum, r) => sum + expected[r.catalogIndex], 0);
  const poolBest = topSum(
    Array.from(candidates.set.indices, (i) => expected[i]),
    input.shown,
  );
  trace.reward.push(reward);
  trace.regret.push(catalogOracle - reward);
  trace.candidateRegret.push(poolBest - reward);
  for (const r of ranked) {
    trace.picks++;
    if (r.exploration) trace.explored++;
    const genres = input.index.tracks[r.catalogIndex].genres;
    for (const g of genres) countInto(trace.genres, g, 1 / genres.length);
  }
}

/** The user's reactions to the shown list, fed to the reducer unless the variant is static; realised reward per slot. */
function react(o: {
  input: SessionInput;
  state: UserState;
  params: LearningParams;
  ranked: readonly RankedTrack[];
  round: number;
  now: number;
}): number[] {
  const { input, state } = o;
  return o.ranked.map((r, slot) => {
    const track = input.index.tracks[r.catalogIndex];
    const rng = createRng(`${input.seed}:${input.user.userId}:react:${o.round}:${track.trackId}`);
    const outcome = drawOutcome(input.user.utility[r.catalogIndex], rng, input.model.reaction);
    if (input.variant.learning === 'none') return OUTCOME_REWARD[outcome];
    const events = reactionEvents({
      userId: state.userId,
      track,
      outcome,
      slotId: `${state.userId}:r${o.round}:${slot}`,
      recommendationId: `${state.userId}:r${o.round}`,
      recommendedAt: o.now,
      occurredAt: o.now + (slot + 1) * 30_000,
    });
    for (const event of events) applyEvent(state, event, track, o.params);
    return OUTCOME_REWARD[outcome];
  });
}
