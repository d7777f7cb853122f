import { learningParams } from './learning-params.js';
import { feedbackEvent, HYPE, listenEvent, syntheticEvents, syntheticTracks } from './test-fixtures.js';
import type { Track } from './types.js';
import { DomainValidationError } from './types.js';
import {
  applyEvent,
  applyPersonality,
  cloneUserState,
  initialUserState,
  type EventOutcome,
  type UserEvent,
  type UserState,
} from './user-state.js';
import { encodeUserState } from './user-state-codec.js';

const FIRST = listenEvent('e1', 'T1', 0, 200_000, 200_000, 'workout');
const NO_REPLAY = learningParams({ replayEvery: 1_000 });
const run = (s: UserState, events: Array<[UserEvent, Track | null]>, params = NO_REPLAY): EventOutcome[] =>
  events.map(([e, t]) => applyEvent(s, e, t, params).outcome);

describe('replay', () => {
  const stream = syntheticEvents('u1', syntheticTracks(30), 40);
  const params = learningParams({ replayEvery: 10, replayBatchSize: 4 });

  it('runs every replayEvery episodes and is reproducible from the seed', () => {
    const a = initialUserState('u1');
    const outcomes = run(a, stream, params);
    expect(outcomes.map((o) => o.replayed)).toEqual(stream.map((_, i) => ((i + 1) % 10 === 0 ? 4 : 0)));
    const b = initialUserState('u1');
    run(b, stream, params);
    expect(encodeUserState(b)).toEqual(encodeUserState(a));
  });

  it('samples differently under another seed', () => {
    const a = initialUserState('u1');
    const b = { ...initialUserState('u1'), rng: initialUserState('someone-else').rng };
    run(a, stream, params);
    run(b, stream, params);
    expect(b.rng).not.toEqual(a.rng);
    expect([...b.q.values()]).not.toEqual([...a.q.values()]);
  });
});

describe('ownership, personality and guards', () => {
  it('updates in place and returns the same object; cloneUserState keeps a before-image', () => {
    const s = initialUserState('u1');
    const before = cloneUserState(s);
    const { state } = applyEvent(s, FIRST, HYPE, NO_REPLAY);
    expect(state).toBe(s);
    expect(before.modelVersion).toBe(0);
    expect(before.q.size).toBe(0);
    expect(before.history.size).toBe(0);
  });

  it('keys states by the personality once applied and bumps the model version', () => {
    const s = applyPersonality(initialUserState('u1'), {
      openness: 80,
      conscientiousness: 20,
      extraversion: 50,
      agreeableness: 50,
      neuroticism: 61,
    });
    expect(s.modelVersion).toBe(1);
    expect(applyEvent(s, FIRST, HYPE, NO_REPLAY).outcome.stateKey).toBe('O2C0E1A1N2|e2v1d2t2|Hype Beats');
    expect(s.episodes).toBe(1);
    expect(() => applyPersonality(s, { ...s.personality!, openness: 101 })).toThrow(DomainValidationError);
  });

  it('rejects an event of another user', () => {
    expect(() => applyEvent(initialUserState('u2'), FIRST, HYPE, NO_REPLAY)).toThrow(
      expect.objectContaining({ code: 'user-mismatch' }),
    );
  });

  it('falls back to the catalog duration when the event has none', () => {
    const e = feedbackEvent('e9', 'T1', 0, { feedbackType: 'like', msListened: 100_000 });
    expect(applyEvent(initialUserState('u1'), e, HYPE, NO_REPLAY).outcome.modifiers.completion).toBe(1.25);
  });
});
