/**
 * The simulation scenario: `users` simulated users × every policy variant × `rounds`
 * rounds, on a given catalog; per variant the mean per-round curves and per-user totals,
 * paired differences against `learned` (same users, same reaction draws), and off-policy
 * estimates from `learned`'s own logs checked against the known truth.
 */
import type { CatalogIndex } from '../../domain/catalog-index.js';
import { shannonEntropyBits } from '../metrics/entropy.js';
import { cumulative, meanSeries, meanWithError, windowMeans, type MeanWithError } from '../metrics/reward-curves.js';
import { createOpeLog, logSlotOne, summariseOpe, type OpeRow } from '../simulation/ope-logging.js';
import { POLICY_VARIANTS, type PolicyVariant } from '../simulation/policy-variants.js';
import { runSession, type SessionTrace } from '../simulation/session.js';
import { DEFAULT_USER_MODEL, simulatedUser, type UserModel } from '../simulation/simulated-user.js';

export interface SimulationOptions {
  readonly index: CatalogIndex;
  readonly users: number;
  readonly rounds: number;
  readonly shown: number;
  readonly seed: string;
  /** Account creation / round 0 (epoch ms). */
  readonly start: number;
  readonly variants?: readonly PolicyVariant[];
  readonly model?: UserModel;
  /** Variant whose slot-1 decisions are logged for off-policy evaluation. */
  readonly loggingVariant?: string;
  readonly onUserDone?: (done: number, total: number) => void;
}

/** Windows of 20 rounds: 10 points over the default 200 rounds, each averaging 20 × users values. */
export const CONVERGENCE_WINDOW = 20;

export interface VariantResult {
  readonly name: string;
  readonly epsilon: number;
  readonly replay: boolean;
  readonly learning: string;
  readonly cumulativeRegret: MeanWithError;
  readonly cumulativeReward: MeanWithError;
  readonly cumulativeRealisedReward: MeanWithError;
  readonly cumulativeCandidateRegret: MeanWithError;
  /** Mean regret per round within consecutive windows of CONVERGENCE_WINDOW rounds. */
  readonly regretByWindow: readonly number[];
  readonly exploredShare: number;
  /** Entropy of each user's shown-genre distribution over the whole run. */
  readonly genreEntropyBits: MeanWithError;
  /** Per round, means over users: expected reward of the shown list, regret, and their running sums. */
  readonly curves: {
    readonly reward: number[];
    readonly cumulativeReward: number[];
    readonly regret: number[];
    readonly cumulativeRegret: number[];
    readonly candidateRegret: number[];
  };
}

export interface SimulationResult {
  readonly users: number;
  readonly rounds: number;
  readonly shown: number;
  readonly seed: string;
  readonly model: UserModel;
  readonly variants: readonly VariantResult[];
  /** Per user: variant's cumulative regret − learned's, averaged (negative = better than learned). */
  readonly pairedVsLearned: readonly { readonly variant: string; readonly cumulativeRegretDifference: MeanWithError }[];
  readonly ope: { readonly loggingVariant: string; readonly loggingValue: number; readonly rows: readonly OpeRow[] };
}

const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

export function runSimulation(o: SimulationOptions): SimulationResult {
  const variants = o.variants ?? POLICY_VARIANTS;
  const model = o.model ?? DEFAULT_USER_MODEL;
  const loggingVariant = o.loggingVariant ?? 'learned';
  const traces = new Map<string, SessionTrace[]>(variants.map((v) => [v.name, []]));
  const log = createOpeLog();
  for (let u = 0; u < o.users; u++) {
    const user = simulatedUser({ index: o.index, userId: `sim-${u}`, seed: o.seed, shown: o.shown, model });
    for (const variant of variants) {
      const observe =
        variant.name === loggingVariant
          ? (view: Parameters<typeof logSlotOne>[0]['view']) => logSlotOne({ log, index: o.index, user, view })
          : undefined;
      const trace = runSession({ ...o, user, model, variant, observe });
      traces.get(variant.name)?.push(trace);
    }
    o.onUserDone?.(u + 1, o.users);
  }
  const results = variants.map((v) => summarise(v, traces.get(v.name) ?? []));
  const totals = (name: string): number[] => (traces.get(name) ?? []).map((t) => sum(t.regret));
  const base = totals('learned');
  const pairedVsLearned =
    base.length === 0
      ? []
      : variants
          .filter((v) => v.name !== 'learned')
          .map((v) => ({
            variant: v.name,
            cumulativeRegretDifference: meanWithError(totals(v.name).map((x, i) => x - base[i])),
          }));
  const hasLog = variants.some((v) => v.name === loggingVariant) && log.logged.length > 0;
  const ope = hasLog ? { loggingVariant, ...summariseOpe(log) } : { loggingVariant, loggingValue: NaN, rows: [] };
  return {
    users: o.users,
    rounds: o.rounds,
    shown: o.shown,
    seed: o.seed,
    model,
    variants: results,
    pairedVsLearned,
    ope,
  };
}

function summarise(v: PolicyVariant, traces: readonly SessionTrace[]): VariantResult {
  const regret = meanSeries(traces.map((t) => t.regret));
  const reward = meanSeries(traces.map((t) => t.reward));
  const picks = sum(traces.map((t) => t.picks));
  return {
    name: v.name,
    epsilon: v.epsilon,
    replay: v.replay,
    learning: v.learning,
    cumulativeRegret: meanWithError(traces.map((t) => sum(t.regret))),
    cumulativeReward: meanWithError(traces.map((t) => sum(t.reward))),
    cumulativeRealisedReward: meanWithError(traces.map((t) => sum(t.realised))),
    cumulativeCandidateRegret: meanWithError(traces.map((t) => sum(t.candidateRegret))),
    regretByWindow: windowMeans(regret, CONVERGENCE_WINDOW),
    exploredShare: picks === 0 ? 0 : sum(traces.map((t) => t.explored)) / picks,
    genreEntropyBits: meanWithError(traces.map((t) => shannonEntropyBits(t.genres.values()))),
    curves: {
      reward,
      cumulativeReward: cumulative(reward),
      regret,
      cumulativeRegret: cumulative(regret),
      candidateRegret: meanSeries(traces.map((t) => t.candidateRegret)),
    },
  };
}
