/** Reading /metrics text and the chart arithmetic on it (rates, interval percentiles, hit rates). */
import { bucketDelta, bucketsOf, quantile } from '../../src/dashboard/histogram.js';
import { parsePrometheusText, sum } from '../../src/dashboard/prometheus-text.js';

const TEXT = `# HELP music_recommendation_duration_seconds Time to answer
# TYPE music_recommendation_duration_seconds histogram
music_recommendation_duration_seconds_bucket{le="0.01",source="cached"} 8
music_recommendation_duration_seconds_bucket{le="0.05",source="cached"} 10
music_recommendation_duration_seconds_bucket{le="+Inf",source="cached"} 10
music_recommendation_duration_seconds_bucket{le="0.01",source="computed"} 0
music_recommendation_duration_seconds_bucket{le="0.05",source="computed"} 6
music_recommendation_duration_seconds_bucket{le="+Inf",source="computed"} 10
music_recommendation_duration_seconds_sum{source="cached"} 0.07
music_recommendation_duration_seconds_count{source="cached"} 10
weird_name{path="a \\"quoted\\" \\\\ value",x="1"} NaN 1700000000000
music_learner_consumer_lag{topic="t",partition="0"} 5
music_learner_consumer_lag{topic="t",partition="1"} 7
not a sample line
`;

describe('prometheus text', () => {
  const samples = parsePrometheusText(TEXT);

  it('reads names, labels (escapes included), values and skips what it does not understand', () => {
    expect(samples).toHaveLength(11);
    const weird = samples.find((s) => s.name === 'weird_name');
    expect(weird?.labels).toEqual({ path: 'a "quoted" \\ value', x: '1' });
    expect(weird?.value).toBeNaN();
    expect(sum(samples, 'music_learner_consumer_lag')).toBe(12);
    expect(sum(samples, 'music_learner_consumer_lag', { partition: '1' })).toBe(7);
  });

  it('merges histogram series per bound', () => {
    expect(bucketsOf(samples, 'music_recommendation_duration_seconds')).toEqual([
      [0.01, 8],
      [0.05, 16],
      [Infinity, 20],
    ]);
    expect(bucketsOf(samples, 'music_recommendation_duration_seconds', { source: 'computed' })).toEqual([
      [0.01, 0],
      [0.05, 6],
      [Infinity, 10],
    ]);
  });
});

describe('histogram quantiles', () => {
  const buckets = [
    [0.01, 8],
    [0.05, 16],
    [0.1, 20],
    [Infinity, 20],
  ] as const;

  it.each([
    [0.5, 0.02], // rank 10 → 2 of the 8 in (0.01, 0.05]: 0.01 + 0.04 · 2/8
    [0.25, 0.00625], // rank 5 → 5 of the 8 in (0, 0.01]
    [0.95, 0.0875], // rank 19 → 3 of the 4 in (0.05, 0.1]
    [1, 0.1],
  ])('q=%d → %d', (q, expected) => {
    expect(quantile(buckets, q)).toBeCloseTo(expected, 10);
  });

  it('answers the highest finite bound for ranks in +Inf, and null without observations', () => {
    expect(
      quantile(
        [
          [0.1, 1],
          [Infinity, 10],
        ],
        0.9,
      ),
    ).toBe(0.1);
    expect(
      quantile(
        [
          [0.1, 0],
          [Infinity, 0],
        ],
        0.5,
      ),
    ).toBeNull();
    expect(quantile([], 0.5)).toBeNull();
  });

  it('differences two scrapes; a counter reset (restart) keeps the later counts', () => {
    expect(
      bucketDelta(
        [
          [0.1, 3],
          [Infinity, 4],
        ],
        [
          [0.1, 5],
          [Infinity, 9],
        ],
      ),
    ).toEqual([
      [0.1, 2],
      [Infinity, 5],
    ]);
    expect(
      bucketDelta(
        [
          [0.1, 30],
          [Infinity, 40],
        ],
        [
          [0.1, 1],
          [Infinity, 2],
        ],
      ),
    ).toEqual([
      [0.1, 1],
      [Infinity, 2],
    ]);
  });
});
