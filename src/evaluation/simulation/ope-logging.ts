/**
 * Off-policy evaluation inside the simulation, where the truth is known. The logging
 * policy is the one the simulation runs (normally `learned`, ε = 0.1); at the first slot of
 * every round we log its pick, the pick's selection_probability and the realised reward.
 * For each target policy we compute its probability of the logged pick (the ranker re-run
 * deterministically, ε = 0, on the logged candidates for the target's greedy choice) and
 * its true value at the same contexts, Σ_a π_target(a|x)·E[r|a], from the hidden utilities.
 */
import { createRng } from '../../domain/rng.js';
import { FULL_MODEL, rankFor, type Ablation } from '../engine/recommend.js';
import {
  defaultClip,
  epsilonGreedyProbability,
  estimateOffPolicy,
  type LoggedDecision,
} from '../metrics/off-policy.js';
import type { RoundView } from './session.js';
import type { SimulatedUser } from './simulated-user.js';
import type { CatalogIndex } from '../../domain/catalog-index.js';

export interface TargetPolicy {
  readonly name: string;
  readonly epsilon: number;
  readonly ablation: Ablation;
}

/** Fixed in advance: other ε with the same scorer, uniform random, and other weights (personality off). */
export const OPE_TARGETS: readonly TargetPolicy[] = Object.freeze([
  { name: 'greedy (ε=0)', epsilon: 0, ablation: FULL_MODEL },
  { name: 'ε=0.3', epsilon: 0.3, ablation: FULL_MODEL },
  { name: 'uniform over candidates', epsilon: 1, ablation: FULL_MODEL },
  { name: 'no personality, ε=0.1', epsilon: 0.1, ablation: { ...FULL_MODEL, personality: false } },
]);

export interface OpeLog {
  readonly decisions: Map<string, LoggedDecision[]>;
  readonly truth: Map<string, number[]>;
  /** Realised slot-1 reward of the logging policy itself (its on-policy value). */
  readonly logged: number[];
}

export function createOpeLog(): OpeLog {
  return {
    decisions: new Map(OPE_TARGETS.map((t) => [t.name, []])),
    truth: new Map(OPE_TARGETS.map((t) => [t.name, []])),
    logged: [],
  };
}

function greedyPick(index: CatalogIndex, view: RoundView, ablation: Ablation): number {
  const [best] = rankFor({
    index,
    snapshot: view.snapshot,
    candidates: view.candidates,
    weights: view.weights,
    ablation,
    epsilon: 0,
    rng: createRng(0),
    maxResults: 1,
  });
  return best.catalogIndex;
}

export function logSlotOne(o: { log: OpeLog; index: CatalogIndex; user: SimulatedUser; view: RoundView }): void {
  const { view, user } = o;
  const pick = view.ranked[0];
  const n = view.candidates.set.indices.length;
  let meanExpected = 0;
  for (const i of view.candidates.set.indices) meanExpected += user.expected[i] / n;
  o.log.logged.push(view.slotRewards[0]);
  for (const target of OPE_TARGETS) {
    const greedy = greedyPick(o.index, view, target.ablation);
    const targetProbability = epsilonGreedyProbability({
      isGreedy: pick.catalogIndex === greedy,
      epsilon: target.epsilon,
      remaining: n,
    });
    o.log.decisions
      .get(target.name)
      ?.push({ reward: view.slotRewards[0], loggingProbability: pick.selectionProbability, targetProbability });
    o.log.truth.get(target.name)?.push((1 - target.epsilon) * user.expected[greedy] + target.epsilon * meanExpected);
  }
}

export interface OpeRow {
  readonly target: string;
  readonly truth: number;
  readonly ips: number;
  readonly snips: number;
  readonly clippedIps: number;
  readonly clip: number;
  readonly clipped: number;
  readonly effectiveSampleSize: number;
  readonly n: number;
}

export function summariseOpe(log: OpeLog): { loggingValue: number; rows: OpeRow[] } {
  const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
  const rows = OPE_TARGETS.map((t) => {
    const logs = log.decisions.get(t.name) ?? [];
    const plain = estimateOffPolicy(logs);
    const clip = defaultClip(logs.length);
    const clipped = estimateOffPolicy(logs, { clip });
    return {
      target: t.name,
      truth: mean(log.truth.get(t.name) ?? []),
      ips: plain.ips,
      snips: plain.snips,
      clippedIps: clipped.ips,
      clip,
      clipped: clipped.clipped,
      effectiveSampleSize: plain.effectiveSampleSize,
      n: plain.n,
    };
  });
  return { loggingValue: mean(log.logged), rows };
}
