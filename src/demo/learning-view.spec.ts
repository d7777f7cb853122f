import type { UserSnapshot } from '../domain/user-snapshot.js';
import { formatLearningView } from './learning-view.js';

function snapshot(o: Partial<UserSnapshot>): UserSnapshot {
  return {
    userId: 'u1',
    modelVersion: 0,
    episodes: 0,
    stateKeyPrefix: 'O1C1E1A1N1',
    q: {},
    genres: [],
    buckets: [],
    history: [],
    personality: null,
    negatives: [],
    ...o,
  };
}

const BEFORE = snapshot({
  episodes: 120,
  buckets: [
    ['Indie Vibes', 0.8, 100],
    ['Pop Anthems', 0.5, 20],
  ],
  genres: [['indie', 0.81, 90]],
  q: { 'e1v1d1t1|Indie Vibes': [0.9, 0], 'e2v1d2t2|Hype Beats': [-0.3, 0] },
});
const NOW = snapshot({
  episodes: 1234,
  buckets: [
    ['Indie Vibes', 0.85, 900],
    ['Pop Anthems', 0.5002, 30],
    ['Hype Beats', -0.2, 4],
    ['Lo-fi Chill', 0.1, 1],
  ],
  genres: [
    ['indie', 0.8, 800],
    ['alt-rock', 0.7, 300],
  ],
  q: { 'e1v1d1t1|Indie Vibes': [1.1, 0], 'e2v1d2t2|Hype Beats': [-0.25, 0], 'e0v0d0t0|Lo-fi Chill': [0.95, 0] },
});

describe('formatLearningView', () => {
  it('shows the top three buckets, genres and Q(recommend) with their change since the last view', () => {
    expect(formatLearningView([{ userId: 'u1', now: NOW, before: BEFORE }])).toEqual([
      '  u1  1,234 events learned',
      '    buckets  Indie Vibes +0.850 n=900 (↑0.050) · Pop Anthems +0.500 n=30 · Hype Beats −0.200 n=4 (new)',
      '    genres   indie +0.800 n=800 (↓0.010) · alt-rock +0.700 n=300 (new)',
      '    Q(rec)   Indie Vibes e1v1d1t1 +1.100 (↑0.200) · Lo-fi Chill e0v0d0t0 +0.950 (new) · Hype Beats e2v1d2t2 −0.250 (↑0.050)',
    ]);
  });

  it('shows no changes on a first view, and says when a user has no model yet', () => {
    expect(
      formatLearningView([
        { userId: 'u1', now: BEFORE, before: null },
        { userId: 'u2', now: null, before: null },
      ]),
    ).toEqual([
      '  u1  120 events learned',
      '    buckets  Indie Vibes +0.800 n=100 · Pop Anthems +0.500 n=20',
      '    genres   indie +0.810 n=90',
      '    Q(rec)   Indie Vibes e1v1d1t1 +0.900 · Hype Beats e2v1d2t2 −0.300',
      '  u2  no events applied yet',
    ]);
  });
});
