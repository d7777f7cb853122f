import { shannonEntropyBits } from '../../src/evaluation/metrics/entropy.js';
import {
  cumulative,
  meanSeries,
  meanWithError,
  regretSeries,
  windowMeans,
} from '../../src/evaluation/metrics/reward-curves.js';

describe('Shannon entropy (bits)', () => {
  it.each([
    [[1, 1, 1, 1], 2],
    [[5], 0],
    [[], 0],
    [[0, 0], 0],
    [[3, 1], 0.8112781244591328], // −(¾·log2 ¾ + ¼·log2 ¼)
    [[2, 2, 0], 1],
  ])('H(%j) = %d', (counts, bits) => {
    expect(shannonEntropyBits(counts)).toBeCloseTo(bits, 12);
  });

  it('rejects negative or non-finite counts', () => {
    expect(() => shannonEntropyBits([1, -1])).toThrow(/>= 0/);
    expect(() => shannonEntropyBits([NaN])).toThrow(/finite/);
  });
});

describe('reward and regret curves', () => {
  it('accumulates, differences and averages', () => {
    expect(cumulative([1, 2, 3])).toEqual([1, 3, 6]);
    expect(regretSeries([5, 5, 5], [3, 4, 5])).toEqual([2, 1, 0]);
    expect(cumulative(regretSeries([5, 5, 5], [3, 4, 5]))).toEqual([2, 3, 3]);
    expect(
      meanSeries([
        [1, 2],
        [3, 4],
      ]),
    ).toEqual([2, 3]);
    expect(windowMeans([1, 2, 3, 4, 5], 2)).toEqual([1.5, 3.5, 5]);
  });

  it('gives the mean and its standard error', () => {
    const m = meanWithError([1, 2, 3, 4]);
    expect(m.mean).toBe(2.5);
    expect(m.stderr).toBeCloseTo(Math.sqrt(5 / 3) / 2, 12); // sample sd √(5/3), n = 4
    expect(meanWithError([7])).toEqual({ mean: 7, stderr: 0, n: 1 });
    expect(meanWithError([]).n).toBe(0);
  });

  it('rejects mismatched lengths', () => {
    expect(() => regretSeries([1], [1, 2])).toThrow(/differ in length/);
    expect(() => meanSeries([[1], [1, 2]])).toThrow(/differ in length/);
    expect(() => windowMeans([1], 0)).toThrow(/positive integer/);
  });
});
