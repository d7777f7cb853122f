import type { LastfmProfile } from '../lastfm/lastfm-play.js';
import type { TimelinePlay } from '../lastfm/user-timeline.js';
import { signUps, type PlannedInput } from './demo-plays.js';

const DAY = 86_400_000;
const at = (ms: number): TimelinePlay => ({ playedAt: ms, lineNumber: 1, match: null });
const profile = (userId: string, registeredAt: number | null): LastfmProfile => ({
  lineNumber: 2,
  userId,
  gender: null,
  age: null,
  country: null,
  registeredAt,
});

const INPUT = {
  log: {
    timelines: new Map([
      ['early-sign-up', [at(30 * DAY), at(10 * DAY)]],
      ['plays-before-sign-up', [at(5 * DAY)]],
      ['no-profile', [at(7 * DAY), at(8 * DAY)]],
      ['no-date', [at(9 * DAY)]],
    ]),
    stats: { plays: 0, matchedByTitle: 0, matchedByArtist: 0, unmatched: 0, malformed: 0 },
    malformedSamples: [],
  },
  plans: [],
  profiles: new Map([
    ['early-sign-up', profile('early-sign-up', 2 * DAY)],
    ['plays-before-sign-up', profile('plays-before-sign-up', 6 * DAY)],
    ['no-date', profile('no-date', null)],
  ]),
  malformedProfiles: [],
} satisfies PlannedInput;

describe('signUps', () => {
  it('creates each account at its sign-up date, never after its first play', () => {
    expect(signUps(INPUT, ['early-sign-up', 'plays-before-sign-up', 'no-profile', 'no-date'])).toEqual([
      { userId: 'early-sign-up', createdAt: 2 * DAY },
      { userId: 'plays-before-sign-up', createdAt: 5 * DAY },
      { userId: 'no-profile', createdAt: 7 * DAY },
      { userId: 'no-date', createdAt: 9 * DAY },
    ]);
  });
});
