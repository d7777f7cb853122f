import type { PlannedPlay, UserPlan } from '../lastfm/user-timeline.js';
import { firstUsers, interleave, limited, playsPerUser, watchedUsers } from './stream-order.js';

function plan(userId: string, n: number): UserPlan {
  const plays = Array.from({ length: n }, (_, i) => ({ userId, eventId: `${userId}-${i}` }) as PlannedPlay);
  return { userId, plays, duplicates: 0 };
}

const PLANS = [plan('c', 1), plan('a', 4), plan('b', 2), plan('d', 0)];

describe('interleave', () => {
  it('advances every user through its own plays at the same pace, each user in order', () => {
    // a at 1/8, 3/8, 5/8, 7/8; b at 1/4, 3/4; c at 1/2.
    expect([...interleave(PLANS)].map((p) => p.eventId)).toEqual(['a-0', 'b-0', 'a-1', 'c-0', 'a-2', 'b-1', 'a-3']);
  });

  it('takes each user’s earliest plays, in proportion, under a limit', () => {
    expect([...limited(interleave(PLANS), 4)].map((p) => p.eventId)).toEqual(['a-0', 'b-0', 'a-1', 'c-0']);
    expect(Object.fromEntries(playsPerUser(PLANS, 4))).toEqual({ a: 2, b: 1, c: 1 });
    expect(Object.fromEntries(playsPerUser(PLANS, null))).toEqual({ a: 4, b: 2, c: 1 });
  });
});

describe('firstUsers', () => {
  it('keeps the first N users by id', () => {
    expect(firstUsers(PLANS, 2).map((p) => p.userId)).toEqual(['a', 'b']);
    expect(firstUsers(PLANS, null).map((p) => p.userId)).toEqual(['a', 'b', 'c', 'd']);
  });
});

describe('watchedUsers', () => {
  it('picks the three users with the most plays, ties by id, unless users are named', () => {
    const counts = new Map([
      ['x', 5],
      ['b', 9],
      ['a', 5],
      ['c', 1],
    ]);
    expect(watchedUsers(counts, [])).toEqual(['b', 'a', 'x']);
    expect(watchedUsers(counts, ['c'])).toEqual(['c']);
  });
});
