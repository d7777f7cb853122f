/**
 * The held-out-artists scenario end to end on the fixture (test/fixtures/evaluation/data):
 * a 30-row catalog (1 broken row, 1 track listed under two genres → 28 tracks, 14 artists)
 * and HetRec files where every user's artists are either all in the catalog or all not,
 * so the split cannot change the counts:
 *   user 2: 10 matched → 8 train, 2 held out     user 3: 1 matched → nothing held out
 *   user 4: 5 unmatched → 4 + 1, none relevant  user 5: 6 matched → 5 + 1
 *   user 6: 3 matched → 2 + 1
 * Bad rows: artists.dat 1 (non-integer id); user_artists.dat 4 (unknown artist, 2 fields,
 * weight 0, duplicate pair). Case and surrounding spaces differ between the files
 * (" Bravo", "CHARLIE") and still match.
 */
import { evaluateOnFixture } from './cli-harness.js';

interface Summary {
  users: number;
  recallAt10: { mean: number };
  recallAt50: { mean: number };
  ndcgAt50: { mean: number };
}
interface HeldoutJson {
  inputs: {
    catalog: { rows: number; badRows: number; tracks: number };
    artists: { rows: number; bad: number };
    userArtists: { rows: number; bad: number };
  };
  result: {
    counts: Record<string, unknown>;
    methods: Record<string, { all: Summary; byDepth: Record<string, Summary> }>;
  };
}

describe('evaluate heldout-artists (fixture)', () => {
  let run: Awaited<ReturnType<typeof evaluateOnFixture>>;
  let json: HeldoutJson;
  beforeAll(async () => {
    run = await evaluateOnFixture('heldout-artists', ['--seed', '3']);
    json = JSON.parse(run.json) as HeldoutJson;
  });

  it('exits 0 and reports input rows, bad rows and tracks exactly', () => {
    expect(run.code).toBe(0);
    expect(json.inputs.catalog).toMatchObject({ rows: 29, badRows: 1, tracks: 28 });
    expect(json.inputs.artists).toMatchObject({ rows: 19, bad: 1 });
    expect(json.inputs.userArtists).toMatchObject({ rows: 25, bad: 4 });
  });

  it('counts matched and unmatched users and artists exactly', () => {
    expect(json.result.counts).toEqual({
      usersInFile: 5,
      usersSelected: 5,
      usersEvaluated: 3,
      usersWithoutHeldOut: 1,
      usersWithoutMatchedHeldOut: 1,
      rows: { train: { matched: 16, unmatched: 4 }, test: { matched: 4, unmatched: 1 } },
      distinctArtists: { matched: 14, unmatched: 5 },
      usersByDepth: { '0': 0, '1-4': 1, '5-14': 2, '15+': 0 },
    });
  });

  it('scores the same users for every method, with the values the fixture forces', () => {
    const m = json.result.methods;
    for (const s of Object.values(m)) expect(s.all.users).toBe(3);
    // 28 tracks < 50: lists that hold the whole catalog cover every held-out artist
    for (const name of ['ours', 'ours-no-rl', 'ours-new-artists', 'popular', 'random'])
      expect(m[name].all.recallAt50.mean).toBe(1);
    // held-out artists are never training artists and the fixture has no collaborations
    expect(m['own-artists'].all.recallAt50.mean).toBe(0);
    for (const s of Object.values(m)) expect(s.all.ndcgAt50.mean).toBeLessThanOrEqual(1);
    expect(m.ours.byDepth['5-14'].users).toBe(2);
  });

  it('writes a Markdown summary and is byte-identical for the same seed', async () => {
    expect(run.markdown).toContain('| ours | 3 |');
    expect(run.stdout).toBe(run.markdown);
    const again = await evaluateOnFixture('heldout-artists', ['--seed', '3']);
    expect(again.json).toBe(run.json);
  });

  it('limits users with --users (the first N by id)', async () => {
    const limited = JSON.parse((await evaluateOnFixture('heldout-artists', ['--users', '2'])).json) as HeldoutJson;
    expect(limited.result.counts).toMatchObject({
      usersInFile: 5,
      usersSelected: 2,
      usersEvaluated: 1,
      usersWithoutHeldOut: 1,
    });
  });
});
