import { buildCatalogIndex } from '../domain/catalog-index.js';
import { trackKeyPart } from '../domain/state-key.js';
import { syntheticTracks } from '../domain/test-fixtures.js';
import type { UserSnapshot } from '../domain/user-snapshot.js';
import { computeRecommendations, type EngineInput } from './recommendation-engine.js';
import { emptySnapshot } from './snapshot-loader.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 0, 1);
const index = buildCatalogIndex(syntheticTracks(600, 'engine-spec'));
const PERSONALITY = { openness: 80, conscientiousness: 40, extraversion: 60, agreeableness: 55, neuroticism: 30 };
const base: EngineInput = {
  index,
  snapshot: { ...emptySnapshot('u1'), personality: PERSONALITY },
  createdAt: NOW,
  now: NOW,
  epsilon: 0.1,
  maxResults: 30,
  seed: 'request-1',
};
const ids = (input: EngineInput) => computeRecommendations(input).ranked.map((r) => r.trackId);

describe('computeRecommendations', () => {
  it('is reproducible from the request seed', () => {
    expect(computeRecommendations(base)).toEqual(computeRecommendations({ ...base }));
    const result = computeRecommendations(base);
    expect(result.ranked).toHaveLength(30);
    expect(result.totalCandidates).toBeGreaterThanOrEqual(200);
    expect(result.totalCandidates).toBeLessThanOrEqual(500);
  });

  it.each([
    [0, 'week_1'],
    [7, 'week_1'],
    [8, 'weeks_2_4'],
    [28, 'weeks_2_4'],
    [29, 'month_2_plus'],
  ])('account %i days old → %s', (days, stage) => {
    expect(computeRecommendations({ ...base, createdAt: NOW - days * DAY }).stage).toBe(stage);
  });

  it('never returns a negative (recently skipped or disliked) track', () => {
    const first = ids(base);
    const snapshot: UserSnapshot = { ...base.snapshot, negatives: first.slice(0, 10) };
    const again = ids({ ...base, snapshot });
    expect(again.filter((id) => first.slice(0, 10).includes(id))).toEqual([]);
  });

  it('adds 0.05·tanh(Q(recommend) − Q(not_recommend)) of the track state from the snapshot', () => {
    const plain = computeRecommendations({ ...base, epsilon: 0 });
    const boosted = trackKeyPart(index.tracks[plain.ranked[0].catalogIndex]);
    const snapshot: UserSnapshot = { ...base.snapshot, q: { [boosted]: [1, 0.25] } };
    const ranked = computeRecommendations({ ...base, snapshot, epsilon: 0 }).ranked;
    for (const r of ranked) {
      const expected = trackKeyPart(index.tracks[r.catalogIndex]) === boosted ? 0.05 * Math.tanh(0.75) : 0;
      expect(r.scores.rlAdjustment).toBe(expected);
    }
    expect(ranked.some((r) => r.scores.rlAdjustment !== 0)).toBe(true);
  });

  it('with ε = 0 exploits only, each pick with probability 1', () => {
    const ranked = computeRecommendations({ ...base, epsilon: 0 }).ranked;
    expect(ranked.every((r) => !r.exploration && r.selectionProbability === 1)).toBe(true);
    const finals = ranked.map((r) => r.scores.final);
    // week_1 has no diversity weight, so greedy order is score order.
    expect(finals).toEqual([...finals].sort((a, b) => b - a));
  });
});
