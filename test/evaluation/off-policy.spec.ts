import { createRng, type Rng } from '../../src/domain/rng.js';
import {
  defaultClip,
  epsilonGreedyProbability,
  estimateOffPolicy,
  type LoggedDecision,
} from '../../src/evaluation/metrics/off-policy.js';

/** Two Bernoulli arms with known means; the logger picks arm 1 with probability `pLogArm1`. */
function banditLogs(o: { n: number; pLogArm1: number; target: (arm: number) => number; rng: Rng }): LoggedDecision[] {
  const means = [0.3, 0.7];
  return Array.from({ length: o.n }, () => {
    const arm = o.rng.next() < o.pLogArm1 ? 1 : 0;
    const reward = o.rng.next() < means[arm] ? 1 : 0;
    return { reward, loggingProbability: arm === 1 ? o.pLogArm1 : 1 - o.pLogArm1, targetProbability: o.target(arm) };
  });
}

/** Tolerance = 4 standard deviations of the IPS mean: √(Var(w·r) / n), Var from the closed form. */
const tolerance = (secondMoment: number, value: number, n: number): number =>
  4 * Math.sqrt((secondMoment - value ** 2) / n);

describe('off-policy estimators', () => {
  it('computes IPS, SNIPS, clipping and ESS on a hand-made log', () => {
    const logs: LoggedDecision[] = [
      { reward: 1, loggingProbability: 0.5, targetProbability: 1 }, // w = 2
      { reward: 0, loggingProbability: 0.5, targetProbability: 0 }, // w = 0
      { reward: 1, loggingProbability: 0.25, targetProbability: 0.5 }, // w = 2
    ];
    const plain = estimateOffPolicy(logs);
    expect(plain.ips).toBeCloseTo(4 / 3, 12);
    expect(plain.snips).toBe(1);
    expect(plain.effectiveSampleSize).toBe(2); // (2 + 0 + 2)² / (4 + 0 + 4)
    const clipped = estimateOffPolicy(logs, { clip: 1.5 });
    expect(clipped.ips).toBe(1); // (1.5 + 0 + 1.5) / 3
    expect(clipped.clipped).toBe(2);
    expect(clipped.maxWeight).toBe(1.5);
  });

  it('is unbiased for a deterministic target under uniform logging (2-armed bandit, value 0.7)', () => {
    const n = 20_000;
    const logs = banditLogs({ n, pLogArm1: 0.5, target: (arm) => (arm === 1 ? 1 : 0), rng: createRng('ope-uniform') });
    // w·r = 2·r on arm 1: E[(w r)²] = ½ · 4 · 0.7 = 1.4
    const tol = tolerance(1.4, 0.7, n);
    expect(tol).toBeCloseTo(0.027, 3);
    const e = estimateOffPolicy(logs);
    expect(Math.abs(e.ips - 0.7)).toBeLessThan(tol);
    expect(Math.abs(e.snips - 0.7)).toBeLessThan(tol);
  });

  it('recovers an ε-greedy target (ε = 0.2 over 2 arms, value 0.66) from skewed logging, where the naive mean is 0.38', () => {
    const n = 20_000;
    const target = (arm: number): number =>
      epsilonGreedyProbability({ isGreedy: arm === 1, epsilon: 0.2, remaining: 2 });
    const logs = banditLogs({ n, pLogArm1: 0.2, target, rng: createRng('ope-skewed') });
    // π(1) = 0.9, π(0) = 0.1; w1 = 4.5, w0 = 0.125; E[(w r)²] = 0.2·4.5²·0.7 + 0.8·0.125²·0.3
    const secondMoment = 0.2 * 4.5 ** 2 * 0.7 + 0.8 * 0.125 ** 2 * 0.3;
    const e = estimateOffPolicy(logs);
    expect(Math.abs(e.ips - 0.66)).toBeLessThan(tolerance(secondMoment, 0.66, n));
    const naive = logs.reduce((s, d) => s + d.reward, 0) / n;
    expect(Math.abs(naive - 0.38)).toBeLessThan(0.02);
  });

  it('is deterministic for a seed', () => {
    const run = (): number =>
      estimateOffPolicy(banditLogs({ n: 500, pLogArm1: 0.5, target: (a) => a, rng: createRng('same') })).ips;
    expect(run()).toBe(run());
  });

  it('gives the ranker’s ε-greedy probabilities', () => {
    expect(epsilonGreedyProbability({ isGreedy: true, epsilon: 0.1, remaining: 4 })).toBeCloseTo(0.925, 12);
    expect(epsilonGreedyProbability({ isGreedy: false, epsilon: 0.1, remaining: 4 })).toBeCloseTo(0.025, 12);
    expect(epsilonGreedyProbability({ isGreedy: true, epsilon: 0, remaining: 9 })).toBe(1);
    expect(defaultClip(400)).toBe(20);
  });

  it('rejects impossible propensities and empty logs', () => {
    expect(() => estimateOffPolicy([{ reward: 1, loggingProbability: 0, targetProbability: 1 }])).toThrow(/\(0, 1\]/);
    expect(() => estimateOffPolicy([{ reward: 1, loggingProbability: 0.5, targetProbability: 2 }])).toThrow(/\[0, 1\]/);
    expect(() => estimateOffPolicy([])).toThrow(/no logged decisions/);
    expect(() => estimateOffPolicy([{ reward: 1, loggingProbability: 1, targetProbability: 1 }], { clip: 0 })).toThrow(
      /clip/,
    );
  });
});
