import { validateUserEvent } from '../domain/user-state.js';
import { eventsOfPlay, scrobbleEventId } from './play-events.js';
import type { PlannedPlay } from './user-timeline.js';

const T = Date.UTC(2009, 0, 1, 12);
const PLAY: PlannedPlay = {
  userId: 'user_000001',
  eventId: 'lfm-x',
  trackId: 'T1',
  durationMs: 220_000,
  kind: 'title',
  playedAt: T,
  msListened: 120_000,
  repeat: false,
};

describe('scrobbleEventId', () => {
  const scrobble = { userId: 'user_000001', playedAt: T, artistName: 'Röyksopp', trackName: 'Eple' };

  it('is stable, prefixed and 36 characters long', () => {
    expect(scrobbleEventId(scrobble)).toBe(scrobbleEventId({ ...scrobble }));
    expect(scrobbleEventId(scrobble)).toMatch(/^lfm-[0-9a-f]{32}$/);
  });

  it.each([
    ['user', { userId: 'user_000002' }],
    ['time', { playedAt: T + 1000 }],
    ['artist', { artistName: 'Royksopp' }],
    ['title', { trackName: 'Eple (Live)' }],
  ])('changes with the %s', (_what, change) => {
    expect(scrobbleEventId({ ...scrobble, ...change })).not.toBe(scrobbleEventId(scrobble));
  });
});

describe('eventsOfPlay', () => {
  it('makes one listening event carrying the inferred listen time', () => {
    expect(eventsOfPlay(PLAY)).toEqual([
      {
        kind: 'listening',
        eventId: 'lfm-x',
        userId: 'user_000001',
        trackId: 'T1',
        occurredAt: T,
        msListened: 120_000,
        trackDurationMs: 220_000,
        context: null,
        recommendationId: null,
        recommendedAt: null,
      },
    ]);
  });

  it('follows a repeat with a repeat feedback event at the same time', () => {
    const [listen, repeat] = eventsOfPlay({ ...PLAY, repeat: true });
    expect(repeat).toEqual({ ...listen, kind: 'feedback', feedbackType: 'repeat', eventId: 'lfm-x:repeat' });
  });

  it('produces events the learner accepts', () => {
    for (const e of eventsOfPlay({ ...PLAY, repeat: true })) expect(validateUserEvent(e)).toEqual(e);
  });
});
