/** Chart points from two scrapes: exact rates, interval percentiles, hit rates and reward means. */
import { pointBetween, totalsOf } from '../../src/dashboard/dashboard-series.js';
import { parsePrometheusText } from '../../src/dashboard/prometheus-text.js';
import { topQ } from '../../src/dashboard/user-inspector.js';
import { emptySnapshot } from '../../src/recommender/snapshot-loader.js';

function scrape(v: {
  applied: number;
  hits: number;
  misses: number;
  limited: number;
  fast: number;
  slow: number;
  likes: number;
  likeSum: number;
}) {
  return parsePrometheusText(`
music_learner_events_applied_total{topic="e"} ${v.applied}
music_learner_consumer_lag{topic="e",partition="0"} 3
music_learner_consumer_lag{topic="e",partition="1"} 4
music_cache_requests_total{cache="recommendation_list",result="hit"} ${v.hits}
music_cache_requests_total{cache="recommendation_list",result="miss"} ${v.misses}
music_cache_requests_total{cache="spotify_responses",result="hit"} 1000
music_rate_limit_rejections_total ${v.limited}
music_recommendation_duration_seconds_bucket{le="0.01",source="cached"} ${v.fast}
music_recommendation_duration_seconds_bucket{le="0.1",source="cached"} ${v.fast}
music_recommendation_duration_seconds_bucket{le="+Inf",source="cached"} ${v.fast}
music_recommendation_duration_seconds_bucket{le="0.01",source="computed"} 0
music_recommendation_duration_seconds_bucket{le="0.1",source="computed"} ${v.slow}
music_recommendation_duration_seconds_bucket{le="+Inf",source="computed"} ${v.slow}
music_learner_reward_count{feedback_type="like"} ${v.likes}
music_learner_reward_sum{feedback_type="like"} ${v.likeSum}
music_learner_reward_count{feedback_type="skip"} 2
music_learner_reward_sum{feedback_type="skip"} -0.8
`);
}

describe('dashboard series', () => {
  const before = {
    at: 10_000,
    totals: totalsOf(scrape({ applied: 100, hits: 1, misses: 1, limited: 0, fast: 0, slow: 0, likes: 4, likeSum: 4 })),
  };
  const after = {
    at: 12_000,
    totals: totalsOf(
      scrape({ applied: 300, hits: 4, misses: 2, limited: 3, fast: 10, slow: 10, likes: 14, likeSum: 16 }),
    ),
  };

  it('turns two scrapes 2 s apart into one point', () => {
    expect(pointBetween(before, after)).toEqual({
      t: 12_000,
      eventsPerSecond: 100,
      lag: 7,
      // 10 cached answers ≤ 10 ms, 10 computed in (10, 100] ms: p95 = 10 + 90 · 9/10, p99 = 10 + 90 · 9.8/10.
      latencyMs: { p50: 10, p95: expect.closeTo(91, 9), p99: expect.closeTo(98.2, 9) },
      cacheHitRate: 0.75,
      rateLimitedPerSecond: 1.5,
      rewards: { like: { count: 10, mean: 1.2 } },
    });
  });

  it('keeps absent series null (no learner source) and reads a restart as a fresh count', () => {
    const none = totalsOf(parsePrometheusText('music_http_requests_total{route="/x"} 1'));
    expect(none).toMatchObject({ eventsApplied: null, lag: null, cacheHits: null, latencySource: null });
    const point = pointBetween({ at: 0, totals: none }, { at: 1000, totals: none });
    expect(point).toMatchObject({ eventsPerSecond: null, latencyMs: null, cacheHitRate: null, rewards: {} });
    const restarted = pointBetween(after, { at: 14_000, totals: before.totals });
    expect(restarted.eventsPerSecond).toBe(0);
    expect(restarted.rewards).toEqual({ like: { count: 4, mean: 1 } });
  });

  it('falls back to the gateway HTTP latency of the recommendations route', () => {
    const text = `music_http_request_duration_seconds_bucket{le="0.05",method="GET",route="/v1/users/:userId/recommendations"} 4
music_http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/v1/users/:userId/recommendations"} 4
music_http_request_duration_seconds_bucket{le="0.05",method="GET",route="/metrics"} 100`;
    const totals = totalsOf(parsePrometheusText(text));
    expect(totals.latencySource).toBe('gateway');
    expect(totals.latency).toEqual([
      [0.05, 4],
      [Infinity, 4],
    ]);
  });
});

describe('user inspector', () => {
  it('lists the states where recommending is valued most, with readable bins', () => {
    const snapshot = {
      ...emptySnapshot('u'),
      q: {
        'e2v1d2t1|Hype Beats': [0.4, 0] as const,
        'e0v0d0t0|Chill Vibes': [-0.2, 0.1] as const,
        'exvxdxtx|Other': [0.9, 0] as const,
      },
    };
    expect(topQ(snapshot, 2)).toEqual([
      {
        state: 'exvxdxtx|Other',
        labels: { energy: 'unknown', valence: 'unknown', danceability: 'unknown', tempo: 'unknown', bucket: 'Other' },
        recommend: 0.9,
        notRecommend: 0,
      },
      {
        state: 'e2v1d2t1|Hype Beats',
        labels: { energy: 'high', valence: 'med', danceability: 'high', tempo: 'med', bucket: 'Hype Beats' },
        recommend: 0.4,
        notRecommend: 0,
      },
    ]);
  });
});
