import {
  hitRateAtK,
  idealDcg,
  ndcgAtK,
  recallAtK,
  reciprocalRank,
} from '../../src/evaluation/metrics/ranking-metrics.js';

// ranked a b c d, relevant {b, d, x}: hits at ranks 2 and 4, one relevant item never shown.
const ranked = ['a', 'b', 'c', 'd'];
const relevant = new Set(['b', 'd', 'x']);
const log2 = Math.log2;

describe('ranking metrics (hand-computed)', () => {
  it.each([
    ['hitRate@1', hitRateAtK(ranked, relevant, 1), 0],
    ['hitRate@2', hitRateAtK(ranked, relevant, 2), 1],
    ['RR', reciprocalRank(ranked, relevant), 1 / 2],
    ['recall@2', recallAtK(ranked, relevant, 2), 1 / 3],
    ['recall@4', recallAtK(ranked, relevant, 4), 2 / 3],
    ['recall@10 (list shorter than k)', recallAtK(ranked, relevant, 10), 2 / 3],
    // DCG = 1/log2(3) + 1/log2(5); IDCG over min(4, 3) = 3 positions = 1 + 1/log2(3) + 1/2
    ['NDCG@4', ndcgAtK(ranked, relevant, 4), (1 / log2(3) + 1 / log2(5)) / (1 + 1 / log2(3) + 0.5)],
    ['NDCG@2', ndcgAtK(ranked, relevant, 2), 1 / log2(3) / (1 + 1 / log2(3))],
  ])('%s', (_name, actual, expected) => {
    expect(actual).toBeCloseTo(expected, 12);
  });

  it('gives the literal values 0.49819 and 0.38685 for the NDCG cases', () => {
    expect(ndcgAtK(ranked, relevant, 4)).toBeCloseTo(0.498189, 6);
    expect(ndcgAtK(ranked, relevant, 2)).toBeCloseTo(0.386853, 6);
  });

  it('credits each relevant key once, at the first item that covers it', () => {
    const multi = [['a', 'b'], ['b'], ['c']];
    const rel = new Set(['b', 'c']);
    expect(recallAtK(multi, rel, 2)).toBe(0.5);
    expect(ndcgAtK(multi, rel, 3)).toBeCloseTo((1 + 1 / log2(4)) / (1 + 1 / log2(3)), 12);
    expect(reciprocalRank(multi, rel)).toBe(1);
    // a repeated relevant item adds nothing: NDCG stays 1, not 1 + 1/log2(3)
    expect(ndcgAtK(['b', 'b'], new Set(['b']), 2)).toBe(1);
  });

  it('counts both keys when one item covers two relevant artists', () => {
    expect(recallAtK([['a', 'b']], new Set(['a', 'b', 'c']), 1)).toBeCloseTo(2 / 3, 12);
  });

  it('is 0 when nothing relevant is shown', () => {
    expect(reciprocalRank(['a', 'c'], relevant)).toBe(0);
    expect(hitRateAtK([], relevant, 5)).toBe(0);
    expect(ndcgAtK(['a'], relevant, 1)).toBe(0);
  });

  it('builds the ideal DCG from min(k, #relevant)', () => {
    expect(idealDcg(10, 2)).toBeCloseTo(1 + 1 / log2(3), 12);
    expect(idealDcg(1, 5)).toBe(1);
  });

  it('rejects undefined cases instead of returning a number', () => {
    expect(() => recallAtK(ranked, new Set(), 5)).toThrow(/undefined without relevant/);
    expect(() => ndcgAtK(ranked, new Set(), 5)).toThrow(/undefined without relevant/);
    expect(() => hitRateAtK(ranked, relevant, 0)).toThrow(/positive integer/);
    expect(() => recallAtK(ranked, relevant, 1.5)).toThrow(/positive integer/);
  });
});
