import { learningParams } from './learning-params.js';
import { rlAdjustment } from './q-table.js';
import { stateKeyOf } from './state-key.js';
import { syntheticEvents, syntheticTracks } from './test-fixtures.js';
import { BALANCED_BIG_FIVE } from './types.js';
import {
  applyEvent,
  applyPersonality,
  initialUserState,
  snapshotJson,
  snapshotOf,
  snapshotRlAdjustment,
  SNAPSHOT_LIMITS,
  SNAPSHOT_MAX_JSON_BYTES,
} from './user-state.js';

describe('snapshotOf', () => {
  const tracks = syntheticTracks(2_000);
  const state = initialUserState('heavy-user');
  const params = learningParams();
  for (const [e, t] of syntheticEvents('heavy-user', tracks, 5_000)) applyEvent(state, e, t, params);

  it('stays within the byte budget for a heavy user, even when asked for more than the caps', () => {
    expect(state.history.size).toBeGreaterThan(1_000);
    const snap = snapshotOf(state, { topQ: 1_000, topGenres: 1_000, topHistory: 1_000 });
    expect(Object.keys(snap.q).length).toBeLessThanOrEqual(SNAPSHOT_LIMITS.topQ);
    expect(Object.keys(snap.q).length).toBeGreaterThan(SNAPSHOT_LIMITS.topQ / 2);
    expect(snap.genres).toHaveLength(SNAPSHOT_LIMITS.topGenres);
    expect(snap.history.length).toBeLessThanOrEqual(SNAPSHOT_LIMITS.topHistory);
    expect(new TextEncoder().encode(JSON.stringify(snap)).length).toBeLessThanOrEqual(SNAPSHOT_MAX_JSON_BYTES);
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

  it('keeps within the byte budget when long ids would overflow it, dropping the lowest-ranked rows first', () => {
    // MusicBrainz-style ids (36 characters and more): the full caps would overflow the budget.
    const long = syntheticTracks(400, 'long').map((t, i) => ({ ...t, trackId: `${'x'.repeat(40)}-${i}` }));
    const user = initialUserState('long-ids');
    applyPersonality(user, {
      openness: 90,
      conscientiousness: 10,
      extraversion: 50,
      agreeableness: 70,
      neuroticism: 30,
    });
    for (const [e, t] of syntheticEvents('long-ids', long, 3_000)) applyEvent(user, e, t, params);
    const full = { ...snapshotOf(user, { topQ: 0, topGenres: 0, topHistory: 0 }) };
    const snap = snapshotOf(user, SNAPSHOT_LIMITS);
    const json = snapshotJson(snap);
    expect(json).toBe(JSON.stringify(snap));
    expect(new TextEncoder().encode(json).length).toBeLessThanOrEqual(SNAPSHOT_MAX_JSON_BYTES);
    expect(JSON.stringify(snapshotOf(user, { ...SNAPSHOT_LIMITS, topQ: 1_000 })).length).toBeGreaterThan(
      SNAPSHOT_MAX_JSON_BYTES / 2,
    );
    expect(snap.history.length).toBeLessThan(SNAPSHOT_LIMITS.topHistory);
    // What is kept is a prefix of the untrimmed ranking; nothing that guards a user is dropped.
    const untrimmed = snapshotOf(user, { topQ: 0, topGenres: 0, topHistory: 0 });
    expect(snap.negatives).toEqual(user.recentNegatives);
    expect(snap.personality).toEqual(user.personality);
    expect(snap.buckets).toEqual(untrimmed.buckets);
    expect(full.negatives).toEqual(snap.negatives);
    const head = (n: number) => Object.keys(snapshotOfSizes(user, n)).slice(0, n);
    expect(Object.keys(snap.q)).toEqual(head(Object.keys(snap.q).length));
  });

  it('counts UTF-8 bytes, not characters, against the budget', () => {
    const wide = syntheticTracks(400, 'wide').map((t, i) => ({
      ...t,
      trackId: `trąck-ü-用户-🎵-${'é'.repeat(12)}-${i}`,
    }));
    const user = initialUserState('wide-ids');
    for (const [e, t] of syntheticEvents('wide-ids', wide, 3_000)) applyEvent(user, e, t, params);
    const json = snapshotJson(snapshotOf(user, SNAPSHOT_LIMITS));
    const bytes = new TextEncoder().encode(json).length;
    expect(bytes).toBeGreaterThan(json.length);
    expect(bytes).toBeLessThanOrEqual(SNAPSHOT_MAX_JSON_BYTES);
    expect(bytes).toBeGreaterThan(SNAPSHOT_MAX_JSON_BYTES * 0.8); // trimmed to the budget, not far below it
  });

  it('leaves a light user untouched by the budget', () => {
    const light = initialUserState('light');
    for (const [e, t] of syntheticEvents('light', tracks, 40)) applyEvent(light, e, t, params);
    const snap = snapshotOf(light, SNAPSHOT_LIMITS);
    expect(snap.history).toHaveLength(Math.min(light.history.size, SNAPSHOT_LIMITS.topHistory));
    expect(new TextEncoder().encode(snapshotJson(snap)).length).toBeLessThanOrEqual(SNAPSHOT_MAX_JSON_BYTES);
  });
});

/** The Q part of a snapshot with a given cap and no other rows (small enough to never be trimmed). */
function snapshotOfSizes(state: ReturnType<typeof initialUserState>, topQ: number): Record<string, unknown> {
  return snapshotOf({ ...state, history: new Map(), recentNegatives: [] }, { topQ, topGenres: 0, topHistory: 0 }).q;
}
