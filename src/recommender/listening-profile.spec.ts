import { buildCatalogIndex } from '../domain/catalog-index.js';
import { featureVector } from '../domain/history-similarity.js';
import { CHILL, HYPE } from '../domain/test-fixtures.js';
import type { UserSnapshot } from '../domain/user-snapshot.js';
import { listeningProfileOf } from './listening-profile.js';
import { emptySnapshot } from './snapshot-loader.js';

const NOW = Date.UTC(2026, 0, 1);
const DAY = 86_400_000;
const index = buildCatalogIndex([HYPE, CHILL, { ...CHILL, trackId: 'T3', artists: ['c'] }]);

describe('listeningProfileOf', () => {
  const snapshot: UserSnapshot = {
    ...emptySnapshot('u1'),
    history: [
      ['T1', 4, NOW - 14 * DAY],
      ['T404', 2, NOW], // no longer in the catalog: known, but no features
      ['T2', 1, NOW],
    ],
    genres: [
      ['edm', 0.9, 3],
      ['house', 0.4, 2],
      ['ambient', 0, 1],
      ['metal', -0.6, 2],
    ],
    buckets: [
      ['Hype Beats', 0.5, 4],
      ['Lo-fi Chill', -0.2, 1],
    ],
  };
  const profile = listeningProfileOf(snapshot, index, NOW);

  it('weights history tracks by plays and a 14-day half-life', () => {
    const w1 = (1 + Math.log(4)) / 2; // 4 plays, 14 days old
    const w2 = 1; // 1 play, today
    const v1 = featureVector(HYPE);
    const v2 = featureVector(CHILL);
    const expected = Array.from(v1, (x, k) => (w1 * x + w2 * v2[k]) / (w1 + w2));
    expect(profile.user.historyProfile?.totalWeight).toBeCloseTo(w1 + w2, 12);
    Array.from(profile.user.historyProfile?.vector ?? []).forEach((x, k) => expect(x).toBeCloseTo(expected[k], 12));
  });

  it('knows every history track, the artists of the catalogued ones, and seeds from liked genres only', () => {
    expect([...profile.user.historyTrackIds]).toEqual(['T1', 'T404', 'T2']);
    expect(profile.historyTrackIds).toEqual(['T1', 'T404', 'T2']);
    expect([...profile.user.knownArtists]).toEqual(['a', 'b']);
    expect(profile.topGenres).toEqual(['edm', 'house']);
    expect(profile.topBuckets).toEqual(['Hype Beats']);
    expect(profile.user.bigFive).toBeNull();
  });

  it('has no history profile for a new user', () => {
    const fresh = listeningProfileOf(emptySnapshot('new'), index, NOW);
    expect(fresh.user.historyProfile).toBeNull();
    expect(fresh).toMatchObject({ historyTrackIds: [], topGenres: [], topBuckets: [] });
  });
});
