/** The engagement reducer and summary on hand-computed cases (exact values). */
import type { EngagementRecord, TrackFacts } from '../../src/analytics/engagement-record.js';
import { applyEngagementRecord, initialEngagementState } from '../../src/analytics/engagement-state.js';
import { summariseEngagement, type EngagementSummary } from '../../src/analytics/engagement-summary.js';

const FACTS: Record<string, TrackFacts> = {
  t1: { artists: ['A'], genres: ['pop'] },
  t2: { artists: ['B'], genres: ['rock', 'Pop'] },
  t3: { artists: ['C', 'A'], genres: ['jazz'] },
  t4: { artists: ['D'], genres: ['metal'] },
};
const facts = (id: string): TrackFacts | undefined => FACTS[id];
const HOUR = 3_600_000;
const JAN = Date.UTC(2024, 0, 10);
const FEB = Date.UTC(2024, 1, 10);
const MAR = Date.UTC(2024, 2, 10);
const BASE: Record<string, number> = { play: 0.8, skip: -0.4, like: 1, save: 1.5, dislike: -1 };

let n = 0;
function reward(track: string, type: string, at: number, o: { user?: string; id?: string; final?: number } = {}) {
  const value = {
    event_id: o.id ?? `e${++n}`,
    user_id: o.user ?? 'u1',
    track_id: track,
    feedback_type: type,
    base_reward: BASE[type],
    final_reward: o.final ?? BASE[type],
    occurred_at: at,
  };
  return { kind: 'reward', value } as const satisfies EngagementRecord;
}
function decision(id: string, tracks: string[], at: number, user = 'u1') {
  const value = { request_id: id, user_id: user, decided_at: at, chosen: tracks.map((track_id) => ({ track_id })) };
  return { kind: 'decision', value } as const satisfies EngagementRecord;
}
function run(records: readonly EngagementRecord[]): EngagementSummary {
  const state = initialEngagementState();
  for (const r of records) applyEngagementRecord(state, r, { trackFacts: facts });
  return summariseEngagement(state, facts);
}

const recommendedThenPlayed = [
  reward('t1', 'skip', JAN), // before any recommendation: not counted
  decision('r1', ['t1', 't2'], JAN + HOUR),
  reward('t1', 'play', JAN + 2 * HOUR),
  reward('t2', 'skip', JAN + 3 * HOUR),
  reward('t2', 'play', JAN + 4 * HOUR),
  reward('t4', 'play', JAN + 5 * HOUR), // never recommended
  reward('t2', 'like', JAN + 6 * HOUR), // feedback, not a listen
];
const discovery = [
  reward('t1', 'like', JAN), // A, first active month: onboarding, not counted
  reward('t2', 'play', FEB), // B new in February
  reward('t3', 'play', FEB + HOUR), // C new (A is known)
  reward('t4', 'skip', FEB + 2 * HOUR), // a skip discovers nothing
  reward('t4', 'play', MAR), // D new in March
  reward('t1', 'play', FEB), // A again
];

const CASES: ReadonlyArray<[string, readonly EngagementRecord[], Record<string, unknown>]> = [
  [
    'played share: the first listen at or after the first recommendation, per track',
    recommendedThenPlayed,
    { recommendedTracks: 2, recommendedListened: 2, recommendedPlayed: 1, playedShare: 1 / 2 },
  ],
  [
    'played share does not depend on arrival order',
    [...recommendedThenPlayed].reverse(),
    { recommendedListened: 2, recommendedPlayed: 1, playedShare: 1 / 2 },
  ],
  [
    'an earlier decision read later moves the first recommendation back',
    [...recommendedThenPlayed, decision('r0', ['t1'], JAN - HOUR)],
    // t1's first listen after JAN − 1 h is now the skip at JAN
    { decisions: 2, recommendedListened: 2, recommendedPlayed: 0, playedShare: 0 },
  ],
  [
    'new artists per month, first active month left out',
    discovery,
    { newArtists: 3, discoveryMonths: 2, newArtistsPerMonth: 1.5 },
  ],
  ['discovery in any arrival order', [...discovery].reverse(), { newArtists: 3, newArtistsPerMonth: 1.5 }],
  ['a single month discovers nothing measurable', [reward('t1', 'play', JAN)], { newArtistsPerMonth: null }],
  [
    'skip and save rates per listen',
    [reward('t1', 'play', JAN), reward('t2', 'skip', JAN), reward('t3', 'skip', JAN), reward('t3', 'save', JAN)],
    { listens: 3, skipRate: 2 / 3, saveRate: 1 / 3, rewards: 4 },
  ],
  [
    'genre entropy over every serving, split over normalised genres',
    [decision('r1', ['t1', 't2'], JAN), decision('r2', ['t1', 't3'], FEB)],
    // pop 2.5 (t1 twice, half of t2), rock 0.5, jazz 1 of 4 servings
    { genreEntropyBits: 0 - 0.625 * Math.log2(0.625) - 0.125 * Math.log2(0.125) - 0.25 * Math.log2(0.25) },
  ],
  [
    'duplicates (same event id, same request id) are dropped',
    [reward('t1', 'play', JAN, { id: 'x' }), reward('t1', 'play', JAN, { id: 'x' }), decision('r', ['t1'], JAN)].concat(
      [decision('r', ['t1'], JAN)],
    ),
    { rewards: 1, listens: 1, decisions: 1, duplicatesDropped: { rewards: 1, decisions: 1 } },
  ],
  [
    'unknown tracks are counted, not attributed',
    [reward('tx', 'play', JAN), reward('tx', 'play', FEB), decision('r', ['tx'], JAN)],
    { unknownTracks: 3, newArtists: 0, genreEntropyBits: null, listens: 2 },
  ],
  ['nothing read', [], { users: 0, playedShare: null, genreEntropyBits: null, skipRate: null }],
];

describe('engagement analytics', () => {
  it.each(CASES)('%s', (_name, records, expected) => {
    expect(run(records).overall).toMatchObject(expected);
  });

  it('pools users: Σ numerators / Σ denominators, and keeps each user apart', () => {
    const s = run([
      reward('t1', 'play', JAN, { user: 'u1' }),
      reward('t1', 'skip', JAN, { user: 'u2' }),
      reward('t2', 'skip', JAN, { user: 'u2' }),
      reward('t3', 'skip', JAN, { user: 'u2' }),
    ]);
    expect(s.overall).toMatchObject({ users: 2, listens: 4, skipRate: 3 / 4 });
    expect(s.users.u1.skipRate).toBe(0);
    expect(s.users.u2.skipRate).toBe(1);
  });

  it('summarises rewards per feedback type with a fixed histogram', () => {
    const s = run([
      reward('t1', 'play', JAN, { final: 1 }),
      reward('t2', 'play', JAN, { final: 0.75 }),
      reward('t3', 'skip', JAN, { final: -0.5 }),
      reward('t4', 'save', JAN, { final: 2.5 }),
    ]);
    const bins = (at: Record<number, number>): number[] => Array.from({ length: 18 }, (_, i) => at[i] ?? 0);
    expect(s.rewardsByFeedback).toEqual({
      play: {
        count: 2,
        mean: 0.875,
        min: 0.75,
        max: 1,
        histogram: { start: -2, width: 0.25, counts: bins({ 11: 1, 12: 1 }) },
      },
      save: { count: 1, mean: 2.5, min: 2.5, max: 2.5, histogram: { start: -2, width: 0.25, counts: bins({ 17: 1 }) } },
      skip: {
        count: 1,
        mean: -0.5,
        min: -0.5,
        max: -0.5,
        histogram: { start: -2, width: 0.25, counts: bins({ 6: 1 }) },
      },
    });
  });

  it('checks the goals: > 60 % played, ≥ 5 new artists a month, > 3.5 bits', () => {
    const goals = run(recommendedThenPlayed).goals.map((g) => [g.metric, g.value, g.met]);
    expect(goals).toEqual([
      ['playedShare', 1 / 2, false],
      ['newArtistsPerMonth', null, null],
      ['genreEntropyBits', 0 - 0.75 * Math.log2(0.75) - 0.25 * Math.log2(0.25), false],
    ]);
  });
});
