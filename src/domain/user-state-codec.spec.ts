import { learningParams } from './learning-params.js';
import { syntheticEvents, syntheticTracks } from './test-fixtures.js';
import { applyEvent, applyPersonality, initialUserState, type UserState } from './user-state.js';
import { decodeUserState, encodeUserState } from './user-state-codec.js';

const params = learningParams({ replayCapacity: 300, replayBatchSize: 8, replayEvery: 7 });
const tracks = syntheticTracks(150);

function busyState(userId: string, n: number): UserState {
  const s = applyPersonality(initialUserState(userId, { replayCapacity: 300 }), {
    openness: 72.5,
    conscientiousness: 39.99,
    extraversion: 50,
    agreeableness: 61,
    neuroticism: 12.25,
  });
  for (const [e, t] of syntheticEvents(userId, tracks, n)) applyEvent(s, e, t, params);
  return s;
}

describe('user state codec', () => {
  it('round-trips a fresh state', () => {
    const s = initialUserState('ü-ser 🎧');
    expect(decodeUserState(encodeUserState(s))).toEqual(s);
  });

  it('round-trips a busy state exactly, including a wrapped replay ring', () => {
    const s = busyState('u1', 1_000);
    expect(s.replay.items).toHaveLength(300);
    expect(s.replay.next).toBeGreaterThan(0);
    const decoded = decodeUserState(encodeUserState(s));
    expect(decoded).toEqual(s);
    expect([...decoded.q.keys()]).toEqual([...s.q.keys()]); // insertion order kept
    expect(encodeUserState(decoded)).toEqual(encodeUserState(s));
  });

  it('continues the same rng and learning after a round trip', () => {
    const live = busyState('u1', 500);
    const restored = decodeUserState(encodeUserState(live));
    const more = syntheticEvents('u1', tracks, 100, 'later');
    const replayedLive = more.map(([e, t]) => applyEvent(live, e, t, params).outcome);
    const replayedRestored = more.map(([e, t]) => applyEvent(restored, e, t, params).outcome);
    expect(replayedRestored).toEqual(replayedLive);
    expect(encodeUserState(restored)).toEqual(encodeUserState(live));
  });

  it('keeps a full default-capacity buffer compact by interning state keys', () => {
    const s = initialUserState('u1');
    for (const [e, t] of syntheticEvents('u1', tracks, 10_500)) applyEvent(s, e, t, learningParams());
    const bytes = encodeUserState(s);
    expect(s.replay.items).toHaveLength(10_000);
    expect(bytes.length).toBeLessThan(10_000 * 13 + 40_000);
    expect(decodeUserState(bytes)).toEqual(s);
  });

  it.each<[string, (b: Uint8Array) => Uint8Array, string]>([
    ['unknown version', (b) => Uint8Array.from([9, ...b.subarray(1)]), 'unsupported-state-version'],
    ['truncated', (b) => b.subarray(0, b.length - 3), 'corrupt-state'],
    ['trailing bytes', (b) => Uint8Array.from([...b, 0]), 'corrupt-state'],
    ['empty', () => new Uint8Array(0), 'corrupt-state'],
  ])('rejects %s bytes', (_name, mangle, code) => {
    const bytes = mangle(encodeUserState(busyState('u1', 20)));
    expect(() => decodeUserState(bytes)).toThrow(expect.objectContaining({ code, retriable: false }));
  });
});
