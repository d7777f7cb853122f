import { buildCatalogIndex } from './catalog-index.js';
import { type CandidateSet, SOURCE } from './candidates.js';
import { buildHistoryProfile } from './history-similarity.js';
import { type RankOptions, rankCandidates } from './ranking.js';
import type { Rng } from './rng.js';
import { createRng } from './rng.js';
import { DEFAULT_WEIGHTS } from './scorer.js';
import { trackKeyPart } from './state-key.js';
import { DomainValidationError, type Track } from './types.js';

const mid = {
  danceability: 0.5,
  energy: 0.5,
  valence: 0.5,
  tempo: 125,
  acousticness: 0.5,
  instrumentalness: 0.5,
  speechiness: 0.5,
};
const spike = {
  danceability: 1,
  energy: 0,
  valence: 0,
  tempo: 0,
  acousticness: 0,
  instrumentalness: 0,
  speechiness: 0,
};
const track = (id: string, artist: string, genre: string, popularity: number, features: typeof mid): Track => ({
  trackId: id,
  name: id,
  artists: [artist],
  genres: [genre],
  popularity,
  durationMs: 1,
  ...features,
});
// Balanced personality: A and B score 0.82, C (1 − .55 + .2, .6, 1 − 1.85/3, .7, .3)/5 = 2.6333…/5.
const index = buildCatalogIndex([
  track('A', 'X', 'pop', 80, mid),
  track('B', 'X', 'pop', 60, mid),
  track('C', 'Y', 'jazz', 20, spike),
]);
const candidates: CandidateSet = { indices: Int32Array.from([0, 1, 2]), sources: Uint8Array.from([1, 1, 1]) };
const PERS_C = (0.65 + 0.6 + (1 - 1.85 / 3) + 0.7 + 0.3) / 5;
const COS_BC = 0.5 / Math.sqrt(7 * 0.25);

const options = (over: Partial<RankOptions> = {}): RankOptions => ({
  index,
  candidates,
  weights: DEFAULT_WEIGHTS,
  rlSignal: () => 0,
  epsilon: 0,
  rng: createRng(1),
  maxResults: 10,
  user: { bigFive: null, historyProfile: null, historyTrackIds: new Set(), knownArtists: new Set(['X']) },
  ...over,
});

/** Scripted rng: next() and int() return the queued values in order. */
const scripted = (nexts: number[], ints: number[]): Rng => ({
  next: () => nexts.shift() as number,
  int: () => ints.shift() as number,
  state: () => [0, 0, 0, 0],
});

describe('rankCandidates', () => {
  it('scores exactly and lets diversity reorder greedy picks (B, C, A)', () => {
    const ranked = rankCandidates(options());
    expect(ranked.map((r) => r.trackId)).toEqual(['B', 'C', 'A']);
    const [b, c, a] = ranked.map((r) => r.scores);
    // B: 0.4·0.5 + 0.4·0.82 + 0.1·1 (first pick) + 0.1·(0.4 + 0.3·0.4)
    expect(b).toEqual(expect.objectContaining({ historySimilarity: 0.5, diversity: 1, rlAdjustment: 0 }));
    expect(b.personalityMatch).toBeCloseTo(0.82, 6);
    expect(b.novelty).toBeCloseTo(0.52, 12);
    expect(b.final).toBeCloseTo(0.68, 6);
    // C: new artist, cosine to B = 0.5/√1.75 → diversity 1 − cos + 0.2
    expect(c.personalityMatch).toBeCloseTo(PERS_C, 6);
    expect(c.novelty).toBeCloseTo(0.94, 12);
    expect(c.diversity).toBeCloseTo(1.2 - COS_BC, 6);
    expect(c.final).toBeCloseTo(0.2 + 0.4 * PERS_C + 0.094 + 0.1 * (1.2 - COS_BC), 6);
    // A: same artist as B, mean cosine (1 + cos)/2
    expect(a.diversity).toBeCloseTo(1 - (1 + COS_BC) / 2, 6);
    expect(a.final).toBeCloseTo(0.2 + 0.328 + 0.046 + 0.1 * (1 - (1 + COS_BC) / 2), 6);
    expect(ranked.every((r) => !r.exploration && r.selectionProbability === 1)).toBe(true);
  });

  it('records exploration and the policy probability of each pick', () => {
    const ranked = rankCandidates(options({ epsilon: 0.3, rng: scripted([0.1, 0.9, 0.2], [0, 0]) }));
    expect(ranked.map((r) => [r.trackId, r.exploration])).toEqual([
      ['A', true],
      ['C', false],
      ['B', false],
    ]);
    expect(ranked[0].selectionProbability).toBeCloseTo(0.3 / 3, 12); // random, not the greedy best
    expect(ranked[1].selectionProbability).toBeCloseTo(0.7 + 0.3 / 2, 12); // greedy
    expect(ranked[2].selectionProbability).toBeCloseTo(1, 12); // random draw coincides with the greedy best
    expect(ranked[0].reason).toBe('Exploring something different');
  });

  it('is reproducible from the seed', () => {
    const run = () => rankCandidates(options({ epsilon: 0.5, rng: createRng('seed') }));
    expect(run()).toEqual(run());
  });

  it('adds the RL adjustment scaled by 0.05', () => {
    const ranked = rankCandidates(options({ rlSignal: (t) => (t.trackId === 'A' ? 1 : -1), maxResults: 1 }));
    expect(ranked[0].trackId).toBe('A');
    expect(ranked[0].scores.rlAdjustment).toBeCloseTo(0.05, 12);
    expect(ranked[0].scores.final).toBeCloseTo(0.2 + 0.328 + 0.046 + 0.1 + 0.05, 6);
  });

  it('takes the RL signal by state-key part, asking once per distinct part', () => {
    const signal = (key: string): number => (key === trackKeyPart(index.tracks[2]) ? 1 : -0.5);
    const asked: string[] = [];
    const byKey = rankCandidates(
      options({
        rlSignal: undefined,
        rlSignalOfKey: (key) => {
          asked.push(key);
          return signal(key);
        },
      }),
    );
    expect(byKey).toEqual(rankCandidates(options({ rlSignal: (t) => signal(trackKeyPart(t)) })));
    const adjustment = (id: string): number | undefined => byKey.find((r) => r.trackId === id)?.scores.rlAdjustment;
    expect([adjustment('A'), adjustment('B'), adjustment('C')]).toEqual([-0.025, -0.025, 0.05]);
    expect(asked).toEqual([trackKeyPart(index.tracks[0]), trackKeyPart(index.tracks[2])]); // A and B share one
  });

  it('uses the history profile and explains picks', () => {
    const historyProfile = buildHistoryProfile({ now: 0, entries: [{ features: mid, playCount: 1, lastPlayedAt: 0 }] });
    const ranked = rankCandidates(
      options({
        user: { bigFive: null, historyProfile, historyTrackIds: new Set(['A']), knownArtists: new Set(['X']) },
        candidates: {
          indices: Int32Array.from([0, 1, 2]),
          sources: Uint8Array.from([SOURCE.similar, SOURCE.similar, SOURCE.popular]),
        },
      }),
    );
    expect(ranked[0].trackId).toBe('B');
    expect(ranked[0].scores.historySimilarity).toBeCloseTo(1, 6);
    expect(ranked[0].reason).toMatch(/^Similar to your recent plays \(/);
    const c = ranked.find((r) => r.trackId === 'C');
    expect(c?.scores.historySimilarity).toBeCloseTo(COS_BC, 6);
    expect(c?.sources).toEqual(['popular']);
  });

  it('stops at maxResults or when candidates run out', () => {
    expect(rankCandidates(options({ maxResults: 2 }))).toHaveLength(2);
    expect(rankCandidates(options({ maxResults: 0 }))).toEqual([]);
  });

  it.each([
    [{ epsilon: 1.5 }, /epsilon/],
    [{ maxResults: 1.5 }, /maxResults/],
    [{ weights: { ...DEFAULT_WEIGHTS, novelty: 0.2 } }, /sum to 1/],
    [{ rlSignal: () => 2 }, /RL signal/],
    [{ rlSignalOfKey: () => 0 }, /exactly one of rlSignal and rlSignalOfKey/],
    [{ rlSignal: undefined }, /exactly one of rlSignal and rlSignalOfKey/],
    [{ candidates: { indices: Int32Array.from([5]), sources: Uint8Array.from([1]) } }, /outside catalog/],
    [{ candidates: { indices: Int32Array.from([1, 1]), sources: Uint8Array.from([1, 1]) } }, /appears twice/],
  ])('rejects %p', (over, message) => {
    expect(() => rankCandidates(options(over as Partial<RankOptions>))).toThrow(DomainValidationError);
    expect(() => rankCandidates(options(over as Partial<RankOptions>))).toThrow(message);
  });
});
