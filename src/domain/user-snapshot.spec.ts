import { learningParams } from './learning-params.js';
import { rlAdjustment } from './q-table.js';
import { stateKeyOf } from './state-key.js';
import { syntheticEvents, syntheticTracks } from './test-fixtures.js';
import { BALANCED_BIG_FIVE } from './types.js';
import { applyEvent, initialUserState, snapshotOf, snapshotRlAdjustment, SNAPSHOT_LIMITS } from './user-state.js';

describe('snapshotOf', () => {
  const tracks = syntheticTracks(2_000);
  const state = initialUserState('heavy-user');
  const params = learningParams();
  for (const [e, t] of syntheticEvents('heavy-user', tracks, 5_000)) applyEvent(state, e, t, params);

  it('stays under 4 KB of JSON for a heavy user, even when asked for more than the caps', () => {
    expect(state.history.size).toBeGreaterThan(1_000);
    const snap = snapshotOf(state, { topQ: 1_000, topGenres: 1_000, topHistory: 1_000 });
    expect(Object.keys(snap.q)).toHaveLength(SNAPSHOT_LIMITS.topQ);
    expect(snap.genres).toHaveLength(SNAPSHOT_LIMITS.topGenres);
    expect(snap.history).toHaveLength(SNAPSHOT_LIMITS.topHistory);
    expect(new TextEncoder().encode(JSON.stringify(snap)).length).toBeLessThan(4_096);
  });

  it('rounds to 4 decimals, omits Other and keeps the recommender adjustment', () => {
    const snap = snapshotOf(state, { topQ: 5, topGenres: 3, topHistory: 2 });
    expect(snap).toMatchObject({
      userId: 'heavy-user',
      modelVersion: 5_000,
      episodes: 5_000,
      stateKeyPrefix: 'O1C1E1A1N1',
    });
    const numbers = [
      ...Object.values(snap.q).flat(),
      ...snap.genres.map((g) => g[1]),
      ...snap.buckets.map((b) => b[1]),
    ];
    for (const x of numbers) expect(Math.round(x * 1e4) / 1e4).toBe(x);
    expect(snap.buckets.map((b) => b[0])).not.toContain('Other');
    expect(snap.history[0][1]).toBeGreaterThanOrEqual(snap.history[1][1]);
    const [trackPart] = Object.keys(snap.q);
    const track = tracks.find((t) => stateKeyOf(BALANCED_BIG_FIVE, t).endsWith(trackPart))!;
    expect(snapshotRlAdjustment(snap, track)).toBeCloseTo(
      rlAdjustment(state.q, stateKeyOf(BALANCED_BIG_FIVE, track)),
      3,
    );
    expect(snapshotRlAdjustment(snap, null)).toBe(0);
  });
});
