/**
 * next-play end to end on the fixture: plays.tsv has 74 lines, newest first — 1 malformed,
 * 3 plays of an artist not in the catalog, 11 of catalog artists with unknown titles
 * (artist-only matches) and 59 exact matches. user_000001 has 60 matched plays: after the
 * 50-play warm-up its plays 50–59 are scored, 6 of them title matches; user_000002 has 10.
 * Plays are 4 minutes apart and every track is shorter, so nothing reads as a skip and no
 * track is excluded: lists that hold the whole 28-track catalog always contain the next play.
 */
import { evaluationPoints } from '../../src/evaluation/scenarios/next-play.scenario.js';
import { evaluateOnFixture } from './cli-harness.js';

interface Stat {
  mean: number;
  n: number;
}
interface NextPlayJson {
  inputs: { plays: Record<string, unknown> };
  result: { counts: Record<string, number>; methods: Record<string, Record<string, Stat>> };
}

describe('evaluate next-play (fixture)', () => {
  it('counts plays, matches and evaluated points exactly and is byte-identical for a seed', async () => {
    const run = await evaluateOnFixture('next-play', ['--seed', '2']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.json) as NextPlayJson;
    expect(json.inputs.plays).toMatchObject({
      plays: 73,
      malformed: 1,
      matchedByTitle: 59,
      matchedByArtist: 11,
      unmatched: 3,
      duplicates: 0,
      usersInFile: 2,
    });
    expect(json.result.counts).toEqual({
      usersInLog: 2,
      usersEvaluated: 1,
      usersTooFewPlays: 1,
      points: 10,
      titlePoints: 6,
    });
    const m = json.result.methods;
    for (const name of ['ours', 'no-rl', 'no-personality', 'no-diversity-novelty', 'popular', 'random']) {
      expect(m[name].artistHit50).toMatchObject({ mean: 1, n: 1 });
      expect(m[name].trackHit50.mean).toBe(1);
    }
    // the user only ever plays five artists, so their own artists fill fewer than 10 slots
    expect(m['own-artists'].artistHit10.mean).toBe(1);
    expect(run.markdown).toContain('evaluated plays: 10');
    expect((await evaluateOnFixture('next-play', ['--seed', '2'])).json).toBe(run.json);
  });

  it.each([
    [50, []],
    [51, [50]],
    [53, [50, 51, 52]],
  ])('scores plays %d → positions %j', (plays, positions) => expect(evaluationPoints(plays)).toEqual(positions));

  it('spreads at most 200 points evenly over a long history', () => {
    const points = evaluationPoints(1000);
    expect(points).toHaveLength(200);
    expect(points[0]).toBe(50);
    expect(points[199]).toBe(50 + Math.floor((199 * 950) / 200));
    expect(new Set(points).size).toBe(200);
  });
});
