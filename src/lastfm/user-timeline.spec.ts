import type { MatchKind } from './catalog-matcher.js';
import { planUser, type TimelinePlay } from './user-timeline.js';

const T = Date.UTC(2009, 0, 1, 10);
const MIN = 60_000;

function play(
  lineNumber: number,
  atMin: number,
  match?: [id: string, trackId: string, kind: MatchKind, ms: number],
): TimelinePlay {
  return {
    lineNumber,
    playedAt: T + atMin * MIN,
    match: match ? { eventId: match[0], trackId: match[1], kind: match[2], durationMs: match[3] } : null,
  };
}

describe('planUser', () => {
  it('orders by time, infers listen time from the next play of any kind, flags repeats', () => {
    // Newest first, as in the file; line numbers follow the file.
    const timeline = [
      play(1, 122, ['e7', 'T1', 'title', 220_000]),
      play(2, 120, ['e6', 'T1', 'title', 220_000]),
      play(3, 20, ['e5', 'T2', 'artist', 248_000]),
      play(4, 7, ['e4', 'T4', 'title', 243_000]),
      play(5, 3 + 1 / 3),
      play(6, 3, ['e2', 'T2', 'title', 248_000]),
      play(7, 0, ['e1', 'T1', 'title', 220_000]),
    ];
    const plan = planUser('u1', timeline);
    expect(plan.duplicates).toBe(0);
    expect(plan.plays.map((p) => [p.eventId, p.trackId, p.kind, p.playedAt - T, p.msListened, p.repeat])).toEqual([
      ['e1', 'T1', 'title', 0, 180_000, false],
      ['e2', 'T2', 'title', 3 * MIN, 20_000, false], // ended by the unmatched play 20 s later
      ['e4', 'T4', 'title', 7 * MIN, 243_000, false],
      ['e5', 'T2', 'artist', 20 * MIN, 248_000, false], // session end; a stand-in is never a repeat
      ['e6', 'T1', 'title', 120 * MIN, 120_000, true],
      ['e7', 'T1', 'title', 122 * MIN, 220_000, true],
    ]);
    expect(plan.plays.every((p) => p.userId === 'u1')).toBe(true);
  });

  it('keeps the first of identical scrobbles and counts the rest as duplicates', () => {
    const plan = planUser('u2', [
      play(1, 9, ['joga-ascii', 'T5', 'title', 305_000]),
      play(2, 4, ['joga', 'T5', 'title', 305_000]),
      play(3, 4, ['joga', 'T5', 'title', 305_000]),
      play(4, 0, ['lucky', 'T2', 'title', 248_000]),
    ]);
    expect(plan.duplicates).toBe(1);
    expect(plan.plays.map((p) => [p.eventId, p.msListened, p.repeat])).toEqual([
      ['lucky', 240_000, false],
      ['joga', 305_000, false], // its next play is the duplicate, same second: no timing
      ['joga-ascii', 305_000, true],
    ]);
  });

  it('at equal times puts the later line first (the file is newest first)', () => {
    const plan = planUser('u', [play(1, 0, ['b', 'TB', 'title', 100_000]), play(2, 0, ['a', 'TA', 'title', 100_000])]);
    expect(plan.plays.map((p) => p.eventId)).toEqual(['a', 'b']);
  });

  it('plans nothing for a user without matched plays', () => {
    expect(planUser('u', [play(1, 0), play(2, 1)])).toEqual({ userId: 'u', plays: [], duplicates: 0 });
  });
});
